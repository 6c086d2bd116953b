import Testing
@testable import TextShaping

@Suite struct TextShaperTests {
    let registry = try! FontRegistry.bundled()
    var shaper: TextShaper { TextShaper(registry: registry) }
    var sans: FontChain { registry.fallbackChain(family: "Noto Sans") }

    private func glyphCount(_ paragraph: ShapedParagraph) -> Int { paragraph.runs.reduce(0) { $0 + $1.glyphs.count } }
    private func width(_ paragraph: ShapedParagraph) -> Double { paragraph.runs.reduce(0) { $0 + $1.width } }

    @Test func ligaturesAreFormedAndCanBeTurnedOff() {
        let ligated = shaper.shape("efficace", fonts: sans, size: 10)
        let plain = shaper.shape("efficace", fonts: sans, size: 10, features: ["-liga"])
        #expect(glyphCount(ligated) == 6)  // e ffi c a c e
        #expect(glyphCount(plain) == 8)
        // The ligature glyph carries the cluster of its first letter.
        #expect(ligated.runs[0].glyphs.map(\.cluster) == [0, 1, 4, 5, 6, 7])
    }

    @Test func kerningTightensPairs() {
        let kerned = width(shaper.shape("AVAV", fonts: sans, size: 10))
        let unkerned = width(shaper.shape("AVAV", fonts: sans, size: 10, features: ["-kern"]))
        #expect(kerned < unkerned - 0.5)
    }

    @Test func tabularFiguresHaveEqualAdvances() {
        let tabular = shaper.shape("1118", fonts: sans, size: 10, features: ["tnum"]).runs[0].glyphs.map(\.advance)
        let proportional = shaper.shape("1118", fonts: sans, size: 10, features: ["pnum"]).runs[0].glyphs.map(\.advance)
        #expect(Set(tabular).count == 1)
        #expect(proportional[0] < proportional[3])
    }

    @Test func advancesScaleWithSize() {
        let small = width(shaper.shape("Facture", fonts: sans, size: 10))
        let large = width(shaper.shape("Facture", fonts: sans, size: 20))
        #expect(abs(large - 2 * small) < 1e-9)
    }

    @Test func arabicIsShapedRightToLeftWithTheArabicFont() {
        let text = "Client : شركة النقل 42"
        let paragraph = shaper.shape(text, fonts: sans, size: 10)
        #expect(paragraph.baseDirection == .leftToRight)
        // Runs of Arabic letters (their UTF-8 lead bytes are 0xD8–0xDB); the trailing 42 is an even level.
        let arabicRuns = paragraph.runs.filter { (0xD8...0xDB).contains(paragraph.utf8[$0.range.lowerBound]) }
        #expect(arabicRuns.allSatisfy { registry.face(for: $0.font).familyName == "Noto Sans Arabic" })
        #expect(paragraph.runs.last.map { $0.level == 2 } == true)
        #expect(!arabicRuns.isEmpty)
        #expect(arabicRuns.allSatisfy { $0.isRightToLeft })
        // Right-to-left glyphs come in visual order: clusters decrease.
        for run in arabicRuns where run.glyphs.count > 1 {
            #expect(run.glyphs.first!.cluster >= run.glyphs.last!.cluster)
        }
        // Runs cover the text exactly, in logical order.
        #expect(paragraph.runs.first?.range.lowerBound == 0)
        #expect(paragraph.runs.last?.range.upperBound == text.utf8.count)
        for (a, b) in zip(paragraph.runs, paragraph.runs.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
    }

    @Test func hebrewParagraphResolvesToRightToLeft() {
        let paragraph = shaper.shape("החשבונית 2025", fonts: sans, size: 10)
        #expect(paragraph.baseDirection == .rightToLeft)
        #expect(registry.face(for: paragraph.runs[0].font).familyName == "Noto Sans Hebrew")
        // European digits inside right-to-left text sit at an even (left-to-right) level.
        let digits = paragraph.runs.first { paragraph.text.utf8.dropFirst($0.range.lowerBound).first == UInt8(ascii: "2") }
        #expect(digits.map { $0.level % 2 == 0 } == true)
    }

    @Test func forcedDirectionWins() {
        #expect(shaper.shape("abc", fonts: sans, size: 10, direction: .rightToLeft).baseDirection == .rightToLeft)
        #expect(shaper.shape("שלום", fonts: sans, size: 10, direction: .leftToRight).baseDirection == .leftToRight)
    }

    @Test func uncoveredCharacterIsReportedNotHidden() throws {
        // Tibetan: no bundled font has it.
        let paragraph = shaper.shape("Total ཀ €", fonts: sans, size: 10)
        try #require(paragraph.missingGlyphs.count == 1)
        let missing = paragraph.missingGlyphs[0]
        #expect(missing.scalar == "ཀ")
        #expect(missing.offset == 6)
        #expect(missing.description.contains("U+0F40"))
        #expect(missing.description.contains("Total ཀ €"))
    }

    @Test func invisibleControlsAreNotReportedMissing() {
        let paragraph = shaper.shape("a\u{200D}b\u{200E}c\u{00AD}d", fonts: sans, size: 10)
        #expect(paragraph.missingGlyphs.isEmpty)
    }

    @Test func neutralsStayInTheRunningFont() {
        // The space and digits between Arabic words stay with the Arabic face: one run, not five.
        let paragraph = shaper.shape("شركة 42 النقل", fonts: sans, size: 10, direction: .rightToLeft)
        let fonts = Set(paragraph.runs.map(\.font))
        #expect(fonts.count == 1)
    }

    @Test func emptyTextShapesToNothing() {
        let paragraph = shaper.shape("", fonts: sans, size: 10)
        #expect(paragraph.runs.isEmpty)
        #expect(paragraph.missingGlyphs.isEmpty)
    }

    @Test func concurrentShapingGivesTheSameGlyphs() async {
        let text = "L’offre différée efficace — شركة النقل — החשבונית"
        let expected = shaper.shape(text, fonts: sans, size: 10).runs
        let shaper = self.shaper
        let sans = self.sans
        await withTaskGroup(of: [ShapedRun].self) { group in
            for _ in 0..<16 { group.addTask { shaper.shape(text, fonts: sans, size: 10).runs } }
            for await runs in group { #expect(runs == expected) }
        }
    }
}
