import CHarfBuzz
import FolioTestSupport
import Testing
@testable import TextShaping

/// Words shaped alone and kept (``WordShapes``) must give exactly the glyphs, clusters and positions
/// of the same text shaped whole: the PDF's bytes depend on them.
@Suite struct WordShapingTests {
    let registry = try! FontRegistry.bundled()
    var whole: TextShaper { TextShaper(registry: registry, keepsWordsAfterRuns: nil) }
    var byWords: TextShaper { TextShaper(registry: registry, keepsWordsAfterRuns: 0) }

    /// Words that exercise kerning (AV, To, Wa, “ ”), ligatures (fi, ffl), digits with and without
    /// tabular figures, accents typed both ways, marks after a space, no-break and thin spaces,
    /// Greek and Cyrillic, and a few characters other fonts of the chain draw.
    static let vocabulary = [
        "Facture", "AVANT", "Tova", "Wagon", "officiel", "baffle", "1 234,56", "€", "12.50", "(EUR)", "«", "»", "“quoted”",
        "Lefèvre", "Le\u{301}fe\u{300}vre", "Straße", "Ärger", "TVA\u{A0}:", "10\u{202F}%", "Ελλάδα", "Москва", "—", "-",
        "N°", "\u{301}", "x\u{308}", "→", "✓", "中文", "…", "a/b", "‰", "ﬁ",
    ]

    static func texts(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let words = (0..<Int.random(in: 1...9, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            var text = ""
            for (index, word) in words.enumerated() {
                if index > 0 { text += [" ", " ", " ", "  ", "\u{A0}", " \u{301}"].randomElement(using: &generator)! }
                text += word
            }
            if Bool.random(using: &generator) { text += " " }
            return text
        }
    }

    @Test(arguments: [("Noto Sans", FontStyle.regular), ("Noto Sans", .bold), ("Noto Sans", .italic), ("Noto Sans Mono", .regular)])
    func wordsShapedApartGiveTheGlyphsOfTheWholeText(family: String, style: FontStyle) {
        let chain = registry.fallbackChain(family: family, style: style)
        #expect(registry.face(for: chain.primary).spaceSeparatesShaping)
        for features in [[], ["tnum"], ["-kern", "-liga"]] {
            for text in Self.texts(count: 300, seed: UInt64(features.count) &+ 0x5EED) {
                let expected = whole.shape(text, fonts: chain, size: 9.5, features: features, language: "fr").runs
                // Twice: the second time every word comes from the kept ones.
                for _ in 0..<2 {
                    let same = byWords.shape(text, fonts: chain, size: 9.5, features: features, language: "fr").runs == expected
                    #expect(same, "“\(text)” \(features)")
                }
            }
        }
        #expect(registry.face(for: chain.primary).words.count > 0)
    }

    @Test func mixedDirectionAndScriptsStayExact() {
        let chain = registry.fallbackChain(family: "Noto Sans")
        for text in ["Total دفعة 12,50 € due", "Ref. שלום 42 — OK", "नमस्ते Paris 75001", "ไทย Lyon 69003 ✓"] {
            let same = byWords.shape(text, fonts: chain, size: 10).runs == whole.shape(text, fonts: chain, size: 10).runs
            #expect(same, "\(text)")
        }
    }

    /// A word longer than ``WordShapes/longestKeptWord`` bytes is shaped apart but not kept, so customer
    /// text without spaces cannot fill the memo with megabytes. (A registry of its own: no other test
    /// adds words to its faces meanwhile.)
    @Test func longWordsAreShapedButNotKept() throws {
        let own = try FontRegistry(directory: try FontLocator.bundledFontsDirectory())
        let chain = own.fallbackChain(family: "Noto Sans")
        let long = String(repeating: "AVTo", count: 2_000)
        for text in [long, "x " + long + " y", long + " " + long] {
            let same = TextShaper(registry: own, keepsWordsAfterRuns: 0).shape(text, fonts: chain, size: 8).runs
                == TextShaper(registry: own, keepsWordsAfterRuns: nil).shape(text, fonts: chain, size: 8).runs
            #expect(same)
        }
        let words = own.face(for: chain.primary).words
        #expect(words.count == 2)  // "x " and "y"
    }

    /// Lookup flags are read from the table's LookupList: a lookup that skips base glyphs could match
    /// across a space it never names, so such a face is shaped whole.
    @Test func lookupFlagsAreReadFromTheLookupList() throws {
        // Header (version 1.0, script/feature lists unused), LookupList at 10: two lookups, at 6 and 12
        // from it; the second has IgnoreBaseGlyphs.
        let table: [UInt8] = [0, 1, 0, 0, 0, 0, 0, 0, 0, 10,
                              0, 2, 0, 6, 0, 12,
                              0, 1, 0, 8, 0, 0,
                              0, 6, 0, 2, 0, 0]
        #expect(table.withUnsafeBytes { FontFace.lookupFlags(inLayoutTable: $0) } == [0x0008, 0x0002])
        #expect(table.dropLast(3).withUnsafeBytes { FontFace.lookupFlags(inLayoutTable: $0) } == nil)
        #expect([UInt8](repeating: 0, count: 9).withUnsafeBytes { FontFace.lookupFlags(inLayoutTable: $0) } == nil)
        // Noto Sans: 43 GSUB lookups, none skipping base glyphs (as fontTools reads them).
        let face = try registry.face(family: "Noto Sans")
        let blob = hb_face_reference_table(face.hbFace, hb_tag_t(0x4753_5542))
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        let data = try #require(hb_blob_get_data(blob, &length))
        let flags = try #require(FontFace.lookupFlags(inLayoutTable: UnsafeRawBufferPointer(start: data, count: Int(length))))
        #expect(flags.count == Int(hb_ot_layout_table_get_lookup_count(face.hbFace, hb_tag_t(0x4753_5542))))
        #expect(flags.count == 43 && !flags.contains { $0 & 0x0002 != 0 })
    }

    /// Noto Sans Devanagari has a lookup that sees the space glyph: its words are never shaped apart.
    @Test func aFaceWhoseLookupsSeeTheSpaceIsShapedWhole() throws {
        let face = try registry.face(family: "Noto Sans Devanagari")
        #expect(!face.spaceSeparatesShaping)
        #expect(!face.shapesWordsApart(after: 0))
    }

    @Test func wordsEndAfterSpacesFollowedByPrintableASCII() {
        func words(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                var pieces: [String] = []
                var start = 0
                while start < buffer.count {
                    let end = TextShaper.wordEnd(buffer, from: start, before: buffer.count)
                    pieces.append(String(decoding: buffer[start..<end], as: UTF8.self))
                    start = end
                }
                return pieces
            }
        }
        #expect(words("Total due  12,50 €") == ["Total ", "due  ", "12,50 €"])
        #expect(words(" lead") == [" ", "lead"])
        #expect(words("trail  ") == ["trail  "])
        // A mark, a no-break space or any non-ASCII character after a space keeps the word going.
        #expect(words("a \u{301}b c") == ["a \u{301}b ", "c"])
        #expect(words("1 234\u{A0}€ x") == ["1 ", "234\u{A0}€ ", "x"])
        #expect(words("é é") == ["é é"])
        #expect(words("") == [])
    }
}
