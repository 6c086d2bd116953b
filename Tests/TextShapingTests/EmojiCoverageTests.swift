import FolioTestSupport
import Testing
@testable import TextShaping

/// Every RGI emoji sequence of Emoji 15.0 goes to one font as a whole (one run, so HarfBuzz sees the
/// whole sequence) and shapes without `.notdef`.
@Suite struct EmojiCoverageTests {
    let registry = try! FontRegistry.bundled()
    var shaper: TextShaper { TextShaper(registry: registry) }

    @Test func theListHasEveryKindOfSequence() throws {
        let list = try ScriptSamples.rgiEmoji()
        #expect(list.count == 3655)
        let flags = list.filter { $0.scalars.count == 2 && $0.scalars.allSatisfy { (0x1F1E6...0x1F1FF).contains($0.value) } }
        let skinTones = list.filter { $0.scalars.contains { (0x1F3FB...0x1F3FF).contains($0.value) } }
        let zwj = list.filter { $0.scalars.contains("\u{200D}") }
        let keycaps = list.filter { $0.scalars.last == "\u{20E3}" }
        let tags = list.filter { $0.scalars.contains { (0xE0020...0xE007F).contains($0.value) } }
        #expect(flags.count == 258)
        #expect(skinTones.count > 1_500)
        #expect(zwj.count == 1_350)
        #expect(keycaps.count == 12)
        #expect(tags.count == 3)  // England, Scotland, Wales
    }

    @Test func everySequenceShapesInOneFontWithoutNotdef() throws {
        let chain = registry.fallbackChain(family: "Noto Sans")
        var failures: [String] = []
        var fonts: [String: Int] = [:]
        for emoji in try ScriptSamples.rgiEmoji() {
            let paragraph = shaper.shape(emoji.text, fonts: chain, size: 10)
            let glyphs = paragraph.runs.flatMap(\.glyphs)
            if paragraph.runs.count != 1 || glyphs.isEmpty || glyphs.contains(where: { $0.id == 0 }) || !paragraph.missingGlyphs.isEmpty {
                failures.append(emoji.comment)
            }
            fonts[registry.familyName(of: paragraph.runs[0].font), default: 0] += 1
        }
        #expect(failures.isEmpty, "\(failures.count) sequences: \(failures.prefix(10))")
        #expect((fonts["Symbola"] ?? 0) > 2_500)
        #expect((fonts["Unifont Upper"] ?? 0) > 300)
    }

    @Test func aSequenceStaysInOneFontWhereCharacterByCharacterFallbackWouldSplitIt() {
        // 🫱🏻 (Emoji 14): Symbola has the skin tone but not the hand; per character the two would be
        // set in different fonts. The cluster goes whole to Unifont Upper.
        let text = "Accord 🫱🏻 signé"
        let paragraph = shaper.shape(text, fonts: registry.fallbackChain(family: "Noto Sans"), size: 10)
        let start = Array(text.utf8).count - Array("🫱🏻 signé".utf8).count
        let run = paragraph.runs.first { $0.range.contains(start) }
        #expect(run.map { registry.familyName(of: $0.font) } == "Unifont Upper")
        // The whole cluster (8 bytes) in that run; the space after it may join it (neutral).
        #expect(run.map { $0.range.lowerBound == start && $0.range.upperBound >= start + 8 } == true)
        #expect(paragraph.missingGlyphs.isEmpty)
    }

    @Test func aFamilyInLatinTextIsOneRunOfTheEmojiFont() {
        let text = "Famille 👨‍👩‍👧‍👦 livrée"
        let paragraph = shaper.shape(text, fonts: registry.fallbackChain(family: "Noto Sans"), size: 10)
        let emojiRuns = paragraph.runs.filter { registry.familyName(of: $0.font) == "Symbola" }
        #expect(emojiRuns.count == 1)
        // The space after the cluster is neutral and stays in the running font.
        #expect(emojiRuns.first.map { String(decoding: paragraph.utf8[$0.range], as: UTF8.self) } == "👨‍👩‍👧‍👦 ")
        // Four people and the space; the joiners are default-ignorable and get no glyph.
        #expect(emojiRuns.first?.glyphs.count == 5)
    }
}
