import DocumentModel
import PageFrames
import Typesetting

/// The shipment detail: shipments in input order, a date row whenever the date changes, each
/// shipment's facts and then its charges with published, incentive and net amounts. Net subtotals
/// are carried at every page break ("À reporter" / "Report").
struct ShipmentDetailTable {
    let template: InvoiceTemplate
    var context: TemplateContext { template.context }

    /// What each body row shows; rows are made on demand from these so long invoices stay small.
    enum RowKind: Sendable {
        case date(shipment: Int)
        case shipment(Int)
        case charge(shipment: Int, charge: Int)
    }

    static func rowKinds(_ shipments: ShipmentList) -> RowKinds {
        var kinds = RowKinds()
        kinds.reserveCapacity(shipments.count * 3)
        shipments.forEachOutline { index, newDate, charges in
            if newDate { kinds.append(.date(shipment: index)) }
            kinds.append(.shipment(index))
            for charge in 0..<charges { kinds.append(.charge(shipment: index, charge: charge)) }
        }
        return kinds
    }

    /// The rows' kinds, four bytes each (a table of 50,000 shipments has some 170,000 rows): the
    /// kind in 2 bits, the charge in 8 (at most 100 per shipment), the shipment in 22 (at most 50,000).
    struct RowKinds: Sendable {
        private var packed: [UInt32] = []

        var count: Int { packed.count }

        mutating func reserveCapacity(_ capacity: Int) { packed.reserveCapacity(capacity) }

        mutating func append(_ kind: RowKind) {
            switch kind {
            case .date(let shipment): packed.append(UInt32(shipment) << 10)
            case .shipment(let shipment): packed.append(UInt32(shipment) << 10 | 1)
            case .charge(let shipment, let charge): packed.append(UInt32(shipment) << 10 | UInt32(charge) << 2 | 2)
            }
        }

        subscript(index: Int) -> RowKind {
            let value = packed[index]
            let shipment = Int(value >> 10)
            switch value & 3 {
            case 0: return .date(shipment: shipment)
            case 1: return .shipment(shipment)
            default: return .charge(shipment: shipment, charge: Int(value >> 2 & 0xFF))
            }
        }
    }

    func block() -> Block {
        let shipments = template.invoice.shipments ?? []
        let kinds = Self.rowKinds(shipments)
        let maker = RowMaker(template: template, shipments: shipments)
        let labels = context.labels
        let currency = template.invoice.currency
        let headerStyle = context.text(7.5, bold: true, color: context.accent)
        let header = TableRow([
            TableCell(labels["shipments.tracking"], style: headerStyle),
            TableCell("\(labels["shipments.service"]) / \(labels["shipments.charge"])", style: headerStyle),
            TableCell("\(labels["shipments.published"]) (\(currency.code))", style: headerStyle),
            TableCell("\(labels["shipments.incentive"]) (\(currency.code))", style: headerStyle),
            TableCell("\(labels["shipments.net"]) (\(currency.code))", style: headerStyle),
        ])
        let bold = context.text(8, bold: true, tabular: true)
        let footer = TableRow([
            TableCell(labels["shipments.total"], style: context.text(8, bold: true), columnSpan: 2),
            TableCell("", style: bold), TableCell("", style: bold),
            TableCell(template.amount(template.totals.shipmentsTotal), style: bold),
        ], background: context.accentTint)
        let money = context.money
        let subtotals = CarriedSubtotals(
            zero: Int64(0),
            add: { total, row in total + ((row.payload as? Int64) ?? 0) },
            cells: { total in [4: money.amountString(Money(minorUnits: total, currency: currency))] },
            carriedOutLabel: labels["shipments.carriedForward"], broughtForwardLabel: labels["shipments.broughtForward"],
            labelColumn: 1, style: context.text(8, bold: true, tabular: true), background: context.accentTint)
        let table = Table(
            columns: [
                TableColumn(.fixed(104)), TableColumn(.fraction(1)),
                TableColumn(.fixed(64), alignment: context.decimalAlignment),
                TableColumn(.fixed(58), alignment: context.decimalAlignment),
                TableColumn(.fixed(64), alignment: context.decimalAlignment),
            ],
            header: [header], rows: TableRows(count: kinds.count) { maker.row(kinds[$0]) }, footer: [footer],
            subtotals: subtotals,
            style: TableStyle(cellPadding: EdgeInsets(vertical: 2, horizontal: 4), headerBackground: context.accentTint, zebra: nil, rowRule: nil))
        return .named("shipment detail", .table(table))
    }

    /// Builds one body row; a value type so the lazy row closure can capture it.
    struct RowMaker: Sendable {
        let shipments: ShipmentList
        let context: TemplateContext
        // Styles, fill and label words are the same for every row: made once per table.
        let dateStyle: TextStyle
        let detailStyle: TextStyle
        let amountStyle: TextStyle
        let descriptionStyle: TextStyle
        let monoStyle: TextStyle
        let shipmentFill: Color
        let zoneLabel: String
        let packages: CountedPhrase
        let enteredLabel: String
        let billedLabel: String
        let referencesLabel: String
        let leadTrackingLabel: String

        init(template: InvoiceTemplate, shipments: ShipmentList) {
            self.shipments = shipments
            let context = template.context
            self.context = context
            dateStyle = context.text(8, bold: true, color: context.accent)
            detailStyle = context.text(7, color: TemplateContext.muted)
            amountStyle = context.text(8, tabular: true)
            descriptionStyle = context.text(8)
            monoStyle = context.mono
            shipmentFill = context.accentTint
            let labels = context.labels
            zoneLabel = labels["shipments.zone"]
            packages = labels.countedPhrase("shipments.packageCount")
            enteredLabel = labels["shipments.entered"]
            billedLabel = labels["shipments.billed"]
            referencesLabel = labels["shipments.references"]
            leadTrackingLabel = labels["shipments.leadTracking"]
        }

        func row(_ kind: RowKind) -> TableRow {
            switch kind {
            case .date(let index):
                let text = context.dates.string(shipments[index].date, style: .long)
                return TableRow([TableCell(text, style: dateStyle, columnSpan: 5)], payload: Int64(0), keepWithNext: true)
            case .shipment(let index):
                let shipment = shipments[index]
                let detailStyle = self.detailStyle
                return TableRow([
                    TableCell(shipment.trackingNumber, style: monoStyle),
                    TableCell(.stack(details(shipment).map { line in
                        .paragraph(Paragraph(line, style: detailStyle, paragraph: ParagraphStyle(alignment: .left)), lines: .none)
                    }), columnSpan: 4),
                ], payload: Int64(0), background: shipmentFill, keepWithNext: true)
            case .charge(let index, let chargeIndex):
                let charge = shipments[index].charges[chargeIndex]
                let amounts = amountStyle
                let zero = Money.zero(charge.publishedAmount.currency)
                return TableRow([
                    TableCell("", style: amounts),
                    TableCell(charge.description, style: descriptionStyle),
                    TableCell(context.money.amountString(charge.publishedAmount), style: amounts),
                    TableCell(context.money.amountString(-(charge.incentiveAmount ?? zero)), style: amounts),
                    TableCell(context.money.amountString(charge.netAmount), style: amounts),
                ], payload: charge.isInformational ? Int64(0) : charge.netAmount.minorUnits)
            }
        }

        private func details(_ shipment: Shipment) -> [String] {
            let labels = context.labels
            // "service · zone Z · N packages · entered / billed (type)", appended in place.
            var facts = shipment.service
            facts.reserveCapacity(160)
            if let zone = shipment.zone {
                facts += " · "
                facts += zoneLabel
                facts += "\u{00A0}"
                facts += zone
            }
            facts += " · "
            // Grouped as the locale groups digits ("1 200 colis", "1,200 packages"); below 1,000 the digits alone.
            let digits = String(shipment.packages)
            let count = shipment.packages < 1000 ? digits : ExactDecimal(parsing: digits).map { context.decimals.string($0) } ?? digits
            facts += packages.string(shipment.packages, formatted: count)
            facts += " · "
            facts += context.weights.string(shipment.enteredWeight)
            facts += " "
            facts += enteredLabel
            facts += " / "
            facts += context.weights.string(shipment.billedWeight)
            facts += " "
            facts += billedLabel
            if let type = shipment.billedWeightType { facts += " (\(labels["shipments.weightType.\(type.rawValue)"]))" }
            var lines = [facts]
            var route: [String] = []
            if let sender = shipment.sender { route.append(Self.shortParty(sender)) }
            if let receiver = shipment.receiver { route.append(Self.shortParty(receiver)) }
            var second: [String] = []
            if !route.isEmpty { second.append(route.joined(separator: " › ")) }
            if let references = shipment.references, !references.isEmpty {
                second.append("\(referencesLabel)\u{00A0}\(references.joined(separator: ", "))")
            }
            if let lead = shipment.leadTrackingNumber { second.append("\(leadTrackingLabel)\u{00A0}\(lead)") }
            if let dimensions = shipment.dimensions {
                let d = context.decimals
                // One unbreakable measure: "16 × 12 × 10 in" never splits across lines.
                second.append("\(d.string(dimensions.length))\u{00A0}×\u{00A0}\(d.string(dimensions.width))\u{00A0}×\u{00A0}\(d.string(dimensions.height))\u{00A0}\(dimensions.unit.rawValue)")
            }
            if !second.isEmpty { lines.append(second.joined(separator: " · ")) }
            return lines
        }

        static func shortParty(_ party: ShortParty) -> String {
            [party.name, party.city].compactMap { $0 }.joined(separator: ", ")
        }
    }
}
