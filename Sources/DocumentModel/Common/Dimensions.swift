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
