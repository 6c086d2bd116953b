import Foundation

/// The success payload of a state-changing request (§15 shapes).
public struct CommandResult: Hashable, Sendable {
    /// Ingest only: whether the request was an idempotent repeat (BC-11).
    public var duplicate: Bool?
    /// reenroll: the re-enrolled accounts in company order.
    public var accounts: [AccountKey]?
    /// deleteUser and changeRole: the primary administrator after the change.
    public var primaryAdministrator: UserID?

    public init(duplicate: Bool? = nil, accounts: [AccountKey]? = nil, primaryAdministrator: UserID? = nil) {
        self.duplicate = duplicate; self.accounts = accounts; self.primaryAdministrator = primaryAdministrator
    }
}

/// What the rules decided about a state-changing request, before anything is stored.
public enum CommandDecision: Sendable {
    /// Nothing changes (atomic, §4).
    case rejected(BillingError)
    /// A duplicate no-op: nothing is recorded and the clock does not move (BC-11, T-5).
    case duplicate
    /// To be appended to the log; `documentBytes` are the stored document's bytes (S-7).
    case accepted(BillingEvent, CommandResult, documentBytes: Data?)
}

/// Reads a `document` file named by a registration (S-7), relative paths against the working directory.
public protocol DocumentLoading: Sendable {
    /// The file's bytes, or `invalid_document` naming the problem (and the JSON path when invalid).
    func load(path: String) throws(BillingError) -> Data
}
