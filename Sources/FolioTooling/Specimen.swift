import Folio
import CairoOutput
import PageFrames
import TextShaping
import Typesetting

/// The typography specimen: one A4 page that exercises shaping, fallback, bidi, ligatures, figures
/// and both line breakers. `render samples` writes it to `Samples/specimen/`.
public enum Specimen {
    /// Every paragraph of the specimen, as set, for tests that check text extraction.
    public static let paragraphs: [(title: String, text: String, language: String?)] = [
        ("Français", "L’œuvre « Cœur de Loire » coûte 1 234,56 € ; le fichier est efficace et l’offre différée s’achève à Noël — où êtes-vous ?", "fr"),
        ("Deutsch", "Größere Sendungen über 31,5 kg werden gegen Aufpreis zugestellt; Öffnungszeiten: Mo.–Fr.", "de"),
        ("Ελληνικά", "Η τιμολόγηση γίνεται μηνιαίως· ο λογαριασμός σας είναι ενεργός.", "el"),
        ("Русский", "Счёт-фактура выставляется ежемесячно; оплата в течение 30 дней.", "ru"),
        ("العربية", "الفاتورة مستحقة الدفع خلال ثلاثين يوما من تاريخ الإصدار.", "ar"),
        ("עברית", "החשבונית לתשלום תוך שלושים יום מתאריך ההנפקה.", "he"),
        ("Mixte", "Client : شركة النقل السريع — facture n° 2025-0412, total 1 234,56 € (الرقم 42).", "fr"),
    ]

    static let justifiedText =
        "Le transporteur facture chaque expédition selon le service choisi, la zone de destination et le poids taxable, "
        + "c’est-à-dire le plus élevé du poids réel et du poids volumétrique. Les suppléments carburant, zone étendue et "
        + "livraison résidentielle s’ajoutent au tarif publié, diminué des remises négociées de votre contrat. Toute "
        + "réclamation doit être adressée dans les quinze jours suivant la date de facture, accompagnée du numéro de suivi."

    /// The specimen page; `replacements` (original → replacement) alter its strings, for tests.
    public static func page(typesetter: Typesetter, replacements: [String: String] = [:]) -> (page: Page, missing: [MissingGlyph]) {
        let size = Size.a4
        let margin = millimetres(18)
        let width = size.width - 2 * margin
        var items: [FrameItem] = []
        var missing: [MissingGlyph] = []
        var y = margin
        let accent = Color(red: 0.12, green: 0.31, blue: 0.47)

        var elements = 0
        // Each paragraph is an element of its own (the title a heading) for tagged PDF readers.
        func place(_ paragraph: Paragraph, x: Double = margin, width: Double = width, spaceAfter: Double = 6, role: StructureRole = .paragraph) -> Double {
            var paragraph = paragraph
            for index in paragraph.spans.indices {
                if let replacement = replacements[paragraph.spans[index].text] { paragraph.spans[index].text = replacement }
            }
            let layout = typesetter.layout(paragraph, width: width)
            elements += 1
            items.append(.structure(.begin(StructureElement(role, key: elements))))
            items += layout.frames(at: Point(x: x, y: y))
            items.append(.structure(.end))
            missing += layout.missingGlyphs
            return layout.height + spaceAfter
        }

        y += place(Paragraph("Folio — specimen typographique", style: TextStyle(style: .bold, size: 20, color: accent)), spaceAfter: 2, role: .heading1)
        y += place(Paragraph("Noto Sans · HarfBuzz · FriBidi · ICU · Knuth–Plass · Cairo", style: TextStyle(size: 9, color: Color(gray: 0.35))), spaceAfter: 10)
        items.append(.rule(Rule(from: Point(x: margin, y: y - 5), to: Point(x: margin + width, y: y - 5), thickness: 0.6, color: accent)))

        let labelWidth = 70.0
        for entry in paragraphs {
            let label = Paragraph(entry.title, style: TextStyle(style: .bold, size: 9, color: accent), paragraph: ParagraphStyle(alignment: .left))
            _ = place(label, width: labelWidth, spaceAfter: 0)
            let body = Paragraph(entry.text, style: TextStyle(size: 10.5, language: entry.language), paragraph: ParagraphStyle(alignment: .start))
            y += place(body, x: margin + labelWidth, width: width - labelWidth, spaceAfter: 7)
        }

        y += 6
        let columnGap = 18.0
        let columnWidth = (width - columnGap) / 2
        let heading = TextStyle(style: .bold, size: 9, color: accent)
        _ = place(Paragraph("Knuth–Plass, justifié", style: heading), width: columnWidth, spaceAfter: 0)
        y += place(Paragraph("Premier ajustement (glouton), justifié", style: heading), x: margin + columnWidth + columnGap, width: columnWidth, spaceAfter: 3)
        let body = TextStyle(size: 9.5, language: "fr")
        let left = place(Paragraph(justifiedText, style: body, paragraph: ParagraphStyle(alignment: .justified, breaking: .totalFit)), width: columnWidth)
        let right = place(Paragraph(justifiedText, style: body, paragraph: ParagraphStyle(alignment: .justified, breaking: .greedy)), x: margin + columnWidth + columnGap, width: columnWidth)
        y += max(left, right) + 8

        y += place(Paragraph("Ligatures : efficace, offre, fichier, différée, affluence", style: TextStyle(size: 12)))
        y += place(Paragraph("Chiffres tabulaires et proportionnels", style: heading), spaceAfter: 3)
        let amounts = ["1 111,11 €", "88 808,00 €", "4 417,19 €"]
        for amount in amounts {
            _ = place(Paragraph(amount, style: TextStyle(size: 11, features: ["tnum"]), paragraph: ParagraphStyle(alignment: .right)), width: 110, spaceAfter: 0)
            y += place(Paragraph(amount, style: TextStyle(size: 11), paragraph: ParagraphStyle(alignment: .right)), x: margin + 140, width: 110, spaceAfter: 2)
        }
        y += place(Paragraph("tnum (gauche) : chaque chiffre a la même chasse ; proportionnels (droite) : le 1 est plus étroit.", style: TextStyle(size: 8, color: Color(gray: 0.35))))
        return (Page(size: size, items: items), missing)
    }
}

/// The specimen with one string replaced: lets the visual regression tests prove that a single
/// changed digit is caught.
public enum SpecimenVariant {
    public static func png(replacing original: String, with replacement: String, dpi: Double) throws -> [UInt8] {
        let typesetter = try Typesetter.bundled()
        let page = Specimen.page(typesetter: typesetter, replacements: [original: replacement]).page
        return try PNGRenderer(registry: typesetter.registry, dpi: dpi).render(page)
    }
}
