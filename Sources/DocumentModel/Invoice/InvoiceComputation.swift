import Foundation

/// A priced line of any section, seen uniformly for totals and VAT.
struct PricedLine {
    /// Where the line is; its JSON path is spelled out only when an issue names it.
    enum Location { case charge(shipment: Int, charge: Int), adjustment(Int), importCharge(Int) }
    let location: Location
    var path: [PathComponent] {
        switch location {
        case .charge(let s, let c): return [.key("shipments"), .index(s), .key("charges"), .index(c)]
        case .adjustment(let a): return [.key("adjustments"), .index(a)]
        case .importCharge(let i): return [.key("importCharges"), .index(i)]
        }
    }
    let net: Money
    let incentive: Money
    let category: VATCategory?
    let rate: ExactDecimal?
    let exemptionReason: String?
    let informational: Bool
}

extension PricedLine {
    /// Charge `c` of shipment `s`.
    init(_ charge: Charge, shipment s: Int, charge c: Int, zero: Money) {
        self.init(location: .charge(shipment: s, charge: c), net: charge.netAmount,
                  incentive: charge.incentiveAmount ?? zero, category: charge.vatCategory, rate: charge.vatRate,
                  exemptionReason: charge.exemptionReason, informational: charge.isInformational)
    }
}

extension Invoice {
    /// Calls `body` with every line of the invoice in document order, without keeping
    /// them all: a large invoice has one line per charge.
    func forEachPricedLine(_ body: (PricedLine) -> Void) {
        let zero = Money.zero(currency)
        for (s, shipment) in (shipments ?? []).enumerated() {
            for (c, charge) in shipment.charges.enumerated() { body(PricedLine(charge, shipment: s, charge: c, zero: zero)) }
        }
        forEachPricedLineAfterShipments(body)
    }

    /// The priced lines that follow the shipments' charges: adjustments, then import charges.
    func forEachPricedLineAfterShipments(_ body: (PricedLine) -> Void) {
        let zero = Money.zero(currency)
        for (a, adjustment) in (adjustments ?? []).enumerated() {
            body(PricedLine(location: .adjustment(a), net: adjustment.netAmount,
                            incentive: adjustment.incentiveAmount ?? zero, category: adjustment.vatCategory,
                            rate: adjustment.vatRate, exemptionReason: adjustment.exemptionReason, informational: false))
        }
        for (i, charge) in (importCharges ?? []).enumerated() {
            body(PricedLine(location: .importCharge(i), net: charge.amount, incentive: zero,
                            category: charge.vatCategory, rate: charge.vatRate, exemptionReason: charge.exemptionReason,
                            informational: false))
        }
    }

    /// Computes every printed figure (EN 16931): line net = published − incentive; VAT grouped by
    /// (category, rate) and rounded once per group, half away from zero; totals from the rounded groups.
    /// Figures stated in `totals` are not used, except `prepaid`, which is an input.
    ///
    /// ```swift
    /// let totals = invoice.computeTotals()
    /// print(totals.vatGroups.map { "\($0.category) \($0.rate): \($0.amount.plainText)" })
    /// ```
    public func computeTotals() -> ComputedInvoice {
        let zero = Money.zero(currency)
        // The shipments' part in one pass (gathered while a streamed invoice was decoded), then the
        // other lines: incentives of every line; net and VAT groups of the priced ones
        // (informational lines excluded), each summed in document order.
        let figures = (shipments ?? []).figures(currency: currency)
        var vat = figures.vat
        var net = figures.net
        var totalIncentives = figures.totalIncentives
        forEachPricedLineAfterShipments { line in
            totalIncentives = totalIncentives + line.incentive
            guard !line.informational else { return }
            net = net + line.net
            vat.add(line)
        }
        let shipmentSubtotals = figures.subtotals
        let summaryOrder = figures.summaryOrder
        let summary = figures.summary
        let imports = importCharges ?? []

        let vatGroups = vat.groups
        let totalVat = vatGroups.map(\.amount).sum(in: currency)
        let prepaid = totals?.prepaid ?? zero
        return ComputedInvoice(
            currency: currency,
            shipmentSubtotals: shipmentSubtotals,
            shipmentsTotal: shipmentSubtotals.sum(in: currency),
            adjustmentsTotal: (adjustments ?? []).map(\.netAmount).sum(in: currency),
            disbursementsTotal: imports.filter(\.isDisbursement).map(\.amount).sum(in: currency),
            importFeesTotal: imports.filter { !$0.isDisbursement }.map(\.amount).sum(in: currency),
            chargeSummary: summaryOrder.map { key in
                let (p, i, n) = summary[key]!
                return ClassificationSubtotal(classification: key, published: p, incentives: i, net: n)
            },
            totalIncentives: totalIncentives,
            net: net,
            vatGroups: vatGroups,
            totalVat: totalVat,
            totalInclVat: net + totalVat,
            prepaid: prepaid,
            amountDue: net + totalVat - prepaid)
    }
}

/// Lines carrying a VAT category grouped by (category, numeric rate) in first-appearance order, built
/// line by line with one dictionary lookup each. A missing rate (allowed for non-S categories) is rate 0.
struct VATGrouping {
    private struct Key: Hashable { let category: VATCategory; let rate: Decimal }
    private let currency: Currency
    private var index: [Key: Int] = [:]
    private var order: [(key: Key, rate: ExactDecimal, base: Money, reasons: [String])] = []

    init(currency: Currency) { self.currency = currency }

    mutating func add(_ line: PricedLine) {
        guard let category = line.category else { return }
        let rate = line.rate ?? ExactDecimal(Decimal(0))
        let key = Key(category: category, rate: rate.value)
        let position: Int
        if let found = index[key] {
            position = found
        } else {
            position = order.count
            index[key] = position
            order.append((key, rate, .zero(currency), []))
        }
        order[position].base = order[position].base + line.net
        if let reason = line.exemptionReason, !order[position].reasons.contains(reason) { order[position].reasons.append(reason) }
    }

    var groups: [ComputedVATGroup] {
        order.map { group in
            ComputedVATGroup(category: group.key.category, rate: group.rate, base: group.base,
                             amount: group.base.percentage(group.rate), exemptionReasons: group.reasons)
        }
    }
}
