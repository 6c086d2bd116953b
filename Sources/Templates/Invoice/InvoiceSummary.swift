import DocumentModel
import PageFrames
import Typesetting

/// "Summary of charges": shipment charges by classification, then adjustments and import charges,
/// each with published, incentive and net amounts where the model has them.
struct InvoiceSummary {
    let template: InvoiceTemplate
    var context: TemplateContext { template.context }

    func block() -> Block {
        let labels = context.labels
        let totals = template.totals
        let body = context.text(8.5, tabular: true)
        var rows: [TableRow] = totals.chargeSummary.map { line in
            TableRow([
                TableCell(labels["classification.\(line.classification.rawValue)"], style: context.text(8.5)),
                TableCell(template.amount(line.published), style: body),
                TableCell(template.amount(-line.incentives), style: body),
                TableCell(template.amount(line.net), style: body),
            ])
        }
        if let adjustments = template.invoice.adjustments, !adjustments.isEmpty {
            rows.append(netOnlyRow(labels["summary.adjustments"], totals.adjustmentsTotal))
        }
        if template.invoice.importCharges?.contains(where: \.isDisbursement) == true {
            rows.append(netOnlyRow(labels["classification.GOV"], totals.disbursementsTotal))
        }
        if template.invoice.importCharges?.contains(where: { !$0.isDisbursement }) == true {
            rows.append(netOnlyRow(labels["importCharges.fees"], totals.importFeesTotal))
        }
        let netLabel = totals.vatGroups.isEmpty ? labels["totals.netNoVat"] : labels["totals.net"]
        let footer = TableRow([
            TableCell(netLabel, style: context.text(8.5, bold: true)),
            TableCell("", style: body), TableCell("", style: body),
            TableCell(template.amount(totals.net), style: context.text(8.5, bold: true, tabular: true)),
        ], background: context.accentTint)
        let currency = template.invoice.currency.code
        let header = TableRow([
            TableCell(labels["summary.section"], style: headerStyle),
            TableCell("\(labels["summary.published"]) (\(currency))", style: headerStyle),
            TableCell("\(labels["summary.incentive"]) (\(currency))", style: headerStyle),
            TableCell("\(labels["summary.net"]) (\(currency))", style: headerStyle),
        ])
        let table = Table(
            columns: [
                TableColumn(.fraction(1)), TableColumn(.fixed(88), alignment: context.decimalAlignment),
                TableColumn(.fixed(88), alignment: context.decimalAlignment), TableColumn(.fixed(88), alignment: context.decimalAlignment),
            ],
            header: [header], rows: TableRows(rows), footer: [footer],
            style: TableStyle(headerBackground: context.accentTint, zebra: nil, rowRule: TemplateContext.hairline))
        return .named("summary of charges", .keepTogether(.stack([context.heading(labels["summary.title"]), .table(table)])))
    }

    var headerStyle: TextStyle { context.text(7.5, bold: true, color: context.accent) }

    private func netOnlyRow(_ label: String, _ net: Money) -> TableRow {
        TableRow([
            TableCell(label, style: context.text(8.5)), TableCell("", style: context.text(8.5)), TableCell("", style: context.text(8.5)),
            TableCell(template.amount(net), style: context.text(8.5, tabular: true)),
        ])
    }
}
