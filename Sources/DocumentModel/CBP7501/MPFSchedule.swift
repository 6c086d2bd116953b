import Foundation

/// Merchandise Processing Fee parameters for one U.S. fiscal year (October 1 – September 30).
///
/// ```swift
/// let fy = MPFSchedule.fiscalYear(containing: CalendarDate("2025-02-14")!)!
/// fy.fiscalYear        // 2025
/// fy.minimum.plainText // "32.71"
/// ```
public struct MPFSchedule: Sendable, Hashable {
    /// Fiscal year, named by the calendar year it ends in (FY2025 = 2024-10-01 … 2025-09-30).
    public let fiscalYear: Int
    /// Ad valorem rate in percent.
    public let ratePercent: ExactDecimal
    /// Minimum MPF per formal entry.
    public let minimum: Money
    /// Maximum MPF per formal entry.
    public let maximum: Money

    /// The table, as data (19 CFR 24.23 as adjusted each fiscal year).
    public static let table: [MPFSchedule] = [
        MPFSchedule(fiscalYear: 2024, ratePercent: "0.3464", minimum: Money(minorUnits: 3167, currency: .usd), maximum: Money(minorUnits: 61435, currency: .usd)),
        MPFSchedule(fiscalYear: 2025, ratePercent: "0.3464", minimum: Money(minorUnits: 3271, currency: .usd), maximum: Money(minorUnits: 63462, currency: .usd)),
        MPFSchedule(fiscalYear: 2026, ratePercent: "0.3464", minimum: Money(minorUnits: 3358, currency: .usd), maximum: Money(minorUnits: 65150, currency: .usd)),
    ]

    /// U.S. fiscal year of a date: the year of the date, plus one from October on.
    ///
    /// ```swift
    /// MPFSchedule.fiscalYear(of: CalendarDate("2024-10-01")!) // 2025
    /// ```
    public static func fiscalYear(of date: CalendarDate) -> Int { date.month >= 10 ? date.year + 1 : date.year }

    /// The schedule in force on `date`, or nil outside the table.
    ///
    /// ```swift
    /// MPFSchedule.fiscalYear(containing: CalendarDate("2025-02-14")!)?.maximum.plainText // "634.62"
    /// ```
    public static func fiscalYear(containing date: CalendarDate) -> MPFSchedule? {
        let year = fiscalYear(of: date)
        return table.first { $0.fiscalYear == year }
    }

    /// `amount` clamped to [minimum, maximum].
    ///
    /// ```swift
    /// MPFSchedule.table[1].clamp(Money("10.00", currency: .usd)!).plainText // "32.71"
    /// ```
    public func clamp(_ amount: Money) -> Money { min(max(amount, minimum), maximum) }
}

/// Harbor Maintenance Fee parameters.
///
/// ```swift
/// HMFSchedule.vesselModes.contains("11") // true
/// ```
public enum HMFSchedule {
    /// Ad valorem rate in percent.
    public static let ratePercent: ExactDecimal = "0.125"
    /// Vessel modes of transport (Block 9) that incur HMF.
    public static let vesselModes: Set<String> = ["10", "11", "12"]
    /// HMF at or below this amount is not collected when nothing else is due.
    public static let collectionThreshold = Money(minorUnits: 300, currency: .usd)
}
