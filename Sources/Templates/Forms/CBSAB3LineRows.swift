import DocumentModel
import PageFrames
import Typesetting

/// Where fields 21–42 sit in a B3 line: the line number down the left, then three bands as on the
/// printed form — the goods (22–26), classification and rates (27–35), values (36–42).
///
/// Header and rows are built from the same slots, so captions stand exactly over their values. A
/// line is one table row: it never splits across sheets, and a long description makes it taller.
enum CBSAB3LineSlots {
    struct Slot: Sendable {
        let field: Int
        let width: ColumnWidth
        let alignment: TextAlignment
        init(_ field: Int, _ width: ColumnWidth, _ alignment: TextAlignment = .left) {
            self.field = field
            self.width = width
            self.alignment = alignment
        }
    }

    static let lineNumber = Slot(21, .fixed(24))
    static let gap = 4.0
    static let bands: [[Slot]] = [
        [Slot(22, .fraction(1)), Slot(23, .fixed(56), .right), Slot(24, .fixed(84)), Slot(25, .fixed(46)), Slot(26, .fixed(84))],
        [Slot(27, .fixed(66)), Slot(28, .fixed(44)), Slot(29, .fixed(50), .right), Slot(30, .fixed(30)), Slot(31, .fixed(38)),
         Slot(32, .fixed(38)), Slot(33, .fixed(70), .right), Slot(34, .fixed(52), .right), Slot(35, .fraction(1), .right)],
        (36...42).map { Slot($0, .fraction(1), .right) },
    ]

    /// The line number column beside the three bands, each slot filled by `content`.
    static func block(spacing: Double, _ content: (Slot) -> Block) -> Block {
        .columns([
            Column(lineNumber.width, content(lineNumber)),
            Column(.fraction(1), .stack(bands.map { band in .columns(band.map { Column($0.width, content($0)) }, gap: gap) }, spacing: spacing)),
        ], gap: gap)
    }
}

/// The B3 line table: a header of bilingual captions (repeated on continuation sheets) and one
/// row per line, made on demand.
struct CBSAB3LineRows: Sendable {
    let lines: [CBSAB3Line]
    /// Per-line figures in line order, as ``B3Computation/lines``.
    let computed: [B3LineComputation]
    let context: TemplateContext

    func table(captions: CBSAB3Captions) -> Table {
        let captionStyle = TextStyle(family: CBSAB3Template.captionFamily, size: 5.5, color: Color(gray: 0.2))
        let header = CBSAB3LineSlots.block(spacing: 2) { slot in
            .paragraph(Paragraph(captions.field(slot.field), style: captionStyle, paragraph: ParagraphStyle(alignment: slot.alignment)), lines: .none)
        }
        return Table(
            columns: [TableColumn(.fraction(1))], header: [TableRow([TableCell(header)])],
            rows: TableRows(count: lines.count) { row(at: $0) },
            style: TableStyle(cellPadding: EdgeInsets(vertical: 2.5, horizontal: 2.5), headerBackground: Color(gray: 0.92), zebra: nil,
                              rowRule: Color(gray: 0.55)))
    }

    func row(at index: Int) -> TableRow {
        let values = self.values(of: lines[index], computed: computed[index])
        let style = TextStyle(family: context.family, size: 7.5, features: ["tnum"])
        return TableRow([TableCell(CBSAB3LineSlots.block(spacing: 1.5) { slot in
            guard let text = values[slot.field], !text.isEmpty else { return .spacer(0) }
            return .paragraph(Paragraph(text, style: style, paragraph: ParagraphStyle(alignment: slot.alignment)), lines: .none)
        })])
    }

    /// Fields 21–42 of one line as printed; 37–42 from the computation, never recomputed here.
    func values(of line: CBSAB3Line, computed: B3LineComputation) -> [Int: String] {
        let amount = context.money.amountString
        return [
            21: String(line.lineNumber),
            22: line.description,
            23: context.decimals.string(line.weightKg),
            24: line.previousTransactionNumber ?? "",
            25: line.previousTransactionLine.map(String.init) ?? "",
            26: line.specialAuthority ?? "",
            27: Self.formatClassification(line.classificationNumber),
            28: line.tariffCode ?? "",
            29: context.decimals.string(line.quantity),
            30: line.unitOfMeasure,
            31: line.vfdCode,
            32: line.simaCode ?? "",
            33: context.percent.string(line.dutyRate),
            34: line.exciseTaxRate.map { context.percent.string($0) } ?? "",
            35: context.percent.string(line.gstRate),
            36: amount(line.valueForCurrencyConversion),
            37: amount(computed.valueForDuty),
            38: amount(computed.customsDuties),
            39: amount(computed.simaAssessment),
            40: amount(computed.exciseTax),
            41: amount(computed.valueForTax),
            42: amount(computed.gst),
        ]
    }

    /// `8215990000` → `8215.99.00.00`, the way the Customs Tariff writes a tariff item.
    static func formatClassification(_ number: String) -> String {
        let digits = Array(number.filter(\.isNumber))
        guard digits.count == 10 else { return number }
        return [digits[0..<4], digits[4..<6], digits[6..<8], digits[8..<10]].map { String($0) }.joined(separator: ".")
    }
}
