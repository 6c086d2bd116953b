/// An ISO 4217 currency and the number of decimals of its minor unit.
///
/// ```swift
/// let yen = Currency("JPY")!        // minorUnitExponent 0
/// let dinar = Currency("KWD")!      // minorUnitExponent 3
/// Currency("XAU")                   // nil: gold has no minor unit
/// ```
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// ISO 4217 alphabetic code, e.g. `EUR`.
    public let code: String
    /// Decimals of the minor unit: EUR 2, JPY 0, KWD 3.
    public let minorUnitExponent: Int

    /// The currency for an ISO 4217 code from the library's table, or `nil` for an unknown code or one
    /// without minor units.
    ///
    /// ```swift
    /// Currency("EUR")?.minorUnitExponent // 2
    /// ```
    public init?(_ code: String) {
        guard let entry = iso4217Exponents.entry(for: code), let exponent = Int(iso4217Exponents.payload(at: entry)) else { return nil }
        self.code = code
        self.minorUnitExponent = exponent
    }

    /// Euro.
    public static let eur = Currency("EUR")!
    /// U.S. dollar.
    public static let usd = Currency("USD")!
    /// Canadian dollar.
    public static let cad = Currency("CAD")!
    /// Pound sterling.
    public static let gbp = Currency("GBP")!
    /// Japanese yen (no minor unit).
    public static let jpy = Currency("JPY")!

    /// The ISO code.
    public var description: String { code }

    /// Encodes as the bare ISO code, as in the document contract.
    public func encode(to encoder: any Encoder) throws { try encodeText(code, to: encoder) }

    /// Decodes the contract's string form.
    public init(from decoder: any Decoder) throws { self = try decodeText(decoder, "an ISO 4217 currency with minor units") { Currency($0) } }
}
