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
        let references = state.documents.invoices(of: key)
        var first: Set<DocumentID> = []
        var position = references.firstIndex(notBefore: interval.start)
        while first.count < 3, position < references.count, interval.contains(references[position].createdAt) {
            defer { position += 1 }
            guard let record = state.documents.invoices[references[position].id]?.record, record.category == .deliveryService else { continue }
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
