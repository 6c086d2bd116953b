import Foundation

/// The JSON body of a non-ingest event in the `event` table. Ingest events keep their content in
/// typed tables instead (see `StoreSchema`).
struct EventBody: Codable {
    var company: CompanyID?
    var account: String?
    var accounts: [String]?
    var planCategory: PlanCategory?
    var notify: Bool?
    var reason: String?
    var comment: String?
    var user: UserID?
    var role: Role?
    var document: DocumentID?
    var charges: [BillingRequest.Charge]?

    init(_ event: BillingEvent) {
        switch event {
        case .invoiceRegistered, .formRegistered, .invoiceSettled:
            break
        case let .companyEnrolled(company, account, planCategory, notify):
            (self.company, self.account, self.planCategory, self.notify) = (company, account.storageKey, planCategory, notify)
        case let .accountAdded(company, account, planCategory):
            (self.company, self.account, self.planCategory) = (company, account.storageKey, planCategory)
        case let .accountsCancelled(company, accounts, reason, comment):
            (self.company, self.accounts, self.reason, self.comment) = (company, accounts.map(\.storageKey), reason, comment)
        case let .accountsReenrolled(company, accounts):
            (self.company, self.accounts) = (company, accounts.map(\.storageKey))
        case let .userAdded(company, user, role, accounts, notify):
            (self.company, self.user, self.role, self.accounts, self.notify) = (company, user, role, accounts.map(\.storageKey), notify)
        case let .userDeleted(company, user):
            (self.company, self.user) = (company, user)
        case let .roleChanged(company, user, role):
            (self.company, self.user, self.role) = (company, user, role)
        case let .accountsAssigned(company, user, accounts):
            (self.company, self.user, self.accounts) = (company, user, accounts.map(\.storageKey))
        case let .adjustmentRequested(company, document, charges):
            (self.company, self.document, self.charges) = (company, document, charges)
        }
    }

    func event(kind: String) throws -> BillingEvent {
        func need<T>(_ value: T?, _ name: String) throws -> T {
            guard let value else { throw BillingStoreError.corrupt("event \(kind) lacks \(name)") }
            return value
        }
        func keys() throws -> [AccountKey] { try need(accounts, "accounts").map { try AccountKey(storageKey: $0) } }
        let company = try need(company, "company")
        switch kind {
        case "enroll":
            return .companyEnrolled(company: company, account: try AccountKey(storageKey: try need(account, "account")), planCategory: planCategory, notify: try need(notify, "notify"))
        case "addAccount":
            return .accountAdded(company: company, account: try AccountKey(storageKey: try need(account, "account")), planCategory: planCategory)
        case "cancel":
            return .accountsCancelled(company: company, accounts: try keys(), reason: try need(reason, "reason"), comment: comment)
        case "reenroll":
            return .accountsReenrolled(company: company, accounts: try keys())
        case "addUser":
            return .userAdded(company: company, user: try need(user, "user"), role: try need(role, "role"), accounts: try keys(), notify: try need(notify, "notify"))
        case "deleteUser":
            return .userDeleted(company: company, user: try need(user, "user"))
        case "changeRole":
            return .roleChanged(company: company, user: try need(user, "user"), role: try need(role, "role"))
        case "assignAccounts":
            return .accountsAssigned(company: company, user: try need(user, "user"), accounts: try keys())
        case "requestAdjustment":
            return .adjustmentRequested(company: company, document: try need(document, "document"), charges: try need(charges, "charges"))
        default:
            throw BillingStoreError.corrupt("unknown event kind \(kind)")
        }
    }
}

extension AccountKey {
    /// `lineOfBusiness/accountType|-/number/country`: numbers and countries never contain `/`.
    var storageKey: String { description }

    init(storageKey: String) throws {
        let parts = storageKey.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let lineOfBusiness = LineOfBusiness(rawValue: parts[0]),
              parts[1] == "-" || AccountType(rawValue: parts[1]) != nil else {
            throw BillingStoreError.corrupt("bad account key \(storageKey)")
        }
        self.init(normalizedLineOfBusiness: lineOfBusiness, accountType: AccountType(rawValue: parts[1]), number: parts[2], country: parts[3])
    }
}
