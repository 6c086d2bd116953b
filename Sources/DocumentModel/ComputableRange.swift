import Foundation

/// Exact arithmetic uses `Int64` minor units; a hostile document could state amounts whose sums or
/// products leave that range and would trap. Before computing, the decoder bounds the magnitude of
/// every figure the computation can produce (generously: rates taken at face value, every part summed)
/// and refuses the document when the bound leaves the range, instead of crashing or wrapping.
extension Document {
    /// Largest magnitude, in minor units of the document currency, that any computed figure can reach.
    var computedMagnitudeBound: Decimal {
        switch self {
        case .invoice(let invoice): return invoice.magnitudeBound
        case .cbp7501(let entry): return entry.magnitudeBound
        case .cbsaB3(let b3): return b3.magnitudeBound
        }
    }

    /// `Int64.max` with a margin for the last additions of a computation.
    static let computableMinorUnits = Decimal(string: "9000000000000000000")!
}

private func magnitude(_ money: Money?) -> Decimal {
    guard let money else { return 0 }
    return Decimal(money.minorUnits.magnitude)
}

private func magnitude(_ rate: USRate?, value: Decimal, quantity: Decimal) -> Decimal {
    guard case .rate(let adValorem, let specific)? = rate else { return 0 }
    return value * (adValorem?.value ?? 0) / 100 + (specific?.amount.value ?? 0) * quantity * 100
}

extension Invoice {
    var magnitudeBound: Decimal {
        // The shipments' sum comes exact from their one-pass figures (kept in UInt64 while it fits);
        // adjustments and import charges are few.
        var sum = (shipments ?? []).figures(currency: currency).magnitudeSum
        for adjustment in adjustments ?? [] { sum += magnitude(adjustment.publishedAmount) + magnitude(adjustment.incentiveAmount) }
        for charge in importCharges ?? [] { sum += magnitude(charge.amount) }
        // VAT rates are at most 100 %, so incl. VAT is at most twice the lines.
        return sum * 2 + magnitude(totals?.prepaid)
    }
}

extension CBP7501Entry {
    var magnitudeBound: Decimal {
        var bound = Decimal(0)
        for line in lines {
            let value = magnitude(line.enteredValue) + 100
            let quantity = line.netQuantity.value.value
            bound += value * 2 + magnitude(line.adCvdAmount) + magnitude(line.irTax)
            for rate in [line.htsRate, line.adCvdRate, line.ircRate] + (line.additionalTariffs ?? []).map(\.htsRate) {
                bound += magnitude(rate, value: value, quantity: quantity)
            }
        }
        return bound + (fees ?? []).map { magnitude($0.amount) }.reduce(0, +)
    }
}

extension CBSAB3Declaration {
    var magnitudeBound: Decimal {
        let rate = exchangeRate?.value ?? 1
        var bound = Decimal(0)
        for line in lines {
            // Field 36 may have fewer decimals than CAD; scale its minor units to cents.
            let cents = magnitude(line.valueForCurrencyConversion) * pow10(2) / pow10(line.valueForCurrencyConversion.currency.minorUnitExponent)
            let vfd = cents * rate + 1
            let duty = vfd * line.dutyRate.value / 100 + 1
            let vft = vfd + duty + magnitude(line.simaAssessment) + magnitude(line.exciseTax)
            bound += vft * (1 + line.gstRate.value / 100) + duty + 2
        }
        return bound
    }
}
