import DocumentModel
/// One well-formed request of the stream (§15 shapes), already normalised and type-checked (S-4).
///
/// ```swift
/// let request = try RequestDecoder.decode(line: Array(text.utf8), lineNumber: 1)
/// if case .list(let query) = request { print(query.user) }
/// ```
public enum BillingRequest: Hashable, Sendable {
    case registerInvoice(InvoiceRecord, Envelope)
    case registerBrokerageForm(BrokerageFormRecord, Envelope)
    case settleInvoice(SettleInvoice, Envelope)
    case enroll(Enroll, Envelope)
    case addAccount(AddAccount, Envelope)
    case cancel(Cancel, Envelope)
    case reenroll(Reenroll, Envelope)
    case addUser(AddUser, Envelope)
    case deleteUser(DeleteUser, Envelope)
    case changeRole(ChangeRole, Envelope)
    case assignAccounts(AssignAccounts, Envelope)
    case requestAdjustment(RequestAdjustment, Envelope)
    case list(ListQuery)
    case access(AccessQuery)
    case notifications(NotificationsQuery)
    case download(DownloadRequest)

    /// `at` and `actor` of a state-changing request (T-5). The actor is optional only for ingest.
    public struct Envelope: Hashable, Sendable {
        public var at: Instant
        public var actor: UserID?
        public init(at: Instant, actor: UserID?) { self.at = at; self.actor = actor }
    }

    /// An account as given to enroll/addAccount, before the BC-8 checks.
    public struct AccountInput: Hashable, Sendable {
        public var key: AccountKey
        public var planCategory: PlanCategory?
        public init(key: AccountKey, planCategory: PlanCategory? = nil) { self.key = key; self.planCategory = planCategory }
    }

    /// The "authentication" data of BC-9.
    public struct Validation: Hashable, Sendable {
        public var invoiceNumber: String
        public var invoiceDate: CalendarDate
        public var amountDue: Money
        public var controlId: String?
        public init(invoiceNumber: String, invoiceDate: CalendarDate, amountDue: Money, controlId: String?) {
            self.invoiceNumber = invoiceNumber
            self.invoiceDate = invoiceDate
            self.amountDue = amountDue
            self.controlId = controlId
        }
    }

    public struct SettleInvoice: Hashable, Sendable {
        public var id: DocumentID
        public var status: InvoiceStatus
        public var settledAt: Instant
        public init(id: DocumentID, status: InvoiceStatus, settledAt: Instant) { self.id = id; self.status = status; self.settledAt = settledAt }
    }

    public struct Enroll: Hashable, Sendable {
        public var company: CompanyID
        public var account: AccountInput
        public var validation: Validation
        public var notify: Bool
        public init(company: CompanyID, account: AccountInput, validation: Validation, notify: Bool = true) {
            self.company = company; self.account = account; self.validation = validation; self.notify = notify
        }
    }

    public struct AddAccount: Hashable, Sendable {
        public var company: CompanyID
        public var account: AccountInput
        public var validation: Validation
        public init(company: CompanyID, account: AccountInput, validation: Validation) {
            self.company = company; self.account = account; self.validation = validation
        }
    }

    public struct Cancel: Hashable, Sendable {
        public var company: CompanyID
        public var accounts: [AccountKey]
        /// Free text: BC-6 checks it against BC-22 after the account checks.
        public var reason: String
        public var comment: String?
        public init(company: CompanyID, accounts: [AccountKey], reason: String, comment: String? = nil) {
            self.company = company; self.accounts = accounts; self.reason = reason; self.comment = comment
        }
    }

    public struct Reenroll: Hashable, Sendable {
        public var company: CompanyID
        public var accounts: [AccountKey]?
        public init(company: CompanyID, accounts: [AccountKey]? = nil) { self.company = company; self.accounts = accounts }
    }

    public struct AddUser: Hashable, Sendable {
        public var company: CompanyID
        public var user: UserID
        public var role: Role
        public var accounts: [AccountKey]
        public var notify: Bool
        public init(company: CompanyID, user: UserID, role: Role, accounts: [AccountKey] = [], notify: Bool = true) {
            self.company = company; self.user = user; self.role = role; self.accounts = accounts; self.notify = notify
        }
    }

    public struct DeleteUser: Hashable, Sendable {
        public var company: CompanyID
        public var user: UserID
        public init(company: CompanyID, user: UserID) { self.company = company; self.user = user }
    }

    public struct ChangeRole: Hashable, Sendable {
        public var company: CompanyID
        public var user: UserID
        public var role: Role
        public init(company: CompanyID, user: UserID, role: Role) { self.company = company; self.user = user; self.role = role }
    }

    public struct AssignAccounts: Hashable, Sendable {
        public var company: CompanyID
        public var user: UserID
        public var accounts: [AccountKey]
        public init(company: CompanyID, user: UserID, accounts: [AccountKey]) { self.company = company; self.user = user; self.accounts = accounts }
    }

    public struct Charge: Hashable, Sendable, Codable {
        public var trackingNumber: String?
        public var shipDate: String?
        public var reason: String?
        public init(trackingNumber: String?, shipDate: String?, reason: String?) {
            self.trackingNumber = trackingNumber; self.shipDate = shipDate; self.reason = reason
        }
    }

    public struct RequestAdjustment: Hashable, Sendable {
        public var company: CompanyID
        public var document: DocumentID
        public var charges: [Charge]
        public init(company: CompanyID, document: DocumentID, charges: [Charge]) {
            self.company = company; self.document = document; self.charges = charges
        }
    }

    public struct ListQuery: Hashable, Sendable {
        public var user: UserID
        public var company: CompanyID
        public var page: Page
        public var now: Instant
        public init(user: UserID, company: CompanyID, page: Page, now: Instant) {
            self.user = user; self.company = company; self.page = page; self.now = now
        }
    }

    public struct AccessQuery: Hashable, Sendable {
        public var user: UserID
        public var company: CompanyID
        public var document: DocumentID
        public var action: DocumentAction
        public var now: Instant
        public init(user: UserID, company: CompanyID, document: DocumentID, action: DocumentAction, now: Instant) {
            self.user = user; self.company = company; self.document = document; self.action = action; self.now = now
        }
    }

    public struct NotificationsQuery: Hashable, Sendable {
        public var company: CompanyID
        public var user: UserID?
        public var now: Instant?
        public init(company: CompanyID, user: UserID? = nil, now: Instant? = nil) { self.company = company; self.user = user; self.now = now }
    }

    public struct DownloadRequest: Hashable, Sendable {
        public var user: UserID
        public var company: CompanyID
        public var document: DocumentID
        public var now: Instant
        public var output: String
        public init(user: UserID, company: CompanyID, document: DocumentID, now: Instant, output: String) {
            self.user = user; self.company = company; self.document = document; self.now = now; self.output = output
        }
    }

    /// The `at` of a state-changing request; nil for the four queries (T-5).
    public var envelope: Envelope? {
        switch self {
        case let .registerInvoice(_, envelope), let .registerBrokerageForm(_, envelope), let .settleInvoice(_, envelope),
             let .enroll(_, envelope), let .addAccount(_, envelope), let .cancel(_, envelope), let .reenroll(_, envelope),
             let .addUser(_, envelope), let .deleteUser(_, envelope), let .changeRole(_, envelope),
             let .assignAccounts(_, envelope), let .requestAdjustment(_, envelope):
            envelope
        case .list, .access, .notifications, .download:
            nil
        }
    }
}
