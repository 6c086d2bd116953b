import DocumentModel
import PageFrames
import Typesetting

/// The top of the first page: seller (with logo), title and invoice facts, bill-to.
struct InvoiceLetterhead {
    let template: InvoiceTemplate
    var context: TemplateContext { template.context }
    var invoice: Invoice { template.invoice }
    static let rightColumnWidth = 228.0

    func block() throws -> Block {
        let top = Block.columns([
            Column(.fraction(1), try sellerBlock()),
            Column(.fixed(Self.rightColumnWidth), factsBlock()),
        ], gap: 18)
        // The delivery address, when it differs from the bill-to party's (France 2026), sits left of it.
        let delivery = invoice.deliveryAddress.map { partyBox(label: context.labels["invoice.deliveryAddress"], party: $0) }
        let billTo = Block.columns([
            Column(.fraction(1), delivery ?? .spacer(0)),
            Column(.fixed(Self.rightColumnWidth), partyBox(label: context.labels["invoice.billTo"], party: invoice.billTo)),
        ], gap: 18)
        return .named("letterhead", .stack([top, billTo], spacing: 12))
    }

    private func sellerBlock() throws -> Block {
        var lines: [Block] = []
        let seller = invoice.seller
        let name = LegalNameFormatter.string(name: seller.name, legalForm: seller.legalForm)
        if let theme = invoice.theme, let logo = try LogoLoader.load(theme, options: context.options, height: 34) {
            lines += [.figure(seller.name, logo), .spacer(6)]
        }
        lines.append(context.paragraph(name, context.text(12, bold: true, color: context.accent)))
        lines += addressLines(seller).map { context.paragraph($0, context.text(8.5)) }
        let contact = [seller.phone, seller.email].compactMap { $0 }
        if !contact.isEmpty { lines.append(context.paragraph(contact.joined(separator: " · "), context.text(7.5, color: TemplateContext.muted))) }
        var identifiers: [String] = []
        if let vat = seller.vatId { identifiers.append("\(context.labels["legal.vatId"]) \(vat)") }
        if let siret = seller.siret { identifiers.append("\(context.labels["legal.siret"]) \(siret)") } else if let siren = seller.siren {
            identifiers.append("\(context.labels["legal.siren"]) \(siren)")
        }
        if let taxId = seller.taxId { identifiers.append("\(context.labels["legal.taxId"]) \(taxId)") }
        if !identifiers.isEmpty { lines.append(context.paragraph(identifiers.joined(separator: " · "), context.text(7.5, color: TemplateContext.muted))) }
        return .stack(lines, spacing: 1.5)
    }

    func addressLines(_ party: Party) -> [String] {
        var lines = party.addressLines ?? []
        lines += Self.localityLines(party)
        if party.country != invoice.seller.country || party.country != invoice.billTo.country { lines.append(party.country) }
        return lines
    }

    private func factsBlock() -> Block {
        let labels = context.labels
        var rows: [Block] = [
            .tagged(.heading1, context.paragraph(template.title, context.text(20, bold: true, color: context.accent), alignment: .right)),
            context.paragraph(labels["invoice.family.\(invoice.family.rawValue)"], context.text(8.5, color: TemplateContext.muted), alignment: .right),
            .spacer(6),
        ]
        // A credit note is numbered and dated as itself ("N° d’avoir"), the invoice it corrects under its own label.
        let credit = template.isCreditNote
        var facts: [Block] = [context.factRow(labels[credit ? "invoice.creditNoteNumber" : "invoice.number"], invoice.number, bold: true)]
        if let original = invoice.originalInvoiceNumber { facts.append(context.factRow(labels["invoice.originalInvoice"], original, bold: true)) }
        if let date = invoice.originalInvoiceDate { facts.append(context.factRow(labels["invoice.originalInvoiceDate"], template.date(date))) }
        facts.append(context.factRow(labels[credit ? "invoice.creditNoteDate" : "invoice.issueDate"], template.date(invoice.issueDate)))
        if let due = invoice.dueDate { facts.append(context.factRow(labels["invoice.dueDate"], template.date(due), bold: true)) }
        facts.append(context.factRow(labels["invoice.accountNumber"], invoice.accountNumber))
        if let plan = invoice.planNumber { facts.append(context.factRow(labels["invoice.planNumber"], plan)) }
        if let control = invoice.controlId { facts.append(context.factRow(labels["invoice.controlId"], control)) }
        if let period = invoice.billingPeriod {
            facts.append(context.factRow(labels["invoice.billingPeriod"], "\(template.date(period.start)) – \(template.date(period.end))"))
        }
        if let nature = invoice.operationNature {
            facts.append(context.factRow(labels["invoice.operationNature"], labels["invoice.operationNature.\(nature.rawValue)"]))
        }
        rows.append(.box(.stack(facts, spacing: 2), BoxStyle(padding: EdgeInsets(vertical: 6, horizontal: 8), border: TemplateContext.hairline)))
        let dueLabel = template.totals.amountDue.minorUnits < 0 ? labels["totals.creditDue"] : labels["invoice.amountDue"]
        rows.append(.box(
            context.factRow(dueLabel, template.full(template.totals.amountDue), bold: true, size: 10.5),
            BoxStyle(padding: EdgeInsets(vertical: 6, horizontal: 8), background: context.accentTint)))
        return .stack(rows, spacing: 0)
    }

    /// Postal code, city and region in the order the country's post expects.
    static func localityLines(_ party: Party) -> [String] {
        switch party.country {
        case "US", "CA", "AU":
            let regionAndCode = [party.region, party.postalCode].compactMap { $0 }.joined(separator: " ")
            return [regionAndCode.isEmpty ? party.city : "\(party.city), \(regionAndCode)"]
        case "GB", "IE":
            return [party.city, party.region, party.postalCode].compactMap { $0 }
        default:
            return [[party.postalCode, party.city].compactMap { $0 }.joined(separator: " ")] + [party.region].compactMap { $0 }
        }
    }

    func partyBox(label: String, party: Party) -> Block {
        var lines: [Block] = [context.paragraph(label.uppercased(), context.text(7, bold: true, color: context.accent))]
        let name = LegalNameFormatter.string(name: party.name, legalForm: party.legalForm)
        lines.append(context.paragraph(name, context.text(9.5, bold: true)))
        lines += addressLines(party).map { context.paragraph($0, context.text(8.5)) }
        // VAT number and SIREN (the buyer's SIREN is a France 2026 mention) on one line.
        var identifiers: [String] = []
        if let vat = party.vatId { identifiers.append("\(context.labels["legal.vatId"]) \(vat)") }
        if let siren = party.siren { identifiers.append("\(context.labels["legal.siren"]) \(siren)") }
        if !identifiers.isEmpty { lines.append(context.paragraph(identifiers.joined(separator: " · "), context.text(7.5, color: TemplateContext.muted))) }
        return .box(.stack(lines, spacing: 1.5), BoxStyle(padding: EdgeInsets(vertical: 7, horizontal: 8), border: TemplateContext.hairline))
    }
}
