import Testing
@testable import DocumentModel

@Suite struct LegalNameFormatterTests {
    @Test(arguments: [
        // The German invoice: name and legal form both end in the form.
        ("Paketdienst Nordlicht GmbH", "GmbH", "Paketdienst Nordlicht GmbH"),
        ("Paketdienst Nordlicht GmbH.", "GmbH", "Paketdienst Nordlicht GmbH."),
        ("Paketdienst Nordlicht gmbh", "GmbH.", "Paketdienst Nordlicht gmbh"),
        ("Lakeshore Parcel Lines, Inc.", "Inc.", "Lakeshore Parcel Lines, Inc."),
        ("Lakeshore Parcel Lines, Inc.", "Inc", "Lakeshore Parcel Lines, Inc."),
        ("Lakeshore Parcel Lines Inc", ", Inc.", "Lakeshore Parcel Lines Inc"),
        ("Vélocité Colis France S.A.S.", "SAS", "Vélocité Colis France S.A.S."),
        ("Vélocité Colis France S. A. S.", "SAS", "Vélocité Colis France S. A. S."),
        ("Nordlicht Logistik GmbH & Co. KG", "GmbH & Co. KG", "Nordlicht Logistik GmbH & Co. KG"),
        // Appended when the name does not end in the form.
        ("Vélocité Colis France", "SAS", "Vélocité Colis France SAS"),
        ("Paketdienst Nordlicht", "GmbH", "Paketdienst Nordlicht GmbH"),
        ("GmbH-Beratung Schulz", "GmbH", "GmbH-Beratung Schulz GmbH"),
        // Whole words only: "Tomas" does not end in "AS", "Kasas" not in "SAS".
        ("Tomas", "AS", "Tomas AS"),
        ("Kasas", "SAS", "Kasas SAS"),
        ("Nordlicht Logistik KG", "GmbH & Co. KG", "Nordlicht Logistik KG GmbH & Co. KG"),
    ])
    func legalFormIsAppendedOnce(_ row: (String, String, String)) {
        #expect(LegalNameFormatter.string(name: row.0, legalForm: row.1) == row.2)
    }

    @Test func missingOrBlankFormLeavesTheName() {
        #expect(LegalNameFormatter.string(name: "Prairie Bloom Candles LLC", legalForm: nil) == "Prairie Bloom Candles LLC")
        #expect(LegalNameFormatter.string(name: "Prairie Bloom Candles", legalForm: " . ") == "Prairie Bloom Candles")
    }
}
