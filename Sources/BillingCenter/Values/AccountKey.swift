/// The identity of an account or plan (BC-8): the four fields after normalisation.
///
/// ```swift
/// let key = AccountKey(lineOfBusiness: .parcel, accountType: .individual, number: "1a2b 3c", country: " fr")
/// key.number  // "1A2B3C"
/// key.country // "FR"
/// ```
public struct AccountKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let lineOfBusiness: LineOfBusiness
    public let accountType: AccountType?
    public let number: String
    public let country: String

    /// Normalises as BC-8 says: spaces and tabs removed from the number, number and country upper-cased.
    public init(lineOfBusiness: LineOfBusiness, accountType: AccountType?, number: String, country: String) {
        self.lineOfBusiness = lineOfBusiness
        self.accountType = accountType
        self.number = Self.normaliseNumber(number)
        self.country = country.trimmingASCIIWhitespace().asciiUppercased()
    }

    /// Fields already normalised (read back from storage, or derived from a normalised key).
    init(normalizedLineOfBusiness lineOfBusiness: LineOfBusiness, accountType: AccountType?, number: String, country: String) {
        self.lineOfBusiness = lineOfBusiness
        self.accountType = accountType
        self.number = number
        self.country = country
    }

    /// The plan key `(parcel, cpp, planNumber, country)` of BC-12.
    public static func plan(number: String, country: String) -> AccountKey {
        AccountKey(lineOfBusiness: .parcel, accountType: .cpp, number: number, country: country)
    }

    public var isPlan: Bool { accountType == .cpp }

    /// A 10-digit number: a temporary account, which cannot be enrolled or paid online (BC-8, BC-21).
    public var isTemporary: Bool { number.utf8.count == 10 && number.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    static func normaliseNumber(_ number: String) -> String {
        // Fast path: stored and most incoming numbers are already normalised.
        if number.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) { return number }
        return String(number.unicodeScalars.filter { $0 != " " && $0 != "\t" }).asciiUppercased()
    }

    /// Stable text form, used as a storage key.
    public var description: String {
        "\(lineOfBusiness.rawValue)/\(accountType?.rawValue ?? "-")/\(number)/\(country)"
    }

    public static func < (lhs: AccountKey, rhs: AccountKey) -> Bool { lhs.description < rhs.description }
}

extension String {
    func asciiUppercased() -> String {
        if !utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return self }
        return String(decoding: utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// Trims Unicode white space (blank = empty after this).
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !first.properties.isWhitespace, !last.properties.isWhitespace {
            return self
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}

extension String {
    /// Code-point order (S-8), independent of Unicode canonical equivalence.
    func precedesInCodePointOrder(_ other: String) -> Bool {
        unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
    }
}
