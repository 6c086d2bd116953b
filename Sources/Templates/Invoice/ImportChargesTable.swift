import DocumentModel
import PageFrames
import Typesetting

/// Import charges: disbursements (duties and import VAT paid on the customer's behalf, outside the
/// VAT base) apart from brokerage and other fees, each group with its total.
struct ImportChargesTable {
    let template: InvoiceTemplate
    let charges: [ImportCharge]
    var context: TemplateContext { template.context }

    func block() -> Block {
        let labels = context.labels
        let headerStyle = context.text(7.5, bold: true, color: context.accent)
        let header = TableRow([
            TableCell(labels["importCharges.entry"], style: headerStyle),
            TableCell(labels["importCharges.code"], style: headerStyle),
            TableCell(labels["importCharges.description"], style: headerStyle),
            TableCell(labels["vat.amount"], style: headerStyle),
            TableCell("\(labels["importCharges.amount"]) (\(template.invoice.currency.code))", style: headerStyle),
        ])
        var rows: [TableRow] = []
        let groups: [(String, [ImportCharge], Money)] = [
            (labels["importCharges.disbursements"], charges.filter(\.isDisbursement), template.totals.disbursementsTotal),
            (labels["importCharges.fees"], charges.filter { !$0.isDisbursement }, template.totals.importFeesTotal),
        ]
        for (title, group, total) in groups where !group.isEmpty {
            rows.append(TableRow([TableCell(title, style: context.text(8, bold: true, color: context.accent), columnSpan: 5)]))
            for charge in group {
                rows.append(TableRow([
                    TableCell(charge.entryNumber ?? "", style: context.mono),
                    TableCell(charge.code, style: context.text(8)),
                    TableCell(charge.description, style: context.text(8)),
                    TableCell(vatText(charge), style: context.text(7.5, color: TemplateContext.muted)),
                    TableCell(template.amount(charge.amount), style: context.text(8, tabular: true)),
                ]))
            }
            rows.append(TableRow([
                TableCell("", style: context.text(8)), TableCell("", style: context.text(8)),
                TableCell(title, style: context.text(8, bold: true), columnSpan: 2),
                TableCell(template.amount(total), style: context.text(8, bold: true, tabular: true)),
            ], background: context.accentTint))
        }
        let table = Table(
            columns: [
                TableColumn(.fixed(96)), TableColumn(.fixed(32)), TableColumn(.fraction(1)), TableColumn(.fixed(56)),
                TableColumn(.fixed(70), alignment: context.decimalAlignment),
            ],
            header: [header], rows: TableRows(rows),
            style: TableStyle(headerBackground: context.accentTint, zebra: nil, rowRule: TemplateContext.hairline))
        return .named("import charges", .table(table))
    }

    private func vatText(_ charge: ImportCharge) -> String {
        guard let category = charge.vatCategory else { return "" }
        if let rate = charge.vatRate, category == .S { return "\(category.rawValue) \(context.percent.string(rate))" }
        return category.rawValue
    }
}
