import DocumentModel
/// Where an invoice (or form, through T-4) goes: at most one company (BC-12).
public enum Route: Hashable, Sendable {
    /// Steps 1–2: the key had `t` in its enrolled interval `interval` in `company`.
    case delivered(company: CompanyID, via: AccountKey, interval: EnrolledInterval)
    /// Step 3: `t` in a closed gap; the first company to re-enroll after `t` gets it, archive only.
    case gap(company: CompanyID, via: AccountKey)

    public var company: CompanyID {
        switch self {
        case let .delivered(company, _, _), let .gap(company, _): company
        }
    }
}

extension BillingRules {
    /// BC-12 for a registered document id; nil when not routed (step 4) or unknown.
    public func route(_ id: DocumentID, now: Instant) -> Route? {
        guard let document = state.documents.document(id),
              let classification = state.documents.classification(of: document) else { return nil }
        return route(classification, now: now)
    }

    /// BC-12. Steps 1–2 never depend on `now`; step 3 only counts re-enrollments at or before `now`.
    public func route(_ document: Classification, now: Instant) -> Route? {
        route(document, now: now, accountHistories: nil)
    }

    /// The enrollment histories of `key` in every company that has one, in first-event order:
    /// computed once per key by `list` instead of once per document.
    func histories(of key: AccountKey) -> [(CompanyID, EnrollmentHistory)] {
        (state.companiesByKey[key] ?? []).compactMap { id in state.companies[id]?.enrollment[key].map { (id, $0) } }
    }

    /// BC-12 with the billed account's histories possibly precomputed (`histories(of:)`).
    func route(_ document: Classification, now: Instant, accountHistories: [(CompanyID, EnrollmentHistory)]?) -> Route? {
        let t = document.instant
        let plan = document.plan
        if let plan {
            for companyID in state.companiesByKey[plan] ?? [] where planMatches(plan, document, in: companyID) {
                if let interval = state.companies[companyID]?.enrollment[plan]?.interval(containing: t) {
                    return .delivered(company: companyID, via: plan, interval: interval)
                }
            }
        }
        for (companyID, history) in accountHistories ?? histories(of: document.account) {
            if let interval = history.interval(containing: t) {
                return .delivered(company: companyID, via: document.account, interval: interval)
            }
        }
        if let plan, let route = firstReenrollment(closing: t, key: plan, now: now, only: { planMatches(plan, document, in: $0) }) {
            return route
        }
        return firstReenrollment(closing: t, key: document.account, now: now, only: { _ in true })
    }

    /// A plan matches in C when its category there agrees with the document's (BC-12).
    func planMatches(_ plan: AccountKey, _ document: Classification, in companyID: CompanyID) -> Bool {
        switch state.companies[companyID]?.planCategories[plan] {
        case .export?: document.category == .deliveryService
        case .import?: document.category == .import
        case nil: false
        }
    }

    /// BC-12 step 3: the company whose REENROLL (at or before `now`) closed a gap containing `t` first;
    /// ties of equal instants go to the REENROLL recorded first.
    private func firstReenrollment(closing t: Instant, key: AccountKey, now: Instant, only: (CompanyID) -> Bool) -> Route? {
        var best: (gap: ClosedGap, company: CompanyID)?
        for companyID in state.companiesByKey[key] ?? [] where only(companyID) {
            guard let gap = state.companies[companyID]?.enrollment[key]?.closedGap(containing: t, reenrolledBy: now) else { continue }
            if best == nil || (gap.reenrolledAt, gap.reenrollSeq) < (best!.gap.reenrolledAt, best!.gap.reenrollSeq) {
                best = (gap, companyID)
            }
        }
        return best.map { .gap(company: $0.company, via: key) }
    }
}
