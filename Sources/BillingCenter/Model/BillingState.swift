import DocumentModel
/// Everything the log has established, folded incrementally: the input of every rule.
///
/// Built only by `apply(_:)`, so replaying a log gives the same state as the live run.
///
/// ```swift
/// var state = BillingState()
/// state.apply(LoggedEvent(seq: 1, at: at, actor: "alice", event: .companyEnrolled(company: "ACME", account: a1, planCategory: nil, notify: true)))
/// state.companies["ACME"]?.primaryAdministrator // "alice"
/// ```
public struct BillingState: Sendable {
    /// T-5: the `at` of the latest accepted state-changing request.
    public private(set) var clock: Instant?
    /// Log position of the latest applied event.
    public private(set) var lastSeq: Int64 = 0
    public private(set) var companies: [CompanyID: Company] = [:]
    /// Companies in which each key has at least one enrollment event, in first-event order.
    public private(set) var companiesByKey: [AccountKey: [CompanyID]] = [:]
    public private(set) var documents = DocumentCatalog()
    /// Notices in recording order (BC-23). `BillingStore` leaves this empty and reads its table.
    public private(set) var notices: [CompanyID: [Notice]] = [:]
    public private(set) var adjustments: [AdjustmentRequest] = []

    public init() {}

    /// Whether `key` is ENROLLED in some company, and where (BC-27 guarantees at most one).
    public func companyEnrolling(_ key: AccountKey) -> CompanyID? {
        companiesByKey[key]?.first { companies[$0]?.state(of: key) == .enrolled }
    }

    public mutating func apply(_ logged: LoggedEvent) {
        lastSeq = max(lastSeq, logged.seq)
        clock = max(clock ?? logged.at, logged.at)
        let at = logged.at
        switch logged.event {
        case let .invoiceRegistered(record, notified):
            documents.insert(record)
            if let notified {
                notices[notified.company, default: []].append(contentsOf: notified.users.map {
                    Notice(company: notified.company, document: record.id, user: $0, at: at)
                })
            }
        case let .formRegistered(form):
            documents.insert(form)
        case let .invoiceSettled(id, settlement):
            documents.settle(id, settlement)
        case let .companyEnrolled(companyID, key, category, notify):
            let actor = logged.actor ?? ""
            var company = Company(id: companyID, created: at, primaryAdministrator: actor)
            company.memberships.append(Membership(user: actor, createdAt: at, createdSeq: logged.seq, notify: notify, role: .administrator, accounts: []))
            companies[companyID] = company
            enroll(key, category: category, in: companyID, act: .enroll, logged)
        case let .accountAdded(companyID, key, category):
            enroll(key, category: category, in: companyID, act: .enroll, logged)
        case let .accountsCancelled(companyID, keys, reason, comment):
            for key in keys {
                companies[companyID]?.record(EnrollmentEvent(act: .cancel, at: at, seq: logged.seq, reason: reason, comment: comment), for: key)
            }
        case let .accountsReenrolled(companyID, keys):
            for key in keys { enroll(key, category: nil, in: companyID, act: .reenroll, logged) }
        case let .userAdded(companyID, user, role, keys, notify):
            companies[companyID]?.memberships.append(Membership(user: user, createdAt: at, createdSeq: logged.seq, notify: notify, role: role, accounts: Set(keys)))
        case let .userDeleted(companyID, user):
            if let index = companies[companyID]?.membershipIndex(of: user, activeAt: at) {
                companies[companyID]?.memberships[index].delete(at: at)
            }
            companies[companyID]?.reassignPrimaryIfNeeded(at: at)
        case let .roleChanged(companyID, user, role):
            if let index = companies[companyID]?.membershipIndex(of: user, activeAt: at) {
                companies[companyID]?.memberships[index].change(at: at, role: role)
            }
            companies[companyID]?.reassignPrimaryIfNeeded(at: at)
        case let .accountsAssigned(companyID, user, keys):
            if let index = companies[companyID]?.membershipIndex(of: user, activeAt: at) {
                companies[companyID]?.memberships[index].change(at: at, accounts: Set(keys))
            }
        case let .adjustmentRequested(companyID, document, charges):
            adjustments.append(AdjustmentRequest(company: companyID, document: document, actor: logged.actor ?? "", at: at, charges: charges))
        }
    }

    private mutating func enroll(_ key: AccountKey, category: PlanCategory?, in companyID: CompanyID, act: EnrollmentAct, _ logged: LoggedEvent) {
        if let category, companies[companyID]?.planCategories[key] == nil {
            companies[companyID]?.planCategories[key] = category
        }
        if !(companiesByKey[key]?.contains(companyID) ?? false) { companiesByKey[key, default: []].append(companyID) }
        companies[companyID]?.record(EnrollmentEvent(act: act, at: logged.at, seq: logged.seq, reason: nil, comment: nil), for: key)
    }
}

extension BillingState {
    /// Room for `invoices` registered invoices, before a bulk replay.
    mutating func reserveCapacity(invoices count: Int) { documents.reserveCapacity(invoices: count) }

    /// A state holding only `company`, for computing a command's result on a scratch copy.
    mutating func adopt(_ company: Company) { companies[company.id] = company }
}
