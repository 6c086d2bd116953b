import DocumentModel
/// Role and assigned accounts of a membership from an instant on (BC-10: read at query time).
public struct MembershipVersion: Hashable, Sendable {
    public let at: Instant
    public let role: Role
    public let accounts: Set<AccountKey>
}

/// One membership of a user in a company, with its history; a deleted user added again gets a new one.
public struct Membership: Hashable, Sendable {
    public let user: UserID
    public let createdAt: Instant
    /// Log position of the creation: "created first" of the primary-administrator rule (BC-10).
    public let createdSeq: Int64
    public let notify: Bool
    public private(set) var versions: [MembershipVersion]
    public private(set) var deletedAt: Instant?

    init(user: UserID, createdAt: Instant, createdSeq: Int64, notify: Bool, role: Role, accounts: Set<AccountKey>) {
        self.user = user
        self.createdAt = createdAt
        self.createdSeq = createdSeq
        self.notify = notify
        self.versions = [MembershipVersion(at: createdAt, role: role, accounts: accounts)]
    }

    /// Deleted at exactly `instant` = no longer active (BC-20, T-2).
    public func isActive(at instant: Instant) -> Bool {
        createdAt <= instant && deletedAt.map { instant < $0 } ?? true
    }

    /// The role and accounts in force at `instant` (the latest version at or before it).
    public func version(at instant: Instant) -> MembershipVersion? {
        versions.last { $0.at <= instant }
    }

    /// The latest version: what commands see, since their `at` is never before the clock (T-5).
    public var current: MembershipVersion { versions[versions.count - 1] }

    mutating func change(at instant: Instant, role: Role? = nil, accounts: Set<AccountKey>? = nil) {
        versions.append(MembershipVersion(at: instant, role: role ?? current.role, accounts: accounts ?? current.accounts))
    }

    mutating func delete(at instant: Instant) { deletedAt = instant }
}
