import DocumentModel
/// A billing-center company (§1): never deleted; its accounts, enrollment histories and members.
public struct Company: Hashable, Sendable {
    public let id: CompanyID
    public let created: Instant
    public internal(set) var primaryAdministrator: UserID
    /// Company accounts in company order: the order of first enrollment here (BC-1).
    public private(set) var accounts: [AccountKey] = []
    public private(set) var enrollment: [AccountKey: EnrollmentHistory] = [:]
    /// Category of each plan, fixed when the plan is first enrolled here.
    public internal(set) var planCategories: [AccountKey: PlanCategory] = [:]
    /// Every membership ever created, in creation order.
    public internal(set) var memberships: [Membership] = []

    init(id: CompanyID, created: Instant, primaryAdministrator: UserID) {
        self.id = id
        self.created = created
        self.primaryAdministrator = primaryAdministrator
    }

    public func state(of key: AccountKey) -> EnrollmentState { enrollment[key]?.state ?? .none }

    public func isCompanyAccount(_ key: AccountKey) -> Bool { enrollment[key] != nil }

    /// BC-3.
    public var isActive: Bool { enrollment.values.contains { $0.state == .enrolled } }

    mutating func record(_ event: EnrollmentEvent, for key: AccountKey) {
        if enrollment[key] == nil { accounts.append(key) }
        enrollment[key, default: EnrollmentHistory()].append(event)
    }

    /// The membership of `user` active at `instant`, if any.
    public func membership(of user: UserID, activeAt instant: Instant) -> Membership? {
        memberships.last { $0.user == user && $0.isActive(at: instant) }
    }

    func membershipIndex(of user: UserID, activeAt instant: Instant) -> Int? {
        memberships.lastIndex { $0.user == user && $0.isActive(at: instant) }
    }

    /// Active administrators at `instant`, in membership creation order.
    func administrators(activeAt instant: Instant) -> [Membership] {
        memberships.filter { $0.isActive(at: instant) && $0.version(at: instant)?.role == .administrator }
    }

    /// BC-10: when the primary is deleted or loses `administrator`, the first-created active administrator.
    mutating func reassignPrimaryIfNeeded(at instant: Instant) {
        let admins = administrators(activeAt: instant)
        if !admins.contains(where: { $0.user == primaryAdministrator }), let first = admins.min(by: { $0.createdSeq < $1.createdSeq }) {
            primaryAdministrator = first.user
        }
    }
}
