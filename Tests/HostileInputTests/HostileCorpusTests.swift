import Folio
import FolioTestSupport
import Foundation
import Testing

/// Every committed hostile document (`Corpus/*.json`) ends in the outcome written here: a refusal
/// naming the JSON path and the reason, or a valid PDF with the expected text and warnings.
@Suite("Hostile corpus: a specific error or a valid PDF")
struct HostileCorpusTests {
    enum Expected: Sendable {
        /// Decoding or validation refuses the document with this issue first.
        case refused(path: String, reason: String)
        /// A valid PDF whose text contains `text`; `warning`, when given, is among the warnings
        /// and no other warning names a character no font has.
        case rendered(text: [String], warning: String? = nil)
    }

    static let expectations: [String: Expected] = [
        // Malformed JSON: the byte offset and what was expected.
        "json-truncated": .refused(path: "$", reason: "invalid JSON at byte offset 437 (line 23, column 1): expected a quoted property name, found end of input"),
        "json-trailing-garbage": .refused(path: "$", reason: "unexpected '{' after the end of the JSON value"),
        "json-single-quotes": .refused(path: "$", reason: "byte offset 1 (line 1, column 2): expected a quoted property name, found '''"),
        "json-nan-literal": .refused(path: "$.shipments[0].packages", reason: "unexpected 'N', expected a value"),
        "json-comment": .refused(path: "$", reason: "byte offset 0 (line 1, column 1): unexpected '/', expected a value"),
        "json-unterminated-string": .refused(path: "$.number", reason: "unterminated string starting at byte offset 30"),
        "json-invalid-utf8": .refused(path: "$", reason: "invalid UTF-8 at byte offset 305"),
        "json-utf16-bom": .refused(path: "$", reason: "input is UTF-16 (byte order mark); a document must be UTF-8"),
        "json-duplicate-key": .refused(path: "$.number", reason: #"duplicate key "number" (first at byte offset 174)"#),
        "json-raw-newline-in-string": .refused(path: "$.billTo.name", reason: "control character U+000A inside a string must be escaped"),
        "json-nul-byte": .refused(path: "$.billTo.name", reason: "control character U+0000 inside a string must be escaped"),
        "json-empty": .refused(path: "$", reason: "empty input: expected a JSON object"),
        "json-null": .refused(path: "$", reason: "expected a document (a JSON object), found null"),
        // Wrong types.
        "type-shipments-object": .refused(path: "$.shipments", reason: "expected an array, found an object"),
        "type-charges-string": .refused(path: "$.shipments[0].charges", reason: #"expected an array, found the string "FRT 10.00""#),
        "type-packages-boolean": .refused(path: "$.shipments[0].packages", reason: "expected an integer between 1 and 9999, found the boolean true"),
        "type-seller-array": .refused(path: "$.seller", reason: "expected a party (a JSON object), found an array"),
        "type-amount-null": .refused(path: "$.shipments[0].charges[0].publishedAmount", reason: #"expected a decimal string such as "12.34", found null"#),
        "type-weight-unit-unknown": .refused(path: "$.shipments[0].billedWeight.unit", reason: #"expected one of "kg", "lb", "oz", found the string "stone""#),
        "type-date-number": .refused(path: "$.issueDate", reason: "found the number 20250308"),
        // Huge values.
        "huge-amount-digits": .refused(path: "$.shipments[0].charges[0].publishedAmount", reason: "expected an amount of at most 32 characters, found 43"),
        "huge-amount-int64-edge": .refused(path: "$", reason: "amounts too large: computed figures could exceed"),
        "huge-packages-literal": .refused(path: "$.shipments[0].packages", reason: "expected an integer between 1 and 9999, found the number 99999999999999999999999999"),
        "huge-exponent-literal": .refused(path: "$.shipments[0].packages", reason: "found the number 1e999999"),
        "huge-exponent-in-amount": .refused(path: "$.shipments[0].charges[0].publishedAmount", reason: #"found the string "1e308""#),
        "huge-weight": .refused(path: "$.shipments[0].billedWeight.value", reason: "expected a non-negative decimal string"),
        "huge-vat-rate": .refused(path: "$.shipments[0].charges[0].vatRate", reason: "expected a VAT rate between 0 and 100"),
        "huge-date-year": .refused(path: "$.issueDate", reason: #"found the string "99999-03-08""#),
        // Nesting: the limit, not the stack.
        "nesting-1000-arrays": .refused(path: "$.x[0][0]", reason: "nesting deeper than the limit of 64 levels"),
        "nesting-unknown-deep-object": .refused(path: "$.extra.a.a", reason: "nesting deeper than the limit of 64 levels"),
        // Control characters: refused where no font could draw them, allowed where they mean layout.
        "control-bell-in-description": .refused(path: "$.shipments[0].charges[0].description", reason: "control character U+0007 at character 6 is not allowed in text"),
        "control-c1-next-line": .refused(path: "$.billTo.name", reason: "control character U+0085 at character 8 is not allowed in text"),
        "control-escape-sequence-ansi": .refused(path: "$.billTo.name", reason: "control character U+001B at character 1 is not allowed in text"),
        "control-escaped-nul-in-name": .refused(path: "$.billTo.name", reason: "control character U+0000 at character 8 is not allowed in text"),
        "control-tab-in-description": .rendered(text: ["Transport rapide"]),
        // Unicode: surrogates escaped in JSON, bidi controls, zero-width characters, missing glyphs.
        "unicode-lone-high-surrogate": .refused(path: "$.billTo.name", reason: #"lone high surrogate \uD800 in a string"#),
        "unicode-lone-low-surrogate": .refused(path: "$.billTo.name", reason: #"lone low surrogate \uDC00 in a string"#),
        // 📦 was missing from the fonts when these were written; Symbola now draws it.
        "unicode-escaped-pair-emoji": .rendered(text: ["Atelier 📦 Bleu"]),
        "unicode-emoji-not-in-fonts": .rendered(text: ["Atelier Bleu 📦"]),
        "unicode-rtl-override-name": .rendered(text: ["Atelier", "SARL"], warning: "$.billTo.name: contains the bidi control U+202E"),
        "unicode-unbalanced-isolates": .rendered(text: ["Rhône", "Alpes"], warning: "$.seller.name: contains the bidi control U+2067"),
        // Drawn as "Atelier Bleu"; pdftotext loses the space after the joiner, so the words are checked.
        "unicode-zero-width-name": .rendered(text: ["Atelier Bleu"]),
        "unicode-arabic-hebrew-name": .rendered(text: ["شركة الأطلس", "אטלייה כחול", "42"]),
        "unicode-combining-storm": .rendered(text: ["Transport"]),
        "unicode-name-too-long-with-marks": .refused(path: "$.billTo.name", reason: "expected at most 140 characters, found 312"),
        // Long text: broken inside the word rather than clipped; refused beyond the schema.
        "text-unbreakable-word": .rendered(text: ["Transportxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        "text-many-newlines": .rendered(text: ["Transport"]),
        "text-description-too-long": .refused(path: "$.shipments[0].charges[0].description", reason: "expected at most 2000 characters, found 2010"),
        // Forms.
        "form-7501-negative-value": .refused(path: "$.lines[0].enteredValue", reason: #"expected a non-negative decimal string such as "12.34", found the string "-5""#),
        "form-7501-rtl-line-description": .rendered(text: ["Laptops", "8471.30.0100"], warning: "$.lines[0].description: contains the bidi control U+202B"),
        // The override reverses the vendor's name on paper, as Unicode says: printed, and flagged.
        "form-b3-rtl-vendor": .rendered(text: ["serawesuoH edisekaL"], warning: "$.vendor.name: contains the bidi control U+202E"),
        "form-b3-unknown-kind-member": .refused(path: "$.kind", reason: #"found the string "cbsa-b3 ""#),
        // Logo paths that would leave the document's folder.
        "logo-parent-directory": .refused(path: "$.theme.logo", reason: #"no ".." segment, found the string "../logo.png""#),
        "logo-absolute-path": .refused(path: "$.theme.logo", reason: #"found the string "/etc/passwd""#),
        "logo-windows-drive": .refused(path: "$.theme.logo", reason: #"found the string "C:\\logo.png""#),
        "logo-missing-file": .refused(path: "$.theme.logo", reason: #""no-such-logo.png" cannot be read"#),
    ]

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: HostileDocuments.corpus.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func everyCorpusDocumentHasAnExpectation() {
        #expect(Self.names.count >= 40)
        #expect(Set(Self.names) == Set(Self.expectations.keys), "corpus and expectations differ: \(Set(Self.names).symmetricDifference(Self.expectations.keys).sorted())")
    }

    @Test(arguments: names)
    func corpusDocument(_ name: String) throws {
        let expected = try #require(Self.expectations[name], "no expectation for \(name)")
        let json = try Data(contentsOf: HostileDocuments.corpus.appendingPathComponent("\(name).json"))
        let options = RenderOptions(baseDirectory: HostileDocuments.corpus.path)
        switch expected {
        case .refused(let path, let reason):
            let error = try #require(throws: FolioError.self) { try FolioRenderer.renderPDF(json: json, options: options) }
            #expect(error.kind == .invalidDocument)
            let first = try #require(error.issues.first)
            #expect(first.path.hasPrefix(path) && first.reason.contains(reason), "\(name): got \(first.path): \(first.reason)")
        case .rendered(let text, let warning):
            let result = try FolioRenderer.renderPDF(json: json, options: options)
            try PDFChecks.expectValid(result.pdf, containing: text, name: name)
            let messages = result.warnings.map(\.description)
            if let warning { #expect(messages.contains { $0.contains(warning) }, "\(name): warnings \(messages)") }
            let missingGlyphs = messages.filter { $0.contains("no bundled font has") && !(warning.map($0.contains) ?? false) }
            #expect(missingGlyphs.isEmpty, "\(name): unexpected missing glyphs \(missingGlyphs)")
            #expect(result.pageCount <= 10)
        }
    }
}
