import DocumentModel
/// An exact amount in integer minor units of one ISO 4217 currency; never a floating-point value.
///
/// ```swift
/// let due = Money(parsing: "310.2", currency: "EUR")!   // 31020 cents
/// due == Money(parsing: "310.20", currency: "EUR")      // true
/// ```
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses `-?digits[.digits]` with at most the currency's exponent of decimals; nil otherwise
    /// (also for an unknown currency or an amount beyond 64-bit minor units).
    public init?(parsing text: String, currency: String) {
        guard let exponent = Currency(currency)?.minorUnitExponent else { return nil }
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == 0x2D
        if negative { bytes = bytes.dropFirst() }
        let dot = bytes.firstIndex(of: 0x2E)
        let whole = bytes[..<(dot ?? bytes.endIndex)]
        let decimals = dot.map { bytes[($0 + 1)...] } ?? []
        guard !whole.isEmpty, dot == nil || !decimals.isEmpty, decimals.count <= exponent else { return nil }
        var value: Int64 = 0
        let padded = Array(whole) + Array(decimals) + Array(repeating: UInt8(0x30), count: exponent - decimals.count)
        for byte in padded {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        self.init(minorUnits: negative ? -value : value, currency: currency)
    }

    /// The exponent of `currency`, or nil when it is not an active ISO 4217 code with a minor unit.
    public static func exponent(of currency: String) -> Int? { Currency(currency)?.minorUnitExponent }

    public var description: String {
        let exponent = Currency(currency)?.minorUnitExponent ?? 0
        let magnitude = minorUnits.magnitude
        guard exponent > 0 else { return (minorUnits < 0 ? "-" : "") + String(magnitude) }
        var scale: UInt64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let fraction = String(magnitude % scale)
        return (minorUnits < 0 ? "-" : "") + "\(magnitude / scale)."
            + String(repeating: "0", count: exponent - fraction.count) + fraction
    }
}
