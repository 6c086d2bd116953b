/// Unit of a weight.
///
/// ```swift
/// Weight(value: "3", unit: .lb)
/// ```
public enum WeightUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kilograms.
    case kg
    /// Pounds.
    case lb
    /// Ounces.
    case oz
}

/// A weight: exact decimal value plus unit.
///
/// ```swift
/// Weight(value: "2.5", unit: .kg)
/// ```
public struct Weight: Sendable, Hashable, Codable, ObjectDecodable {
    /// The value.
    public var value: ExactDecimal
    /// The unit.
    public var unit: WeightUnit

    /// Creates a weight.
    ///
    /// ```swift
    /// Weight(value: ExactDecimal(parsing: "13")!, unit: .lb)
    /// ```
    public init(value: ExactDecimal, unit: WeightUnit) { self.value = value; self.unit = unit }

    static let objectDescription = "a weight"

    static func read(_ r: ObjectReader) -> Weight? {
        let value = r.required("value", .quantity)
        let unit = r.required("unit", FieldDecoder<WeightUnit>.oneOf)
        guard let value, let unit else { return nil }
        return Weight(value: value, unit: unit)
    }

    /// Reads a customs weight, whose unit can only be `kg`.
    static func readKilograms(_ r: ObjectReader) -> Weight? {
        let value = r.required("value", .quantity)
        let unit = r.required("unit", .constant("kg"))
        guard let value, unit != nil else { return nil }
        return Weight(value: value, unit: .kg)
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try Weight(strictlyFrom: decoder) }
}
