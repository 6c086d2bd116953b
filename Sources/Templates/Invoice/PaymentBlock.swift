import DocumentModel
import PageFrames
import Typesetting

/// Payment terms and bank details, with the French mandatory mentions (late penalties, the fixed
/// recovery indemnity, early-payment discount) and an EPC payment QR code when an IBAN is given.
struct PaymentBlock {
    let template: InvoiceTemplate
    var context: TemplateContext { template.context }

    func block() -> Block? {
        guard let payment = template.invoice.payment else { return nil }
        let labels = context.labels
        let colon = labels.colon
        var lines: [Block] = [.tagged(.heading2, context.paragraph(labels["payment.title"], context.text(9, bold: true, color: context.accent)))]
        func line(_ label: String, _ value: String) {
            lines.append(.paragraph(Paragraph(spans: [
                TextSpan(label + colon, style: context.text(8, bold: true)), TextSpan(value, style: context.text(8)),
            ], style: ParagraphStyle(alignment: .left)), lines: LineKeeping()))
        }
        if let terms = payment.terms { line(labels["payment.terms"], terms) }
        if let due = template.invoice.dueDate { line(labels["invoice.dueDate"], template.date(due)) }
        if let penalty = payment.latePenalty { line(labels["payment.latePenalty"], penalty) }
        if let fee = payment.recoveryFee { line(labels["payment.recoveryFee"], template.full(fee)) }
        if let discount = payment.earlyPaymentDiscount { line(labels["payment.earlyPaymentDiscount"], discount) }
        if let iban = payment.iban { line(labels["payment.iban"], Self.grouped(iban)) }
        if let bic = payment.bic { line(labels["payment.bic"], bic) }
        if let reference = payment.reference { line(labels["payment.reference"], reference) }
        if let url = payment.url { lines.append(.link(url, context.paragraph("\(labels["payment.url"])\(colon)\(url)", context.text(8, color: context.accent)))) }
        let details = Block.stack(lines, spacing: 2)
        guard let qr = qrBlock(payment) else { return .named("payment", .keepTogether(details)) }
        return .named("payment", .keepTogether(.columns([Column(.fraction(1), details), Column(.fixed(92), qr)], gap: 14)))
    }

    /// EPC069-12 "SEPA credit transfer" QR content: only for a positive amount in euros.
    func epcPayload(_ payment: Payment) -> String? {
        guard let iban = payment.iban, template.invoice.currency.code == "EUR", template.totals.amountDue.minorUnits > 0 else { return nil }
        let name = String(template.invoice.seller.name.prefix(70))
        let amount = "EUR" + template.totals.amountDue.plainText
        let remittance = String((payment.reference ?? template.invoice.number).prefix(140))
        return ["BCD", "002", "1", "SCT", payment.bic ?? "", name, Labels.replacing(" ", with: "", in: iban), amount, "", "", remittance]
            .joined(separator: "\n")
    }

    private func qrBlock(_ payment: Payment) -> Block? {
        guard let content = epcPayload(payment) else { return nil }
        return .stack([
            .figure(qrDescription(payment), .barcode(Barcode(.qr, content, moduleSize: 1.6, caption: nil))),
            .spacer(2),
            context.paragraph(context.labels["payment.qr"], context.text(7, color: TemplateContext.muted), alignment: .center),
        ])
    }

    /// What a screen reader says for the QR code: what it is and what paying with it transfers.
    private func qrDescription(_ payment: Payment) -> String {
        let labels = context.labels
        let iban = payment.iban.map { "\(labels["payment.iban"]) \(Self.grouped($0))" }
        return ["SEPA QR — \(labels["payment.qr"])", iban, "\(labels["stub.amountDue"]) \(template.full(template.totals.amountDue))"]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// IBAN in groups of four, as printed on paper.
    static func grouped(_ iban: String) -> String {
        let compact = Labels.replacing(" ", with: "", in: iban)
        var groups: [String] = []
        var index = compact.startIndex
        while index < compact.endIndex {
            let end = compact.index(index, offsetBy: 4, limitedBy: compact.endIndex) ?? compact.endIndex
            groups.append(String(compact[index..<end]))
            index = end
        }
        return groups.joined(separator: " ")
    }
}
