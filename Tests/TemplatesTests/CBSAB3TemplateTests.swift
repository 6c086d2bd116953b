import DocumentModel
import Foundation
import PageFrames
import Testing
import Typesetting
@testable import Templates

/// The CBSA B3-3 coding form, checked on the laid-out pages: every value of the example printed,
/// bilingual captions, lines continuing on continuation sheets, "page X of Y".
@Suite struct CBSAB3TemplateTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DocumentModelTests/Fixtures/examples/cbsa-b3.json")

    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    // MARK: helpers

    /// The example, changed by `edit` (a JSON object) before decoding.
    func document(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> DecodedDocument {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as? [String: Any])
        edit(&object)
        return try DocumentDecoder().decode(JSONSerialization.data(withJSONObject: object))
    }

    /// The example with `count` copies of its line, numbered 1…count; the stated field 9 and totals
    /// are dropped so the library computes them.
    func withLines(_ count: Int, locale: String = "en-CA") throws -> DecodedDocument {
        try document { object in
            let line = (object["lines"] as! [[String: Any]])[0]
            object["lines"] = (1...count).map { number -> [String: Any] in
                var copy = line
                copy["lineNumber"] = number
                return copy
            }
            object["totalValueForDuty"] = nil
            object["totals"] = nil
            object["locale"] = locale
        }
    }

    func pages(_ decoded: DecodedDocument) throws -> [Page] {
        let layout = try DocumentTemplates.layout(decoded, typesetter: typesetter, options: TemplateOptions())
        return try Paginator(typesetter: typesetter, template: layout.template).pages(layout.content)
    }

    func runs(_ page: Page) -> [GlyphRun] {
        page.items.compactMap { item in
            if case .glyphs(let run) = item { run } else { nil }
        }
    }

    func texts(_ page: Page) -> [String] { runs(page).map(\.text) }

    /// Line numbers (field 21) as printed: digit-only runs in the line-number column at the line
    /// values' size (header boxes further left hold no digit-only text at that size).
    func lineNumbers(_ page: Page) -> [Int] {
        let columnEnd = CBSAB3Template.margin + 2.5 + 24 + 1
        return runs(page).filter { $0.origin.x < columnEnd && $0.size == 7.5 }.compactMap { Int($0.text) }
    }

    // MARK: the example

    @Test func theExampleFitsOnOneLetterPage() throws {
        let pages = try pages(try document())
        #expect(pages.count == 1)
        #expect(pages.first?.size == Size.usLetter)
    }

    @Test func everyFieldOfTheExampleIsPrinted() throws {
        let page = try #require(try pages(try document()).first)
        let printed = Set(texts(page))
        let expected = [
            // 1–10
            "Maple Ridge Kitchenware Ltd.", "88 Esna Park Drive, Unit 6", "Markham, ON L3R 1E3", "874219365RM0001",
            "11487201453326", "AB", "497", "874219365RT0001", "I", "2", "115",
            // 11–20: field 16 as MM-DD, field 20 in the en-CA date format
            "Lakeside Housewares Co.", "1250 Niagara Street", "Buffalo, NY 14213", "TW", "UNY", "03-10", "USD", "2025-03-12",
            // 21–42
            "1", "Stainless steel kitchen tongs, 30 cm", "8.4", "8215.99.00.00", "60", "NMB", "13", "4%", "5%",
            "100.00", "115.00", "4.60", "0.00", "119.60", "5.98",
            // 45, 46, 47–51
            "8056ABC250310007", "8056", "10.58",
        ]
        for value in expected { #expect(printed.contains(value), "\(value) is not printed") }
        let all = texts(page).joined(separator: "\n")
        #expect(all.contains("I, Priya Raman, of Northgate Customs Brokers Inc., declare"))
        #expect(all.contains("Je, Priya Raman, de Northgate Customs Brokers Inc., déclare"))
    }

    @Test func totalsComeFromTheComputation() throws {
        let decoded = try document()
        let computation = try #require(decoded.cbsaB3)
        let page = try #require(try pages(decoded).first)
        let printed = texts(page)
        // 47 and 50 equal line 1's 38 and 42; 48 and 49 are 0.00 like line 1's 39 and 40.
        #expect(printed.filter { $0 == computation.customsDuties.plainText }.count == 2)
        #expect(printed.filter { $0 == computation.gst.plainText }.count == 2)
        #expect(printed.filter { $0 == "0.00" }.count == 4)
        #expect(printed.contains(computation.total.plainText))
        #expect(computation.total.plainText == "10.58")
    }

    @Test func captionsAreBilingualOnEveryBox() throws {
        let page = try #require(try pages(try document()).first)
        let printed = Set(texts(page))
        #expect(printed.contains("1  Importer name and address / Nom et adresse de l’importateur"))
        #expect(printed.contains("2  Transaction no. / N° de transaction"))
        #expect(printed.contains("47  Customs duties / Droits de douane"))
        #expect(printed.contains("Canada Customs Coding Form / Douanes Canada – Formule de codage"))
        let catalog = try LabelCatalog.bundled()
        let (english, french) = (catalog.labels(for: "en"), catalog.labels(for: "fr"))
        for field in Array(1...20) + Array(43...51) {
            let key = "b3.field.\(field)"
            let caption = english[key] == french[key] ? english[key] : "\(english[key]) / \(french[key])"
            #expect(printed.contains("\(field)  \(caption)"), "box \(field) lacks its caption “\(caption)”")
        }
        // Line captions: English over French, wrapped in their columns.
        #expect(printed.contains("37  Value for duty"))
        #expect(printed.contains("Valeur en douane"))
        #expect(printed.contains("21  Line"))
        #expect(printed.contains("Ligne"))
    }

    @Test func theFooterNamesTheTransactionAndCountsPages() throws {
        let page = try #require(try pages(try document()).first)
        let printed = texts(page)
        #expect(printed.contains("Page 1 of 1"))
        #expect(printed.contains { $0.hasPrefix("B3-3") && $0.hasSuffix("11487201453326") })
    }

    @Test func frenchCanadianAmountsDatesAndFooter() throws {
        let page = try #require(try pages(try document { $0["locale"] = "fr-CA" }).first)
        let printed = Set(texts(page))
        for value in ["4,60", "5,98", "10,58", "115,00", "119,60", "8,4", "4\u{00A0}%", "2025-03-12", "Page 1 sur 1"] {
            #expect(printed.contains(value), "\(value) is not printed")
        }
        #expect(printed.contains("1  Importer name and address / Nom et adresse de l’importateur"))
    }

    // MARK: continuation sheets

    @Test func twentyFiveLinesContinueOnContinuationSheets() throws {
        let pages = try pages(try withLines(25))
        #expect(pages.count >= 2)
        let heading = "B3-3 Canada Customs Coding Form / Douanes Canada – Formule de codage — Continuation sheet / Feuille de suite"
        #expect(!texts(pages[0]).contains(heading))
        for page in pages.dropFirst() {
            let printed = texts(page)
            #expect(printed.contains(heading))
            #expect(printed.contains("2  Transaction no. / N° de transaction: 11487201453326"))
            // The line captions repeat over the continued lines.
            #expect(printed.contains("22  Description"))
            #expect(!lineNumbers(page).isEmpty)
        }
        let numbers = pages.flatMap(lineNumbers)
        #expect(numbers == Array(1...25), "each line once, in order")
        // Every line's GST (field 42) is printed; totals 47–51 stay on the first sheet.
        #expect(pages.flatMap(texts).filter { $0 == "5.98" }.count == 25)
        let first = Set(texts(pages[0]))
        #expect(first.contains("2,875"))  // field 9: 25 × 115.00
        #expect(first.contains("149.50"))  // 50
        #expect(first.contains("264.50"))  // 51
    }

    @Test func pageXOfYOnEverySheet() throws {
        let pages = try pages(try withLines(25))
        for (index, page) in pages.enumerated() {
            let printed = texts(page)
            #expect(printed.contains("Page \(index + 1) of \(pages.count)"))
            #expect(printed.contains { $0.hasPrefix("B3-3") && $0.hasSuffix("11487201453326") })
        }
    }

    @Test func aWiderThemeFaceKeepsTheFormOnOnePage() throws {
        // Captions stay in the form's face (a box refuses a two-line caption); values follow the theme.
        let pages = try pages(try document { $0["theme"] = ["fontFamily": "Noto Sans Mono"] })
        #expect(pages.count == 1)
        #expect(texts(pages[0]).contains("10.58"))
    }

    @Test func aLongDescriptionWrapsInsteadOfBeingClipped() throws {
        let description = (1...40).map { "word\($0)" }.joined(separator: " ")
        let pages = try pages(try document { object in
            var lines = object["lines"] as! [[String: Any]]
            lines[0]["description"] = description
            object["lines"] = lines
        })
        #expect(pages.count == 1)
        let printed = texts(pages[0]).joined(separator: " ")
        for index in 1...40 { #expect(printed.contains("word\(index)")) }
    }
}
