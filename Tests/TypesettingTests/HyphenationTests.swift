import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// Hyphenation from the bundled TeX/LibreOffice patterns, in paragraphs and narrow cells.
@Suite struct HyphenationTests {
    let typesetter = try! Typesetter.bundled()

    func hyphenated(_ word: String, _ language: String) throws -> String {
        let dictionary = try #require(HyphenationDictionary.forLanguage(language))
        let offsets = HyphenationPoints.offsets(in: ArraySlice(word.utf8), dictionary: dictionary)
        var result = Array(word.utf8)
        for offset in offsets.reversed() { result.insert(0x2D, at: offset) }
        return String(decoding: result, as: UTF8.self)
    }

    @Test func patternsFindTheSyllables() throws {
        let bemessung = try hyphenated("Bemessungsgrundlage", "de-DE"); #expect(bemessung.contains("sungs-grund"), "\(bemessung)")
        #expect(try hyphenated("Rechnungsbetrag", "de") == "Rech-nungs-be-trag")
        #expect(try hyphenated("facturation", "fr-FR") == "fac-tu-ra-tion")
        #expect(try hyphenated("hyphenation", "en-US") == "hy-phen-ation")
        #expect(try hyphenated("(Bemessungsgrundlage),", "de").hasPrefix("(Be-mes-sungs-"))
    }

    @Test(arguments: [
        "1234567,89", "FR7630004000031234567890143", "1Z999AA10123456784", "facturation@example.com",
        "https://example.com/facturation", "SIREN", "DE123456789", "USt-IdNr.", "0000F2501087",
    ])
    func numbersCodesAndAddressesAreNeverHyphenated(_ token: String) throws {
        for language in ["fr", "de", "en"] {
            let dictionary = try #require(HyphenationDictionary.forLanguage(language))
            #expect(HyphenationPoints.offsets(in: ArraySlice(token.utf8), dictionary: dictionary).isEmpty, "\(token) in \(language)")
        }
    }

    @Test func languagesWithoutPatternsAreLeftAlone() {
        #expect(HyphenationDictionary.forLanguage("th") == nil)
        #expect(HyphenationDictionary.forLanguage(nil) == nil)
    }

    func lines(_ text: String, language: String, width: Double, alignment: TextAlignment = .left) -> [String] {
        let style = TextStyle(size: 9, language: language)
        let layout = typesetter.layout(Paragraph(text, style: style, paragraph: ParagraphStyle(alignment: alignment)), width: width)
        return layout.lines.map { $0.runs.map(\.text).joined() }
    }

    @Test func narrowGermanHeaderBreaksWithAHyphen() {
        let word = "Bemessungsgrundlage"
        let width = typesetter.measure(word, style: TextStyle(size: 9)) * 0.6
        let found = lines(word, language: "de", width: width)
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasSuffix("-") == true, "\(found)")
        #expect(found.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }.joined() == word)
    }

    @Test func narrowFrenchColumnHyphenatesAndEveryLineFits() {
        let text = "Les prestations internationales sont facturées conformément aux conditions générales de transport."
        let width = 80.0
        let style = TextStyle(size: 9, language: "fr")
        let layout = typesetter.layout(Paragraph(text, style: style, paragraph: ParagraphStyle(alignment: .justified)), width: width)
        let texts = layout.lines.map { $0.runs.map(\.text).joined() }
        #expect(texts.contains { $0.hasSuffix("-") }, "\(texts)")
        for line in layout.lines { #expect(line.width <= width + 0.01) }
        let rejoined = texts.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 + " " }.joined()
        #expect(rejoined.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces) == text)
    }

    @Test func amountsAndTrackingNumbersInANarrowColumnAreCutNeverHyphenated() {
        for token in ["1 234 567,89 €", "1Z999AA10123456784", "FR76 3000 4000 0312 3456 7890 143"] {
            let found = lines(token, language: "fr", width: 30)
            #expect(!found.contains { $0.hasSuffix("-") }, "\(found)")
            #expect(found.joined(separator: "").replacingOccurrences(of: " ", with: "") == token.replacingOccurrences(of: " ", with: ""))
        }
    }

    @Test func aWordWithoutLegalBreakIsStillCut() {
        let word = "Qqqqqqqqqqqqqqqq"
        let found = lines(word, language: "de", width: 30)
        #expect(found.count > 1)
        #expect(found.joined() == word)
    }

    @Test func raggedTextWhoseWordsFitBreaksBetweenWords() {
        let text = "Les prestations internationales sont facturées conformément aux conditions générales de transport."
        let found = lines(text, language: "fr", width: 120)
        #expect(found.count > 2)
        #expect(!found.contains { $0.hasSuffix("-") }, "\(found)")
    }

    @Test func textThatFitsIsNeverHyphenated() {
        #expect(lines("Bemessungsgrundlage", language: "de", width: 500) == ["Bemessungsgrundlage"])
    }
}
