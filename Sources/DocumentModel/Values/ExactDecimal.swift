import Foundation

/// An exact decimal number read from a decimal string (rates, quantities, weights, exchange rates):
/// never a binary float. It keeps the text it was written with, so `"20.00"` prints as written, while
/// equality and hashing use the numeric value (`"20" == "20.00"`).
///
/// ```swift
/// let rate = ExactDecimal(parsing: "16.5")!
/// rate.value   // Decimal 16.5
/// rate.text    // "16.5"
/// ExactDecimal(parsing: "20") == ExactDecimal(parsing: "20.00") // true
/// ```
public struct ExactDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The numeric value.
    public let value: Decimal
    /// The decimal text as written (`-?digits[.digits]`).
    public let text: String

    /// Parses `-?[0-9]+(.[0-9]+)?`; returns `nil` for anything else (exponents, commas, spaces, `+`).
    ///
    /// ```swift
    /// ExactDecimal(parsing: "0.3464")?.value // 0.3464
    /// ExactDecimal(parsing: "1e3")   // nil
    /// ```
    public init?(_ text: String) {
        // Up to 19 digits fit a UInt64: one conversion instead of Decimal arithmetic per digit.
        if let small = smallDecimalText(text) {
            let scaled = Decimal(sign: .plus, exponent: -small.fractionDigits, significand: Decimal(small.magnitude))
            self.value = small.negative ? -scaled : scaled
            self.text = text
            return
        }
        guard let parsed = parseDecimalText(text) else { return nil }
        var magnitude = Decimal(0)
        for digit in parsed.digits { magnitude = magnitude * 10 + Decimal(Int(digit)) }
        let scaled = Decimal(sign: .plus, exponent: -parsed.fractionDigits, significand: magnitude)
        self.value = parsed.negative ? -scaled : scaled
        self.text = text
    }

    /// Same as `init?(_:)`; the label keeps a string literal argument from being taken as the
    /// `ExpressibleByStringLiteral` conversion, which traps on malformed text instead of returning nil.
    ///
    /// ```swift
    /// ExactDecimal(parsing: "12,5") // nil
    /// ```
    public init?(parsing text: String) { self.init(text) }

    /// Wraps a `Decimal`; the text is its plain decimal form.
    ///
    /// ```swift
    /// ExactDecimal(Decimal(5)).text // "5"
    /// ```
    public init(_ value: Decimal) {
        self.value = value
        self.text = plainDecimalText(value)
    }

    /// `ExactDecimal` from a literal; traps on malformed text, so use it for constants only.
    ///
    /// ```swift
    /// let vat: ExactDecimal = "20"
    /// ```
    public init(stringLiteral text: String) {
        guard let value = ExactDecimal(text) else { preconditionFailure("not a decimal string: \(text)") }
        self = value
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { a.value == b.value }
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { a.value < b.value }
    /// Hashes the normalised value, consistent with `==` (`"20"` and `"20.00"` hash alike).
    public func hash(into hasher: inout Hasher) { hasher.combine(plainDecimalText(value)) }

    /// The text as written.
    public var description: String { text }

    /// Encodes as the decimal string, never a JSON number.
    public func encode(to encoder: any Encoder) throws { try encodeText(text, to: encoder) }

    /// Decodes the contract's string form.
    public init(from decoder: any Decoder) throws { self = try decodeText(decoder, "a decimal string") { ExactDecimal($0) } }
}

/// A `-?[0-9]+(.[0-9]+)?` string of at most 19 digits as an integer magnitude and a count of decimals;
/// `nil` when the text does not match or has more digits (`parseDecimalText` then decides).
func smallDecimalText(_ text: String) -> (negative: Bool, magnitude: UInt64, fractionDigits: Int)? {
    var negative = false
    var magnitude: UInt64 = 0
    var digits = 0
    var fraction = -1
    var first = true
    for b in text.utf8 {
        defer { first = false }
        if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
            guard digits < 19 else { return nil }
            magnitude = magnitude &* 10 &+ UInt64(b &- UInt8(ascii: "0"))
            digits += 1
            if fraction >= 0 { fraction += 1 }
        } else if b == UInt8(ascii: "-"), first {
            negative = true
        } else if b == UInt8(ascii: "."), fraction < 0, digits > 0 {
            fraction = 0
        } else {
            return nil
        }
    }
    if digits == 0 || fraction == 0 { return nil }
    return (negative, magnitude, max(fraction, 0))
}

/// Digits of a `-?[0-9]+(.[0-9]+)?` string, or `nil` when it does not match.
func parseDecimalText(_ text: String) -> (negative: Bool, digits: [UInt8], fractionDigits: Int)? {
    var bytes = Array(text.utf8)[...]
    var negative = false
    if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
    var digits: [UInt8] = []
    var fraction = -1
    for b in bytes {
        if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
            digits.append(b - UInt8(ascii: "0"))
            if fraction >= 0 { fraction += 1 }
        } else if b == UInt8(ascii: "."), fraction < 0, !digits.isEmpty {
            fraction = 0
        } else {
            return nil
        }
    }
    if digits.isEmpty || fraction == 0 { return nil }
    return (negative, digits, max(fraction, 0))
}

/// Plain (non-scientific) text of a decimal: `1234.5`, `-0.03`, `0`.
func plainDecimalText(_ value: Decimal) -> String {
    if value.isZero { return "0" }
    let negative = value < 0
    let magnitude = negative ? -value : value
    let exponent = Int(magnitude.exponent)
    var significand = "\(magnitude.significand)"
    // `significand` is an integer when exponent is the Decimal exponent; place the point by hand.
    // Bytes, not `StringProtocol.contains(_:)`: with Foundation imported that is an NSString search,
    // which cost more than the rest of decoding an amount.
    if significand.utf8.contains(UInt8(ascii: ".")) || significand.utf8.contains(UInt8(ascii: "e")) { significand = "\(magnitude)" ; return (negative ? "-" : "") + significand }
    var out: String
    if exponent >= 0 {
        out = significand + String(repeating: "0", count: exponent)
    } else {
        let places = -exponent
        if significand.count <= places { significand = String(repeating: "0", count: places - significand.count + 1) + significand }
        let split = significand.index(significand.endIndex, offsetBy: -places)
        out = String(significand[..<split]) + "." + String(significand[split...])
        while out.hasSuffix("0") { out.removeLast() }
        if out.hasSuffix(".") { out.removeLast() }
    }
    return (negative ? "-" : "") + out
}
