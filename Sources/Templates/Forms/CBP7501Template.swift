import DocumentModel
import Foundation
import PageFrames
import Typesetting

/// CBP Form 7501 Entry Summary laid out like the official form: numbered boxes on a grid (2024
/// numbering, or 2009 where Blocks 21–24 do not exist and later blocks are four lower), line items
/// 31–38 continuing on continuation sheets, the fee summary and totals 39–44, the declaration and
/// the broker blocks. English captions as on the official form; French captions on request.
struct CBP7501Template {
    let entry: CBP7501Entry
    let computation: CBP7501Computation
    let context: TemplateContext
    let captions: Labels

    init(entry: CBP7501Entry, computation: CBP7501Computation, typesetter: Typesetter, options: TemplateOptions) throws {
        self.entry = entry
        self.computation = computation
        self.context = try TemplateContext(locale: "en-US", theme: entry.theme, typesetter: typesetter, options: options)
        self.captions = try LabelCatalog.bundled().labels(checkingFor: options.frenchFormCaptions ? "fr" : "en")
    }

    static let pageSize = Size.usLetter
    static let margin = 20.0
    static var width: Double { pageSize.width - 2 * margin }
    static let rowHeight = 25.0

    var is2009: Bool { entry.formRevision == .y2009 }

    /// The printed number of a block given its 2024 number.
    func number(_ block: Int) -> String {
        guard is2009, block > 20 else { return String(block) }
        precondition(block > 24, "blocks 21–24 do not exist on the 2009 form")
        return String(block - 4)
    }

    func caption(_ block: Int) -> String { captions["cbp7501.block.\(block)"] }

    func layout() throws -> DocumentLayout {
        let entryNumber = entry.entryNumber
        let captions = self.captions
        let context = self.context
        let footer = PageRegion(height: 10, usesPageCount: true) { page in
            .columns([
                Column(.fraction(1), context.paragraph("\(captions["cbp7501.formName"]) — \(entryNumber)", context.text(6.5, color: TemplateContext.muted))),
                Column(.auto, context.paragraph(
                    context.labels.format("form.page", ["page": String(page.number), "pages": String(page.count ?? page.number)]),
                    context.text(6.5, color: TemplateContext.muted), alignment: .right)),
            ])
        }
        let margins = EdgeInsets(all: Self.margin)
        let template = PageTemplate(size: Self.pageSize, margins: margins, footer: footer)
        return DocumentLayout(
            template: template, content: [titleBlock(), .formGrid(try grid())],
            metadata: context.metadata(from: entry.pdf, fallbackTitle: "\(captions["cbp7501.formName"]) \(entry.entryNumber)"))
    }

    private func titleBlock() -> Block {
        .columns([
            Column(.fraction(1), .stack([
                context.paragraph(captions["cbp7501.agency"], context.text(7, bold: true)),
                .tagged(.heading1, context.paragraph(captions["cbp7501.title"], context.text(13, bold: true))),
            ])),
            Column(.auto, context.paragraph(captions["cbp7501.formName"], context.text(8, bold: true), alignment: .right)),
        ])
    }

    // MARK: the grid

    private func grid() throws -> FormGrid {
        var boxes: [FormBox] = []
        var y = 0.0
        func row(_ cells: [(block: Int, width: Double, value: String)], height: Double = Self.rowHeight) {
            var x = 0.0
            for (index, cell) in cells.enumerated() {
                let width = index == cells.count - 1 ? Self.width - x : cell.width
                boxes.append(box(cell.block, cell.value, Rect(x: x, y: y, width: width, height: height)))
                x += width
            }
            y += height
        }
        let dates = context.dates
        func date(_ value: CalendarDate?) -> String { value.map { dates.string($0, style: .usForm) } ?? "" }
        row([(1, 150, entry.entryNumber), (2, 96, [entry.entryType, entry.entryTypeIndicator].compactMap { $0 }.joined(separator: " ")),
             (3, 78, date(entry.summaryDate)), (4, 62, entry.suretyNumber ?? ""), (5, 58, entry.bondType.rawValue),
             (6, 58, entry.portCode), (7, 0, date(entry.entryDate))])
        row([(8, 200, entry.importingCarrier), (9, 110, entry.modeOfTransport), (10, 130, entry.countryOfOrigin), (11, 0, date(entry.importDate))])
        row([(12, 200, entry.billOfLading), (13, 150, entry.manufacturerId), (14, 110, entry.exportingCountry), (15, 0, date(entry.exportDate))])
        row([(16, 130, entry.itNumber ?? ""), (17, 90, date(entry.itDate)), (18, 90, entry.missingDocs ?? ""),
             (19, 130, entry.foreignPortOfLading ?? ""), (20, 0, entry.usPortOfUnlading ?? "")])
        if !is2009 {
            let quarter = Self.width / 4
            row([(21, quarter, entry.countryOfMeltAndPour ?? ""), (22, quarter, entry.primaryCountryOfSmelt ?? ""),
                 (23, quarter, entry.secondaryCountryOfSmelt ?? ""), (24, 0, entry.countryOfCast ?? "")])
        }
        row([(25, 200, entry.locationOfGoods ?? ""), (26, 125, entry.consigneeNumber), (27, 125, entry.importerNumber),
             (28, 0, entry.referenceNumber ?? "")])
        row([(29, Self.width / 2, address(entry.ultimateConsignee)), (30, 0, address(entry.importerOfRecord))], height: 58)

        let bottomHeight = 96.0 + 74 + 46
        let gridHeight = Self.pageSize.height - 2 * Self.margin - 10 - 8 - 36  // footer band and gap, title
        let linesFrame = Rect(x: 0, y: y, width: Self.width, height: gridHeight - bottomHeight - y)
        // The line-item area's outline, drawn as an empty box so the first sheet reads as one form.
        boxes.append(FormBox(number: "", caption: "", value: "", frame: linesFrame, border: Color(gray: 0.15)))
        y = gridHeight - bottomHeight

        // 39 and 41–44
        let half = 300.0
        boxes.append(box(39, feeSummary(), Rect(x: 0, y: y, width: half, height: 96), size: 8))
        let totals = [(41, computation.duty), (42, computation.tax), (43, computation.other), (44, computation.total)]
        for (index, (block, amount)) in totals.enumerated() {
            boxes.append(box(block, dollars(amount), Rect(x: half, y: y + Double(index) * 24, width: Self.width - half, height: 24), alignment: .right))
        }
        y += 96
        boxes.append(box(40, declaration(), Rect(x: 0, y: y, width: Self.width, height: 74), size: 6.5, minimum: 5))
        y += 74
        let declarant = entry.declarant
        boxes.append(box(45, "\(declarant.name), \(declarant.title)    \(date(declarant.date))", Rect(x: 0, y: y, width: 230, height: 46)))
        boxes.append(box(46, brokerText(), Rect(x: 230, y: y, width: 230, height: 46), size: 7.5))
        boxes.append(box(47, entry.broker?.fileNumber ?? "", Rect(x: 460, y: y, width: Self.width - 460, height: 46)))

        let continuation = Block.stack([
            context.paragraph("\(captions["cbp7501.formName"]) — \(captions["cbp7501.continuation"])", context.text(11, bold: true)),
            context.paragraph("\(number(1)). \(caption(1))\(captions.colon)\(entry.entryNumber)", context.text(8)),
            .spacer(4),
        ])
        return FormGrid(
            size: Size(width: Self.width, height: gridHeight), boxes: boxes,
            lineItems: LineItemArea(frame: linesFrame, table: lineTable(), continuationHeader: continuation))
    }

    private func box(_ block: Int, _ value: String, _ frame: Rect, size: Double = 8.5, minimum: Double = 5.5, alignment: TextAlignment = .left) -> FormBox {
        FormBox(
            number: number(block), caption: caption(block), value: value, frame: frame,
            valueStyle: TextStyle(family: context.family, size: size, features: ["tnum"]),
            captionStyle: TextStyle(family: context.family, size: 5.5, color: Color(gray: 0.25)), minimumSize: minimum,
            alignment: alignment, padding: 2.5, border: Color(gray: 0.15))
    }

    // MARK: values

    func address(_ party: Party) -> String {
        ([party.name] + (party.addressLines ?? []) + InvoiceLetterhead.localityLines(party)).joined(separator: "\n")
    }

    func dollars(_ money: Money) -> String { context.money.amountString(money) }

    /// Whole dollars, as Block 36 and the total entered value print them.
    func wholeDollars(_ money: Money) -> String { context.decimals.string(money.decimalValue, fractionDigits: 0) }

    private func feeSummary() -> String {
        var lines = (computation.fees).map { fee in
            "\(fee.classCode)  \(fee.description ?? "")  \(dollars(fee.amount))"
        }
        lines.append("\(captions["cbp7501.totalEnteredValue"])\(captions.colon)$\(wholeDollars(computation.totalEnteredValue))")
        lines.append("\(captions["cbp7501.totalOtherFees"])\(captions.colon)$\(dollars(computation.totalOtherFees))")
        return lines.joined(separator: "\n")
    }

    private func declaration() -> String {
        let capacity = entry.declarant.capacity
        let purchased = entry.declarant.obtainedPursuantToPurchase
        func mark(_ on: Bool) -> String { on ? "[X]" : "[ ]" }
        return captions.format("cbp7501.declaration", [
            "importer": mark(capacity == .importerOfRecord), "owner": mark(capacity == .ownerPurchaserOrAgent),
            "purchased": mark(purchased == true), "notPurchased": mark(purchased == false),
        ])
    }

    private func brokerText() -> String {
        guard let broker = entry.broker else { return "" }
        var lines = [broker.name]
        lines += broker.addressLines ?? []
        let locality = [broker.city.map { "\($0)," }, broker.region, broker.postalCode].compactMap { $0 }.joined(separator: " ")
        if !locality.isEmpty { lines.append(locality) }
        var last: [String] = []
        if let phone = broker.phone { last.append(phone) }
        if let filer = broker.filerCode { last.append("Filer \(filer)") }
        if !last.isEmpty { lines.append(last.joined(separator: " · ")) }
        return lines.joined(separator: "\n")
    }

    // MARK: line items 31–38

    private func lineTable() -> Table {
        let header = TableRow((31...38).map { block in
            TableCell(.paragraph(Paragraph("\(number(block)). \(caption(block))", style: TextStyle(family: context.family, size: 5.5, color: Color(gray: 0.2)), paragraph: ParagraphStyle(alignment: .left)), lines: .none))
        })
        let computed = Dictionary(uniqueKeysWithValues: computation.lines.map { ($0.lineNumber, $0) })
        let maker = CBP7501LineRows(entry: entry, computed: computed, context: context)
        return Table(
            columns: [
                TableColumn(.fixed(24)), TableColumn(.fraction(1)), TableColumn(.fixed(74)), TableColumn(.fixed(58)),
                TableColumn(.fixed(56)), TableColumn(.fixed(64), alignment: .end), TableColumn(.fixed(64)), TableColumn(.fixed(64), alignment: .end),
            ],
            header: [header], rows: TableRows(count: entry.lines.count) { maker.row(at: $0) },
            style: TableStyle(cellPadding: EdgeInsets(vertical: 2, horizontal: 2.5), headerBackground: Color(gray: 0.92), zebra: nil, rowRule: Color(gray: 0.6)))
    }
}

/// Rows of Blocks 31–38, made on demand.
struct CBP7501LineRows: Sendable {
    let entry: CBP7501Entry
    let computed: [Int: CBP7501LineComputation]
    let context: TemplateContext

    func row(at index: Int) -> TableRow {
        let line = entry.lines[index]
        let computation = computed[line.lineNumber]
        let style = TextStyle(family: context.family, size: 7.5, features: ["tnum"])
        func cell(_ lines: [String], alignment: CellAlignment? = nil) -> TableCell {
            TableCell(.paragraph(Paragraph(lines.joined(separator: "\n"), style: style, paragraph: ParagraphStyle(alignment: .left)), lines: .none), alignment: alignment)
        }
        var description = [line.description]
        if let mid = line.manufacturerId { description.append("MID \(mid)") }
        if let origin = line.countryOfOrigin { description.append("Origin \(origin)") }
        var hts = [Self.formatHTS(line.htsNumber)]
        hts += (line.additionalTariffs ?? []).map { Self.formatHTS($0.htsNumber) }
        if let adCvd = line.adCvdNumber { hts.append(adCvd) }
        var weights: [String] = []
        if let gross = line.grossWeight { weights.append(context.weights.string(gross)) }
        if let quantity = line.manifestQuantity { weights.append("\(quantity) \(line.manifestUnit ?? "")") }
        let net = "\(context.decimals.string(line.netQuantity.value)) \(line.netQuantity.unit)"
        var value = [context.decimals.string((computation?.enteredValue ?? line.enteredValue).decimalValue, fractionDigits: 0)]
        if let charges = line.charges { value.append("C \(context.decimals.string(charges.roundedToWholeUnits().decimalValue, fractionDigits: 0))") }
        value.append(line.relationship.rawValue)
        var rates = [rate(line.htsRate)]
        rates += (line.additionalTariffs ?? []).map { rate($0.htsRate) }
        if let adCvd = line.adCvdRate { rates.append("AD/CVD \(rate(adCvd))") }
        if let irc = line.ircRate { rates.append("IRC \(rate(irc))") }
        if let visa = line.visaNumber { rates.append("Visa \(visa)") }
        var duties: [String] = []
        if let computation {
            duties.append(context.money.amountString(computation.duty))
            duties += computation.additionalDuties.map { context.money.amountString($0) }
            if line.adCvdRate != nil || line.adCvdAmount != nil { duties.append("AD/CVD \(context.money.amountString(computation.adCvdDuty))") }
            if line.ircRate != nil || line.irTax != nil { duties.append("IRT \(context.money.amountString(computation.irTax))") }
        }
        return TableRow([
            cell([String(format: "%03d", line.lineNumber)]), cell(description), cell(hts), cell(weights), cell([net]),
            cell(value, alignment: .end), cell(rates), cell(duties, alignment: .end),
        ])
    }

    func rate(_ rate: USRate) -> String {
        switch rate {
        case .free: return "FREE"
        case .rate(let adValorem, let specific):
            var parts: [String] = []
            if let adValorem { parts.append(context.percent.string(adValorem)) }
            if let specific { parts.append("$\(specific.amount.text)/\(specific.per)") }
            return parts.joined(separator: " + ")
        }
    }

    /// `8471300100` → `8471.30.0100`.
    static func formatHTS(_ number: String) -> String {
        let digits = number.filter(\.isNumber)
        guard digits.count == 10 || digits.count == 8 else { return number }
        let d = Array(digits)
        var result = String(d[0..<4]) + "." + String(d[4..<6]) + "." + String(d[6..<8])
        if digits.count == 10 { result += String(d[8..<10]) }
        return result
    }
}
