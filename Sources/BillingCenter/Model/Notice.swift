import DocumentModel
/// An "invoice available" notice recorded at registration (BC-23).
public struct Notice: Hashable, Sendable {
    public let company: CompanyID
    public let document: DocumentID
    public let user: UserID
    public let at: Instant
    public var kind: String { "invoice-available" }
}

/// A recorded dispute (requestAdjustment); approving it is out of scope.
public struct AdjustmentRequest: Hashable, Sendable {
    public let company: CompanyID
    public let document: DocumentID
    public let actor: UserID
    public let at: Instant
    public let charges: [BillingRequest.Charge]
}
