/// Checks of figures a document states against the library's computation.
extension DecodingSession {
    /// Reports `document says X, computed Y` at `path` when a stated figure differs; returns whether it did.
    @discardableResult
    func checkStated(_ path: [PathComponent], _ stated: Money?, _ computed: Money) -> Bool {
        guard let stated, stated != computed else { return false }
        report(at: path, "document says \(stated.plainText), computed \(computed.plainText)")
        return true
    }

    /// Checks a totals object's figures in the order listed and reports the first mismatch only,
    /// as the contract asks (later totals derive from earlier ones, so further mismatches are noise).
    func checkFirstMismatch(under base: [PathComponent], _ figures: [(key: String, stated: Money?, computed: Money)]) {
        for figure in figures where checkStated(base + [.key(figure.key)], figure.stated, figure.computed) { return }
    }
}
