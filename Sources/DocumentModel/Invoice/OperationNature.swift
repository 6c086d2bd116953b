/// Nature of the operations invoiced (France 2026 mandatory mention: goods, services or both);
/// written to the Factur-X XML as the French billing framework B1, S1 or M1 (BT-23).
///
/// ```swift
/// OperationNature(rawValue: "services") // .services
/// ```
public enum OperationNature: String, Sendable, Hashable, Codable, CaseIterable {
    /// Deliveries of goods only.
    case goods
    /// Services only.
    case services
    /// Both goods and services.
    case goodsAndServices = "goods-and-services"
}
