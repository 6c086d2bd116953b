import DocumentModel

/// The strings of ``MoneyFormatter/amountString(_:)`` and of ``DecimalFormatter`` /
/// ``WeightFormatter`` without fraction digits, made straight from integer minor units or from an
/// exact decimal's text. Those formatters go through `Decimal` and its text (about 16,000
/// instructions an amount); an invoice's detail table formats three amounts a charge and two
/// weights a shipment. Values outside the plain fast path (very long numbers, unexpected text) go
/// to the formatters themselves, so the output is always theirs.
struct NumberText: Sendable {
    let locale: FormattingLocale
    private let decimalSeparator: String
    private let groupSeparator: String

    init(locale: FormattingLocale) {
        self.locale = locale
        self.decimalSeparator = locale.decimalSeparator
        self.groupSeparator = locale.groupSeparator
    }

    /// Same as `MoneyFormatter(locale:).amountString(money)`.
    func amount(_ money: Money) -> String {
        let exponent = money.currency.minorUnitExponent
        let minor = money.minorUnits
        guard exponent >= 0, exponent <= 6, minor > -1_000_000_000_000_000, minor < 1_000_000_000_000_000 else {
            return MoneyFormatter(locale: locale).amountString(money)
        }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let magnitude = minor < 0 ? -minor : minor
        var text = minor < 0 ? "-" : ""
        appendGrouped(magnitude / scale, to: &text)
        if exponent > 0 {
            text += decimalSeparator
            appendDigits(magnitude % scale, width: exponent, to: &text)
        }
        return text
    }

    /// Same as `DecimalFormatter(locale:).string(value)` (no fraction digits given).
    func decimal(_ value: ExactDecimal) -> String {
        let bytes = value.text.utf8
        guard bytes.count <= 18 else { return DecimalFormatter(locale: locale).string(value) }
        var negative = false
        var integer: Int64 = 0
        var integerDigits = 0
        var fraction: [UInt8] = []
        var inFraction = false
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction {
                    fraction.append(byte)
                } else {
                    integer = integer * 10 + Int64(byte - UInt8(ascii: "0"))
                    integerDigits += 1
                }
            case UInt8(ascii: "."):
                guard !inFraction, integerDigits > 0 else { return DecimalFormatter(locale: locale).string(value) }
                inFraction = true
            default:
                return DecimalFormatter(locale: locale).string(value)
            }
        }
        guard integerDigits > 0, !inFraction || !fraction.isEmpty else { return DecimalFormatter(locale: locale).string(value) }
        // Trailing zeros of the fraction are dropped, as the formatter's plain text does.
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        if integer == 0, fraction.isEmpty { return "0" }
        var text = negative ? "-" : ""
        appendGrouped(integer, to: &text)
        if !fraction.isEmpty {
            text += decimalSeparator
            text += String(decoding: fraction, as: UTF8.self)
        }
        return text
    }

    /// Same as `WeightFormatter(locale:).string(weight)`.
    func weight(_ weight: Weight) -> String {
        decimal(weight.value) + locale.unitSpacing + weight.unit.rawValue
    }

    /// `value` (non-negative) with the locale's group separator every three digits.
    private func appendGrouped(_ value: Int64, to text: inout String) {
        var digits: [UInt8] = []
        digits.reserveCapacity(19)
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        var chunk: [UInt8] = []
        chunk.reserveCapacity(3)
        for index in stride(from: digits.count - 1, through: 0, by: -1) {
            chunk.append(digits[index])
            if index > 0, index % 3 == 0 {
                text += String(decoding: chunk, as: UTF8.self)
                text += groupSeparator
                chunk.removeAll(keepingCapacity: true)
            }
        }
        text += String(decoding: chunk, as: UTF8.self)
    }

    /// `value` (non-negative, below 10^width) with leading zeros to `width` digits.
    private func appendDigits(_ value: Int64, width: Int, to text: inout String) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        var index = width - 1
        while rest > 0, index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        text += String(decoding: digits, as: UTF8.self)
    }
}
