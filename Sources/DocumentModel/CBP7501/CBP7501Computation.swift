/// Computed figures of one 7501 line.
///
/// ```swift
/// entry.compute().lines[1].duty.plainText // "1320.00"
/// ```
public struct CBP7501LineComputation: Sendable, Hashable {
    /// Block 31 line number.
    public let lineNumber: Int
    /// Block 36A — entered value rounded to whole dollars (half away from zero): the dutiable base.
    public let enteredValue: Money
    /// Block 36B — freight and insurance charges in whole dollars (printed prefixed "C"), when given.
    public let charges: Money?
    /// Block 38 — duty at the HTSUS rate, to the cent.
    public let duty: Money
    /// Duty of each additional tariff, in order.
    public let additionalDuties: [Money]
    /// Block 38 — AD/CVD duty (computed from adCvdRate, else as stated, else 0).
    public let adCvdDuty: Money
    /// Block 38 — IR tax (computed from ircRate, else as stated, else 0).
    public let irTax: Money
    /// This line's MPF share: entered value × MPF rate, to the cent (before the entry-level clamp).
    public let mpf: Money
    /// This line's HMF share (vessel modes only), to the cent.
    public let hmf: Money

    /// duty + additional duties + AD/CVD.
    public var totalDuty: Money { ([duty, adCvdDuty] + additionalDuties).sum(in: duty.currency) }
}

/// One Block 39 fee with its amount (computed for 499 and 501, given otherwise).
///
/// ```swift
/// entry.compute().fees.map(\.amount.plainText) // ["70.48", "25.43"]
/// ```
public struct CBP7501FeeComputation: Sendable, Hashable {
    /// Fee class code.
    public let classCode: String
    /// Name as printed.
    public let description: String?
    /// Amount.
    public let amount: Money
}

/// Every figure a 7501 template prints: per-line entered values, duties and fee shares, the
/// Block 39 fee summary and Blocks 41–44.
///
/// ```swift
/// let c = entry.compute()
/// c.mpf.plainText   // "70.48"
/// c.hmf.plainText   // "25.43"
/// c.total.plainText // "1415.91"
/// ```
public struct CBP7501Computation: Sendable, Hashable {
    /// Per-line figures, in line order.
    public let lines: [CBP7501LineComputation]
    /// Block 39 — Σ whole-dollar entered values.
    public let totalEnteredValue: Money
    /// MPF of the entry: Σ line shares clamped to the fiscal year's minimum and maximum.
    public let mpf: Money
    /// The MPF schedule applied, nil when the entry date is outside the table (MPF then unclamped).
    public let mpfSchedule: MPFSchedule?
    /// HMF of the entry: Σ line shares for vessel modes; 0.00 when ≤ 3.00 and nothing else is due.
    public let hmf: Money
    /// Block 39 — the fees listed by the document, in order, with their amounts.
    public let fees: [CBP7501FeeComputation]
    /// Block 39 — Σ fee amounts.
    public let totalOtherFees: Money
    /// Block 41 — Σ duty, additional tariff and AD/CVD amounts.
    public let duty: Money
    /// Block 42 — Σ IR taxes.
    public let tax: Money
    /// Block 43 — Σ other fees.
    public let other: Money
    /// Block 44 — duty + tax + other.
    public let total: Money
}

extension CBP7501Entry {
    /// Computes every printed figure following the CBP 7501 instructions: entered value per line in whole
    /// dollars (half away from zero) and every duty and fee computed on it; duty per line to the cent;
    /// MPF 0.3464 % per line, summed, clamped to the fiscal-year minimum/maximum of the entry date;
    /// HMF 0.125 % per line for vessel modes 10–12, reported 0.00 when ≤ 3.00 and nothing else is due.
    /// Fee amounts stated for class codes other than 499/501 are used as given.
    ///
    /// ```swift
    /// entry.compute().duty.plainText // "1320.00"
    /// ```
    public func compute() -> CBP7501Computation {
        let usd = Currency.usd
        let zero = Money.zero(usd)
        let vessel = HMFSchedule.vesselModes.contains(modeOfTransport)
        let schedule = MPFSchedule.fiscalYear(containing: entryDate)
        let mpfRate = schedule?.ratePercent ?? MPFSchedule.table.last!.ratePercent
        let lineFigures = lines.map { line -> CBP7501LineComputation in
            let value = line.enteredValue.roundedToWholeUnits()
            let quantity = line.netQuantity.value
            return CBP7501LineComputation(
                lineNumber: line.lineNumber, enteredValue: value, charges: line.charges?.roundedToWholeUnits(),
                duty: line.htsRate.duty(on: value, quantity: quantity),
                additionalDuties: (line.additionalTariffs ?? []).map { $0.htsRate.duty(on: value, quantity: quantity) },
                adCvdDuty: line.adCvdRate?.duty(on: value, quantity: quantity) ?? line.adCvdAmount ?? zero,
                irTax: line.ircRate?.duty(on: value, quantity: quantity) ?? line.irTax ?? zero,
                mpf: value.percentage(mpfRate),
                hmf: vessel ? value.percentage(HMFSchedule.ratePercent) : zero)
        }
        let rawMPF = lineFigures.map(\.mpf).sum(in: usd)
        let mpf = schedule.map { $0.clamp(rawMPF) } ?? rawMPF
        let duty = lineFigures.map(\.totalDuty).sum(in: usd)
        let tax = lineFigures.map(\.irTax).sum(in: usd)
        let listed = fees ?? []
        let otherFees = listed.filter { $0.classCode != "499" && $0.classCode != "501" }.compactMap(\.amount).sum(in: usd)
        let mpfListed = listed.contains { $0.classCode == "499" }
        var hmf = lineFigures.map(\.hmf).sum(in: usd)
        let elseDue = duty + tax + otherFees + (mpfListed ? mpf : zero)
        if hmf <= HMFSchedule.collectionThreshold && elseDue.minorUnits == 0 { hmf = zero }
        let feeFigures = listed.map { fee -> CBP7501FeeComputation in
            let amount: Money
            switch fee.classCode {
            case "499": amount = mpf
            case "501": amount = hmf
            default: amount = fee.amount ?? zero
            }
            return CBP7501FeeComputation(classCode: fee.classCode, description: fee.effectiveDescription, amount: amount)
        }
        let other = feeFigures.map(\.amount).sum(in: usd)
        return CBP7501Computation(lines: lineFigures, totalEnteredValue: lineFigures.map(\.enteredValue).sum(in: usd), mpf: mpf,
                                  mpfSchedule: schedule, hmf: hmf, fees: feeFigures, totalOtherFees: other, duty: duty, tax: tax,
                                  other: other, total: duty + tax + other)
    }

    /// Library checks needing the computation: stated per-line and fee amounts and totals; warnings.
    func validate(_ c: CBP7501Computation, in session: DecodingSession) {
        for (i, (line, figures)) in zip(lines, c.lines).enumerated() {
            let base: [PathComponent] = [.key("lines"), .index(i)]
            session.checkStated(base + [.key("dutyAmount")], line.dutyAmount, figures.duty)
            if line.adCvdRate != nil { session.checkStated(base + [.key("adCvdAmount")], line.adCvdAmount, figures.adCvdDuty) }
            if line.ircRate != nil { session.checkStated(base + [.key("irTax")], line.irTax, figures.irTax) }
            for (k, tariff) in (line.additionalTariffs ?? []).enumerated() {
                session.checkStated(base + [.key("additionalTariffs"), .index(k), .key("dutyAmount")], tariff.dutyAmount, figures.additionalDuties[k])
            }
        }
        for (i, fee) in (fees ?? []).enumerated() where fee.classCode == "499" || fee.classCode == "501" {
            if fee.classCode == "499", c.mpfSchedule == nil {
                if fee.amount == nil {
                    session.report(at: [.key("fees"), .index(i), .key("amount")],
                                   "required: no MPF minimum/maximum known for fiscal year \(MPFSchedule.fiscalYear(of: entryDate)) (entry date \(entryDate))")
                } else {
                    session.warn(at: [.key("fees"), .index(i), .key("amount")],
                                 "MPF not checked: no minimum/maximum known for fiscal year \(MPFSchedule.fiscalYear(of: entryDate))")
                }
                continue
            }
            session.checkStated([.key("fees"), .index(i), .key("amount")], fee.amount, c.fees[i].amount)
        }
        if let t = totals {
            session.checkFirstMismatch(under: [.key("totals")], [("totalEnteredValue", t.totalEnteredValue, c.totalEnteredValue),
                                                    ("totalOtherFees", t.totalOtherFees, c.totalOtherFees), ("duty", t.duty, c.duty),
                                                    ("tax", t.tax, c.tax), ("other", t.other, c.other), ("total", t.total, c.total)])
        }
        let listed = Set((fees ?? []).map(\.classCode))
        if entryType != "11", !listed.contains("499") {
            session.warn(at: [.key("fees")], "formal entry without a Merchandise Processing Fee (class 499)")
        }
        if HMFSchedule.vesselModes.contains(modeOfTransport), !listed.contains("501") {
            session.warn(at: [.key("fees")], "vessel mode \(modeOfTransport) without a Harbor Maintenance Fee (class 501)")
        }
    }
}
