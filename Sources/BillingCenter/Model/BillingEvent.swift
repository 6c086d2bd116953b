import DocumentModel
/// An accepted state change, as appended to the log. Rejected requests and duplicates produce none.
public enum BillingEvent: Hashable, Sendable {
    /// BC-11 registerInvoice, with the notices of BC-23 recorded at that moment.
    case invoiceRegistered(InvoiceRecord, notified: NoticeRecipients?)
    case formRegistered(BrokerageFormRecord)
    case invoiceSettled(id: DocumentID, SettlementRecord)
    /// BC-4: creates the company, its first administrator and the first ENROLL.
    case companyEnrolled(company: CompanyID, account: AccountKey, planCategory: PlanCategory?, notify: Bool)
    case accountAdded(company: CompanyID, account: AccountKey, planCategory: PlanCategory?)
    case accountsCancelled(company: CompanyID, accounts: [AccountKey], reason: String, comment: String?)
    case accountsReenrolled(company: CompanyID, accounts: [AccountKey])
    case userAdded(company: CompanyID, user: UserID, role: Role, accounts: [AccountKey], notify: Bool)
    case userDeleted(company: CompanyID, user: UserID)
    case roleChanged(company: CompanyID, user: UserID, role: Role)
    case accountsAssigned(company: CompanyID, user: UserID, accounts: [AccountKey])
    case adjustmentRequested(company: CompanyID, document: DocumentID, charges: [BillingRequest.Charge])

    /// The op name, stored as the event's kind.
    public var kind: String {
        switch self {
        case .invoiceRegistered: "registerInvoice"
        case .formRegistered: "registerBrokerageForm"
        case .invoiceSettled: "settleInvoice"
        case .companyEnrolled: "enroll"
        case .accountAdded: "addAccount"
        case .accountsCancelled: "cancel"
        case .accountsReenrolled: "reenroll"
        case .userAdded: "addUser"
        case .userDeleted: "deleteUser"
        case .roleChanged: "changeRole"
        case .accountsAssigned: "assignAccounts"
        case .adjustmentRequested: "requestAdjustment"
        }
    }
}

/// Who got an "invoice available" notice when an invoice was registered (BC-23).
public struct NoticeRecipients: Hashable, Sendable {
    public let company: CompanyID
    /// In user-id order.
    public let users: [UserID]
    public init(company: CompanyID, users: [UserID]) { self.company = company; self.users = users }
}

/// An event at its log position.
public struct LoggedEvent: Hashable, Sendable {
    public let seq: Int64
    public let at: Instant
    public let actor: UserID?
    public let event: BillingEvent

    public init(seq: Int64, at: Instant, actor: UserID?, event: BillingEvent) {
        self.seq = seq; self.at = at; self.actor = actor; self.event = event
    }
}
