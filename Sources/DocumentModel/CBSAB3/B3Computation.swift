import Foundation

/// Computed figures of one B3 line (fields 37–42), in CAD.
///
/// ```swift
/// b3.compute().lines[0].valueForDuty.plainText // "115.00"
/// ```
public struct B3LineComputation: Sendable, Hashable {
    /// Field 21.
    public let lineNumber: Int
    /// Field 37 — value for duty = field 36 × exchange rate, to the cent.
    public let valueForDuty: Money
    /// Field 38 — customs duties = field 33 % × field 37, to the cent.
    public let customsDuties: Money
    /// Field 39 — SIMA assessment (given, default 0).
    public let simaAssessment: Money
    /// Field 40 — excise tax (given, default 0).
    public let exciseTax: Money
    /// Field 41 — value for tax = 37 + 38 + 39 + 40.
    public let valueForTax: Money
    /// Field 42 — GST = field 35 % × field 41, to the cent.
    public let gst: Money
}

/// Every figure a B3 template prints (CBSA D17-1-10): per-line fields 37–42, field 9 and fields 47–51.
///
/// ```swift
/// let c = b3.compute()
/// c.totalValueForDuty.plainText // "115.00" (printed "115")
/// c.total.plainText             // "10.58"
/// ```
public struct B3Computation: Sendable, Hashable {
    /// Exchange rate applied (1 when field 17 is CAD and no rate is given).
    public let exchangeRate: Decimal
    /// Per-line figures, in line order.
    public let lines: [B3LineComputation]
    /// Field 9 — Σ field 37 rounded to the dollar, half away from zero.
    public let totalValueForDuty: Money
    /// Field 47 — Σ field 38.
    public let customsDuties: Money
    /// Field 48 — Σ field 39.
    public let simaAssessment: Money
    /// Field 49 — Σ field 40.
    public let exciseTax: Money
    /// Field 50 — Σ field 42.
    public let gst: Money
    /// Field 51 — 47 + 48 + 49 + 50.
    public let total: Money
}

extension CBSAB3Declaration {
    /// Computes fields 37–42 per line (each rounded to the cent, half away from zero), field 9 and 47–51.
    ///
    /// ```swift
    /// b3.compute().lines[0].gst.plainText // "5.98"
    /// ```
    public func compute() -> B3Computation {
        let cad = Currency.cad
        let zero = Money.zero(cad)
        let rate = exchangeRate?.value ?? 1
        let figures = lines.map { line -> B3LineComputation in
            let vfd = Money.rounding(line.valueForCurrencyConversion.decimalValue * rate, currency: cad)
            let duty = vfd.percentage(line.dutyRate)
            let sima = line.simaAssessment ?? zero
            let excise = line.exciseTax ?? zero
            let vft = vfd + duty + sima + excise
            return B3LineComputation(lineNumber: line.lineNumber, valueForDuty: vfd, customsDuties: duty, simaAssessment: sima,
                                     exciseTax: excise, valueForTax: vft, gst: vft.percentage(line.gstRate))
        }
        let duties = figures.map(\.customsDuties).sum(in: cad)
        let sima = figures.map(\.simaAssessment).sum(in: cad)
        let excise = figures.map(\.exciseTax).sum(in: cad)
        let gst = figures.map(\.gst).sum(in: cad)
        return B3Computation(exchangeRate: rate, lines: figures,
                             totalValueForDuty: figures.map(\.valueForDuty).sum(in: cad).roundedToWholeUnits(),
                             customsDuties: duties, simaAssessment: sima, exciseTax: excise, gst: gst, total: duties + sima + excise + gst)
    }

    /// Library checks needing the computation: stated fields 37, 38, 41, 42, 9 and 47–51; warnings.
    func validate(_ c: B3Computation, in session: DecodingSession) {
        for (i, (line, f)) in zip(lines, c.lines).enumerated() {
            let base: [PathComponent] = [.key("lines"), .index(i)]
            session.checkStated(base + [.key("valueForDuty")], line.valueForDuty, f.valueForDuty)
            session.checkStated(base + [.key("customsDuties")], line.customsDuties, f.customsDuties)
            session.checkStated(base + [.key("valueForTax")], line.valueForTax, f.valueForTax)
            session.checkStated(base + [.key("gst")], line.gst, f.gst)
        }
        session.checkStated([.key("totalValueForDuty")], totalValueForDuty, c.totalValueForDuty)
        if let t = totals {
            session.checkFirstMismatch(under: [.key("totals")], [("customsDuties", t.customsDuties, c.customsDuties),
                                                    ("simaAssessment", t.simaAssessment, c.simaAssessment),
                                                    ("exciseTax", t.exciseTax, c.exciseTax), ("gst", t.gst, c.gst), ("total", t.total, c.total)])
        }
        if currencyCode == .cad, let rate = exchangeRate, rate.value != 1 {
            session.warn(at: [.key("exchangeRate")], "exchange rate \(rate.text) given although field 17 is CAD")
        }
    }
}
