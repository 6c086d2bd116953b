/// Payment terms and bank details (FR B2B: terms, late penalty, recovery fee and early-payment
/// discount are mandatory mentions).
///
/// ```swift
/// Payment(terms: "Net 15 days", url: "https://billing.example/pay")
/// ```
public struct Payment: Sendable, Hashable, Codable {
    /// Payment terms as printed.
    public var terms: String?
    /// Late-payment penalty as printed.
    public var latePenalty: String?
    /// Fixed recovery indemnity (FR: 40.00 EUR).
    public var recoveryFee: Money?
    /// Early-payment discount conditions as printed.
    public var earlyPaymentDiscount: String?
    /// IBAN, upper case, spaces allowed.
    public var iban: String?
    /// BIC / SWIFT code.
    public var bic: String?
    /// Payment reference.
    public var reference: String?
    /// URL of the online payment page.
    public var url: String?

    /// Creates payment details; every part is optional.
    ///
    /// ```swift
    /// Payment(terms: "Paiement à 30 jours", recoveryFee: Money("40.00", currency: .eur))
    /// ```
    public init(terms: String? = nil, latePenalty: String? = nil, recoveryFee: Money? = nil, earlyPaymentDiscount: String? = nil,
                iban: String? = nil, bic: String? = nil, reference: String? = nil, url: String? = nil) {
        self.terms = terms; self.latePenalty = latePenalty; self.recoveryFee = recoveryFee
        self.earlyPaymentDiscount = earlyPaymentDiscount; self.iban = iban; self.bic = bic; self.reference = reference; self.url = url
    }

    static func read(_ r: ObjectReader) -> Payment? {
        Payment(terms: r.optional("terms", .text(max: 300)), latePenalty: r.optional("latePenalty", .text(max: 300)),
                recoveryFee: r.optional("recoveryFee", .money(nonNegative: true)),
                earlyPaymentDiscount: r.optional("earlyPaymentDiscount", .text(max: 300)),
                iban: r.optional("iban", .text(max: 42, pattern: "[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}", what: "an IBAN in upper case such as \"FR76 3000 6000 0112 3456 7890 189\"")),
                bic: r.optional("bic", .text(max: 11, pattern: "[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?", what: "a BIC of 8 or 11 characters")),
                reference: r.optional("reference", .text(max: 140)),
                url: r.optional("url", .text(max: 500, pattern: "https?://[^\\s]+", what: "an http(s) URL")))
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws { self = try Payment(strictlyFrom: decoder) }
}

extension Payment: ObjectDecodable { static let objectDescription = "payment details" }
