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

/// Unit of a length.
///
/// ```swift
/// Dimensions(length: "16", width: "12", height: "10", unit: .in)
/// ```
public enum LengthUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Centimetres.
    case cm
    /// Inches.
    case `in`
}

/// Package dimensions length × width × height.
///
/// ```swift
/// Dimensions(length: "16", width: "12", height: "10", unit: .in)
/// ```
public struct Dimensions: Sendable, Hashable, Codable, ObjectDecodable {
    /// Length.
    public var length: ExactDecimal
    /// Width.
    public var width: ExactDecimal
    /// Height.
    public var height: ExactDecimal
    /// Unit of the three lengths.
    public var unit: LengthUnit

    /// Creates dimensions.
    ///
    /// ```swift
    /// Dimensions(length: "40", width: "30", height: "20", unit: .cm)
    /// ```
    public init(length: ExactDecimal, width: ExactDecimal, height: ExactDecimal, unit: LengthUnit) {
        self.length = length; self.width = width; self.height = height; self.unit = unit
    }

    static let objectDescription = "dimensions"

    static func read(_ r: ObjectReader) -> Dimensions? {
        let length = r.required("length", .quantity)
        let width = r.required("width", .quantity)
        let height = r.required("height", .quantity)
        let unit = r.required("unit", FieldDecoder<LengthUnit>.oneOf)
        guard let length, let width, let height, let unit else { return nil }
        return Dimensions(length: length, width: width, height: height, unit: unit)
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try Dimensions(strictlyFrom: decoder) }
}
