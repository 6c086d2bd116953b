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
        // Counted for this configuration only: tests rendering other fonts in parallel add their own sets.
        let configuration = try FontRegistry.bundled(adding: [extra], extraDirectory: nil)
        let before = CairoFontPool.shared.pooledSetCount(forFontsOf: configuration)
        for _ in 0..<20 {
            let registry = try FontRegistry.bundled(adding: [extra], extraDirectory: nil)
            _ = try PNGRenderer(registry: registry, dpi: 10).render(page)
        }
        let made = CairoFontPool.shared.pooledSetCount(forFontsOf: configuration) - before
        #expect(made == 1 || (made == 0 && before > 0), "\(made) sets pooled for one font configuration")
    }
}
