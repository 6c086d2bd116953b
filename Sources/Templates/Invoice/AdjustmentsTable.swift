import DocumentModel
import PageFrames
import Typesetting

/// "Adjustments & other charges": category and date, the original shipment and invoice they
/// correct, the description and reason, and the amounts.
struct AdjustmentsTable {
    let template: InvoiceTemplate
    let adjustments: [Adjustment]
    var context: TemplateContext { template.context }

    func block() -> Block {
        let labels = context.labels
        let code = template.invoice.currency.code
        let headerStyle = context.text(7.5, bold: true, color: context.accent)
        let header = TableRow([
            TableCell(labels["adjustments.category"], style: headerStyle),
            TableCell(labels["adjustments.original"], style: headerStyle),
            TableCell(labels["adjustments.description"], style: headerStyle),
            TableCell("\(labels["shipments.published"]) (\(code))", style: headerStyle),
            TableCell("\(labels["shipments.incentive"]) (\(code))", style: headerStyle),
            TableCell("\(labels["shipments.net"]) (\(code))", style: headerStyle),
        ])
        let amounts = context.text(8, tabular: true)
        let small = context.text(7, color: TemplateContext.muted)
        let zero = Money.zero(template.invoice.currency)
        let rows = adjustments.map { adjustment in
            var category: [Block] = [context.paragraph(adjustment.category?.rawValue ?? "—", context.text(8, bold: true))]
            if let date = adjustment.date { category.append(context.paragraph(template.date(date), small)) }
            var original: [Block] = []
            if let tracking = adjustment.originalTrackingNumber { original.append(.paragraph(Paragraph(tracking, style: context.mono), lines: .none)) }
            if let invoice = adjustment.originalInvoiceNumber {
                original.append(context.paragraph("\(labels["adjustments.originalInvoice"]) \(invoice)", small))
            }
            var description: [Block] = [context.paragraph(adjustment.description, context.text(8))]
            if let reason = adjustment.reason { description.append(context.paragraph(labels.labelled("adjustments.reason", reason), small)) }
            return TableRow([
                TableCell(.stack(category)), TableCell(.stack(original)), TableCell(.stack(description)),
                TableCell(template.amount(adjustment.publishedAmount), style: amounts),
                TableCell(template.amount(-(adjustment.incentiveAmount ?? zero)), style: amounts),
                TableCell(template.amount(adjustment.netAmount), style: amounts),
            ])
        }
        let bold = context.text(8, bold: true, tabular: true)
        let footer = TableRow([
            TableCell(labels["summary.adjustments"], style: context.text(8, bold: true), columnSpan: 3),
            TableCell("", style: bold), TableCell("", style: bold),
            TableCell(template.amount(template.totals.adjustmentsTotal), style: bold),
        ], background: context.accentTint)
        let table = Table(
            columns: [
                TableColumn(.fixed(58)), TableColumn(.fixed(104)), TableColumn(.fraction(1)),
                TableColumn(.fixed(60), alignment: context.decimalAlignment), TableColumn(.fixed(54), alignment: context.decimalAlignment),
                TableColumn(.fixed(60), alignment: context.decimalAlignment),
            ],
            header: [header], rows: TableRows(rows), footer: [footer],
            style: TableStyle(headerBackground: context.accentTint, zebra: nil, rowRule: TemplateContext.hairline))
        return .named("adjustments", .table(table))
    }
}
