import DocumentModel
import Foundation
import Testing
@testable import Templates

@Suite struct LabelCatalogTests {
    let catalog = try! LabelCatalog.bundled()

    @Test func englishFrenchAndGermanAreShipped() {
        #expect(Set(catalog.languages.keys).isSuperset(of: ["en", "fr", "de"]))
    }

    @Test func everyLanguageHasEveryKey() {
        let allKeys = catalog.languages.values.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        for (language, table) in catalog.languages {
            let missing = allKeys.subtracting(table.keys).sorted()
            #expect(missing.isEmpty, "\(language).json lacks \(missing)")
        }
    }

    @Test func noLabelIsEmpty() {
        for (language, table) in catalog.languages {
            for (key, value) in table { #expect(!value.trimmingCharacters(in: .whitespaces).isEmpty, "\(language): \(key) is empty") }
        }
    }

    @Test func localesPickTheirLanguageAndUnknownOnesFallBackToEnglish() {
        #expect(catalog.labels(for: "fr-FR")["invoice.title"] == "Facture")
        #expect(catalog.labels(for: "de-DE")["invoice.title"] == "Rechnung")
        #expect(catalog.labels(for: "en-US")["invoice.title"] == "Invoice")
        #expect(catalog.labels(for: "it-IT")["invoice.title"] == "Invoice")
        #expect(catalog.labels(for: "fr-CA").format("invoice.page", ["page": "2", "pages": "5"]) == "Page 2 sur 5")
    }
}

import Foundation

@Suite struct LabelFileParsingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Templates/Resources/Labels")

    @Test(arguments: ["en", "fr", "de"])
    func shippedFilesReadAsJSONDecoderReadsThem(_ language: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("\(language).json"))
        #expect(try LabelTable.parse(Array(data)) == JSONDecoder().decode([String: String].self, from: data))
    }

    @Test func escapesAndNonASCIIReadAsJSONDecoderReadsThem() throws {
        let json = #"{ "a": "plain", "b": "quote \" backslash \\ slash \/ \b\f\n\r\t", "c": "\u00e9\u20AC \ud83d\ude00 é€😀", "d\n": "" , "": "empty key"}"#
        let data = Data(json.utf8)
        #expect(try LabelTable.parse(Array(data)) == JSONDecoder().decode([String: String].self, from: data))
        #expect(try LabelTable.parse(Array("{}".utf8)).isEmpty)
    }

    @Test(arguments: ["\u{FEFF}{\"a\": \"b\"}", " {\"a\":\"b\"} \n"])
    func aByteOrderMarkAndSurroundingWhiteSpaceAreAccepted(_ json: String) throws {
        #expect(try LabelTable.parse(Array(json.utf8)) == ["a": "b"])
    }

    /// Label files are ours: what JSONDecoder lets pass (a trailing comma, a second value for the
    /// same key) is a mistake to report, with its byte offset, as the document contract does.
    @Test(arguments: [#"{"a": "b",}"#, #"{"a": "b" , }"#, #"{"a": "b", "a": "c"}"#])
    func theStrictParserRefusesWhatJSONDecoderForgives(_ json: String) {
        #expect(throws: LabelTable.SyntaxError.self) { try LabelTable.parse(Array(json.utf8)) }
    }

    @Test(arguments: [
        "", "[]", "{", #"{"a": 1}"#, #"{"a": "b",,}"#, "{,}", #"{"a" "b"}"#, #"{"a": "b"} x"#, #"{"a": "\x"}"#,
        #"{"a": "\ud83d"}"#, #"{"a": "\ude00"}"#, "{\"a\": \"line\nbreak\"}", #"{"a": "\u12"}"#, #"{"a": "b"#,
    ])
    func malformedFilesAreErrors(_ json: String) {
        #expect(throws: LabelTable.SyntaxError.self) { try LabelTable.parse(Array(json.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode([String: String].self, from: Data(json.utf8)) }
    }

    @Test func illFormedUTF8IsAnError() {
        for bytes: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            let json = Array(#"{"a": ""#.utf8) + bytes + Array(#""}"#.utf8)
            #expect(throws: LabelTable.SyntaxError.self) { try LabelTable.parse(json) }
        }
    }

    @Test func theBundledCatalogReadsALanguageOnFirstUseWithTheSameLabels() throws {
        let eager = try LabelCatalog(directory: Self.directory.path)
        let lazy = try LabelCatalog(directory: Self.directory.path, readingEveryLanguage: false)
        for locale in ["fr-FR", "de-DE", "en-GB", "it-IT", "", "-", "fr", "../fr", "FR-fr"] {
            let (a, b) = (eager.labels(for: locale), try lazy.labels(checkingFor: locale))
            #expect(a.language == b.language && a.table == b.table && a.fallback.table == b.fallback.table, "\(locale)")
        }
        #expect(lazy.languages == eager.languages)
    }

    @Test func aMalformedLanguageFileIsAnErrorWhenItIsNeeded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-labels-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"invoice.title": "Invoice"}"#.utf8).write(to: folder.appendingPathComponent("en.json"))
        try Data(#"{"invoice.title": "Factu"#.utf8).write(to: folder.appendingPathComponent("fr.json"))
        #expect(throws: (any Error).self) { try LabelCatalog(directory: folder.path) }
        let lazy = try LabelCatalog(directory: folder.path, readingEveryLanguage: false)
        #expect(throws: LabelError.self) { try lazy.labels(checkingFor: "fr-FR") }
        #expect(lazy.labels(for: "fr-FR")["invoice.title"] == "Invoice")
        #expect(try lazy.labels(checkingFor: "de-DE")["invoice.title"] == "Invoice")
    }

    /// A French render reads fr.json only: en.json is read when a French label is missing.
    @Test func englishIsReadOnlyWhenALabelIsMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-labels-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = folder.appendingPathComponent("en.json")
        try Data(#"{"invoice.title": "Invoice", "only.english": "English"}"#.utf8).write(to: english)
        try Data(#"{"invoice.title": "Facture"}"#.utf8).write(to: folder.appendingPathComponent("fr.json"))
        let lazy = try LabelCatalog(directory: folder.path, readingEveryLanguage: false)
        let french = try lazy.labels(checkingFor: "fr-FR")
        #expect(french["invoice.title"] == "Facture")
        // en.json changes after the French labels were taken: what a miss reads is the new file.
        try Data(#"{"invoice.title": "Invoice", "only.english": "Read late"}"#.utf8).write(to: english)
        #expect(french["only.english"] == "Read late")
        #expect(french["no.such.key"] == "no.such.key")
        // Without en.json there is no catalog, read lazily or not.
        try FileManager.default.removeItem(at: english)
        #expect(throws: LabelError.self) { try LabelCatalog(directory: folder.path, readingEveryLanguage: false) }
        #expect(throws: LabelError.self) { try LabelCatalog(directory: folder.path) }
    }
}

@Suite struct LabelFormattingTests {
    @Test(arguments: [
        ("Page {page} sur {pages}", "{page}", "2"), ("Page {page} sur {pages}", "{pages}", "15"), ("{page}{page}", "{page}", "x"),
        ("no placeholder", "{page}", "2"), ("{page}", "{page}", ""), ("{pag", "{page}", "2"), ("", "{page}", "2"),
        ("Fällig am {date}", "{date}", "8. März 2025"), ("Due {date}", "{date}", "8 août 2025"), ("{a}\u{301}", "{a}", "e"),
        ("{{page}}", "{page}", "{page}"), ("{page}", "{page}", "{page}{page}"),
    ])
    func replacingAgreesWithFoundation(_ example: (String, String, String)) {
        let (text, placeholder, value) = example
        #expect(Labels.replacing(placeholder, with: value, in: text) == text.replacingOccurrences(of: placeholder, with: value))
    }
}

@Suite struct LabelWordingTests {
    let catalog = try! LabelCatalog.bundled()

    @Test func colonIsSpacedPerLanguage() {
        #expect(catalog.labels(for: "fr-FR").colon == "\u{00A0}: ")
        #expect(catalog.labels(for: "fr-CA").labelled("vat.exemption", "X") == "Exonération\u{00A0}: X")
        #expect(catalog.labels(for: "en-GB").labelled("vat.exemption", "X") == "Exemption: X")
        #expect(catalog.labels(for: "de-DE").labelled("vat.exemption", "X") == "Befreiungsgrund: X")
    }

    /// Package counts pinned in each language for 0, 1, 2 (and 1 000 000, French "many", which has no form of its own).
    @Test(arguments: [
        ("fr", 0, "0\u{00A0}colis"), ("fr", 1, "1\u{00A0}colis"), ("fr", 2, "2\u{00A0}colis"), ("fr", 1_000_000, "1000000\u{00A0}colis"),
        ("en", 0, "0\u{00A0}packages"), ("en", 1, "1\u{00A0}package"), ("en", 2, "2\u{00A0}packages"),
        ("de", 0, "0\u{00A0}Pakete"), ("de", 1, "1\u{00A0}Paket"), ("de", 2, "2\u{00A0}Pakete"),
    ])
    func packageCounts(_ row: (String, Int, String)) {
        let labels = catalog.labels(for: row.0)
        #expect(labels.count("shipments.packageCount", row.1, formatted: String(row.1)) == row.2)
        #expect(labels.countedPhrase("shipments.packageCount").string(row.1, formatted: String(row.1)) == row.2)
    }

    /// A decimal count takes the form of the number as printed: French "1,5 colis" is singular
    /// (i = 1), English "1.5" and German "1,5" are plural.
    @Test func decimalCountsFollowTheNumberAsPrinted() {
        let rows: [(String, String, String)] = [("fr", "1,5", "1,5\u{00A0}colis"), ("en", "1.5", "1.5\u{00A0}packages"), ("de", "1,5", "1,5\u{00A0}Pakete")]
        for (language, printed, expected) in rows {
            let phrase = catalog.labels(for: language).countedPhrase("shipments.packageCount")
            #expect(phrase.string(ExactDecimal(parsing: "1.5")!, formatted: printed) == expected)
        }
        #expect(catalog.labels(for: "en").countedPhrase("shipments.packageCount").string(ExactDecimal(parsing: "1.0")!, formatted: "1") == "1\u{00A0}package")
        #expect(PluralRule(language: "fr").category(ExactDecimal(parsing: "1.5")!) == .one)
    }

    /// Every counted phrase (`<key>.other`) has a form for each category its language distinguishes,
    /// `many` excepted (French "many" — a million and up — reads as "other" in every label here);
    /// and a form holds `{count}`.
    @Test func countedPhrasesHaveEveryFormTheirLanguageNeeds() {
        for (language, table) in catalog.languages {
            let rule = PluralRule(language: language)
            for key in table.keys where key.hasSuffix(".other") {
                let stem = String(key.dropLast(".other".count))
                for category in rule.categories where category != .many {
                    let form = table["\(stem).\(category.rawValue)"]
                    #expect(form?.contains("{count}") == true, "\(language): \(stem).\(category.rawValue) is \(form ?? "missing")")
                }
            }
        }
    }

    /// No label abbreviates a counted noun ("1 pkgs"): counts come from counted phrases.
    @Test func noAbbreviatedCounts() {
        for (language, table) in catalog.languages {
            #expect(table["shipments.packages"] == nil, "\(language)")
            for (key, value) in table where key.hasPrefix("shipments.") {
                #expect(!["pkgs", "pkg", "pcs"].contains(value.lowercased()), "\(language): \(key) = \(value)")
            }
        }
    }
}
