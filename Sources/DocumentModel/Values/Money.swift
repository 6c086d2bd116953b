import Foundation

/// An amount of money: an exact count of minor units (cents, fils…) in one ISO 4217 currency.
/// Never a binary float.
///
/// ```swift
/// let price = Money("1234.5", currency: .eur)!   // 123450 minor units
/// price.plainText                                // "1234.50"
/// price.percentage(ExactDecimal(parsing: "20")!)          // 246.90 EUR
/// Money("0.001", currency: .eur)                 // nil: EUR has 2 decimals
/// ```
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Amount in minor units of `currency` (cents for EUR/USD, yen for JPY, fils for KWD).
    public var minorUnits: Int64
    /// The currency; its exponent tells how many minor units make one major unit.
    public var currency: Currency

    /// Creates money from minor units.
    ///
    /// ```swift
    /// Money(minorUnits: 1999, currency: .usd).plainText // "19.99"
    /// ```
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses a decimal string `-?digits[.digits]` with at most the currency's decimals; `nil` otherwise.
    ///
    /// ```swift
    /// Money("12.3", currency: .eur)?.minorUnits // 1230
    /// ```
    public init?(_ text: String, currency: Currency) {
        guard case .success(let money) = Money.parse(text, currency: currency) else { return nil }
        self = money
    }

    /// Zero in `currency`.
    ///
    /// ```swift
    /// Money.zero(.eur).plainText // "0.00"
    /// ```
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Why a money string was refused.
    enum ParseFailure: Error, Equatable {
        case notADecimal
        case tooManyDecimals(found: Int)
        case outOfRange
    }

    static func parse(_ text: String, currency: Currency) -> Result<Money, ParseFailure> {
        let exponent = currency.minorUnitExponent
        // Common case, without intermediate arrays: at most 18 digits and no more than the currency's
        // decimals, scaled to minor units with the same overflow check as the general path below.
        if let small = smallDecimalText(text), small.fractionDigits <= exponent, small.magnitude < 1_000_000_000_000_000_000 {
            var units = Int64(small.magnitude)
            for _ in 0..<(exponent - small.fractionDigits) {
                let (times, overflow) = units.multipliedReportingOverflow(by: 10)
                if overflow { return .failure(.outOfRange) }
                units = times
            }
            return .success(Money(minorUnits: small.negative ? -units : units, currency: currency))
        }
        guard let parsed = parseDecimalText(text) else { return .failure(.notADecimal) }
        if parsed.fractionDigits > exponent { return .failure(.tooManyDecimals(found: parsed.fractionDigits)) }
        var units: Int64 = 0
        let padded = parsed.digits + Array(repeating: 0, count: exponent - parsed.fractionDigits)
        for digit in padded {
            let (times, o1) = units.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(digit))
            if o1 || o2 { return .failure(.outOfRange) }
            units = plus
        }
        return .success(Money(minorUnits: parsed.negative ? -units : units, currency: currency))
    }

    /// The exact value in major units as a `Decimal` (`12.34`).
    public var decimalValue: Decimal {
        Decimal(sign: minorUnits < 0 ? .minus : .plus, exponent: -currency.minorUnitExponent, significand: Decimal(minorUnits.magnitude))
    }

    /// Plain decimal text with exactly the currency's decimals, minus sign for negatives, no grouping:
    /// `"-1234.50"`, `"1235"` (JPY), `"1.250"` (KWD). The form the document contract uses.
    public var plainText: String {
        let exponent = currency.minorUnitExponent
        var digits = String(minorUnits.magnitude)
        if exponent > 0 {
            if digits.count <= exponent { digits = String(repeating: "0", count: exponent - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -exponent))
        }
        return (minorUnits < 0 ? "-" : "") + digits
    }

    /// `plainText` followed by the ISO code, e.g. `"12.34 EUR"`.
    public var description: String { "\(plainText) \(currency.code)" }

    /// Money for an exact decimal amount rounded to the currency's minor unit, half away from zero.
    ///
    /// ```swift
    /// Money.rounding(Decimal(string: "0.005")!, currency: .eur).plainText // "0.01"
    /// ```
    public static func rounding(_ amount: Decimal, currency: Currency) -> Money {
        rounding(amount, currency: currency, scale: currency.minorUnitExponent)
    }

    /// Money for `amount` rounded to `scale` decimals (≤ the currency's exponent), half away from zero;
    /// e.g. scale 0 gives whole dollars.
    static func rounding(_ amount: Decimal, currency: Currency, scale: Int) -> Money {
        let rounded = Rounding.halfAwayFromZero(amount, scale: scale)
        let units = rounded * pow10(currency.minorUnitExponent)
        guard let value = Int64(plainDecimalText(units)) else { preconditionFailure("amount \(amount) out of range") }
        return Money(minorUnits: value, currency: currency)
    }

    /// `self × factor`, rounded once to the minor unit (half away from zero).
    ///
    /// ```swift
    /// Money("115.00", currency: .cad)!.multiplied(by: Decimal(string: "0.04")!).plainText // "4.60"
    /// ```
    public func multiplied(by factor: Decimal) -> Money { Money.rounding(decimalValue * factor, currency: currency) }

    /// `self × percent / 100`, rounded once to the minor unit (half away from zero).
    ///
    /// ```swift
    /// Money("8000", currency: .usd)!.percentage(ExactDecimal(parsing: "16.5")!).plainText // "1320.00"
    /// ```
    public func percentage(_ percent: ExactDecimal) -> Money { multiplied(by: percent.value / 100) }

    /// Rounded to whole major units (dollars), half away from zero; still expressed in minor units.
    ///
    /// ```swift
    /// Money("12345.50", currency: .usd)!.roundedToWholeUnits().plainText // "12346.00"
    /// ```
    public func roundedToWholeUnits() -> Money { Money.rounding(decimalValue, currency: currency, scale: 0) }

    /// Sum of amounts in the same currency; traps on mixed currencies or overflow (programming errors).
    public static func + (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "adding \(a.currency) to \(b.currency)")
        return Money(minorUnits: a.minorUnits + b.minorUnits, currency: a.currency)
    }

    /// Difference of amounts in the same currency.
    public static func - (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "subtracting \(b.currency) from \(a.currency)")
        return Money(minorUnits: a.minorUnits - b.minorUnits, currency: a.currency)
    }

    /// The opposite amount.
    public static prefix func - (a: Money) -> Money { Money(minorUnits: -a.minorUnits, currency: a.currency) }

    /// Orders amounts of the same currency.
    public static func < (a: Money, b: Money) -> Bool {
        precondition(a.currency == b.currency, "comparing \(a.currency) with \(b.currency)")
        return a.minorUnits < b.minorUnits
    }

    /// Encodes as the contract's decimal string (`"12.34"`); the currency lives at document level.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plainText)
    }

    /// Decodes a decimal string; the currency comes from `decoder.userInfo[.folioCurrency]`.
    ///
    /// ```swift
    /// let decoder = JSONDecoder()
    /// decoder.userInfo[.folioCurrency] = Currency.eur
    /// try decoder.decode(Money.self, from: Data("\"1.50\"".utf8))
    /// ```
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let currency = decoder.userInfo[.folioCurrency] as? Currency else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Money needs userInfo[.folioCurrency]"))
        }
        guard case .success(let money) = Money.parse(text, currency: currency) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a \(currency.code) amount: \(text)"))
        }
        self = money
    }
}

extension Array where Element == Money {
    /// Sum of the amounts, or zero in `currency` for an empty array.
    ///
    /// ```swift
    /// [Money("1", currency: .eur)!, Money("2", currency: .eur)!].sum(in: .eur).plainText // "3.00"
    /// ```
    public func sum(in currency: Currency) -> Money { reduce(.zero(currency), +) }
}

extension CodingUserInfoKey {
    /// The currency used to decode `Money` (and the parts holding money) through a plain `Decoder`.
    public static let folioCurrency = CodingUserInfoKey(rawValue: "folio.currency")!
}

func pow10(_ n: Int) -> Decimal {
    var value = Decimal(1)
    for _ in 0..<n { value *= 10 }
    return value
}
