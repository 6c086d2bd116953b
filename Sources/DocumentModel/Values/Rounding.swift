import Foundation

/// The one rounding rule of the library: half away from zero, symmetric (`round(-x) == -round(x)`),
/// applied only where the contract names a rounding point.
///
/// ```swift
/// Rounding.halfAwayFromZero(Decimal(string: "2.345")!, scale: 2)  // 2.35
/// Rounding.halfAwayFromZero(Decimal(string: "-2.345")!, scale: 2) // -2.35
/// ```
public enum Rounding {
    /// Rounds `value` to `scale` decimals, ties away from zero.
    ///
    /// ```swift
    /// Rounding.halfAwayFromZero(Decimal(string: "12345.5")!, scale: 0) // 12346
    /// ```
    public static func halfAwayFromZero(_ value: Decimal, scale: Int) -> Decimal {
        // Rounding the magnitude and restoring the sign makes symmetry hold by construction,
        // whatever the platform's `.plain` mode does with negative ties.
        var magnitude = value < 0 ? -value : value
        var result = Decimal()
        NSDecimalRound(&result, &magnitude, scale, .plain)
        return value < 0 ? -result : result
    }
}
