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
