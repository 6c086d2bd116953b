import PageFrames
import Testing
import TextShaping
@testable import Typesetting

@Suite struct ParagraphLayoutTests {
    let typesetter = try! Typesetter.bundled()
    let mono = TextStyle(family: "Noto Sans Mono", size: 10)
    var monoAdvance: Double { typesetter.measure("a", style: mono) }

    func lineTexts(_ layout: ParagraphLayout) -> [String] {
        layout.lines.map { $0.runs.map(\.text).joined() }
    }

    /// The memo of set paragraphs tells canonically equivalent texts apart: "é" as one scalar and
    /// as "e" + U+0301 are equal `String`s, yet each must come out with its own code units.
    @Test func canonicallyEquivalentTextsAreSetEachAsTyped() {
        let composed = "Expédition \u{E9}"
        let decomposed = "Expe\u{301}dition e\u{301}"
        #expect(composed == decomposed, "the premise: Swift compares them as equal")
        let first = typesetter.layout(Paragraph(composed), width: 300)
        let second = typesetter.layout(Paragraph(decomposed), width: 300)
        #expect(Array(lineTexts(first).joined().utf8) == Array(composed.utf8))
        #expect(Array(lineTexts(second).joined().utf8) == Array(decomposed.utf8))
    }

    @Test func totalFitBalancesLinesWhereFirstFitDoesNot() {
        // Six characters per line. First fit takes "aaa bb" and strands "cc"; total fit sees the
        // whole paragraph and sets "aaa" / "bb cc", whose squared slack (9 + 1) beats (0 + 16).
        let width = 6 * monoAdvance + 0.01
        let text = "aaa bb cc ddddd"
        let greedy = typesetter.layout(Paragraph(text, style: mono, paragraph: ParagraphStyle(alignment: .left, breaking: .greedy)), width: width)
        let totalFit = typesetter.layout(Paragraph(text, style: mono, paragraph: ParagraphStyle(alignment: .left, breaking: .totalFit)), width: width)
        #expect(lineTexts(greedy) == ["aaa bb", "cc", "ddddd"])
        #expect(lineTexts(totalFit) == ["aaa", "bb cc", "ddddd"])
    }

    @Test func totalFitJustifiedHasSmallerWorstGapOnRealText() {
        let text = "Le transporteur facture chaque expédition selon le service choisi, la zone de destination et le poids taxable, c’est-à-dire le plus élevé du poids réel et du poids volumétrique. Toute réclamation doit être adressée dans les quinze jours."
        let style = TextStyle(size: 9.5)
        func worstSlack(_ breaking: LineBreaking) -> Double {
            // Slack of each line set ragged with the same breaks shows how much justification must stretch.
            let justified = typesetter.layout(Paragraph(text, style: style, paragraph: ParagraphStyle(alignment: .justified, breaking: breaking)), width: 220)
            let natural = justified.lines.dropLast().map { line in
                typesetter.measure(line.runs.map(\.text).joined(), style: style)
            }
            return natural.map { 220 - $0 }.max() ?? 0
        }
        #expect(worstSlack(.totalFit) < worstSlack(.greedy))
    }

    @Test func justifiedLinesFillTheWidthExceptTheLast() {
        let text = String(repeating: "Facturation mensuelle des envois express. ", count: 6)
        let layout = typesetter.layout(Paragraph(text, paragraph: ParagraphStyle(alignment: .justified)), width: 200)
        #expect(layout.lines.count > 2)
        for line in layout.lines.dropLast() { #expect(abs(line.width - 200) < 0.01) }
        #expect(layout.lines.last!.width < 200)
    }

    @Test func alignmentPlacesLines() {
        func firstRunX(_ alignment: TextAlignment, _ text: String = "Total") -> Double {
            typesetter.layout(Paragraph(text, paragraph: ParagraphStyle(alignment: alignment)), width: 200).lines[0].runs[0].origin.x
        }
        let width = typesetter.measure("Total", style: TextStyle())
        #expect(firstRunX(.left) == 0)
        #expect(abs(firstRunX(.right) - (200 - width)) < 1e-9)
        #expect(abs(firstRunX(.center) - (200 - width) / 2) < 1e-9)
        #expect(abs(firstRunX(.start, "שלום") - (200 - typesetter.measure("שלום", style: TextStyle()))) < 1e-9)
        #expect(firstRunX(.end, "שלום") == 0)
    }

    @Test func firstLineIndentShiftsOnlyTheFirstLine() {
        let text = String(repeating: "mot ", count: 40)
        let layout = typesetter.layout(Paragraph(text, paragraph: ParagraphStyle(alignment: .left, firstLineIndent: 20)), width: 150)
        #expect(layout.lines[0].runs[0].origin.x == 20)
        #expect(layout.lines[1].runs[0].origin.x == 0)
    }

    @Test func newlineForcesABreak() {
        let layout = typesetter.layout(Paragraph("Ligne un\nLigne deux"), width: 500)
        #expect(lineTexts(layout) == ["Ligne un", "Ligne deux"])
    }

    @Test func wordWiderThanTheLineIsCutNotClipped() {
        let tracking = "1ZW4X27Y65631706691ZW4X27Y6563170669"
        let layout = typesetter.layout(Paragraph(tracking), width: 60)
        #expect(layout.lines.count > 1)
        #expect(lineTexts(layout).joined() == tracking)
        for line in layout.lines { #expect(line.width <= 60 + 1e-9) }
    }

    @Test func lineHeightFollowsLineSpacing() {
        let layout = typesetter.layout(Paragraph("a\nb\nc", style: TextStyle(size: 10, lineSpacing: 1.5)), width: 100)
        #expect(layout.lines.map(\.top) == [0, 15, 30])
        #expect(layout.height == 45)
    }

    @Test func emptyParagraphKeepsOneLineOfHeight() {
        let layout = typesetter.layout(Paragraph("", style: TextStyle(size: 10)), width: 100)
        #expect(layout.lines.count == 1)
        #expect(layout.height == 12)
    }

    @Test func rightToLeftLineIsReorderedForDisplay() {
        // In a left-to-right line the Arabic words appear right to left, after "Client : ".
        let layout = typesetter.layout(Paragraph("Client : شركة النقل"), width: 500)
        let runs = layout.lines[0].runs
        #expect(runs.first?.text == "Client : ")
        #expect(runs.last?.clustersBackward == true)
        #expect(runs.last?.text == "شركة النقل")
    }

    @Test func clusterMapCoversTheRunText() {
        let layout = typesetter.layout(Paragraph("efficace شركة"), width: 500)
        for run in layout.lines.flatMap(\.runs) {
            #expect(run.clusters.reduce(0) { $0 + Int($1.byteCount) } == run.text.utf8.count)
            #expect(run.clusters.reduce(0) { $0 + Int($1.glyphCount) } == run.glyphs.count)
        }
    }

    @Test func spansKeepTheirStyles() {
        let red = Color(red: 1, green: 0, blue: 0)
        let paragraph = Paragraph(spans: [TextSpan("Montant : ", style: TextStyle()), TextSpan("12,00 €", style: TextStyle(style: .bold, color: red))])
        let runs = typesetter.layout(paragraph, width: 300).lines[0].runs
        #expect(runs.count == 2)
        #expect(runs[1].color == red)
        #expect(typesetter.registry.face(for: runs[1].font).style.weight == 700)
    }
}
