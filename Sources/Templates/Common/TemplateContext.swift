import DocumentModel
import Foundation
import PageFrames
import TextShaping
import Typesetting

/// Everything a template needs besides the document: labels, formatters, type styles and colours.
struct TemplateContext: Sendable {
    let labels: Labels
    let locale: FormattingLocale
    let money: MoneyFormatter
    let dates: CalendarDateFormatter
    let percent: PercentFormatter
    let weights: WeightFormatter
    let decimals: DecimalFormatter
    let typesetter: Typesetter
    let options: TemplateOptions
    let family: String
    let accent: Color
    /// The document's locale as a BCP 47 tag (`fr-FR`): the tagged PDF's /Lang.
    let languageTag: String

    static let defaultAccent = Color(red: 0.12, green: 0.31, blue: 0.47)
    static let ink = Color(gray: 0.1)
    static let muted = Color(gray: 0.38)
    static let hairline = Color(gray: 0.78)

    init(locale identifier: String, theme: Theme?, typesetter: Typesetter, options: TemplateOptions) throws {
        self.labels = try LabelCatalog.bundled().labels(checkingFor: identifier)
        self.languageTag = Labels.replacing("_", with: "-", in: identifier)
        self.locale = FormattingLocale.bestMatch(for: identifier)
        self.money = MoneyFormatter(locale: locale)
        self.dates = CalendarDateFormatter(locale: locale)
        self.percent = PercentFormatter(locale: locale)
        self.weights = WeightFormatter(locale: locale)
        self.decimals = DecimalFormatter(locale: locale)
        self.typesetter = typesetter
        self.options = options
        do { try theme?.checkFontFamily(bundled: Set(typesetter.registry.familyNames)) } catch {
            throw TemplateError(path: "$.theme.fontFamily", reason: error.issues.first?.reason ?? "not a bundled font family")
        }
        self.family = theme?.fontFamily ?? "Noto Sans"
        if let hex = theme?.accentColor {
            guard let color = Color(hex: hex) else { throw TemplateError(path: "$.theme.accentColor", reason: "expected a colour such as \"#1F4E79\"") }
            self.accent = color
        } else {
            self.accent = Self.defaultAccent
        }
    }

    // MARK: type styles

    func text(_ size: Double = 8.5, bold: Bool = false, color: Color = TemplateContext.ink, tabular: Bool = false) -> TextStyle {
        TextStyle(family: family, style: bold ? .bold : .regular, size: size, color: color, features: tabular ? ["tnum"] : [], language: labels.language)
    }

    var mono: TextStyle { TextStyle(family: "Noto Sans Mono", size: 7.5, color: TemplateContext.ink) }

    /// A light tint of the accent colour for fills.
    var accentTint: Color {
        Color(red: 1 - (1 - accent.red) * 0.12, green: 1 - (1 - accent.green) * 0.12, blue: 1 - (1 - accent.blue) * 0.12)
    }

    var decimalAlignment: CellAlignment { .decimal(Character(locale.decimalSeparator)) }

    // MARK: blocks

    func paragraph(_ text: String, _ style: TextStyle, alignment: TextAlignment = .left) -> Block {
        .paragraph(Paragraph(text, style: style, paragraph: ParagraphStyle(alignment: alignment, direction: .auto)), lines: LineKeeping())
    }

    func heading(_ text: String) -> Block {
        .keepWithNext(.stack([
            .tagged(.heading2, paragraph(text, self.text(10.5, bold: true, color: accent))),
            .spacer(2),
        ]))
    }

    /// A label/value line: "Label   value", the value right-aligned.
    func factRow(_ label: String, _ value: String, bold: Bool = false, size: Double = 8.5) -> Block {
        .columns([
            Column(.fraction(1), paragraph(label, text(size, color: TemplateContext.muted))),
            Column(.auto, paragraph(value, text(size, bold: bold, tabular: true), alignment: .right)),
        ], gap: 8)
    }

    func metadata(from pdf: PDFMetadata?, fallbackTitle: String) -> DocumentMetadata {
        let date = pdf?.creationDate?.secondsSince1970 ?? options.fallbackCreationDate ?? Self.sourceDateEpoch ?? DocumentMetadata.fixedEpoch
        return DocumentMetadata(
            title: pdf?.title ?? fallbackTitle, author: pdf?.author, subject: pdf?.subject, keywords: pdf?.keywords ?? [],
            creator: "Folio", date: date, language: languageTag)
    }

    static var sourceDateEpoch: Int64? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) }
    }

    /// Page size by locale: US Letter for the United States and Canada, A4 elsewhere.
    static func pageSize(locale: String) -> Size {
        let region = locale.split(separator: "-").dropFirst().first.map { $0.uppercased() }
        return region == "US" || region == "CA" ? .usLetter : .a4
    }
}
