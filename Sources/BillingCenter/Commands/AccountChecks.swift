import DocumentModel
extension CommandDecider {
    /// BC-8 for enroll and addAccount, in order.
    func checkEnrollableAccount(_ key: AccountKey) throws(BillingError) {
        if key.lineOfBusiness == .parcel, key.accountType == nil {
            throw BillingError(.accountTypeRequired, "account.accountType is required for a parcel account")
        }
        if key.lineOfBusiness != .parcel, key.accountType != nil {
            throw BillingError(.accountTypeNotApplicable, "account.accountType applies to parcel accounts only")
        }
        if key.isTemporary { throw BillingError(.temporaryAccount) }
        let validCharacters = !key.number.isEmpty && key.number.utf8.allSatisfy(Self.isUpperAlphanumeric)
        let validLength = key.lineOfBusiness == .parcel ? key.number.utf8.count == 6 : key.number.utf8.count <= 10
        guard validCharacters, validLength else {
            throw BillingError(.invalidAccountNumber, "account.number \"\(key.number)\" is not a valid \(key.lineOfBusiness.rawValue) account number")
        }
        try checkCountry(key)
    }

    /// BC-11: the billed account of an ingested document (10-digit temporary accounts are accepted).
    func checkBilledAccount(_ key: AccountKey, planNumber: String? = nil) throws(BillingError) {
        if key.lineOfBusiness == .parcel, key.accountType == nil {
            throw BillingError(.accountTypeRequired, "account.accountType is required for a parcel account")
        }
        if key.accountType == .cpp {
            throw BillingError(.accountTypeNotApplicable, "a plan is not a billed account: use planNumber")
        }
        if key.lineOfBusiness != .parcel, key.accountType != nil {
            throw BillingError(.accountTypeNotApplicable, "account.accountType applies to parcel accounts only")
        }
        guard (1...10).contains(key.number.utf8.count), key.number.utf8.allSatisfy(Self.isUpperAlphanumeric) else {
            throw BillingError(.invalidAccountNumber, "account.number \"\(key.number)\" is not 1 to 10 letters or digits")
        }
        if let planNumber, planNumber.utf8.count != 6 || !planNumber.utf8.allSatisfy(Self.isUpperAlphanumeric) {
            throw BillingError(.invalidAccountNumber, "planNumber \"\(planNumber)\" is not 6 letters or digits")
        }
        try checkCountry(key)
    }

    private func checkCountry(_ key: AccountKey) throws(BillingError) {
        guard isAssignedCountryCode(key.country) else {
            throw BillingError(.invalidCountry, "account.country \"\(key.country)\" is not an ISO 3166-1 alpha-2 code")
        }
    }

    static func isUpperAlphanumeric(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) }

    /// BC-9: the request matches one of the three latest eligible invoices of the key.
    func checkValidation(_ validation: BillingRequest.Validation, for key: AccountKey, at: Instant) throws(BillingError) {
        let today = at.utcDate
        let earliest = today.adding(days: -45)
        let eligible = state.documents.invoices(of: key)
            .compactMap { state.documents.invoices[$0.id]?.record }
            .filter { $0.createdAt <= at && $0.invoiceDate >= earliest && $0.invoiceDate <= today }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id.precedesInCodePointOrder($1.id) }
            .prefix(3)
        guard !eligible.isEmpty else {
            throw BillingError(.validationUnavailable, "no recent invoice of this account can validate the enrollment")
        }
        let number = validation.invoiceNumber.trimmingASCIIWhitespace().asciiUppercased()
        let controlId = validation.controlId?.trimmingASCIIWhitespace().asciiUppercased()
        let matches = eligible.contains { invoice in
            guard invoice.number.asciiUppercased() == number, invoice.invoiceDate == validation.invoiceDate,
                  invoice.amountDue == validation.amountDue else { return false }
            guard let controlId else { return key.isPlan } // absent: not compared for a plan, never matches otherwise
            return invoice.controlId.asciiUppercased() == controlId
        }
        guard matches else { throw BillingError(.validationFailed) }
    }
}
