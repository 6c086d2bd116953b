import DocumentModel
/// Why a document is or is not visible to a user, in words (for `render billing explain`).
public struct Explanation: Hashable, Sendable {
    public let visible: Bool
    /// Sentences, most decisive first.
    public let sentences: [String]
}

extension BillingRules {
    /// Explains BC-20 (and, when visible, BC-14/19/21/24–26) for one user and document.
    ///
    /// ```swift
    /// rules.explain(user: "alice", company: "ACME", document: "I2", now: july).sentences.first
    /// // "I2 is not shown: it was created while account … had a cancelled enrollment …"
    /// ```
    public func explain(user: UserID, company: CompanyID, document: DocumentID, now: Instant) -> Explanation {
        switch visibility(user: user, company: company, document: document, now: now) {
        case .unknownCompany:
            return Explanation(visible: false, sentences: ["There is no company \"\(company)\"."])
        case .noActiveMembership:
            return Explanation(visible: false, sentences: ["\(user) has no active membership of \(company) at \(now) (BC-20)."])
        case let .accountNotAssigned(account, plan):
            let planText = plan.map { " nor its plan \($0.number)" } ?? ""
            return Explanation(visible: false, sentences: [
                "\(document) is not shown to \(user): its account \(account.number)/\(account.country)\(planText) is not assigned to \(user), and only administrators and plan managers see every account (BC-20).",
            ])
        case let .hidden(reason):
            return Explanation(visible: false, sentences: [hiddenSentence(reason, document: document, company: company, now: now)])
        case let .visible(placement, route, classification, role):
            var sentences: [String] = []
            switch route {
            case let .delivered(_, key, interval):
                sentences.append("\(document) was created at \(classification.instant), while \(key.isPlan ? "plan" : "account") \(key.number)/\(key.country) was enrolled in \(company) (enrollment #\(interval.k + 1) from \(interval.start)), so it is loaded: listed on the current and archive pages (BC-12, BC-14).")
            case let .gap(_, key):
                sentences.append("\(document) was created at \(classification.instant), while \(key.isPlan ? "plan" : "account") \(key.number)/\(key.country) had a cancelled enrollment that \(company) later re-enrolled, so it is a gap invoice: archive page only, sent on paper (BC-12, BC-14, BC-26).")
            }
            if let invoice = classification.invoice, placement == .loaded {
                if let settlement = invoice.settlement, settlement.settledAt <= now {
                    sentences.append("It was settled (\(settlement.status.rawValue)) at \(settlement.settledAt) and stays visible until \(settlement.settledAt.adding(historyWindow)) (BC-19).")
                } else {
                    sentences.append("It is not settled, so it does not expire (BC-19).")
                }
            } else {
                sentences.append("It stays visible until \(classification.instant.adding(historyWindow)) (BC-19).")
            }
            let isForm = state.documents.forms[document] != nil
            let allowed = DocumentAction.allCases.filter { decide($0, role: role, placement: placement, document: classification, isForm: isForm, now: now).allowed }
            let refused = DocumentAction.allCases.compactMap { action -> String? in
                let decision = decide(action, role: role, placement: placement, document: classification, isForm: isForm, now: now)
                return decision.reason.map { "\(action.rawValue): \($0.rawValue)" }
            }
            sentences.append("As \(role.rawValue), \(user) may: \(allowed.map(\.rawValue).joined(separator: ", "))" + (refused.isEmpty ? "." : "; refused: \(refused.joined(separator: ", ")) (BC-21)."))
            if let policy = paperPolicy(classification, route: route, isForm: isForm) {
                sentences.append("Paper policy: \(policy.rawValue) (BC-24–26).")
            }
            return Explanation(visible: true, sentences: sentences)
        }
    }

    private func hiddenSentence(_ reason: HiddenReason, document: DocumentID, company: CompanyID, now: Instant) -> String {
        switch reason {
        case .unknownDocument:
            return "No document \"\(document)\" is registered."
        case .futureDocument:
            return "\(document) is not shown: it was created after \(now) (§6)."
        case .notRouted:
            return "\(document) is not shown: when it was created, its account (and plan) was not enrolled in any company — before the first enrollment (BC-15) or during a cancellation not yet followed by a re-enrollment (BC-16)."
        case let .routedElsewhere(other):
            return "\(document) is not shown in \(company): it belongs to company \(other), and an invoice belongs to at most one company (BC-12, BC-28)."
        case .outsideHistoryWindow:
            return "\(document) is not shown: it is older than the 52-week history window (BC-19)."
        }
    }
}
