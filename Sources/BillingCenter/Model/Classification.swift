import DocumentModel
/// What the rules see of a document (T-4): a form with a parent is classified entirely through it.
public struct Classification: Hashable, Sendable {
    /// The classification instant `t`: the `createdAt` of the invoice (or parent), or of an orphan form.
    public let instant: Instant
    public let account: AccountKey
    public let plan: AccountKey?
    public let category: InvoiceCategory
    /// The invoice whose settlement anchors the window; nil for an orphan form (BC-19).
    public let invoice: RegisteredInvoice?
}

extension Classification {
    /// An invoice is classified by itself.
    init(invoice: RegisteredInvoice) {
        self.init(instant: invoice.record.createdAt, account: invoice.record.account, plan: invoice.record.plan,
                  category: invoice.record.category, invoice: invoice)
    }
}

extension DocumentCatalog {
    public func classification(of document: RegisteredDocument) -> Classification? {
        switch document {
        case let .invoice(invoice):
            return Classification(invoice: invoice)
        case let .form(form):
            guard let parentID = form.parentInvoiceId else {
                return Classification(instant: form.createdAt, account: form.account, plan: nil, category: .import, invoice: nil)
            }
            guard let parent = invoices[parentID] else { return nil }
            return classification(of: .invoice(parent))
        }
    }
}
