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
        forEachLine(of: invoice) { lines.append($0) }
        return lines
    }

    /// Calls `body` with each priced line of `invoice` in document order, without keeping them:
    /// each shipment is read once (a streamed invoice decodes it from its input), and with
    /// `informational`, each informational (INF) charge on the way.
    static func forEachLine(of invoice: Invoice, informational: ((String) -> Void)? = nil, _ body: (InvoiceLine) -> Void) {
        let zero = Money.zero(invoice.currency)
        for (s, shipment) in (invoice.shipments ?? []).enumerated() {
            var note: String?
            for (c, charge) in shipment.charges.enumerated() {
                guard !charge.isInformational else {
                    informational?("\(shipment.trackingNumber): \(charge.description)")
                    continue
                }
                if note == nil {
                    var text = "\(shipment.trackingNumber) · \(shipment.date) · \(shipment.service)"
                    if let references = shipment.references, !references.isEmpty { text += " · " + references.joined(separator: ", ") }
                    note = text
                }
                body(InvoiceLine(location: .charge(shipment: s, charge: c), code: charge.code, name: charge.description,
                                 note: note, published: charge.publishedAmount,
                                 incentive: charge.incentiveAmount ?? zero, net: charge.netAmount,
                                 category: charge.vatCategory, rate: charge.vatRate))
            }
        }
        for (a, adjustment) in (invoice.adjustments ?? []).enumerated() {
            let parts = [adjustment.date?.description, adjustment.reason, adjustment.originalTrackingNumber, adjustment.originalInvoiceNumber].compactMap { $0 }
            body(InvoiceLine(location: .adjustment(a), code: adjustment.category?.rawValue, name: adjustment.description,
                             note: parts.isEmpty ? nil : parts.joined(separator: " · "), published: adjustment.publishedAmount,
                             incentive: adjustment.incentiveAmount ?? zero, net: adjustment.netAmount,
                             category: adjustment.vatCategory, rate: adjustment.vatRate))
        }
        for (i, charge) in (invoice.importCharges ?? []).enumerated() {
            body(InvoiceLine(location: .importCharge(i), code: charge.code, name: charge.description,
                             note: charge.entryNumber, published: charge.amount, incentive: zero, net: charge.amount,
                             category: charge.vatCategory, rate: charge.vatRate))
        }
    }
}

/// What the EN 16931 checks and the XML header need from the lines, gathered in one pass over them
/// so that the lines themselves are never all kept: the first line, the first of each VAT
/// category, the first standard-rated line without a positive rate, and the informational charges
/// (which become notes).
struct InvoiceLineWitnesses {
    private(set) var first: InvoiceLine?
    private(set) var firstByCategory: [VATCategory: InvoiceLine] = [:]
    private(set) var firstStandardWithoutRate: InvoiceLine?
    private(set) var informationalNotes: [String] = []

    init(_ invoice: Invoice) {
        var first: InvoiceLine?
        var firstByCategory: [VATCategory: InvoiceLine] = [:]
        var firstStandardWithoutRate: InvoiceLine?
        var notes: [String] = []
        InvoiceLine.forEachLine(of: invoice, informational: { notes.append($0) }) { line in
            if first == nil { first = line }
            if let category = line.category, firstByCategory[category] == nil { firstByCategory[category] = line }
            if firstStandardWithoutRate == nil, line.category == .S, (line.rate?.value ?? 0) <= 0 { firstStandardWithoutRate = line }
        }
        self.first = first
        self.firstByCategory = firstByCategory
        self.firstStandardWithoutRate = firstStandardWithoutRate
        self.informationalNotes = notes
    }
}
