/// A further HTSUS number reported on a line (e.g. Chapter 99), dutiable on the line's entered value.
///
/// ```swift
/// AdditionalTariff(htsNumber: "9903.88.03", htsRate: .rate(adValorem: "25", specific: nil))
/// ```
public struct AdditionalTariff: Sendable, Hashable, Codable {
    /// HTSUS number.
    public var htsNumber: String
    /// Rate of this provision.
    public var htsRate: USRate
    /// Duty stated by the document (checked), else computed.
    public var dutyAmount: Money?

    /// Creates an additional provision.
    ///
    /// ```swift
    /// AdditionalTariff(htsNumber: "9903.01.25", htsRate: .free)
    /// ```
    public init(htsNumber: String, htsRate: USRate, dutyAmount: Money? = nil) {
        self.htsNumber = htsNumber; self.htsRate = htsRate; self.dutyAmount = dutyAmount
    }
}
