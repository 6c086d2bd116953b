import DocumentModel
import Testing

extension TestInvoices {
    /// The French example with every priced line in one VAT category (rate 0 unless S), for the
    /// categories the examples do not use.
    static func variant(_ category: VATCategory, reason: String? = nil, _ change: (inout Invoice) -> Void = { _ in }) throws -> Invoice {
        var invoice = try #require(TestInvoices.named("example invoice-delivery-fr.json")).invoice
        invoice.totals = nil
        for s in invoice.shipments!.indices {
            for c in invoice.shipments![s].charges.indices {
                invoice.shipments![s].charges[c].vatCategory = category
                invoice.shipments![s].charges[c].vatRate = category == .S ? "20" : "0"
                invoice.shipments![s].charges[c].exemptionReason = reason
            }
        }
        invoice.adjustments = invoice.adjustments?.map { adjustment in
            var adjustment = adjustment
            adjustment.vatCategory = category
            adjustment.vatRate = category == .S ? "20" : "0"
            adjustment.exemptionReason = reason
            return adjustment
        }
        change(&invoice)
        return invoice
    }

    /// Every VAT category, negative lines in an invoice, a prepaid amount, a credit note with a
    /// positive line, mixed S/Z/E groups.
    static let variants: [Entry] = (try? makeVariants()) ?? []

    static func makeVariants() throws -> [Entry] {
        let void = Adjustment(category: .VOID, description: "Annulation d'envoi", publishedAmount: Money("-14.60", currency: .eur)!,
                              incentiveAmount: Money("-3.65", currency: .eur)!, vatCategory: .S, vatRate: "20")
        let variants: [(String, Invoice)] = [
            ("variant AE (reverse charge)", try variant(.AE) { $0.billTo.country = "DE"; $0.billTo.vatId = "DE123456789" }),
            ("variant Z (zero rated)", try variant(.Z)),
            ("variant E (exempt, reason without code)", try variant(.E, reason: "Exonération de TVA, article 262 du CGI")),
            ("variant K (intra-community)", try variant(.K) {
                $0.billTo.country = "DE"; $0.billTo.vatId = "DE123456789"
                $0.deliveryAddress = Party(name: "Lager Köln", city: "Köln", country: "DE")
            }),
            ("variant G (export)", try variant(.G) { $0.billTo.country = "CH"; $0.billTo.vatId = nil }),
            ("variant O (outside the scope, no VAT ids)", try variant(.O)),
            ("variant S with a void, a prepaid amount and Z and E lines", try variant(.S) {
                $0.adjustments = [void]
                $0.shipments![0].charges[1].vatCategory = .Z
                $0.shipments![0].charges[1].vatRate = "0"
                $0.shipments![1].charges[1].vatCategory = .E
                $0.shipments![1].charges[1].vatRate = "0"
                $0.shipments![1].charges[1].exemptionReason = "VATEX-EU-132-1A"
                $0.totals = InvoiceTotals(prepaid: Money("100.00", currency: .eur)!)
            }),
            ("variant credit note with a positive line", try variant(.S) {
                $0.type = .creditNote
                $0.originalInvoiceNumber = "0000F2500981"
                $0.shipments = nil
                $0.adjustments = [void, Adjustment(category: .SCC, description: "Correction", publishedAmount: Money("2.00", currency: .eur)!,
                                                   vatCategory: .S, vatRate: "20")]
            }),
        ]
        return variants.map { Entry(name: $0.0, invoice: $0.1, totals: $0.1.computeTotals()) }
    }
}
