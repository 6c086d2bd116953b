import DocumentModel

/// The words naming a VAT group in the breakdown. Category S holds the standard rate and every
/// reduced rate alike (EN 16931), so its label depends on the rate: the standard rate of the
/// seller's or the customer's country is "Standard rate"; a rate below the seller's standard rate,
/// or below another S rate of the same invoice, is "Reduced rate"; a rate neither can place (a
/// country outside the table, an old rate) is only "Taxable", never a wrong name.
///
/// ```swift
/// // A German seller on 2025-03-08: 19 → "Regelsatz", 7 → "Ermäßigter Satz".
/// VATCategoryLabel(invoice: invoice, groups: totals.vatGroups).key(for: group) // "vat.category.S.reduced"
/// ```
struct VATCategoryLabel {
    /// The seller's standard rate, when its country is in the table.
    let sellerStandardRate: ExactDecimal?
    /// Standard rates of the countries whose VAT may apply: seller's, customer's, billed account's.
    let standardRates: [ExactDecimal]
    /// Every S rate of the invoice.
    let rates: [ExactDecimal]

    init(invoice: Invoice, groups: [ComputedVATGroup]) {
        self.init(invoice: invoice, rates: groups.filter { $0.category == .S }.map(\.rate))
    }

    /// `rates`: the S rates of the invoice.
    init(invoice: Invoice, rates: [ExactDecimal]) {
        let countries = [invoice.seller.country, invoice.billTo.country, invoice.effectiveAccountCountry]
        standardRates = countries.compactMap { StandardVATRate.rate(country: $0, on: invoice.issueDate) }
        sellerStandardRate = StandardVATRate.rate(country: invoice.seller.country, on: invoice.issueDate)
        self.rates = rates
    }

    /// The label key of a group: `vat.category.<code>`, for S `vat.category.S` (standard),
    /// `vat.category.S.reduced` or `vat.category.S.taxable`.
    func key(category: VATCategory, rate: ExactDecimal) -> String {
        guard category == .S else { return "vat.category.\(category.rawValue)" }
        if rate.value == 0 { return "vat.category.Z" }
        if standardRates.contains(rate) { return "vat.category.S" }
        if let seller = sellerStandardRate, rate < seller { return "vat.category.S.reduced" }
        if rates.contains(where: { $0 > rate }) { return "vat.category.S.reduced" }
        return "vat.category.S.taxable"
    }
}
