import DocumentModel
import PageFrames
import Typesetting

/// Lays out a carrier invoice or credit note: letterhead and facts, bill-to, summary of charges,
/// shipment detail grouped by date (carried subtotals at page breaks), adjustments, import charges,
/// VAT breakdown, totals, payment and legal mentions, notes, and the optional remittance stub.
struct InvoiceTemplate {
    let invoice: Invoice
    let totals: ComputedInvoice
    let context: TemplateContext

    init(invoice: Invoice, totals: ComputedInvoice, typesetter: Typesetter, options: TemplateOptions) throws {
        self.invoice = invoice
        self.totals = totals
        self.context = try TemplateContext(locale: invoice.locale, theme: invoice.theme, typesetter: typesetter, options: options)
    }

    var isCreditNote: Bool { invoice.type == .creditNote }
    var title: String { context.labels[isCreditNote ? "invoice.creditNoteTitle" : "invoice.title"] }
    var isFrenchSeller: Bool { invoice.seller.country == "FR" }

    func layout() throws -> DocumentLayout {
        var content: [Block] = [try InvoiceLetterhead(template: self).block(), .spacer(14)]
        content.append(InvoiceSummary(template: self).block())
        let shipments = invoice.shipments ?? []
        if !shipments.isEmpty {
            content += [.spacer(14), .bookmark(context.labels["shipments.title"]), context.heading(context.labels["shipments.title"])]
            content.append(ShipmentDetailTable(template: self).block())
        }
        if let adjustments = invoice.adjustments, !adjustments.isEmpty {
            content += [.spacer(14), .bookmark(context.labels["adjustments.title"]), context.heading(context.labels["adjustments.title"])]
            content.append(AdjustmentsTable(template: self, adjustments: adjustments).block())
        }
        if let charges = invoice.importCharges, !charges.isEmpty {
            content += [.spacer(14), .bookmark(context.labels["importCharges.title"]), context.heading(context.labels["importCharges.title"])]
            content.append(ImportChargesTable(template: self, charges: charges).block())
        }
        content += [.spacer(14), .bookmark(context.labels["totals.title"])]
        content.append(InvoiceTotalsBlock(template: self).block())
        if invoice.vatOnDebits == true {
            content += [.spacer(6), context.paragraph(context.labels["invoice.vatOnDebits"], context.text(8, bold: true))]
        }
        if let payment = PaymentBlock(template: self).block() {
            content += [.spacer(12), payment]
        }
        if let notes = invoice.notes, !notes.isEmpty {
            content += [.spacer(10)]
            content += notes.map { context.paragraph($0, context.text(8)) }
        }
        if invoice.remittanceStub == true {
            content += [.spacer(18), RemittanceStub(template: self).block()]
        }
        return DocumentLayout(
            template: pageTemplate(), content: content,
            metadata: context.metadata(from: invoice.pdf, fallbackTitle: "\(title) \(invoice.number)"))
    }

    // MARK: pages

    private func pageTemplate() -> PageTemplate {
        let margins = EdgeInsets(top: millimetres(14), left: millimetres(15), bottom: millimetres(12), right: millimetres(15))
        let labels = context.labels
        let context = self.context
        let number = invoice.number
        let account = invoice.accountNumber
        let title = self.title
        let legal = LegalMentions(template: self).footerLine()
        let footerHeight = legal == nil ? 12.0 : 24.0
        let footer = PageRegion(height: footerHeight, usesPageCount: true) { page in
            var rows: [Block] = []
            if let legal { rows.append(context.paragraph(legal, context.text(6.5, color: TemplateContext.muted), alignment: .center)) }
            rows.append(.columns([
                Column(.fraction(1), context.paragraph("\(title) \(number)", context.text(7, color: TemplateContext.muted))),
                Column(.auto, context.paragraph(
                    labels.format("invoice.page", ["page": String(page.number), "pages": String(page.count ?? page.number)]),
                    context.text(7, color: TemplateContext.muted), alignment: .right)),
            ]))
            return .stack(rows, spacing: 3)
        }
        let header = PageRegion(height: 16) { _ in
            .box(
                .columns([
                    Column(.fraction(1), context.paragraph("\(title) \(number) — \(labels["invoice.continued"])", context.text(8, bold: true, color: context.accent))),
                    Column(.auto, context.paragraph("\(labels["invoice.accountNumber"]) \(account)", context.text(8, color: TemplateContext.muted), alignment: .right)),
                ]),
                BoxStyle(padding: EdgeInsets(top: 0, left: 0, bottom: 3, right: 0)))
        }
        let size = TemplateContext.pageSize(locale: invoice.locale)
        return PageTemplate(
            size: size, otherPages: PageLayout(margins: margins, header: header, footer: footer),
            firstPage: PageLayout(margins: margins, footer: footer))
    }

    // MARK: helpers shared by the parts

    func amount(_ money: Money) -> String { context.money.amountString(money) }
    func full(_ money: Money) -> String { context.money.string(money) }
    func date(_ date: CalendarDate) -> String { context.dates.string(date) }
}
