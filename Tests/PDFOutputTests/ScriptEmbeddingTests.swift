import FolioTestSupport
import Foundation
import PageFrames
import Testing
import TextShaping
@testable import PDFOutput
@testable import Typesetting

/// The fallback fonts in PDF: embedded as subsets with a ToUnicode map, and every script sample
/// and every RGI emoji sequence extracts with pdftotext exactly as its source.
///
/// Lines are built straight from the shaped runs (one line each, no line breaking), so these
/// tests check fonts, shaping and the writer, not the line breaker.
@Suite struct ScriptEmbeddingTests {
    let registry = try! FontRegistry.bundled()

    /// One line per text, 14 pt apart, pages of 50 lines.
    func pdf(_ lines: [String], size: Double = 10) throws -> [UInt8] {
        let shaper = TextShaper(registry: registry)
        let chain = registry.fallbackChain(family: "Noto Sans")
        let writer = try PDFWriter(registry: registry, metadata: DocumentMetadata())
        for pageLines in stride(from: 0, to: lines.count, by: 50).map({ lines[$0..<min(lines.count, $0 + 50)] }) {
            var items: [FrameItem] = []
            for (row, text) in pageLines.enumerated() {
                let paragraph = shaper.shape(text, fonts: chain, size: size)
                // Runs in visual order: the samples are each of one direction.
                let runs = paragraph.baseDirection == .rightToLeft ? paragraph.runs.reversed() : paragraph.runs
                var pen = 40.0
                for run in runs {
                    var x = 0.0
                    let glyphs = run.glyphs.map { glyph in
                        defer { x += glyph.advance }
                        return PositionedGlyph(id: glyph.id, x: x + glyph.xOffset, y: glyph.yOffset, advance: glyph.advance)
                    }
                    items.append(.glyphs(GlyphRun(
                        font: run.font, size: run.size, color: .black, origin: Point(x: pen, y: 60 + 14 * Double(row)),
                        glyphs: glyphs, text: String(decoding: paragraph.utf8[run.range], as: UTF8.self),
                        clusters: ParagraphSetter.clusters(
                            of: run.glyphs[...], lower: run.range.lowerBound, upper: run.range.upperBound, rightToLeft: run.isRightToLeft),
                        clustersBackward: run.isRightToLeft)))
                    pen += x
                }
            }
            try writer.add(Page(size: .a4, items: items))
        }
        return try writer.finish()
    }

    func tool(_ name: String, _ arguments: [String], _ pdf: [UInt8]) throws -> String {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run(name, arguments + [path] + (name == "pdftotext" ? ["-"] : []))
        #expect(output.status == 0, "\(name): \(output.standardError)")
        return output.standardOutput
    }

    /// pdftotext's lines, without the U+202A…U+202E marks it puts around right-to-left text.
    func extractedLines(_ pdf: [UInt8]) throws -> [String] {
        let text = try tool("pdftotext", ["-enc", "UTF-8"], pdf)
        let marks: Set<Unicode.Scalar> = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}"]
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" }).map { line in
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: line.unicodeScalars.filter { !marks.contains($0) })
            return String(scalars).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    @Test func everyScriptSampleExtractsExactly() throws {
        let samples = ScriptSamples.all.map(\.text)
        let pdf = try pdf(samples)
        #expect(try extractedLines(pdf) == samples)
        _ = try tool("qpdf", ["--check"], pdf)
    }

    @Test func theFallbackFontsAreEmbeddedAsSubsetsWithToUnicode() throws {
        let pdf = try pdf(ScriptSamples.all.map(\.text) + ["Emoji 😀 🫠 ✅"])
        // name type encoding emb sub uni object generation
        let rows = try tool("pdffonts", [], pdf).split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let names = rows.map { String($0[0].split(separator: "+").last ?? "") }
        #expect(Set(names) == [
            "NotoSans-Regular", "NotoSansThai-Regular", "NotoSansDevanagari-Regular", "DroidSansFallback", "NotoSansArabic-Regular",
            "NotoSansHebrew-Regular", "Symbola", "UnifontUpper",
        ])
        for row in rows {
            #expect(row[0].contains("+"), "subset tag: \(row)")
            #expect(row[1...].prefix(2) == ["CID", "TrueType"], "\(row)")
            #expect(Array(row[4...6]) == ["yes", "yes", "yes"], "embedded, subset, ToUnicode: \(row)")
        }
        // The CJK subset holds the glyphs used, not the 3.4 MB font.
        #expect(pdf.count < 300_000)
    }

    @Test func everyRGIEmojiSequenceExtractsAsItsCodePoints() throws {
        let list = try ScriptSamples.rgiEmoji()
        // One sequence a line after its number: pdftotext takes evenly spaced one-character words
        // (a line of single emoji) for letter-spaced text and drops the spaces between them.
        let lines = list.enumerated().map { "\($0.offset + 1) \($0.element.text)" }
        let pdf = try pdf(lines)
        let extracted = try extractedLines(pdf)
        #expect(extracted.count == lines.count)
        var mismatches: [String] = []
        for (got, want) in zip(extracted, lines) where got != want { mismatches.append("\(want) → \(got)") }
        #expect(mismatches.isEmpty, "\(mismatches.count) lines differ: \(mismatches.prefix(3))")
        _ = try tool("qpdf", ["--check"], pdf)
    }

    @Test func aZWJSequenceOfSeveralGlyphsCarriesAllItsCodePointsInActualText() throws {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        let pdf = try pdf(["Famille \(family)"])
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("qpdf", ["--stream-data=uncompress", "--object-streams=disable", path, "-"])
        let content = String(decoding: output.standardOutputBytes, as: UTF8.self)
        // UTF-16BE of the whole sequence, joiners included.
        let hex = family.utf16.map { String(format: "%04X", $0) }.joined()
        #expect(content.contains("/ActualText<FEFF\(hex)>"))
        #expect(try extractedLines(pdf) == ["Famille \(family)"])
    }
}
