/// A settlement of an invoice: at registration (status paid/closed) or by settleInvoice (BC-11).
public struct SettlementRecord: Hashable, Sendable {
    public let status: InvoiceStatus
    public let settledAt: Instant
}

/// A registered invoice with what the log later added to it.
public struct RegisteredInvoice: Hashable, Sendable {
    public let record: InvoiceRecord
    public internal(set) var settlement: SettlementRecord?

    /// Settled at `instant` iff the settlement exists and `settledAt ≤ instant` (BC-11).
    public func isSettled(at instant: Instant) -> Bool { settlement.map { $0.settledAt <= instant } ?? false }

    /// The status in force at `instant`: before its settlement an invoice registered settled counts as `open`.
    public func status(at instant: Instant) -> InvoiceStatus {
        if let settlement, settlement.settledAt <= instant { return settlement.status }
        return record.status.isSettled ? .open : record.status
    }
}

/// Any registered document: ids are one namespace shared by invoices and brokerage forms (§1).
public enum RegisteredDocument: Hashable, Sendable {
    case invoice(RegisteredInvoice)
    case form(BrokerageFormRecord)

    public var id: DocumentID {
        switch self {
        case let .invoice(invoice): invoice.record.id
        case let .form(form): form.id
        }
    }

    public var documentPath: String? {
        switch self {
        case let .invoice(invoice): invoice.record.documentPath
        case let .form(form): form.documentPath
        }
    }
}

/// The registered documents with the indexes the rules need: by billed account, by plan, by parent.
/// Indexes are maintained on insert so a query never scans documents of other accounts.
public struct DocumentCatalog: Sendable {
    public private(set) var invoices: [DocumentID: RegisteredInvoice] = [:]
    public private(set) var forms: [DocumentID: BrokerageFormRecord] = [:]
    private(set) var invoicesByAccount: [AccountKey: [DocumentID]] = [:]
    private(set) var invoicesByPlan: [AccountKey: [DocumentID]] = [:]
    private(set) var formsByParent: [DocumentID: [DocumentID]] = [:]
    private(set) var orphanFormsByAccount: [AccountKey: [DocumentID]] = [:]

    public init() {}

    public func document(_ id: DocumentID) -> RegisteredDocument? {
        if let invoice = invoices[id] { return .invoice(invoice) }
        return forms[id].map(RegisteredDocument.form)
    }

    mutating func insert(_ record: InvoiceRecord) {
        let settlement = record.settledAt.map { SettlementRecord(status: record.status, settledAt: $0) }
        invoices[record.id] = RegisteredInvoice(record: record, settlement: settlement)
        invoicesByAccount[record.account, default: []].append(record.id)
        if let plan = record.plan { invoicesByPlan[plan, default: []].append(record.id) }
    }

    mutating func insert(_ form: BrokerageFormRecord) {
        forms[form.id] = form
        if let parent = form.parentInvoiceId {
            formsByParent[parent, default: []].append(form.id)
        } else {
            orphanFormsByAccount[form.account, default: []].append(form.id)
        }
    }

    mutating func settle(_ id: DocumentID, _ settlement: SettlementRecord) {
        invoices[id]?.settlement = settlement
    }

    /// Invoices billed to `key`, or naming `key` as their plan when it is a plan.
    func invoiceIDs(of key: AccountKey) -> [DocumentID] {
        key.isPlan ? invoicesByPlan[key] ?? [] : invoicesByAccount[key] ?? []
    }
}
