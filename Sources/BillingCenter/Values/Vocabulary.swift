// The closed vocabularies of §1 and BC-22. Raw values are the wire spellings of the stream (S-4).

public enum LineOfBusiness: String, Sendable, Hashable, CaseIterable, Codable {
    case parcel, freight
    case supplyChain = "supply-chain"
}

public enum AccountType: String, Sendable, Hashable, CaseIterable, Codable {
    case individual, cpp
}

public enum PlanCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case export, `import`
}

/// Roles of §1, ordered as the UI lists them.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case viewOnly = "view-only"
    case viewAdjust = "view-adjust"
    case viewPay = "view-pay"
    case viewPayAdjust = "view-pay-adjust"
    case planManager = "plan-manager"
    case administrator

    /// Administrators and plan managers see every account of the company (BC-20).
    var seesAllAccounts: Bool { self == .administrator || self == .planManager }
    var isManager: Bool { seesAllAccounts }
    /// BC-21: pay and refund.
    var mayPay: Bool { [.viewPay, .viewPayAdjust, .planManager, .administrator].contains(self) }
    /// BC-21: dispute.
    var mayDispute: Bool { [.viewAdjust, .viewPayAdjust, .planManager, .administrator].contains(self) }
}

public enum InvoiceCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case deliveryService = "delivery-service"
    case `import`
}

public enum InvoiceStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case open
    case pastDue = "past-due"
    case paymentPending = "payment-pending"
    case underpayment
    case paymentReturned = "payment-returned"
    case paid, overpayment, closed

    public var isSettled: Bool { self == .paid || self == .closed }
}

public enum BrokerageFormKind: String, Sendable, Hashable, CaseIterable, Codable {
    case cbp7501 = "cbp-7501"
    case cbsaB3 = "cbsa-b3"
}

/// BC-22, in UI order. Cancel requests carry the reason as free text checked against these codes.
public enum CancellationReason: String, Sendable, Hashable, CaseIterable, Codable {
    case preferPaper = "prefer-paper"
    case accountClosed = "account-closed"
    case usingOtherBillingTool = "using-other-billing-tool"
    case enrolledInError = "enrolled-in-error"
    case accountMovedToOtherCompany = "account-moved-to-other-company"
    case other
}

/// BC-21 actions, in the order `list` reports them (S-8).
public enum DocumentAction: String, Sendable, Hashable, CaseIterable, Codable {
    case view, download, pay, refund, dispute
}

/// S-8 pages.
public enum Page: String, Sendable, Hashable, CaseIterable, Codable {
    case current, archive
}

/// BC-24..26.
public enum PaperPolicy: String, Sendable, Hashable, Codable {
    case paperAndOnline = "paper-and-online"
    case onlineOnly = "online-only"
    case paperOnly = "paper-only"
}

public typealias CompanyID = String
public typealias UserID = String
public typealias DocumentID = String
