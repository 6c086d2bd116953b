import DocumentModel
/// The answer of `access` (S-8): allowed, or the BC-20/21 code that refuses.
public struct AccessDecision: Hashable, Sendable {
    public let allowed: Bool
    public let reason: BillingErrorCode?

    public static let allow = AccessDecision(allowed: true, reason: nil)
    public static func deny(_ code: BillingErrorCode) -> AccessDecision { AccessDecision(allowed: false, reason: code) }
}

/// Why a user does or does not get past BC-20, for `explain`.
public enum VisibilityVerdict: Hashable, Sendable {
    case visible(Placement, Route, Classification, Role)
    case unknownCompany
    case noActiveMembership
    case hidden(HiddenReason)
    case accountNotAssigned(AccountKey, plan: AccountKey?)
}

extension BillingRules {
    /// BC-20 then BC-21: may `user` perform `action` on `document` in `company` at `now`?
    ///
    /// ```swift
    /// rules.access(user: "dave", company: "ACME", document: "I14", action: .pay, now: now) // deny(.notPayable)
    /// ```
    public func access(user: UserID, company: CompanyID, document: DocumentID, action: DocumentAction, now: Instant) -> AccessDecision {
        guard case let .visible(placement, _, classification, role) = visibility(user: user, company: company, document: document, now: now) else {
            return .deny(.notFound) // BC-20: every failure is not_found, so ids cannot be probed.
        }
        let isForm = state.documents.forms[document] != nil
        return decide(action, role: role, placement: placement, document: classification, isForm: isForm, now: now)
    }

    /// BC-20: company exists, active membership at `now`, placement not hidden, account or plan assigned
    /// unless the role sees all accounts.
    public func visibility(user: UserID, company companyID: CompanyID, document: DocumentID, now: Instant) -> VisibilityVerdict {
        guard let company = state.companies[companyID] else { return .unknownCompany }
        guard let membership = company.membership(of: user, activeAt: now), let version = membership.version(at: now) else {
            return .noActiveMembership
        }
        switch placement(of: document, in: companyID, now: now) {
        case let .hidden(reason):
            return .hidden(reason)
        case let .visible(placement, route, classification):
            guard version.role.seesAllAccounts || version.accounts.contains(classification.account)
                    || classification.plan.map(version.accounts.contains) == true else {
                return .accountNotAssigned(classification.account, plan: classification.plan)
            }
            return .visible(placement, route, classification, version.role)
        }
    }

    /// BC-21, in the table's order of checks, for a document already past BC-20.
    func decide(_ action: DocumentAction, role: Role, placement: Placement, document: Classification, isForm: Bool, now: Instant) -> AccessDecision {
        switch action {
        case .view, .download:
            return .allow
        case .pay, .refund:
            guard !isForm, role.mayPay else { return .deny(.forbidden) }
            guard placement == .loaded, !document.account.isTemporary, let invoice = document.invoice,
                  !invoice.isSettled(at: now), invoice.status(at: now) != .paymentPending else { return .deny(.notPayable) }
            let amount = invoice.record.amountDue.minorUnits
            // A credit invoice offers Refund instead of Pay.
            return (action == .pay ? amount > 0 : amount < 0) ? .allow : .deny(.notPayable)
        case .dispute:
            guard !isForm, role.mayDispute, placement == .loaded else { return .deny(.forbidden) }
            return .allow
        }
    }
}
