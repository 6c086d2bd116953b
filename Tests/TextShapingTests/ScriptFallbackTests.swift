import FolioTestSupport
import Testing
@testable import TextShaping

/// Every script the bundled fonts promise: shaped with no `.notdef`, letters in the script's font.
@Suite struct ScriptFallbackTests {
    let registry = try! FontRegistry.bundled()
    var shaper: TextShaper { TextShaper(registry: registry) }

    @Test(arguments: ScriptSamples.all)
    func sampleShapesInItsFontWithoutNotdef(_ sample: ScriptSamples.Sample) {
        let paragraph = shaper.shape(sample.text, fonts: registry.fallbackChain(family: "Noto Sans"), size: 10)
        #expect(paragraph.missingGlyphs.isEmpty)
        #expect(paragraph.runs.allSatisfy { run in run.glyphs.allSatisfy { $0.id != 0 } })
        // Each letter or mark lies in a run of the expected family.
        var checked = 0
        for run in paragraph.runs {
            let text = String(decoding: paragraph.utf8[run.range], as: UTF8.self)
            let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }
            checked += letters.count
            if !letters.isEmpty { #expect(registry.familyName(of: run.font) == sample.family, "\(text)") }
        }
        #expect(checked > 8)
    }

    @Test func uncoveredScriptsAndUnassignedCodePointsAreReportedNotCrashed() {
        // Tibetan, Khmer and an unassigned code point: no bundled font has them.
        let text = "Colis བོད ខ្មែរ x\u{378}y"
        let paragraph = shaper.shape(text, fonts: registry.fallbackChain(family: "Noto Sans"), size: 10)
        let reported = Set(paragraph.missingGlyphs.map(\.scalar.value))
        #expect(reported.isSuperset(of: [0xF56, 0xF7C, 0xF51, 0x1781, 0x17D2, 0x1798, 0x17C2, 0x179A, 0x378]))
        #expect(paragraph.missingGlyphs.first?.description.contains("U+0F56") == true)
        // The covered letters around them still shape.
        #expect(paragraph.runs.reduce(0) { $0 + $1.glyphs.filter { $0.id != 0 }.count } >= 7)
    }
}
