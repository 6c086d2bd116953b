/// The decision core of the billing center: pure functions of the recorded state and an explicit `now`.
/// No clock is read here (T-6).
///
/// ```swift
/// let rules = BillingRules(state: state)
/// let page = try rules.list(user: "carol", company: "ACME", page: .current, now: now)
/// ```
public struct BillingRules: Sendable {
    public let state: BillingState
    /// BC-19: `W` = 52 weeks. The library may change it; the CLI uses the default.
    public let historyWindow: Duration

    public static let defaultHistoryWindow = Duration.days(364)

    public init(state: BillingState, historyWindow: Duration = BillingRules.defaultHistoryWindow) {
        self.state = state
        self.historyWindow = historyWindow
    }
}
