/// Net quantity in HTSUS reporting units (Block 35).
///
/// ```swift
/// NetQuantity(value: "310", unit: "DOZ")
/// ```
public struct NetQuantity: Sendable, Hashable, Codable {
    /// Quantity.
    public var value: ExactDecimal
    /// HTSUS unit as printed ("NO", "KG", "DOZ", "X").
    public var unit: String

    /// Creates a net quantity.
    ///
    /// ```swift
    /// NetQuantity(value: ExactDecimal(parsing: "180")!, unit: "NO")
    /// ```
    public init(value: ExactDecimal, unit: String) { self.value = value; self.unit = unit }
}
