import Foundation

/// What the totals, the bound on computed magnitudes and the VAT rules need from an invoice's
/// shipments, gathered in one pass over them. A streamed invoice gathers it while its shipments are
/// decoded, so none of them is read again for the figures; an array of shipments is gathered when
/// asked (it may have been changed in code).
struct ShipmentFigures: Sendable {
    let currency: Currency
    /// Sum of the magnitudes of every published and incentive amount, in minor units, while it fits.
    private(set) var magnitude: UInt64 = 0
    /// The same sum, exactly, once it no longer fits in `UInt64` (hostile amounts only).
    private(set) var magnitudeBeyond: Decimal?
    private(set) var vat: VATGrouping
    private(set) var net: Money
    private(set) var totalIncentives: Money
    private(set) var subtotals: [Money] = []
    private(set) var summaryOrder: [ChargeClassification] = []
    private(set) var summary: [ChargeClassification: (published: Money, incentives: Money, net: Money)] = [:]
    /// The VAT rules' witnesses among the priced lines: the first one, the first reverse-charged,
    /// the first outside scope (O), the first of another category, and every line that has a
    /// category where the first priced line has none, or the reverse.
    private(set) var firstPriced: PricedLine?
    private(set) var firstReverse: PricedLine?
    private(set) var firstOutsideScope: PricedLine?
    private(set) var firstOtherCategory: PricedLine?
    private(set) var categoryPresenceMismatches: [PricedLine] = []

    init(currency: Currency) {
        self.currency = currency
        vat = VATGrouping(currency: currency)
        net = .zero(currency)
        totalIncentives = .zero(currency)
    }

    /// The figures of `shipments`, in one pass.
    init(_ shipments: ShipmentList, currency: Currency) {
        self.init(currency: currency)
        for (index, shipment) in shipments.enumerated() { add(shipment, at: index) }
    }

    /// Adds shipment `index`; shipments must come in document order.
    mutating func add(_ shipment: Shipment, at index: Int) {
        let zero = Money.zero(currency)
        var subtotal = zero
        for (c, charge) in shipment.charges.enumerated() {
            addMagnitude(charge.publishedAmount)
            if let incentive = charge.incentiveAmount { addMagnitude(incentive) }
            let line = PricedLine(charge, shipment: index, charge: c, zero: zero)
            totalIncentives = totalIncentives + line.incentive
            guard !line.informational else { continue }
            net = net + line.net
            vat.add(line)
            witness(line)
            subtotal = subtotal + charge.netAmount
            let key = charge.effectiveClassification
            let (p, i, n) = summary[key] ?? {
                summaryOrder.append(key)
                return (zero, zero, zero)
            }()
            summary[key] = (p + charge.publishedAmount, i + (charge.incentiveAmount ?? zero), n + charge.netAmount)
        }
        subtotals.append(subtotal)
    }

    private mutating func addMagnitude(_ money: Money) {
        let value = money.minorUnits.magnitude
        if let beyond = magnitudeBeyond {
            magnitudeBeyond = beyond + Decimal(value)
            return
        }
        let (total, overflow) = magnitude.addingReportingOverflow(value)
        if overflow { magnitudeBeyond = Decimal(magnitude) + Decimal(value) } else { magnitude = total }
    }

    /// Notes a priced line for the VAT rules (adjustments and import charges come through here too,
    /// after the shipments, on a copy).
    mutating func witness(_ line: PricedLine) {
        if let first = firstPriced {
            if (line.category != nil) != (first.category != nil) { categoryPresenceMismatches.append(line) }
        } else {
            firstPriced = line
        }
        if firstReverse == nil, line.category == .AE { firstReverse = line }
        if firstOutsideScope == nil, line.category == .O { firstOutsideScope = line }
        if firstOtherCategory == nil, let category = line.category, category != .O { firstOtherCategory = line }
    }

    /// The exact sum of the magnitudes.
    var magnitudeSum: Decimal { magnitudeBeyond ?? Decimal(magnitude) }
}

extension ShipmentList {
    /// The figures of these shipments in `currency`: those gathered while a streamed list was
    /// decoded, else one pass over the list.
    func figures(currency: Currency) -> ShipmentFigures {
        if let gathered = streamed?.figures, gathered.currency == currency { return gathered }
        return ShipmentFigures(self, currency: currency)
    }
}
