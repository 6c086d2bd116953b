import DocumentModel
/// The page a visible document belongs to (BC-14): `loaded` on current and archive, `gap` on archive only.
public enum Placement: String, Hashable, Sendable {
    case loaded, gap
}

/// Why a document is hidden from a company (§6).
public enum HiddenReason: Hashable, Sendable {
    case unknownDocument
    /// `t > now`.
    case futureDocument
    /// Step 4 of BC-12: before any enrollment (BC-15) or in an open gap (BC-16).
    case notRouted
    case routedElsewhere(CompanyID)
    /// BC-19.
    case outsideHistoryWindow
}

/// The outcome of `placement(C, d, now)`.
public enum PlacementDecision: Hashable, Sendable {
    case visible(Placement, Route, Classification)
    case hidden(HiddenReason)
}

extension BillingRules {
    /// `placement(C, d, now)` of §6.
    public func placement(of id: DocumentID, in company: CompanyID, now: Instant) -> PlacementDecision {
        guard let document = state.documents.document(id),
              let classification = state.documents.classification(of: document) else { return .hidden(.unknownDocument) }
        return placement(of: classification, in: company, now: now)
    }

    public func placement(of document: Classification, in company: CompanyID, now: Instant) -> PlacementDecision {
        placement(of: document, in: company, now: now, accountHistories: nil)
    }

    func placement(of document: Classification, in company: CompanyID, now: Instant,
                   accountHistories: [(CompanyID, EnrollmentHistory)]?) -> PlacementDecision {
        guard document.instant <= now else { return .hidden(.futureDocument) }
        guard let route = route(document, now: now, accountHistories: accountHistories) else { return .hidden(.notRouted) }
        guard route.company == company else { return .hidden(.routedElsewhere(route.company)) }
        let placement: Placement = if case .delivered = route { .loaded } else { .gap }
        guard isInWindow(document, placement, now: now) else { return .hidden(.outsideHistoryWindow) }
        return .visible(placement, route, document)
    }

    /// True when the document is outside the window whatever its placement: settled, and both the
    /// settlement and the creation are more than `W` ago. Lets `list` skip old documents before routing.
    func isExpiredWhateverThePlacement(_ invoice: RegisteredInvoice, now: Instant) -> Bool {
        guard let settlement = invoice.settlement, settlement.settledAt <= now else { return false }
        return now >= settlement.settledAt.adding(historyWindow) && now >= invoice.record.createdAt.adding(historyWindow)
    }

    /// BC-19: gap documents are anchored at creation; loaded invoices at settlement, unsettled never
    /// expire; loaded orphan forms at their own creation. At exactly `anchor + W` the document is gone.
    public func isInWindow(_ document: Classification, _ placement: Placement, now: Instant) -> Bool {
        let anchor: Instant
        switch (placement, document.invoice) {
        case (.gap, _), (.loaded, nil):
            anchor = document.instant
        case let (.loaded, invoice?):
            guard let settlement = invoice.settlement, settlement.settledAt <= now else { return true }
            anchor = settlement.settledAt
        }
        return now < anchor.adding(historyWindow)
    }
}
