import Foundation

/// The error codes of §12, spelled as on the stream.
public enum BillingErrorCode: String, Sendable, Hashable, CaseIterable, Codable {
    // Stream
    case invalidRequest = "invalid_request", invalidTimestamp = "invalid_timestamp", storageError = "storage_error"
    // Time
    case futureTimestamp = "future_timestamp", outOfOrderEvent = "out_of_order_event"
    // Access
    case notFound = "not_found", forbidden, notPayable = "not_payable", disputeIncomplete = "dispute_incomplete"
    // Companies and users
    case companyExists = "company_exists", userExists = "user_exists", unknownUser = "unknown_user"
    case lastAdministrator = "last_administrator"
    // Enrollment
    case noAccountSelected = "no_account_selected", unknownAccount = "unknown_account"
    case alreadyEnrolled = "already_enrolled", alreadyCancelled = "already_cancelled", notCancelled = "not_cancelled"
    case accountCancelledUseReenroll = "account_cancelled_use_reenroll"
    case accountEnrolledElsewhere = "account_enrolled_elsewhere"
    case invalidReason = "invalid_reason", commentRequired = "comment_required", commentTooLong = "comment_too_long"
    case accountTypeRequired = "account_type_required", accountTypeNotApplicable = "account_type_not_applicable"
    case invalidAccountNumber = "invalid_account_number", temporaryAccount = "temporary_account"
    case invalidCountry = "invalid_country", validationFailed = "validation_failed"
    case validationUnavailable = "validation_unavailable", validationLocked = "validation_locked"
    // Ingest
    case conflictingDuplicate = "conflicting_duplicate", unknownInvoice = "unknown_invoice"
    case parentMismatch = "parent_mismatch", alreadySettled = "already_settled", invalidDocument = "invalid_document"
    // Download
    case noDocument = "no_document", outputUnwritable = "output_unwritable", renderFailed = "render_failed"

    /// The English UI message of §12 for the codes that have one.
    var uiMessage: String? {
        switch self {
        case .commentRequired: "Comments are required when \"Other\" is selected."
        case .noAccountSelected: "Select at least one account."
        case .alreadyCancelled: "Enrollment is already cancelled for this account."
        case .notCancelled: "There is no cancelled enrollment to re-enroll."
        case .accountEnrolledElsewhere: "This account is enrolled in another Billing Center company."
        case .validationFailed: "The information does not match a recent invoice."
        case .lastAdministrator: "A company must keep at least one administrator."
        case .forbidden: "You are not allowed to perform this action."
        case .disputeIncomplete: "Enter the tracking number, shipment date and reason for each disputed charge."
        case .notPayable: "This invoice cannot be paid online."
        case .temporaryAccount: "Temporary (10-digit) accounts cannot be enrolled or paid online."
        case .notFound: "Not found."
        default: nil
        }
    }
}

/// A rejected request: its code, a human message and, for some codes, the offending accounts (S-5).
///
/// ```swift
/// let error = BillingError(.alreadyCancelled, accounts: [a1])
/// error.message // "Enrollment is already cancelled for this account."
/// ```
public struct BillingError: Error, Equatable, Sendable {
    public let code: BillingErrorCode
    public let message: String
    /// Offending canonical accounts, in company order, for `already_cancelled`, `not_cancelled` and
    /// `account_enrolled_elsewhere`.
    public let accounts: [AccountKey]?
    /// The physical line number, for `invalid_request`.
    public let line: Int?

    public init(_ code: BillingErrorCode, _ message: String? = nil, accounts: [AccountKey]? = nil, line: Int? = nil) {
        self.code = code
        self.message = message ?? code.uiMessage ?? code.rawValue.replacingOccurrences(of: "_", with: " ")
        self.accounts = accounts
        self.line = line
    }
}
