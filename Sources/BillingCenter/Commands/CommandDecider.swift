import DocumentModel
import Foundation

/// Runs the checks of §4 for one state-changing request against the current state, in the spec's
/// order; the first failing check decides the error. Pure: it never changes the state.
///
/// ```swift
/// let decider = CommandDecider(state: state, wallClock: clock, documents: loader)
/// switch decider.decide(request) { case .accepted(let event, _, _): … default: … }
/// ```
public struct CommandDecider {
    public let state: BillingState
    /// The wall clock or `--clock` (S-1), for `future_timestamp`.
    public let wallClock: Instant
    public let documents: any DocumentLoading

    public init(state: BillingState, wallClock: Instant, documents: any DocumentLoading) {
        self.state = state
        self.wallClock = wallClock
        self.documents = documents
    }

    var rules: BillingRules { BillingRules(state: state) }

    public func decide(_ request: BillingRequest) -> CommandDecision {
        do {
            switch request {
            case let .registerInvoice(record, envelope): return try registerInvoice(record, envelope.at)
            case let .registerBrokerageForm(form, envelope): return try registerForm(form, envelope.at)
            case let .settleInvoice(settle, envelope): return try settleInvoice(settle, envelope.at)
            case let .enroll(enroll, envelope): return try self.enroll(enroll, envelope)
            case let .addAccount(add, envelope): return try addAccount(add, envelope)
            case let .cancel(cancel, envelope): return try self.cancel(cancel, envelope)
            case let .reenroll(reenroll, envelope): return try self.reenroll(reenroll, envelope)
            case let .addUser(add, envelope): return try addUser(add, envelope)
            case let .deleteUser(delete, envelope): return try deleteUser(delete, envelope)
            case let .changeRole(change, envelope): return try changeRole(change, envelope)
            case let .assignAccounts(assign, envelope): return try assignAccounts(assign, envelope)
            case let .requestAdjustment(adjustment, envelope): return try requestAdjustment(adjustment, envelope)
            case .list, .access, .notifications, .download:
                return .rejected(BillingError(.invalidRequest, "queries are not commands"))
            }
        } catch {
            return .rejected(error)
        }
    }

    // MARK: BC-11 ingest

    private func registerInvoice(_ record: InvoiceRecord, _ at: Instant) throws(BillingError) -> CommandDecision {
        if let existing = state.documents.invoices[record.id] {
            guard existing.record == record else { throw conflictingDuplicate(record.id) }
            return .duplicate
        }
        if state.documents.forms[record.id] != nil { throw conflictingDuplicate(record.id) }
        try checkTime(at, alsoNotAfterAt: [record.createdAt, record.settledAt])
        try checkBilledAccount(record.account, planNumber: record.planNumber)
        let bytes = try record.documentPath.map { path throws(BillingError) in try documents.load(path: path) }
        let notified = rules.noticeRecipients(for: record, at: at)
        return .accepted(.invoiceRegistered(record, notified: notified), CommandResult(duplicate: false), documentBytes: bytes)
    }

    private func registerForm(_ form: BrokerageFormRecord, _ at: Instant) throws(BillingError) -> CommandDecision {
        if let existing = state.documents.forms[form.id] {
            guard existing == form else { throw conflictingDuplicate(form.id) }
            return .duplicate
        }
        if state.documents.invoices[form.id] != nil { throw conflictingDuplicate(form.id) }
        try checkTime(at, alsoNotAfterAt: [form.createdAt])
        try checkBilledAccount(form.account)
        if let parentID = form.parentInvoiceId {
            guard let parent = state.documents.invoices[parentID] else {
                throw BillingError(.unknownInvoice, "parentInvoiceId \"\(parentID)\" is not a registered invoice")
            }
            guard parent.record.account == form.account else {
                throw BillingError(.parentMismatch, "account differs from the account of invoice \"\(parentID)\"")
            }
        }
        let bytes = try form.documentPath.map { path throws(BillingError) in try documents.load(path: path) }
        return .accepted(.formRegistered(form), CommandResult(duplicate: false), documentBytes: bytes)
    }

    private func settleInvoice(_ settle: BillingRequest.SettleInvoice, _ at: Instant) throws(BillingError) -> CommandDecision {
        guard let invoice = state.documents.invoices[settle.id] else {
            throw BillingError(.unknownInvoice, "\"\(settle.id)\" is not a registered invoice")
        }
        if let settlement = invoice.settlement {
            guard settlement.status == settle.status, settlement.settledAt == settle.settledAt else {
                throw BillingError(.alreadySettled, "invoice \"\(settle.id)\" is already \(settlement.status.rawValue) since \(settlement.settledAt)")
            }
            return .duplicate
        }
        try checkTime(at, alsoNotAfterAt: [settle.settledAt])
        let settlement = SettlementRecord(status: settle.status, settledAt: settle.settledAt)
        return .accepted(.invoiceSettled(id: settle.id, settlement), CommandResult(duplicate: false), documentBytes: nil)
    }

    private func conflictingDuplicate(_ id: DocumentID) -> BillingError {
        BillingError(.conflictingDuplicate, "document \"\(id)\" is already registered with other content")
    }

    // MARK: BC-4..7 enrollment

    private func enroll(_ enroll: BillingRequest.Enroll, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        guard state.companies[enroll.company] == nil else {
            throw BillingError(.companyExists, "company \"\(enroll.company)\" already exists")
        }
        let key = enroll.account.key
        try checkEnrollableAccount(key)
        if state.companyEnrolling(key) != nil { throw BillingError(.accountEnrolledElsewhere, accounts: [key]) }
        try checkValidation(enroll.validation, for: key, at: envelope.at)
        let event = BillingEvent.companyEnrolled(company: enroll.company, account: key, planCategory: enroll.account.planCategory, notify: enroll.notify)
        return .accepted(event, CommandResult(), documentBytes: nil)
    }

    private func addAccount(_ add: BillingRequest.AddAccount, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        let company = try company(add.company)
        try requireAdministrator(envelope.actor, in: company, at: envelope.at) // plan managers may not add accounts
        let key = add.account.key
        try checkEnrollableAccount(key)
        switch company.state(of: key) {
        case .enrolled: throw BillingError(.alreadyEnrolled, "the account is already enrolled in this company")
        case .cancelled: throw BillingError(.accountCancelledUseReenroll, "the account's enrollment is cancelled here: use reenroll")
        case .none: break
        }
        if state.companyEnrolling(key) != nil { throw BillingError(.accountEnrolledElsewhere, accounts: [key]) }
        try checkValidation(add.validation, for: key, at: envelope.at)
        return .accepted(.accountAdded(company: add.company, account: key, planCategory: add.account.planCategory), CommandResult(), documentBytes: nil)
    }

    private func cancel(_ cancel: BillingRequest.Cancel, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        let company = try company(cancel.company)
        try requireAdministrator(envelope.actor, in: company, at: envelope.at)
        guard !cancel.accounts.isEmpty else { throw BillingError(.noAccountSelected) }
        let keys = try resolve(cancel.accounts, in: company)
        let notEnrolled = keys.filter { company.state(of: $0) != .enrolled }
        guard notEnrolled.isEmpty else { throw BillingError(.alreadyCancelled, accounts: inCompanyOrder(notEnrolled, company)) }
        guard let reason = CancellationReason(rawValue: cancel.reason) else {
            throw BillingError(.invalidReason, "reason \"\(cancel.reason)\" is not a cancellation reason")
        }
        if reason == .other, cancel.comment?.isBlank ?? true { throw BillingError(.commentRequired) }
        if let comment = cancel.comment, comment.unicodeScalars.count > 1000 {
            throw BillingError(.commentTooLong, "comment is longer than 1000 characters")
        }
        let event = BillingEvent.accountsCancelled(company: cancel.company, accounts: keys, reason: reason.rawValue, comment: cancel.comment)
        return .accepted(event, CommandResult(), documentBytes: nil)
    }

    private func reenroll(_ reenroll: BillingRequest.Reenroll, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        let company = try company(reenroll.company)
        try requireAdministrator(envelope.actor, in: company, at: envelope.at)
        let scope: [AccountKey]
        if let requested = reenroll.accounts {
            guard !requested.isEmpty else { throw BillingError(.noAccountSelected) }
            let keys = try resolve(requested, in: company)
            let notCancelled = keys.filter { company.state(of: $0) != .cancelled }
            guard notCancelled.isEmpty else { throw BillingError(.notCancelled, accounts: inCompanyOrder(notCancelled, company)) }
            scope = inCompanyOrder(keys, company)
        } else {
            scope = company.accounts.filter { company.state(of: $0) == .cancelled }
            guard !scope.isEmpty else { throw BillingError(.notCancelled, accounts: []) }
        }
        let elsewhere = scope.filter { key in state.companyEnrolling(key).map { $0 != company.id } ?? false }
        guard elsewhere.isEmpty else { throw BillingError(.accountEnrolledElsewhere, accounts: elsewhere) }
        return .accepted(.accountsReenrolled(company: company.id, accounts: scope), CommandResult(accounts: scope), documentBytes: nil)
    }

    // MARK: BC-10 users

    private func addUser(_ add: BillingRequest.AddUser, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        let company = try company(add.company)
        let actorRole = try requireManager(envelope.actor, in: company, at: envelope.at)
        if actorRole == .planManager, add.role == .administrator { throw BillingError(.forbidden) }
        if company.membership(of: add.user, activeAt: envelope.at) != nil {
            throw BillingError(.userExists, "user \"\(add.user)\" is already a member")
        }
        let keys = try resolve(add.accounts, in: company)
        return .accepted(.userAdded(company: company.id, user: add.user, role: add.role, accounts: keys, notify: add.notify), CommandResult(), documentBytes: nil)
    }

    private func deleteUser(_ delete: BillingRequest.DeleteUser, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        let company = try company(delete.company)
        let actorRole = try requireManager(envelope.actor, in: company, at: envelope.at)
        guard let target = company.membership(of: delete.user, activeAt: envelope.at) else {
            throw BillingError(.unknownUser, "user \"\(delete.user)\" is not an active member")
        }
        let targetRole = target.version(at: envelope.at)?.role
        if actorRole == .planManager, targetRole == .administrator { throw BillingError(.forbidden) }
        if targetRole == .administrator, company.administrators(activeAt: envelope.at).count == 1 { throw BillingError(.lastAdministrator) }
        let event = BillingEvent.userDeleted(company: company.id, user: delete.user)
        return .accepted(event, CommandResult(primaryAdministrator: primaryAfter(event, envelope, company)), documentBytes: nil)
    }

    private func changeRole(_ change: BillingRequest.ChangeRole, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        let company = try company(change.company)
        let actorRole = try requireManager(envelope.actor, in: company, at: envelope.at)
        if actorRole == .planManager, change.role == .administrator { throw BillingError(.forbidden) }
        guard let target = company.membership(of: change.user, activeAt: envelope.at) else {
            throw BillingError(.unknownUser, "user \"\(change.user)\" is not an active member")
        }
        let targetRole = target.version(at: envelope.at)?.role
        if actorRole == .planManager, targetRole == .administrator { throw BillingError(.forbidden) }
        if targetRole == .administrator, change.role != .administrator, company.administrators(activeAt: envelope.at).count == 1 {
            throw BillingError(.lastAdministrator)
        }
        let event = BillingEvent.roleChanged(company: company.id, user: change.user, role: change.role)
        return .accepted(event, CommandResult(primaryAdministrator: primaryAfter(event, envelope, company)), documentBytes: nil)
    }

    /// The primary administrator once `event` is applied, computed on a copy of the company alone.
    private func primaryAfter(_ event: BillingEvent, _ envelope: BillingRequest.Envelope, _ company: Company) -> UserID {
        var scratch = BillingState()
        scratch.adopt(company)
        scratch.apply(LoggedEvent(seq: state.lastSeq + 1, at: envelope.at, actor: envelope.actor, event: event))
        return scratch.companies[company.id]?.primaryAdministrator ?? company.primaryAdministrator
    }

    private func assignAccounts(_ assign: BillingRequest.AssignAccounts, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        let company = try company(assign.company)
        _ = try requireManager(envelope.actor, in: company, at: envelope.at)
        guard company.membership(of: assign.user, activeAt: envelope.at) != nil else {
            throw BillingError(.unknownUser, "user \"\(assign.user)\" is not an active member")
        }
        let keys = try resolve(assign.accounts, in: company)
        return .accepted(.accountsAssigned(company: company.id, user: assign.user, accounts: keys), CommandResult(), documentBytes: nil)
    }

    // MARK: requestAdjustment (dispute)

    private func requestAdjustment(_ adjustment: BillingRequest.RequestAdjustment, _ envelope: BillingRequest.Envelope) throws(BillingError) -> CommandDecision {
        try checkTime(envelope.at)
        _ = try company(adjustment.company)
        let decision = rules.access(user: envelope.actor ?? "", company: adjustment.company, document: adjustment.document, action: .dispute, now: envelope.at)
        if let reason = decision.reason { throw BillingError(reason) }
        let complete = !adjustment.charges.isEmpty && adjustment.charges.allSatisfy { charge in
            [charge.trackingNumber, charge.shipDate, charge.reason].allSatisfy { $0.map { !$0.isBlank } ?? false }
        }
        guard complete else { throw BillingError(.disputeIncomplete) }
        return .accepted(.adjustmentRequested(company: adjustment.company, document: adjustment.document, charges: adjustment.charges), CommandResult(), documentBytes: nil)
    }
}
