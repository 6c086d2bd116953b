import Foundation

/// A specific duty rate: USD per unit of net quantity.
///
/// ```swift
/// SpecificRate(amount: "0.012", per: "KG") // 1.2¢ per kg
/// ```
public struct SpecificRate: Sendable, Hashable, Codable {
    /// USD per unit (may have more than 2 decimals).
    public var amount: ExactDecimal
    /// Unit the amount applies to; equals the line's `netQuantity.unit`.
    public var per: String

    /// Creates a specific rate.
    ///
    /// ```swift
    /// SpecificRate(amount: ExactDecimal(parsing: "0.50")!, per: "DOZ")
    /// ```
    public init(amount: ExactDecimal, per: String) { self.amount = amount; self.per = per }
}

/// A U.S. tariff rate: free, ad valorem, specific, or compound (both).
///
/// ```swift
/// let rate = USRate.rate(adValorem: "16.5", specific: nil)
/// rate.duty(on: Money("8000", currency: .usd)!, quantity: "310").plainText // "1320.00"
/// ```
public enum USRate: Sendable, Hashable, Codable {
    /// Duty-free (printed FREE).
    case free
    /// Ad valorem percentage and/or specific amount per unit.
    case rate(adValorem: ExactDecimal?, specific: SpecificRate?)

    /// Duty = value × adValorem % + specific × quantity, rounded once to the cent, half away from zero.
    ///
    /// ```swift
    /// USRate.free.duty(on: Money("100", currency: .usd)!, quantity: "1").plainText // "0.00"
    /// ```
    public func duty(on value: Money, quantity: ExactDecimal) -> Money {
        guard case .rate(let adValorem, let specific) = self else { return .zero(value.currency) }
        var exact = Decimal(0)
        if let adValorem { exact += value.decimalValue * adValorem.value / 100 }
        if let specific { exact += specific.amount.value * quantity.value }
        return Money.rounding(exact, currency: value.currency)
    }

    private enum Keys: String, CodingKey { case adValorem, specific }

    /// Encodes `"Free"` or `{"adValorem": …, "specific": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .free:
            var container = encoder.singleValueContainer()
            try container.encode("Free")
        case .rate(let adValorem, let specific):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(adValorem, forKey: .adValorem)
            try container.encodeIfPresent(specific, forKey: .specific)
        }
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws {
        let tree = try AnyJSONValue(from: decoder).node
        let session = DecodingSession(limits: .default, root: tree)
        guard let rate = FieldDecoder<USRate>.usRate.decode(tree, [], session), !session.hasIssues else { throw session.error() }
        self = rate
    }
}

extension FieldDecoder where T == USRate {
    /// `"Free"` or an object with `adValorem` and/or `specific`.
    static var usRate: FieldDecoder<USRate> {
        let what = "\"Free\" or a rate object such as {\"adValorem\": \"16.5\"}"
        return FieldDecoder { node, path, session in
            switch node.value {
            case .string("Free"):
                return .free
            case .object(let members):
                let reader = ObjectReader(node: node, path: path, session: session)
                let adValorem = reader.optional("adValorem", .percent)
                let specific = reader.optional("specific", .object("a specific rate") { r -> SpecificRate? in
                    let amount = r.required("amount", .quantity)
                    let per = r.required("per", .text(max: 10))
                    guard let amount, let per else { return nil }
                    return SpecificRate(amount: amount, per: per)
                })
                reader.finish()
                if members.isEmpty {
                    session.report(path, offset: node.offset, "expected at least one of \"adValorem\" and \"specific\", found an empty object")
                    return nil
                }
                return .rate(adValorem: adValorem, specific: specific)
            default:
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
        }
    }
}
