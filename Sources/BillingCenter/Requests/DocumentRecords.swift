import DocumentModel
/// A registered invoice, normalised (BC-11): the *content* compared for idempotent registration.
///
/// ```swift
/// let record = InvoiceRecord(id: "I1", number: "0000A1X21", account: a1, planNumber: nil,
///     category: .deliveryService, createdAt: t, invoiceDate: d, dueDate: d.adding(days: 30),
///     amountDue: Money(minorUnits: 31020, currency: .eur), controlId: "P3M8", status: .open,
///     settledAt: nil, documentPath: nil)
/// ```
public struct InvoiceRecord: Hashable, Sendable {
    public var id: DocumentID
    public var number: String
    public var account: AccountKey
    public var planNumber: String?
    public var category: InvoiceCategory
    public var createdAt: Instant
    public var invoiceDate: CalendarDate
    public var dueDate: CalendarDate
    public var amountDue: Money
    public var controlId: String
    public var status: InvoiceStatus
    public var settledAt: Instant?
    /// The `document` path as given in the request; its bytes are stored separately.
    public var documentPath: String?
    /// The plan key P of BC-12, when the invoice names a plan (derived once: the rules read it often).
    public private(set) var plan: AccountKey?

    public init(id: DocumentID, number: String, account: AccountKey, planNumber: String?, category: InvoiceCategory,
                createdAt: Instant, invoiceDate: CalendarDate, dueDate: CalendarDate, amountDue: Money,
                controlId: String, status: InvoiceStatus, settledAt: Instant?, documentPath: String?) {
        self.id = id
        self.number = number.trimmingASCIIWhitespace()
        self.account = account
        self.planNumber = planNumber.map(AccountKey.normaliseNumber)
        self.category = category
        self.createdAt = createdAt
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.amountDue = amountDue
        self.controlId = controlId.trimmingASCIIWhitespace()
        self.status = status
        self.settledAt = settledAt
        self.documentPath = documentPath
        self.plan = self.planNumber.map {
            AccountKey(normalizedLineOfBusiness: .parcel, accountType: .cpp, number: $0, country: account.country)
        }
    }
}

/// A registered brokerage form (CBP 7501 or CBSA B3), normalised (BC-11).
public struct BrokerageFormRecord: Hashable, Sendable {
    public var id: DocumentID
    public var form: BrokerageFormKind
    public var parentInvoiceId: DocumentID?
    public var account: AccountKey
    public var createdAt: Instant
    public var entryNumber: String
    public var trackingNumbers: [String]
    public var documentPath: String?

    public init(id: DocumentID, form: BrokerageFormKind, parentInvoiceId: DocumentID?, account: AccountKey,
                createdAt: Instant, entryNumber: String, trackingNumbers: [String], documentPath: String?) {
        self.id = id
        self.form = form
        self.parentInvoiceId = parentInvoiceId
        self.account = account
        self.createdAt = createdAt
        self.entryNumber = entryNumber.trimmingASCIIWhitespace()
        self.trackingNumbers = trackingNumbers.map { $0.trimmingASCIIWhitespace() }
        self.documentPath = documentPath
    }
}
