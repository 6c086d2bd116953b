import DocumentModel
/// One row of `list` (S-8).
public struct ListedDocument: Hashable, Sendable {
    public let id: DocumentID
    /// `invoice`, `cbp-7501` or `cbsa-b3`.
    public let kind: String
    public let placement: Placement
    public let actions: [DocumentAction]
    public let paperPolicy: PaperPolicy?
    /// The classification instant, the sort key.
    public let instant: Instant
}

extension BillingRules {
    /// The documents `user` sees on `page` of `company` at `now` (S-8, BC-14, BC-20), newest first,
    /// then by id. Only documents touching the user's accounts (or all company accounts for
    /// administrators and plan managers) are examined, through the catalog's indexes.
    ///
    /// ```swift
    /// let rows = try rules.list(user: "alice", company: "ACME", page: .archive, now: now)
    /// rows.map(\.id) // ["I2", "I1"]
    /// ```
    public func list(user: UserID, company companyID: CompanyID, page: Page, now: Instant) throws(BillingError) -> [ListedDocument] {
        guard let company = state.companies[companyID],
              let membership = company.membership(of: user, activeAt: now), let version = membership.version(at: now) else {
            throw BillingError(.notFound)
        }
        let keys = version.role.seesAllAccounts ? company.accounts : company.accounts.filter(version.accounts.contains)
        // An invoice with a plan is reachable through its account and its plan; it is taken through
        // the account when both are listed, so no per-document "seen" set is needed.
        let listedKeys = Set(keys)
        var rows: [ListedDocument] = []
        rows.reserveCapacity(256)
        var firstThreeMemo: [AccountKey: Set<DocumentID>] = [:]
        func add(_ id: DocumentID, _ classification: Classification, form: BrokerageFormRecord?, placement: Placement, route: Route) {
            guard page == .archive || placement == .loaded else { return }
            let actions = DocumentAction.allCases.filter {
                decide($0, role: version.role, placement: placement, document: classification, isForm: form != nil, now: now).allowed
            }
            rows.append(ListedDocument(
                id: id, kind: form?.form.rawValue ?? "invoice", placement: placement, actions: actions,
                paperPolicy: paperPolicy(classification, route: route, isForm: form != nil, memo: &firstThreeMemo),
                instant: classification.instant))
        }
        for key in keys {
            let accountHistories = key.isPlan ? nil : histories(of: key)
            // Invoices of the key, and their forms, which are classified through them (T-4).
            let hasForms = !state.documents.formsByParent.isEmpty
            for reference in state.documents.invoices(of: key) {
                let id = reference.id
                guard let invoice = state.documents.invoices[id],
                      !(key.isPlan && listedKeys.contains(invoice.record.account)),
                      !isExpiredWhateverThePlacement(invoice, now: now) else { continue }
                let classification = Classification(invoice: invoice)
                guard case let .visible(placement, route, _) = placement(
                    of: classification, in: companyID, now: now,
                    accountHistories: invoice.record.account == key ? accountHistories : nil) else { continue }
                add(id, classification, form: nil, placement: placement, route: route)
                for formID in hasForms ? state.documents.formsByParent[id] ?? [] : [] {
                    guard let form = state.documents.forms[formID] else { continue }
                    add(formID, classification, form: form, placement: placement, route: route)
                }
            }
            guard !key.isPlan else { continue }
            for id in state.documents.orphanFormsByAccount[key] ?? [] {
                guard let form = state.documents.forms[id], let classification = state.documents.classification(of: .form(form)),
                      case let .visible(placement, route, _) = placement(of: classification, in: companyID, now: now, accountHistories: accountHistories)
                else { continue }
                add(id, classification, form: form, placement: placement, route: route)
            }
        }
        rows.sort { $0.instant != $1.instant ? $0.instant > $1.instant : $0.id.precedesInCodePointOrder($1.id) }
        return rows
    }

    /// S-8 `notifications`: recorded notices in recording order, then user id; filtered when asked.
    public func notices(company: CompanyID, user: UserID?, now: Instant?) throws(BillingError) -> [Notice] {
        guard state.companies[company] != nil else { throw BillingError(.notFound) }
        return (state.notices[company] ?? []).filter { notice in
            user.map { notice.user == $0 } ?? true && now.map { notice.at <= $0 } ?? true
        }
    }

    /// BC-23: who gets an "invoice available" notice when `record` is registered at `at`.
    func noticeRecipients(for record: InvoiceRecord, at: Instant) -> NoticeRecipients? {
        let document = Classification(instant: record.createdAt, account: record.account, plan: record.plan,
                                      category: record.category, invoice: RegisteredInvoice(record: record, settlement: record.settledAt.map {
                                          SettlementRecord(status: record.status, settledAt: $0)
                                      }))
        guard case let .visible(.loaded, route, _) = placement(of: document, in: route(document, now: at)?.company ?? "", now: at),
              let company = state.companies[route.company] else { return nil }
        var users = Set<UserID>()
        for membership in company.memberships where membership.notify && membership.isActive(at: at) {
            guard let version = membership.version(at: at) else { continue }
            if version.role.seesAllAccounts || version.accounts.contains(record.account) || record.plan.map(version.accounts.contains) == true {
                users.insert(membership.user)
            }
        }
        return users.isEmpty ? nil : NoticeRecipients(company: route.company, users: users.sorted { $0.precedesInCodePointOrder($1) })
    }
}
