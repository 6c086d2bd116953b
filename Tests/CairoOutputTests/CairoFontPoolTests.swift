@testable import CairoOutput
import PageFrames
import Testing
import TextShaping

/// Font sets are pooled by the fonts they open, not by registry object: a registry built per
/// document (extra fonts) must not leave one more set of FreeType faces behind each time.
@Suite struct CairoFontPoolTests {
    @Test func registriesWithTheSameFontsShareOnePooledSet() throws {
        let extra = try FontLocator.bundledFontsDirectory() + "/NotoSansMono-Regular.ttf"
        let page = Page(size: Size(width: 20, height: 20), items: [])
        let before = CairoFontPool.shared.pooledSetCount
        for _ in 0..<20 {
            let registry = try FontRegistry.bundled(adding: [extra], extraDirectory: nil)
            _ = try PNGRenderer(registry: registry, dpi: 10).render(page)
        }
        #expect(CairoFontPool.shared.pooledSetCount - before <= 1, "\(CairoFontPool.shared.pooledSetCount - before) sets pooled for one font configuration")
    }
}
