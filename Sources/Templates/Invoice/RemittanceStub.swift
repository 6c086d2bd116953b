import DocumentModel
import PageFrames
import Typesetting

/// The tear-off remittance stub at the end of the invoice: account, invoice number, control ID,
/// due date and amount due, with the invoice number as a Code 128 barcode for lockbox scanning.
struct RemittanceStub {
    let template: InvoiceTemplate
    var context: TemplateContext { template.context }

    func block() -> Block {
        let labels = context.labels
        let invoice = template.invoice
        var facts: [Block] = [
            context.factRow(labels["stub.account"], invoice.accountNumber, bold: true),
            context.factRow(labels["stub.invoice"], invoice.number, bold: true),
        ]
        if let control = invoice.controlId { facts.append(context.factRow(labels["stub.controlId"], control)) }
        if let due = invoice.dueDate { facts.append(context.factRow(labels["stub.dueDate"], template.date(due))) }
        facts.append(context.factRow(labels["stub.amountDue"], template.full(template.totals.amountDue), bold: true, size: 10))
        let payer = Block.stack([
            context.paragraph(invoice.billTo.name, context.text(9, bold: true)),
            context.paragraph(labels.labelled("stub.amountEnclosed", "______________________"), context.text(8.5)),
            .spacer(6),
            .figure(
                "Code 128 — \(labels["stub.invoice"]) \(invoice.number)",
                .barcode(Barcode(.code128, invoice.number, moduleSize: 0.8, barHeight: 26, caption: context.text(7)))),
        ], spacing: 3)
        let stub = Block.stack([
            .box(.spacer(0.6), BoxStyle(background: TemplateContext.muted)),
            .spacer(4),
            context.paragraph(labels["stub.title"], context.text(7.5, color: TemplateContext.muted), alignment: .center),
            .spacer(6),
            .columns([
                Column(.fraction(1), payer),
                Column(.fixed(InvoiceLetterhead.rightColumnWidth), .box(.stack(facts, spacing: 3), BoxStyle(padding: EdgeInsets(vertical: 6, horizontal: 8), border: TemplateContext.hairline))),
            ], gap: 18),
        ])
        return .named("remittance stub", .keepTogether(stub))
    }
}
