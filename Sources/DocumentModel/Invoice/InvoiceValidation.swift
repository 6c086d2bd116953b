/// Library rules of an invoice that need the whole document (schema `$comment` rules 5 and 6),
/// plus the warnings. Run only on a structurally valid invoice.
extension Invoice {
    func validate(_ computed: ComputedInvoice, in session: DecodingSession) {
        checkVATConsistency(session)
        checkTotals(computed, session)
        warn(computed, session)
    }

    /// The VAT rules over the priced (non-informational) lines: the shipments' witnesses were
    /// gathered in their one pass; adjustments and import charges follow.
    private func checkVATConsistency(_ session: DecodingSession) {
        var witnesses = (shipments ?? []).figures(currency: currency)
        forEachPricedLineAfterShipments { line in
            guard !line.informational else { return }
            witnesses.witness(line)
        }
        if let firstLine = witnesses.firstPriced {
            let what = firstLine.category != nil ? "has one" : "has none"
            for line in witnesses.categoryPresenceMismatches {
                session.report(at: line.path + [.key("vatCategory")],
                               "vatCategory must be given on every priced line or on none (the first priced line, \(renderPath(firstLine.path)), \(what))")
            }
        }
        if let reverse = witnesses.firstReverse, billTo.vatId == nil {
            session.report(at: [.key("billTo"), .key("vatId")],
                           "required because \(renderPath(reverse.path)) is reverse-charged (VAT category AE)")
        }
        // Category O mixed with any other category.
        if let firstO = witnesses.firstOutsideScope, let firstOther = witnesses.firstOtherCategory {
            let later = session.offset(of: firstO.path) < session.offset(of: firstOther.path) ? firstOther : firstO
            session.report(at: later.path + [.key("vatCategory")],
                           "VAT category O (outside scope) cannot be mixed with other categories on one invoice")
        }
    }

    private func checkTotals(_ computed: ComputedInvoice, _ session: DecodingSession) {
        guard let given = totals else { return }
        let base: [PathComponent] = [.key("totals")]
        func mismatch(_ key: String, _ stated: Money?, _ value: Money) -> Bool { session.checkStated(base + [.key(key)], stated, value) }
        if mismatch("totalIncentives", given.totalIncentives, computed.totalIncentives) { return }
        if mismatch("net", given.net, computed.net) { return }
        if let stated = given.vat, checkVATBreakdown(stated, computed.vatGroups, session) { return }
        if mismatch("totalVat", given.totalVat, computed.totalVat) { return }
        if mismatch("totalInclVat", given.totalInclVat, computed.totalInclVat) { return }
        _ = mismatch("amountDue", given.amountDue, computed.amountDue)
    }

    /// Compares the stated breakdown with the computed one, in any order; returns whether it differs.
    private func checkVATBreakdown(_ stated: [VATBreakdownLine], _ computed: [ComputedVATGroup], _ session: DecodingSession) -> Bool {
        let path: [PathComponent] = [.key("totals"), .key("vat")]
        var differs = false
        var matched = Set<Int>()
        for (i, line) in stated.enumerated() {
            guard let j = computed.firstIndex(where: { $0.category == line.category && $0.rate == line.rate }) else {
                session.report(at: path + [.index(i)], "no line has VAT category \(line.category.rawValue) at rate \(line.rate.text) %")
                differs = true
                continue
            }
            if matched.contains(j) {
                session.report(at: path + [.index(i)], "VAT group \(line.category.rawValue) \(line.rate.text) % is listed twice")
                differs = true
                continue
            }
            matched.insert(j)
            if line.base != computed[j].base {
                differs = session.checkStated(path + [.index(i), .key("base")], line.base, computed[j].base) || differs
            }
            if line.amount != computed[j].amount {
                differs = session.checkStated(path + [.index(i), .key("amount")], line.amount, computed[j].amount) || differs
            }
        }
        for (j, group) in computed.enumerated() where !matched.contains(j) {
            session.report(at: path, "VAT group \(group.category.rawValue) \(group.rate.text) % (base \(group.base.plainText), VAT \(group.amount.plainText)) is missing")
            differs = true
        }
        return differs
    }

    private func warn(_ computed: ComputedInvoice, _ session: DecodingSession) {
        let french = seller.country == "FR"
        if french, let due = dueDate, due.daysSinceEpoch - issueDate.daysSinceEpoch > 30 {
            session.warn(at: [.key("dueDate")], "payment term of \(due.daysSinceEpoch - issueDate.daysSinceEpoch) days exceeds the 30 days French law allows for transport services (Code de commerce, art. L441-11)")
        }
        if type == .creditNote, computed.amountDue.minorUnits > 0 {
            session.warn(at: [.key("type")], "credit note with a positive amount due (\(computed.amountDue.plainText)); credits normally carry negative amounts")
        }
        if type == .invoice, computed.amountDue.minorUnits < 0 {
            session.warn(at: [.key("type")], "invoice with a negative amount due (\(computed.amountDue.plainText)); consider a credit note")
        }
        if french {
            let mentions: [(String, String?)] = [("siren", seller.siren), ("vatId", seller.vatId), ("legalForm", seller.legalForm),
                                                  ("rcs", seller.rcs), ("shareCapital", seller.shareCapital)]
            for (key, value) in mentions where value == nil {
                session.warn(at: [.key("seller"), .key(key)], "mandatory mention on a French invoice is missing")
            }
            if type == .invoice {
                if dueDate == nil { session.warn(at: [.key("dueDate")], "mandatory on a French B2B invoice") }
                if payment?.latePenalty == nil { session.warn(at: [.key("payment"), .key("latePenalty")], "mandatory on a French B2B invoice") }
                if payment?.recoveryFee == nil { session.warn(at: [.key("payment"), .key("recoveryFee")], "mandatory on a French B2B invoice (40.00 EUR)") }
            }
        }
        for (i, charge) in (importCharges ?? []).enumerated() where charge.isDisbursement && charge.vatCategory == .S {
            session.warn(at: [.key("importCharges"), .index(i), .key("vatCategory")],
                         "a disbursement (duties or taxes paid for the customer) is normally outside the VAT base (category E), not S")
        }
        for (i, charge) in (importCharges ?? []).enumerated() where !charge.isDisbursement && charge.vatCategory == .E {
            session.warn(at: [.key("importCharges"), .index(i), .key("vatCategory")],
                         "a brokerage fee is a taxable service; category E is meant for disbursements")
        }
    }
}

