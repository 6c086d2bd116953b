/// The fast path of ``MoneyFormatter/amountString(_:)`` and of ``DecimalFormatter`` without fraction
/// digits: the text made straight from integer minor units or from an exact decimal's text, where
/// the general path goes through `Decimal` and its text (about 16,000 instructions an amount; an
/// invoice's detail table formats three amounts a charge and two weights a shipment). Nil for values
/// outside the plain case (very long numbers, unexpected text): the formatters then take their
/// `Decimal` path, which tests hold this one equal to.
struct PlainNumberText: Sendable {
    let locale: FormattingLocale

    /// `money`'s number as ``MoneyFormatter/amountString(_:)`` writes it, or nil.
    func amount(_ money: Money) -> String? {
        let exponent = money.currency.minorUnitExponent
        let minor = money.minorUnits
        guard exponent >= 0, exponent <= 6, minor > -1_000_000_000_000_000, minor < 1_000_000_000_000_000 else {
            return nil
        }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let magnitude = minor < 0 ? -minor : minor
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        if minor < 0 { bytes.append(UInt8(ascii: "-")) }
        appendGrouped(magnitude / scale, to: &bytes)
        if exponent > 0 {
            bytes.append(contentsOf: locale.decimalSeparator.utf8)
            var fraction = magnitude % scale
            let end = bytes.count + exponent
            bytes += repeatElement(UInt8(ascii: "0"), count: exponent)
            var index = end - 1
            while fraction > 0 {
                bytes[index] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
                index -= 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` as ``DecimalFormatter`` writes it without fraction digits, or nil.
    func decimal(_ value: ExactDecimal) -> String? {
        let text = value.text.utf8
        guard text.count <= 18 else { return nil }
        var negative = false
        var integer: Int64 = 0
        var integerDigits = 0
        var fraction: [UInt8] = []
        var inFraction = false
        var first = true
        for byte in text {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction {
                    fraction.append(byte)
                } else {
                    integer = integer * 10 + Int64(byte - UInt8(ascii: "0"))
                    integerDigits += 1
                }
            case UInt8(ascii: "."):
                guard !inFraction, integerDigits > 0 else { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        guard integerDigits > 0, !inFraction || !fraction.isEmpty else { return nil }
        // Trailing zeros of the fraction are dropped, as the formatter's plain text does.
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        if integer == 0, fraction.isEmpty { return "0" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        if negative { bytes.append(UInt8(ascii: "-")) }
        appendGrouped(integer, to: &bytes)
        if !fraction.isEmpty {
            bytes.append(contentsOf: locale.decimalSeparator.utf8)
            bytes += fraction
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` (non-negative) with the locale's group separator every three digits.
    private func appendGrouped(_ value: Int64, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) {
                bytes.append(buffer[index])
                if index > 0, index % 3 == 0 { bytes.append(contentsOf: locale.groupSeparator.utf8) }
            }
        }
    }
}
