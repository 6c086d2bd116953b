import DocumentModel
import PageFrames
import Typesetting

/// CBSA B3-3 Canada Customs Coding Form laid out like the official form: header fields 1–20 in
/// numbered boxes, lines 21–42 continuing on continuation sheets, fields 43–46, the declaration and
/// totals 47–51. The form is bilingual, so every caption reads "English / Français" whatever the
/// document's locale; the locale (en-CA, fr-CA) sets how amounts, dates and the footer print.
///
/// Every computed figure (fields 9, 37–42, 47–51) comes from ``B3Computation``; the template only
/// formats.
struct CBSAB3Template {
    let declaration: CBSAB3Declaration
    let computation: B3Computation
    let context: TemplateContext
    let captions: CBSAB3Captions

    init(declaration: CBSAB3Declaration, computation: B3Computation, typesetter: Typesetter, options: TemplateOptions) throws {
        self.declaration = declaration
        self.computation = computation
        self.context = try TemplateContext(locale: declaration.locale, theme: declaration.theme, typesetter: typesetter, options: options)
        self.captions = try CBSAB3Captions(catalog: LabelCatalog.bundled())
    }

    /// The form number printed in the corner, the footer and the continuation header.
    static let formNumber = "B3-3"
    /// Printed on letter paper, as in Canada.
    static let pageSize = Size.usLetter
    static let margin = 20.0
    static var width: Double { pageSize.width - 2 * margin }
    static let footerHeight = 10.0
    static let footerGap = 8.0
    static let rowHeight = 25.0
    /// Width of the importer/vendor column of the header; fields 2–10 and 12–20 are to its right.
    static let partyColumnWidth = 250.0
    static let partyBoxHeight = 72.0
    static let partyNumberHeight = 28.0
    /// Fields 43–46, date and signature, and the declaration, left of the totals.
    static let bottomLeftWidth = 382.0
    static let totalsRowHeight = 22.0
    static let bottomHeight = 5 * totalsRowHeight

    func layout() throws -> DocumentLayout {
        let footerText = "\(Self.formNumber) — \(captions.bilingual("b3.field.2")) \(declaration.transactionNumber)"
        let context = self.context
        let footer = PageRegion(height: Self.footerHeight, usesPageCount: true) { page in
            .columns([
                Column(.fraction(1), context.paragraph(footerText, context.text(6.5, color: TemplateContext.muted))),
                Column(.auto, context.paragraph(
                    context.labels.format("form.page", ["page": String(page.number), "pages": String(page.count ?? page.number)]),
                    context.text(6.5, color: TemplateContext.muted), alignment: .right)),
            ])
        }
        let template = PageTemplate(
            size: Self.pageSize, otherPages: PageLayout(margins: EdgeInsets(all: Self.margin), footer: footer, gap: Self.footerGap))
        // The grid takes exactly what the title leaves of the first page: measured, not guessed, so
        // a taller title (another font family) never pushes the form onto a second page.
        let title = titleBlock()
        let titleHeight = try BlockLayouter(typesetter: context.typesetter).layout(title, width: Self.width).height
        let gridHeight = template.body(ofPage: 1).height - titleHeight
        return DocumentLayout(
            template: template, content: [title, .formGrid(try grid(height: gridHeight))],
            metadata: context.metadata(from: declaration.pdf, fallbackTitle: "\(Self.formNumber) \(declaration.transactionNumber)"))
    }

    private func titleBlock() -> Block {
        .stack([
            .columns([
                Column(.fraction(1), .stack([
                    context.paragraph(captions.bilingual("b3.agency"), context.text(7, bold: true)),
                    .tagged(.heading1, context.paragraph(captions.bilingual("b3.title"), context.text(12, bold: true))),
                ])),
                // English over French keeps this column narrow, so the title stays on one line.
                Column(.auto, .stack([
                    context.paragraph(Self.formNumber, context.text(12, bold: true), alignment: .right),
                    context.paragraph(captions.bilingual("b3.protected", separator: "\n"), context.text(6, color: TemplateContext.muted), alignment: .right),
                ])),
            ], gap: 12),
            .spacer(5),
        ])
    }

    // MARK: the grid

    private func grid(height gridHeight: Double) throws -> FormGrid {
        let width = Self.width
        var boxes: [FormBox] = []

        // Fields 1–10: importer on the left, the transaction's codes on the right.
        boxes += partyBoxes(field: 1, party: declaration.importer, numberKey: "b3.field.1.number", number: declaration.businessNumber, top: 0)
        boxes += codeRows(top: 0, [
            [(2, 150, declaration.transactionNumber), (3, 64, declaration.type), (4, 0, declaration.officeNumber)],
            [(5, 170, declaration.gstRegistration ?? ""), (6, 0, declaration.paymentCode)],
            [(7, 161, declaration.modeOfTransport), (8, 0, declaration.portOfUnlading)],
            [(9, 161, wholeDollars(computation.totalValueForDuty)), (10, 0, String(declaration.subHeaderNumber ?? 1))],
        ])
        // Fields 11–20: vendor on the left, origin, export and currency on the right.
        let vendorTop = Self.partyBoxHeight + Self.partyNumberHeight
        boxes += partyBoxes(field: 11, party: declaration.vendor, numberKey: "b3.field.11.number", number: declaration.vendorNumber ?? "", top: vendorTop)
        boxes += codeRows(top: vendorTop, [
            [(12, 161, declaration.countryOfOrigin), (13, 0, declaration.placeOfExport)],
            [(14, 161, declaration.tariffTreatment), (15, 0, declaration.usPortOfExit ?? "")],
            [(16, 185, monthAndDay(declaration.directShipmentDate)), (17, 0, declaration.currencyCode.code)],
            [(18, 100, declaration.timeLimit ?? ""), (19, 111, declaration.freight.map(amount) ?? ""),
             (20, 0, context.dates.string(declaration.releaseDate))],
        ])
        let headerHeight = 2 * vendorTop

        // Lines 21–42 between the header and the bottom; the outline keeps the first sheet one form.
        let bottomTop = gridHeight - Self.bottomHeight
        let linesFrame = Rect(x: 0, y: headerHeight, width: width, height: bottomTop - headerHeight)
        boxes.append(FormBox(number: "", caption: "", value: "", frame: linesFrame, border: Self.border))

        // Fields 43–46, the declaration's date and signature, and the declaration itself.
        let left = Self.bottomLeftWidth
        var y = bottomTop
        boxes.append(box(43, declaration.deposit.map(amount) ?? "", Rect(x: 0, y: y, width: 96, height: 26), alignment: .right))
        boxes.append(box(44, declaration.warehouseNumber ?? "", Rect(x: 96, y: y, width: 110, height: 26)))
        boxes.append(box(45, declaration.cargoControlNumber, Rect(x: 206, y: y, width: left - 206, height: 26)))
        y += 26
        boxes.append(box(46, declaration.carrierCode ?? "", Rect(x: 0, y: y, width: 190, height: 26)))
        boxes.append(box("", "b3.date", declaration.declarant.map { context.dates.string($0.date) } ?? "", Rect(x: 190, y: y, width: 80, height: 26)))
        // Left empty: the declarant signs the printed form.
        boxes.append(box("", "b3.signature", "", Rect(x: 270, y: y, width: left - 270, height: 26)))
        y += 26
        boxes.append(box("", "b3.declaration", declarationText(), Rect(x: 0, y: y, width: left, height: gridHeight - y), size: 7, minimum: 5))

        // Totals 47–51 on the right, as the model computes them.
        let totals = [(47, computation.customsDuties), (48, computation.simaAssessment), (49, computation.exciseTax),
                      (50, computation.gst), (51, computation.total)]
        for (index, (field, money)) in totals.enumerated() {
            let frame = Rect(x: left, y: bottomTop + Double(index) * Self.totalsRowHeight, width: width - left, height: Self.totalsRowHeight)
            boxes.append(box(field, amount(money), frame, bold: field == 51, alignment: .right))
        }

        let continuationHeader = Block.stack([
            context.paragraph(
                "\(Self.formNumber) \(captions.bilingual("b3.title")) — \(captions.bilingual("form.continuation"))", context.text(10, bold: true)),
            context.paragraph("2  \(captions.bilingual("b3.field.2")): \(declaration.transactionNumber)", context.text(8)),
            .spacer(4),
        ])
        let rows = CBSAB3LineRows(lines: declaration.lines, computed: computation.lines, context: context)
        return FormGrid(
            size: Size(width: width, height: gridHeight), boxes: boxes,
            lineItems: LineItemArea(frame: linesFrame, table: rows.table(captions: captions), continuationHeader: continuationHeader))
    }

    /// Name and address over the party's number (field 1 or 11), in the left column.
    private func partyBoxes(field: Int, party: Party, numberKey: String, number: String, top: Double) -> [FormBox] {
        [
            box(field, address(party), Rect(x: 0, y: top, width: Self.partyColumnWidth, height: Self.partyBoxHeight)),
            box(String(field), numberKey, number, Rect(x: 0, y: top + Self.partyBoxHeight, width: Self.partyColumnWidth, height: Self.partyNumberHeight)),
        ]
    }

    /// Rows of code boxes right of the party column; a width of 0 takes the rest of the row.
    private func codeRows(top: Double, _ rows: [[(field: Int, width: Double, value: String)]]) -> [FormBox] {
        var boxes: [FormBox] = []
        for (index, cells) in rows.enumerated() {
            var x = Self.partyColumnWidth
            for cell in cells {
                let width = cell.width == 0 ? Self.width - x : cell.width
                boxes.append(box(cell.field, cell.value, Rect(x: x, y: top + Double(index) * Self.rowHeight, width: width, height: Self.rowHeight)))
                x += width
            }
        }
        return boxes
    }

    static let border = Color(gray: 0.15)
    /// Captions are the printed form, not the filled-in data: they keep the bundled face whatever
    /// `theme.fontFamily` says, so a wider theme face cannot push a caption onto a second line
    /// (which a box refuses) while the values still follow the theme.
    static let captionFamily = "Noto Sans"

    private func box(_ field: Int, _ value: String, _ frame: Rect, bold: Bool = false, alignment: TextAlignment = .left) -> FormBox {
        box(String(field), "b3.field.\(field)", value, frame, bold: bold, alignment: alignment)
    }

    private func box(
        _ number: String, _ captionKey: String, _ value: String, _ frame: Rect, size: Double = 8.5, minimum: Double = 5.5, bold: Bool = false,
        alignment: TextAlignment = .left
    ) -> FormBox {
        FormBox(
            number: number, caption: captions.bilingual(captionKey), value: value, frame: frame,
            valueStyle: TextStyle(family: context.family, style: bold ? .bold : .regular, size: size, features: ["tnum"]),
            captionStyle: TextStyle(family: Self.captionFamily, size: 5.5, color: Color(gray: 0.25)), minimumSize: minimum,
            alignment: alignment, padding: 2.5, border: Self.border)
    }

    // MARK: values

    /// Name, street lines, locality; the country only for a party outside Canada (the vendor, mostly).
    func address(_ party: Party) -> String {
        var lines = [party.name] + (party.addressLines ?? []) + InvoiceLetterhead.localityLines(party)
        if party.country != "CA" { lines.append(party.country) }
        return lines.joined(separator: "\n")
    }

    func amount(_ money: Money) -> String { context.money.amountString(money) }

    /// Field 9 prints whole dollars; the model has already rounded it.
    func wholeDollars(_ money: Money) -> String { context.decimals.string(money.decimalValue, fractionDigits: 0) }

    /// Field 16 prints month and day only (MM-DD), as its caption says.
    func monthAndDay(_ date: CalendarDate) -> String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(twoDigits(date.month))-\(twoDigits(date.day))"
    }

    /// The declaration in both languages, with the declarant filled in when the document has one.
    private func declarationText() -> String {
        let name = declaration.declarant?.name ?? "________________"
        let company = declaration.declarant?.company ?? "________________"
        return captions.bilingualFormat("b3.declaration.text", ["name": name, "company": company], separator: "\n")
    }
}

/// B3 captions in both official languages: the English text, then the French.
struct CBSAB3Captions: Sendable {
    let english: Labels
    let french: Labels

    init(catalog: LabelCatalog) throws {
        english = try catalog.labels(checkingFor: "en")
        french = try catalog.labels(checkingFor: "fr")
    }

    /// "Transaction no. / N° de transaction"; a label that reads the same in both (e.g. "U/M") once.
    func bilingual(_ key: String, separator: String = " / ") -> String {
        let (en, fr) = (english[key], french[key])
        return en == fr ? en : en + separator + fr
    }

    func bilingualFormat(_ key: String, _ values: [String: String], separator: String = " / ") -> String {
        let (en, fr) = (english.format(key, values), french.format(key, values))
        return en == fr ? en : en + separator + fr
    }

    /// A line-item caption for the table header: number and English, French under it, as the
    /// narrow columns wrap them anyway.
    func field(_ number: Int) -> String { "\(number)  \(bilingual("b3.field.\(number)", separator: "\n"))" }
}
