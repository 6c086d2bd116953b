import DocumentModel

/// The seller's identification line at the foot of every page. For a French seller it carries the
/// mandatory mentions (Code de commerce R123-237): name, legal form, share capital, RCS, SIREN and
/// VAT number.
struct LegalMentions {
    let template: InvoiceTemplate

    func footerLine() -> String? {
        let seller = template.invoice.seller
        let labels = template.context.labels
        var parts: [String] = []
        var identity = LegalNameFormatter.string(name: seller.name, legalForm: seller.legalForm)
        // "X SAS au capital de 2 500 000 EUR", "X GmbH, Stammkapital 25.000 EUR": the order is the language's.
        if let capital = seller.shareCapital { identity = labels.format("legal.capital", ["name": identity, "capital": capital]) }
        parts.append(identity)
        if let rcs = seller.rcs { parts.append(rcs) }
        if let siren = seller.siren { parts.append("\(labels["legal.siren"]) \(siren)") }
        if let vat = seller.vatId { parts.append("\(labels["legal.vatId"]) \(vat)") }
        guard template.isFrenchSeller || parts.count > 1 else { return nil }
        return parts.joined(separator: " · ")
    }
}
