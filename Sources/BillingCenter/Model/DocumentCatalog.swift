import DocumentModel
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
    /// Per billed account and per plan, invoices sorted by (createdAt, id): BC-24's "first three"
    /// is then a short walk from the enrollment instant instead of a scan of every invoice.
    private(set) var invoicesByAccount: [AccountKey: [InvoiceReference]] = [:]
    private(set) var invoicesByPlan: [AccountKey: [InvoiceReference]] = [:]
    private(set) var formsByParent: [DocumentID: [DocumentID]] = [:]
    private(set) var orphanFormsByAccount: [AccountKey: [DocumentID]] = [:]

    public init() {}

    mutating func reserveCapacity(invoices count: Int) { invoices.reserveCapacity(count) }

    public func document(_ id: DocumentID) -> RegisteredDocument? {
        if let invoice = invoices[id] { return .invoice(invoice) }
        return forms[id].map(RegisteredDocument.form)
    }

    mutating func insert(_ record: InvoiceRecord) {
        let settlement = record.settledAt.map { SettlementRecord(status: record.status, settledAt: $0) }
        invoices[record.id] = RegisteredInvoice(record: record, settlement: settlement)
        let reference = InvoiceReference(createdAt: record.createdAt, id: record.id)
        invoicesByAccount[record.account, default: []].insertInOrder(reference)
        if let plan = record.plan { invoicesByPlan[plan, default: []].insertInOrder(reference) }
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

    /// Invoices billed to `key`, or naming `key` as their plan when it is a plan, by (createdAt, id).
    func invoices(of key: AccountKey) -> [InvoiceReference] {
        key.isPlan ? invoicesByPlan[key] ?? [] : invoicesByAccount[key] ?? []
    }
}

/// An invoice in a per-key index: enough to order and to find it.
struct InvoiceReference: Hashable, Sendable {
    let createdAt: Instant
    let id: DocumentID

    func precedes(_ other: InvoiceReference) -> Bool {
        createdAt != other.createdAt ? createdAt < other.createdAt : id.precedesInCodePointOrder(other.id)
    }
}

extension Array where Element == InvoiceReference {
    /// Keeps the array sorted; invoices mostly arrive in creation order, so this is usually an append.
    mutating func insertInOrder(_ reference: InvoiceReference) {
        if let last, !reference.precedes(last) { append(reference); return }
        insert(reference, at: firstIndex(notBefore: reference.createdAt, id: reference.id))
    }

    /// The first position whose element does not precede (instant, id); binary search.
    func firstIndex(notBefore instant: Instant, id: DocumentID = "") -> Int {
        var low = 0, high = count
        let probe = InvoiceReference(createdAt: instant, id: id)
        while low < high {
            let middle = (low + high) / 2
            if self[middle].precedes(probe) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
