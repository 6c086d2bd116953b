import DocumentModel
extension CommandDecider {
    /// **[time]** of §4: `future_timestamp` (against the wall clock, and for `createdAt`/`settledAt`
    /// later than `at`), then `out_of_order_event` against the log's clock (T-5).
    func checkTime(_ at: Instant, alsoNotAfterAt instants: [Instant?] = []) throws(BillingError) {
        guard at <= wallClock else {
            throw BillingError(.futureTimestamp, "at \(at) is later than the clock (\(wallClock))")
        }
        for case let instant? in instants where instant > at {
            throw BillingError(.futureTimestamp, "\(instant) is later than at \(at)")
        }
        if let clock = state.clock, at < clock {
            throw BillingError(.outOfOrderEvent, "at \(at) is earlier than the latest event (\(clock))")
        }
    }

    /// **[company]** of §4.
    func company(_ id: CompanyID) throws(BillingError) -> Company {
        guard let company = state.companies[id] else { throw BillingError(.notFound, "Not found.") }
        return company
    }

    func role(of actor: UserID?, in company: Company, at: Instant) -> Role? {
        guard let actor, let membership = company.membership(of: actor, activeAt: at) else { return nil }
        return membership.version(at: at)?.role
    }

    /// "Admin" of §4: an active administrator membership at `at`.
    func requireAdministrator(_ actor: UserID?, in company: Company, at: Instant) throws(BillingError) {
        guard role(of: actor, in: company, at: at) == .administrator else { throw BillingError(.forbidden) }
    }

    /// "Manager" of §4: administrator or plan manager.
    func requireManager(_ actor: UserID?, in company: Company, at: Instant) throws(BillingError) -> Role {
        guard let role = role(of: actor, in: company, at: at), role.isManager else { throw BillingError(.forbidden) }
        return role
    }

    /// BC-8 account references: matched against company accounts only; duplicates count once.
    func resolve(_ references: [AccountKey], in company: Company) throws(BillingError) -> [AccountKey] {
        var resolved: [AccountKey] = []
        for key in references where !resolved.contains(key) {
            guard company.isCompanyAccount(key) else { throw BillingError(.unknownAccount, "unknown account \(key)") }
            resolved.append(key)
        }
        return resolved
    }

    /// Offending accounts are reported in company order (S-5).
    func inCompanyOrder(_ keys: [AccountKey], _ company: Company) -> [AccountKey] {
        company.accounts.filter(keys.contains)
    }
}
