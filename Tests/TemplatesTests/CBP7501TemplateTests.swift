import DocumentModel
import Foundation
import PageFrames
import Testing
import Typesetting
@testable import Templates

@Suite struct CBP7501TemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let typesetter = try! Typesetter.bundled()

    func json(_ sample: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.repository.appendingPathComponent("Samples/\(sample)/input.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func pages(_ object: [String: Any], options: TemplateOptions = TemplateOptions()) throws -> [[String]] {
        let decoded = try DocumentDecoder().decode(try JSONSerialization.data(withJSONObject: object))
        let layout = try DocumentTemplates.layout(decoded, typesetter: typesetter, options: options)
        return try Paginator(typesetter: typesetter, template: layout.template).pages(layout.content).map { page in
            page.items.compactMap { item in
                guard case .glyphs(let run) = item else { return nil }
                return run.text
            }
        }
    }

    @Test func exampleFitsOnePageWithEveryBlockFilled() throws {
        let texts = try pages(json("cbp-7501"))
        #expect(texts.count == 1)
        let page = texts[0].joined(separator: "\n")
        for expected in ["F7Q-0412345-6", "01 ABI/A", "02/24/2025", "PACIFIC LANTERN", "8471.30.0100", "6110.20.2079",
                         "12,346", "C 1,184", "8,000", "16.5%", "FREE", "1,320.00", "70.48", "25.43", "95.91", "1,415.91",
                         "$20,346", "Crescent Bay Customs Brokerage LLC", "CB25-00417", "[X] owner or purchaser"] {
            #expect(page.contains(expected), "“\(expected)” missing")
        }
        // 2024 numbering: Blocks 21–24 exist and Block 44 is the total.
        #expect(texts[0].contains("21  Country of Melt and Pour"))
        #expect(texts[0].contains("44  Total"))
    }

    @Test func revision2009NumbersLaterBlocksFourLower() throws {
        var object = try json("cbp-7501")
        object["formRevision"] = "2009"
        let texts = try pages(object)[0]
        #expect(!texts.contains { $0.contains("Country of Melt") })
        #expect(texts.contains("21  Location of Goods/G.O. No."))
        #expect(texts.contains("40  Total"))
        #expect(texts.contains { $0.hasPrefix("27.") })
    }

    @Test func linesBeyondTheFirstSheetContinueWithTheirHeader() throws {
        let texts = try pages(json("cbp-7501-continuation"))
        #expect(texts.count == 2)
        #expect(texts[1].contains("CBP Form 7501 — CONTINUATION SHEET"))
        #expect(texts[1].contains("32. Description of Merchandise"))
        let numbers = texts.flatMap { $0 }.filter { $0.count == 3 && $0.hasPrefix("0") && Int($0) != nil }
        #expect(numbers == (1...18).map { String(format: "%03d", $0) })
        #expect(texts[1].contains("Page 2 of 2"))
    }

    @Test func frenchCaptionsOnRequest() throws {
        let texts = try pages(json("cbp-7501"), options: TemplateOptions(frenchFormCaptions: true))[0]
        #expect(texts.contains("3  Date du récapitulatif"))
        #expect(texts.contains("RÉCAPITULATIF DE DÉCLARATION"))
        #expect(!texts.contains("3  Summary Date"))
    }
}
