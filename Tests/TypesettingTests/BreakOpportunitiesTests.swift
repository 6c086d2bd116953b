import Testing
@testable import Typesetting

/// UAX #14 on current Unicode (ICU): the text libunibreak 1.1 could not break or crashed on.
@Suite struct BreakOpportunitiesTests {
    /// Byte offsets where a line may end (allowed or mandatory), the end of the text excluded.
    func breakOffsets(_ text: String, language: String? = nil) -> [Int] {
        let utf8 = Array(text.utf8)
        let kinds = BreakOpportunities.compute(utf8, language: language)
        return kinds.indices.filter { kinds[$0] != .none && $0 + 1 < utf8.count }.map { $0 + 1 }
    }

    func pieces(_ text: String, language: String? = nil) -> [String] {
        let utf8 = Array(text.utf8)
        var result: [String] = []
        var start = 0
        for end in breakOffsets(text, language: language) + [utf8.count] {
            result.append(String(decoding: utf8[start..<end], as: UTF8.self))
            start = end
        }
        return result
    }

    @Test func icuCarriesUnicode16OrLater() {
        let parts = UnicodeBreakIterator.unicodeVersion.split(separator: ".").compactMap { Int($0) }
        #expect((parts.first ?? 0) >= 16, "ICU Unicode data \(UnicodeBreakIterator.unicodeVersion)")
    }

    /// Unicode 15.1's LB15a and LB15b: a French guillemet typed with an ordinary space stays with its
    /// word, so no line starts with "»" or ends with "«" (Unicode 15.0, Debian's ICU 72, broke
    /// before the closing one: "« Cœur de Loire" then "»" alone on the next line).
    @Test func guillemetsStayWithTheirWords() {
        #expect(pieces("bâtiment B, « Cœur de Loire »", language: "fr-FR") == ["bâtiment ", "B, ", "« Cœur ", "de ", "Loire »"])
        #expect(pieces("« Cœur » et « Loire »", language: "fr-FR") == ["« Cœur » ", "et ", "« Loire »"])
    }

    @Test func spacesAndHyphensBreakAfter() {
        #expect(pieces("Frais de port") == ["Frais ", "de ", "port"])
        #expect(pieces("Saint-Étienne") == ["Saint-", "Étienne"])
    }

    @Test func lineFeedIsMandatory() {
        let utf8 = Array("a\nb".utf8)
        let kinds = BreakOpportunities.compute(utf8, language: nil)
        #expect(kinds[1] == .mandatory)
        #expect(kinds[0] == .none)
    }

    @Test(arguments: [
        "🇺🇸🇫🇷🇩🇪",  // regional indicator pairs (LB30a)
        "👨‍👩‍👧‍👦👩🏽‍💻",  // ZWJ sequences (LB8a) and a skin tone (LB30b)
        "👍🏽👍🏿",  // emoji modifiers
        "1️⃣#️⃣",  // keycaps
    ])
    func emojiSequencesBreakOnlyBetweenWholeClusters(_ text: String) {
        let clusterEnds = Set(GraphemeClusters.ends(ArraySlice(text.utf8)))
        for offset in breakOffsets(text) {
            #expect(clusterEnds.contains(offset), "break at byte \(offset) splits a cluster of \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Extraction starts from the same text: the pieces put back together are the text.
        #expect(pieces(text).joined() == text)
    }

    @Test func flagsAreOneClusterEach() {
        let text = "🇺🇸🇫🇷"
        #expect(GraphemeClusters.ends(ArraySlice(text.utf8)) == [8, 16])
        let family = "👨‍👩‍👧‍👦"
        #expect(GraphemeClusters.ends(ArraySlice(family.utf8)) == [family.utf8.count])
    }

    @Test func thaiBreaksBetweenDictionaryWordsWithoutSpaces() {
        // ICU's Thai dictionary: "ภาษาไทย" (Thai language) | "เป็น" (is) | "ภาษา" | "ที่" | "ไม่" | "มี" | "ช่อง" | "ว่าง"
        let text = "ภาษาไทยเป็นภาษาที่ไม่มีช่องว่าง"
        let found = pieces(text, language: "th")
        #expect(found.count >= 6, "\(found)")
        #expect(found.joined() == text)
        #expect(found.contains("เป็น"))
        #expect(found.contains("ที่"))
        // Never inside a syllable: no piece starts with a combining vowel or tone mark.
        for piece in found {
            let first = piece.unicodeScalars.first!
            #expect(first.properties.generalCategory != .nonspacingMark, "\(piece)")
        }
    }

    @Test func chineseBreaksBetweenIdeographsButNotBeforeClosingPunctuation() {
        let text = "中文没有空格。所以需要按字断行"
        let found = pieces(text, language: "zh")
        #expect(found.joined() == text)
        #expect(found.count >= 10)
        #expect(!found.contains("。"), "a full stop may not start a line: \(found)")
        #expect(found.contains("格。"))
    }

    @Test func randomCodePointsNeverTrap() {
        // libunibreak 1.1 asserted on classes it did not know; every assigned scalar must pass.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var text = ""
            while text.unicodeScalars.count < 64 {
                if let scalar = Unicode.Scalar(UInt32.random(in: 0x20...0x3FFFF, using: &generator)) { text.unicodeScalars.append(scalar) }
            }
            let kinds = BreakOpportunities.compute(Array(text.utf8), language: "fr")
            #expect(kinds.count == text.utf8.count)
        }
    }

    @Test func icuLocaleIDsAreSanitised() {
        #expect(UnicodeBreakIterator.icuLocale("fr-FR") == "fr_FR")
        #expect(UnicodeBreakIterator.icuLocale("zh-Hant-TW") == "zh_Hant")
        #expect(UnicodeBreakIterator.icuLocale(nil) == "")
        #expect(UnicodeBreakIterator.icuLocale("../../etc") == "")
        #expect(UnicodeBreakIterator.icuLocale("-fr--CA-") == "fr_CA")
        #expect(UnicodeBreakIterator.icuLocale("fr-FR-\u{301}") == "")
        #expect(UnicodeBreakIterator.icuLocale("de\r\n") == "")
    }

    /// The byte path for ASCII tags gives what splitting characters gives, on tags made of the
    /// scalars that matter (separators, letters, digits, CR LF, other punctuation, a combining
    /// accent and an accented letter, which leave the byte path), up to 8 long.
    @Test func asciiLocalesEqualLocalesBySplitting() {
        let alphabet = Array("-_aZ09\r\n./ ".unicodeScalars) + ["\u{301}", "é"]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...8, using: &generator)
            var tag = ""
            tag.unicodeScalars.append(contentsOf: (0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if let ascii = UnicodeBreakIterator.asciiLocale(tag) {
                #expect(ascii == UnicodeBreakIterator.localeBySplitting(tag), "\(Array(tag.unicodeScalars))")
                compared += 1
            } else {
                #expect(tag.unicodeScalars.contains { !$0.isASCII })
            }
        }
        // More than half of the tags are all ASCII (11 of 13 scalars, up to 8 long).
        #expect(compared > 5_000)
        #expect(UnicodeBreakIterator.asciiLocale("fr-É") == nil)
        #expect(UnicodeBreakIterator.asciiLocale("fr-FR-\u{301}") == nil)
        // A long tag: the length limit applies to the first two parts only.
        #expect(UnicodeBreakIterator.asciiLocale("abcdefgh-ijklmnop-qrst") == "")
        #expect(UnicodeBreakIterator.asciiLocale("abcdefgh-ijklmno-qrst") == "abcdefgh_ijklmno")
    }
}
