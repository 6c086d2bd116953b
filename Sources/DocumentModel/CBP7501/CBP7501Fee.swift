/// One entry of the Other Fee Summary (Block 39).
///
/// ```swift
/// CBP7501Fee(classCode: "499")                                        // MPF, computed
/// CBP7501Fee(classCode: "500", amount: Money("10.00", currency: .usd)) // manual surcharge, given
/// ```
public struct CBP7501Fee: Sendable, Hashable, Codable {
    /// Fee class code (499 MPF, 501 HMF, 311 informal MPF, …).
    public var classCode: String
    /// Fee name as printed; default from `CBP7501Fee.catalogue`.
    public var description: String?
    /// Amount: computed for 499 and 501 when absent (checked when present), required for other codes.
    public var amount: Money?

    /// Creates a fee.
    ///
    /// ```swift
    /// CBP7501Fee(classCode: "501", description: "Harbor Maintenance Fee")
    /// ```
    public init(classCode: String, description: String? = nil, amount: Money? = nil) {
        self.classCode = classCode; self.description = description; self.amount = amount
    }

    /// Default names of known fee class codes.
    public static let catalogue: [String: String] = [
        "499": "Merchandise Processing Fee", "501": "Harbor Maintenance Fee", "311": "Informal Merchandise Processing Fee",
        "500": "Manual Surcharge", "496": "Dutiable Mail Fee", "056": "Sugar Fee", "110": "Cotton Fee",
    ]

    /// The description given, else the catalogue name, else nil.
    public var effectiveDescription: String? { description ?? CBP7501Fee.catalogue[classCode] }

    static func read(_ r: ObjectReader) -> CBP7501Fee? {
        let code = r.required("classCode", .text(max: 3, pattern: "[0-9]{3}", what: "a 3-digit fee class code such as \"499\""))
        let description = r.optional("description", .text(max: 80))
        let amount = r.optional("amount", .money(nonNegative: true))
        if let code, code != "499", code != "501" { r.requireByRule("amount", "required for fee class \(code) (only 499 and 501 are computed)") }
        guard let code else { return nil }
        return CBP7501Fee(classCode: code, description: description, amount: amount)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]` (USD).
    public init(from decoder: any Decoder) throws { self = try CBP7501Fee(strictlyFrom: decoder) }
}

extension CBP7501Fee: ObjectDecodable { static let objectDescription = "a fee" }
