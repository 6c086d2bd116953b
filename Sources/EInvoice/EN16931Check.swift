import DocumentModel

/// The EN 16931 rules a decoded invoice can still break (the decoder already enforces the rest: one
/// currency, totals, VAT categories on every line or none, AE needs the buyer's VAT id, O unmixed,
/// E needs a reason, credit notes name the original invoice). Each failure names the JSON path of the
/// member to fix and the rule, so a render fails instead of writing an XML validators reject.
///
/// Checked, in this order: BR-DEC-23 (at most 2 decimals), BR-16 (one line at least), BR-S-05 (S rate
/// above 0), BR-CO-26 (seller identified), BR-S-02/BR-Z-02/BR-E-02 (seller VAT or tax registration
/// id), BR-AE-02, BR-IC-02, BR-G-02 (seller VAT id; buyer's for AE and K), BR-IC-11/BR-IC-12
/// (intra-community supply: a period and a delivery country), BR-CO-25 (a positive amount due needs
/// a due date or payment terms).
enum EN16931Check {
    static func check(_ invoice: Invoice, totals: ComputedInvoice, lines: InvoiceLineWitnesses) throws {
        if invoice.currency.minorUnitExponent > 2 {
            throw EInvoiceError(path: "$.currency", rule: "BR-DEC-23",
                                reason: "EN 16931 amounts have at most 2 decimals; \(invoice.currency.code) has \(invoice.currency.minorUnitExponent)")
        }
        guard let firstLine = lines.first else {
            throw EInvoiceError(path: "$.shipments", rule: "BR-16", reason: "an EN 16931 invoice needs at least one priced line (informational charges do not count)")
        }
        if let line = lines.firstStandardWithoutRate {
            throw EInvoiceError(path: line.path + ".vatRate", rule: "BR-S-05", reason: "a standard-rated (S) line needs a VAT rate above 0")
        }
        let seller = invoice.seller
        let buyer = invoice.billTo
        let noVAT = firstLine.category == nil || firstLine.category == .O
        // With category O the XML carries no VAT identifier (BR-O-02), so it cannot identify the seller.
        let sellerVAT = noVAT ? nil : seller.vatId
        if sellerVAT == nil && seller.siren == nil && seller.siret == nil && seller.taxId == nil {
            throw EInvoiceError(path: noVAT ? "$.seller.taxId" : "$.seller.vatId", rule: "BR-CO-26",
                                reason: "the seller needs an identifier: vatId, siren, siret or taxId" + (noVAT ? " other than the VAT id, which an invoice outside the scope of VAT cannot carry (BR-O-02)" : ""))
        }
        func first(_ category: VATCategory) -> InvoiceLine? { lines.firstByCategory[category] }
        for (category, rule) in [(VATCategory.S, "BR-S-02"), (.Z, "BR-Z-02"), (.E, "BR-E-02")] {
            if let line = first(category), seller.vatId == nil, seller.taxId == nil {
                throw EInvoiceError(path: "$.seller.vatId", rule: rule,
                                    reason: "required (or seller.taxId) because \(line.path) has VAT category \(category.rawValue)")
            }
        }
        if let line = first(.AE) {
            if seller.vatId == nil && seller.taxId == nil {
                throw EInvoiceError(path: "$.seller.vatId", rule: "BR-AE-02", reason: "required because \(line.path) is reverse-charged (AE)")
            }
            if buyer.vatId == nil && buyer.siren == nil && buyer.siret == nil {
                throw EInvoiceError(path: "$.billTo.vatId", rule: "BR-AE-02", reason: "required because \(line.path) is reverse-charged (AE)")
            }
        }
        if let line = first(.K) {
            if seller.vatId == nil {
                throw EInvoiceError(path: "$.seller.vatId", rule: "BR-IC-02", reason: "required because \(line.path) is an intra-community supply (K)")
            }
            if buyer.vatId == nil {
                throw EInvoiceError(path: "$.billTo.vatId", rule: "BR-IC-02", reason: "required because \(line.path) is an intra-community supply (K)")
            }
            if invoice.billingPeriod == nil {
                throw EInvoiceError(path: "$.billingPeriod", rule: "BR-IC-11", reason: "required because \(line.path) is an intra-community supply (K)")
            }
            if invoice.deliveryAddress == nil {
                throw EInvoiceError(path: "$.deliveryAddress", rule: "BR-IC-12", reason: "the deliver-to country is required because \(line.path) is an intra-community supply (K)")
            }
        }
        if let line = first(.G), seller.vatId == nil {
            throw EInvoiceError(path: "$.seller.vatId", rule: "BR-G-02", reason: "required because \(line.path) is an export outside the EU (G)")
        }
        let sign: Int64 = invoice.type == .creditNote ? -1 : 1
        if totals.amountDue.minorUnits * sign > 0 && invoice.dueDate == nil && invoice.payment?.terms == nil {
            throw EInvoiceError(path: "$.dueDate", rule: "BR-CO-25", reason: "an amount is due (\(totals.amountDue.plainText)): give dueDate or payment.terms")
        }
    }
}
