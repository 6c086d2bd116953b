import DocumentModel

extension ComputedVATGroup {
    /// A VAT breakdown line as written: the computed group, or the synthetic O group of a document without VAT.
    struct Breakdown {
        let category: VATCategory
        let rate: ExactDecimal?
        let base: Money
        let amount: Money
        let reasons: [String]
    }
}
