extension BillingRules {
    /// BC-24..26 for a visible invoice; forms have no flag.
    public func paperPolicy(_ document: Classification, route: Route, isForm: Bool) -> PaperPolicy? {
        var memo: [AccountKey: Set<DocumentID>] = [:]
        return paperPolicy(document, route: route, isForm: isForm, memo: &memo)
    }

    /// As above; `memo` keeps the first-three sets per key across the documents of one listing.
    func paperPolicy(_ document: Classification, route: Route, isForm: Bool, memo: inout [AccountKey: Set<DocumentID>]) -> PaperPolicy? {
        guard !isForm else { return nil }
        switch route {
        case .gap:
            return .paperOnly // BC-26
        case let .delivered(company, key, interval):
            guard interval.k == 0 else { return .onlineOnly } // BC-25
            switch document.category {
            case .import:
                return document.instant < interval.start.adding(.days(30)) ? .paperAndOnline : .onlineOnly
            case .deliveryService:
                guard let invoice = document.invoice else { return .onlineOnly }
                let first = memo[key] ?? firstInitialDeliveryInvoices(company: company, key: key, interval: interval)
                memo[key] = first
                return first.contains(invoice.record.id) ? .paperAndOnline : .onlineOnly
            }
        }
    }

    /// BC-24: the first three delivery-service invoices delivered to `company` via `key` in `E_0`, by
    /// `createdAt` then id — every registered invoice counts, visible or not.
    func firstInitialDeliveryInvoices(company: CompanyID, key: AccountKey, interval: EnrolledInterval) -> Set<DocumentID> {
        // Only (createdAt, id) per candidate: records are fetched again for the few that are routed.
        var candidates: [(createdAt: Instant, id: DocumentID)] = []
        for id in state.documents.invoiceIDs(of: key) {
            guard let record = state.documents.invoices[id]?.record, record.category == .deliveryService,
                  interval.contains(record.createdAt) else { continue }
            candidates.append((record.createdAt, id))
        }
        // Usually the earliest candidates are the ones delivered, so take minima one at a time
        // instead of sorting every invoice of the key.
        var first: Set<DocumentID> = []
        while first.count < 3, let index = candidates.indices.min(by: {
            candidates[$0].createdAt != candidates[$1].createdAt ? candidates[$0].createdAt < candidates[$1].createdAt
                : candidates[$0].id.precedesInCodePointOrder(candidates[$1].id)
        }) {
            let id = candidates[index].id
            candidates.swapAt(index, candidates.count - 1)
            candidates.removeLast()
            guard let record = state.documents.invoices[id]?.record else { continue }
            let classification = Classification(instant: record.createdAt, account: record.account, plan: record.plan,
                                                category: record.category, invoice: nil)
            // Delivery (steps 1–2) does not depend on `now`.
            if case let .delivered(routed, via, _)? = route(classification, now: record.createdAt), routed == company, via == key {
                first.insert(record.id)
            }
        }
        return first
    }
}
