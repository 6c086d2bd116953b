import DocumentModel

/// One EN 16931 invoice line (BG-25) taken from a priced line of the model: a shipment charge, an
/// adjustment or an import charge, in the order the printed page lists them. Informational (INF)
/// charges carry no amount and are not invoice lines (they become notes).
struct InvoiceLine {
    /// Where the line is in the document; its JSON path is spelled out only for an error.
    enum Location { case charge(shipment: Int, charge: Int), adjustment(Int), importCharge(Int) }
    let location: Location
    /// Seller's item code (BT-155): the charge code or adjustment category.
    let code: String?
    /// Item name (BT-153).
    let name: String
    /// Line note (BT-127): tracking number, entry number, reason…
    let note: String?
    /// Published (gross) amount, the incentive and the net amount, as the model computes them.
    let published: Money
    let incentive: Money
    let net: Money
    let category: VATCategory?
    let rate: ExactDecimal?

    /// JSON path of the model line (`$.shipments[0].charges[1]`), for errors.
    var path: String {
        switch location {
        case .charge(let s, let c): return "$.shipments[\(s)].charges[\(c)]"
        case .adjustment(let a): return "$.adjustments[\(a)]"
        case .importCharge(let i): return "$.importCharges[\(i)]"
        }
    }

    /// The priced lines of `invoice`, in document order (the order `computeTotals` sums them).
    static func lines(of invoice: Invoice) -> [InvoiceLine] {
        var lines: [InvoiceLine] = []
        let zero = Money.zero(invoice.currency)
        for (s, shipment) in (invoice.shipments ?? []).enumerated() {
            var note = "\(shipment.trackingNumber) · \(shipment.date) · \(shipment.service)"
            if let references = shipment.references, !references.isEmpty { note += " · " + references.joined(separator: ", ") }
            for (c, charge) in shipment.charges.enumerated() where !charge.isInformational {
                lines.append(InvoiceLine(location: .charge(shipment: s, charge: c), code: charge.code, name: charge.description,
                                         note: note, published: charge.publishedAmount,
                                         incentive: charge.incentiveAmount ?? zero, net: charge.netAmount,
                                         category: charge.vatCategory, rate: charge.vatRate))
            }
        }
        for (a, adjustment) in (invoice.adjustments ?? []).enumerated() {
            let parts = [adjustment.date?.description, adjustment.reason, adjustment.originalTrackingNumber, adjustment.originalInvoiceNumber].compactMap { $0 }
            lines.append(InvoiceLine(location: .adjustment(a), code: adjustment.category?.rawValue, name: adjustment.description,
                                     note: parts.isEmpty ? nil : parts.joined(separator: " · "), published: adjustment.publishedAmount,
                                     incentive: adjustment.incentiveAmount ?? zero, net: adjustment.netAmount,
                                     category: adjustment.vatCategory, rate: adjustment.vatRate))
        }
        for (i, charge) in (invoice.importCharges ?? []).enumerated() {
            lines.append(InvoiceLine(location: .importCharge(i), code: charge.code, name: charge.description,
                                     note: charge.entryNumber, published: charge.amount, incentive: zero, net: charge.amount,
                                     category: charge.vatCategory, rate: charge.vatRate))
        }
        return lines
    }

    /// The informational (INF) charges, which become notes.
    static func informationalNotes(of invoice: Invoice) -> [String] {
        (invoice.shipments ?? []).flatMap { shipment in
            shipment.charges.filter(\.isInformational).map { "\(shipment.trackingNumber): \($0.description)" }
        }
    }
}
