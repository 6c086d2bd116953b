import FolioTestSupport
import Foundation
import PageFrames
import Testing
import TextShaping
import Typesetting
@testable import PDFOutput

/// Folio's own PDF writer: text that extracts as its source, fonts, graphics states, images,
/// outline, streaming, failures.
@Suite struct PDFWriterTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    func page(_ text: String, size: Double = 11) throws -> Page {
        let layout = try BlockLayouter(typesetter: typesetter).layout(.text(text, style: TextStyle(size: size)), width: 480)
        return Page(size: .a4, items: layout.frames(at: Point(x: 50, y: 60)))
    }

    func pdf(_ pages: [Page], metadata: DocumentMetadata = DocumentMetadata()) throws -> [UInt8] {
        let writer = try PDFWriter(registry: typesetter.registry, metadata: metadata)
        for page in pages { try writer.add(page) }
        return try writer.finish()
    }

    /// `pdftotext` of `pdf` with runs of white space folded (it prints U+00A0 and U+202F as spaces).
    func extractedText(_ pdf: [UInt8]) throws -> String {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", path, "-"])
        #expect(output.status == 0, "\(output.standardError)")
        return output.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The file with every stream decompressed (qpdf), as text, to look at content and CMaps.
    func uncompressed(_ pdf: [UInt8]) throws -> String {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("qpdf", ["--stream-data=uncompress", "--object-streams=disable", path, "-"])
        #expect(output.status == 0, "\(output.standardError)")
        return String(decoding: output.standardOutputBytes, as: UTF8.self)
    }

    func qpdfCheck(_ pdf: [UInt8]) throws {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("qpdf", ["--check", path])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
    }

    @Test func textExtractsAsItsSourceLigaturesIncluded() throws {
        let source = "Affiche efficace : « Œuvre de Noël », 1\u{202F}234,56\u{A0}€ — fjord, ﬁn."
        let pdf = try pdf([page(source)])
        try qpdfCheck(pdf)
        let text = try extractedText(pdf)
        #expect(text == "Affiche efficace : « Œuvre de Noël », 1 234,56 € — fjord, ﬁn.")
        // The ligatures really are single glyphs: the ffi of "efficace" is one code, mapped to three letters.
        #expect(try uncompressed(pdf).contains("<006600660069>"))
    }

    @Test func oneGlyphStandingForDifferentTextsGetsACodeForEach() throws {
        let program = try FontProgram(path: typesetter.registry.face(family: "Noto Sans").path)
        var font = EmbeddedFont(program: program, resourceName: "F1", objectNumber: 3)
        func cid(_ glyph: UInt32, _ text: String) -> UInt16 {
            Array(text.utf8).withUnsafeBufferPointer { font.cid(glyph: glyph, text: $0) }
        }
        let space = cid(3, " ")
        let noBreak = cid(3, "\u{A0}")
        let long = cid(3, "a long text of many bytes")
        #expect(Set([space, noBreak, long]).count == 3)
        #expect(cid(3, " ") == space)
        #expect(cid(3, "\u{A0}") == noBreak)
        #expect(cid(3, "a long text of many bytes") == long)
        #expect(cid(4, " ") != space)
        #expect(font.widths.count == 5)
    }

    @Test func codesRunningOutNeverCrash() throws {
        let program = try FontProgram(path: typesetter.registry.face(family: "Noto Sans").path)
        var font = EmbeddedFont(program: program, resourceName: "F1", objectNumber: 3)
        // 70,000 different characters drawn as .notdef: more pairs than two-byte codes can hold.
        var last: UInt16 = 0
        for scalar in 0x4E00..<(0x4E00 + 70_000) {
            let text = Array(String(UnicodeScalar(scalar) ?? "?").utf8)
            last = text.withUnsafeBufferPointer { font.cid(glyph: 0, text: $0) }
        }
        #expect(last == 1, "past the last code a glyph reuses its first one: drawn right, extracted as its first text")
        #expect(font.widths.count == 0xFFFF)
        let space = Array(" ".utf8).withUnsafeBufferPointer { font.cid(glyph: 3, text: $0) }
        #expect(space == 0)
    }

    @Test func spacesAndNoBreakSpacesMapToTheirOwnCharacters() throws {
        let text = try uncompressed(pdf([page("1 234\u{A0}€ 5\u{202F}678")]))
        #expect(text.contains("<0020>"))
        #expect(text.contains("<00A0>"))
        #expect(text.contains("<202F>"))
    }

    @Test func aClusterOfSeveralGlyphsExtractsThroughActualText() throws {
        let face = try typesetter.registry.face(family: "Noto Sans")
        // "é" drawn as a base letter and a combining accent: one cluster, two glyphs.
        let run = GlyphRun(
            font: face.id, size: 20, color: .black, origin: Point(x: 40, y: 80),
            glyphs: [PositionedGlyph(id: 72, x: 0, y: 0, advance: 11), PositionedGlyph(id: 600, x: 2, y: -1, advance: 0)],
            text: "é", clusters: [TextCluster(byteCount: 2, glyphCount: 2)], clustersBackward: false)
        let pdf = try pdf([Page(size: .a4, items: [.glyphs(run)])])
        try qpdfCheck(pdf)
        #expect(try uncompressed(pdf).contains("/ActualText<FEFF00E9>"))
        #expect(try extractedText(pdf) == "é")
    }

    @Test func translucentColoursUseGraphicsStates() throws {
        let items: [FrameItem] = [
            .rectangle(FilledRectangle(rect: Rect(x: 10, y: 10, width: 100, height: 50), fill: Color(red: 1, green: 0, blue: 0, alpha: 0.5))),
            .rule(Rule(from: Point(x: 10, y: 80), to: Point(x: 200, y: 80), thickness: 2, color: Color(red: 0, green: 0, blue: 0, alpha: 0.25), dash: [3, 2])),
            .rectangle(FilledRectangle(rect: Rect(x: 10, y: 100, width: 100, height: 50), fill: .black)),
        ]
        let pdf = try pdf([Page(size: .a4, items: items)])
        try qpdfCheck(pdf)
        let text = try uncompressed(pdf)
        #expect(text.contains("/ca 0.5"))
        #expect(text.contains("/CA 0.25"))
        #expect(text.contains("/ca 1"), "opaque fill after a translucent one restores the alpha")
        #expect(text.contains("[3 2]0 d"))
    }

    @Test func aPNGWithAlphaGetsASoftMaskAndIsStoredOnce() throws {
        let png = TinyPNG.rgba(width: 2, height: 2, pixels: [255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255])
        let image = PlacedImage(rect: Rect(x: 20, y: 20, width: 40, height: 40), format: .png, data: png, pixelWidth: 2, pixelHeight: 2)
        let page = Page(size: .a4, items: [.image(image)])
        let pdf = try pdf([page, page])
        try qpdfCheck(pdf)
        let text = try uncompressed(pdf)
        #expect(text.components(separatedBy: "/Subtype /Image").count - 1 == 2, "one image and its mask, for both pages")
        #expect(text.contains("/SMask"))
    }

    @Test func aCorruptPNGIsADecodingError() throws {
        let image = PlacedImage(rect: Rect(x: 0, y: 0, width: 10, height: 10), format: .png, data: Array(TinyPNG.rgba(width: 1, height: 1, pixels: [0, 0, 0, 255]).prefix(40)), pixelWidth: 1, pixelHeight: 1)
        #expect {
            try pdf([Page(size: .a4, items: [.image(image)])])
        } throws: { error in
            (error as? PDFOutputError)?.operation == "decoding a PNG image"
        }
    }

    @Test func outlineNestsByLevelAndLinksAreAnnotations() throws {
        var first = try page("Section one")
        first.outline = [OutlineEntry(title: "Invoice", level: 1, y: 0), OutlineEntry(title: "Détail", level: 2, y: 300)]
        first.items.append(.link(Link(rect: Rect(x: 50, y: 100, width: 120, height: 12), uri: "https://example.org/a(b)")))
        var second = try page("Section two")
        second.outline = [OutlineEntry(title: "Totals", level: 2, y: 100), OutlineEntry(title: "Notes", level: 1, y: 500)]
        let pdf = try pdf([first, second])
        try qpdfCheck(pdf)
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = try ExternalTool.run("qpdf", ["--json", "--json-key=outlines", path]).standardOutputBytes
        let outlines = try #require((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["outlines"] as? [[String: Any]])
        #expect(outlines.map { $0["title"] as? String } == ["Invoice", "Notes"])
        let kids = try #require(outlines.first?["kids"] as? [[String: Any]])
        #expect(kids.map { $0["title"] as? String } == ["Détail", "Totals"])
        let text = try uncompressed(pdf)
        #expect(text.contains("/URI (https://example.org/a\\(b\\))"))
        #expect(text.contains("/Rect [ 50 729.89 170 741.89 ]"))
    }

    @Test func streamingToAFileWritesTheSameBytesAsMemory() throws {
        let pages = try (0..<80).map { number in
            try page((0..<150).map { "\(number * 7919 + $0 * 104_729 % 99_991)" }.joined(separator: " "))
        }
        let inMemory = try pdf(pages, metadata: DocumentMetadata(title: "Streamed", date: 1_700_000_000))
        let path = NSTemporaryDirectory() + "folio-stream-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Streamed", date: 1_700_000_000), fileDescriptor: descriptor)
        for page in pages { try writer.add(page) }
        #expect(try writer.finish().isEmpty)
        close(descriptor)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(inMemory))
        #expect(inMemory.count > 1 << 16, "large enough to be written in several chunks")
    }

    @Test func aFailingOutputIsAnErrorNamingTheCause() throws {
        let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(), fileDescriptor: -1)
        try writer.add(page("x"))
        #expect {
            try writer.finish()
        } throws: { error in
            guard let error = error as? PDFOutputError else { return false }
            return error.operation == "writing the PDF" && error.reason.contains("Bad file descriptor")
        }
    }

    @Test func linkTargetsAreWrittenAsASCII() {
        #expect(String(decoding: PDFWriter.asciiURI("https://example.org/suivi?ville=Orléans&n=1 2"), as: UTF8.self)
            == "https://example.org/suivi?ville=Orl%C3%A9ans&n=1%202")
    }

    @Test func infoDatesAreUTCAndReproducible() throws {
        #expect(PDFWriter.pdfDate(0) == "D:19700101000000Z")
        #expect(PDFWriter.pdfDate(946_684_800) == "D:20000101000000Z")
        #expect(PDFWriter.pdfDate(1_709_210_096) == "D:20240229123456Z")
        #expect(PDFWriter.pdfDate(-1) == "D:19691231235959Z")
        let pages = [try page("Même contenu")]
        #expect(try pdf(pages) == pdf(pages))
    }
}
