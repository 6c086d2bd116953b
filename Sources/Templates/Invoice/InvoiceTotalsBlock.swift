import DocumentModel
import PageFrames
import Typesetting

/// The VAT breakdown per (category, rate) beside the totals box.
struct InvoiceTotalsBlock {
    let template: InvoiceTemplate
    var context: TemplateContext { template.context }

    func block() -> Block {
        let totals = template.totals
        var columns: [Column] = []
        if !totals.vatGroups.isEmpty { columns.append(Column(.fraction(1), vatBreakdown())) } else { columns.append(Column(.fraction(1), .spacer(0))) }
        columns.append(Column(.fixed(InvoiceLetterhead.rightColumnWidth), totalsBox()))
        return .named("totals", .keepTogether(.columns(columns, gap: 18)))
    }

    private func vatBreakdown() -> Block {
        let labels = context.labels
        let headerStyle = context.text(7.5, bold: true, color: context.accent)
        let header = TableRow([
            TableCell(labels["vat.category"], style: headerStyle), TableCell(labels["vat.rate"], style: headerStyle),
            TableCell(labels["vat.base"], style: headerStyle), TableCell(labels["vat.amount"], style: headerStyle),
        ])
        var rows: [TableRow] = []
        let categoryLabel = VATCategoryLabel(invoice: template.invoice, groups: template.totals.vatGroups)
        for group in template.totals.vatGroups {
            let name = labels[categoryLabel.key(category: group.category, rate: group.rate)]
            rows.append(TableRow([
                TableCell("\(group.category.rawValue) — \(name)", style: context.text(8)),
                TableCell(context.percent.string(group.rate), style: context.text(8, tabular: true)),
                TableCell(template.amount(group.base), style: context.text(8, tabular: true)),
                TableCell(template.amount(group.amount), style: context.text(8, tabular: true)),
            ]))
            for reason in group.exemptionReasons {
                rows.append(TableRow([TableCell(labels.labelled("vat.exemption", reason), style: context.text(7, color: TemplateContext.muted), columnSpan: 4)]))
            }
        }
        let table = Table(
            columns: [
                TableColumn(.fraction(1)), TableColumn(.fixed(40), alignment: .end),
                TableColumn(.fixed(62), alignment: context.decimalAlignment), TableColumn(.fixed(56), alignment: context.decimalAlignment),
            ],
            header: [header], rows: TableRows(rows),
            style: TableStyle(headerBackground: context.accentTint, zebra: nil, rowRule: TemplateContext.hairline))
        return .stack([.tagged(.heading2, context.paragraph(labels["vat.title"], context.text(9, bold: true, color: context.accent))), .spacer(3), .table(table)])
    }

    private func totalsBox() -> Block {
        let labels = context.labels
        let totals = template.totals
        var rows: [Block] = []
        if totals.totalIncentives.minorUnits != 0 {
            rows.append(context.factRow(labels["totals.incentives"], template.full(-totals.totalIncentives)))
        }
        let hasVAT = !totals.vatGroups.isEmpty
        rows.append(context.factRow(hasVAT ? labels["totals.net"] : labels["totals.netNoVat"], template.full(totals.net)))
        if hasVAT {
            rows.append(context.factRow(labels["totals.vat"], template.full(totals.totalVat)))
            rows.append(context.factRow(labels["totals.inclVat"], template.full(totals.totalInclVat), bold: true))
        }
        if totals.prepaid.minorUnits != 0 {
            rows.append(context.factRow(labels["totals.prepaid"], template.full(-totals.prepaid)))
        }
        let dueLabel = totals.amountDue.minorUnits < 0 ? labels["totals.creditDue"] : labels["totals.amountDue"]
        return .stack([
            .box(.stack(rows, spacing: 3), BoxStyle(padding: EdgeInsets(vertical: 6, horizontal: 8), border: TemplateContext.hairline)),
            .box(context.factRow(dueLabel, template.full(totals.amountDue), bold: true, size: 11),
                 BoxStyle(padding: EdgeInsets(vertical: 7, horizontal: 8), background: context.accentTint)),
        ])
    }
}
