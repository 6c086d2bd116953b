import FolioTestSupport
import Foundation
import PageFrames
import Testing
import TextShaping
import Typesetting
@testable import Folio
import FolioTooling

/// Issue 2's end-to-end checks on the typography specimen: extractable text, embedded subset fonts,
/// a clean PDF structure, determinism, concurrency and flat memory.
@Suite(.serialized) struct SpecimenTests {
    static let pdf: [UInt8] = try! FolioRenderer.renderSpecimenPDF().pdf
    static let text: String = try! ExternalTool.pdfText(pdf)

    /// pdftotext marks right-to-left stretches with U+202B … U+202C; they are not part of the text.
    static func withoutPopplerBidiMarks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) }))
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    @Test func latinGreekAndCyrillicParagraphsExtractExactly() throws {
        let extracted = ExternalTool.foldingWhitespace(Self.text)
        for entry in Specimen.paragraphs where ["fr", "de", "el", "ru"].contains(entry.language ?? "") && entry.title != "Mixte" {
            #expect(extracted.contains(ExternalTool.foldingWhitespace(entry.text)), "paragraph \(entry.title) not extracted")
        }
        for word in ["efficace", "offre", "fichier", "différée", "€", "œ", "«", "»"] {
            #expect(extracted.contains(word), "\(word) missing")
        }
        #expect(extracted.contains("1 234,56 €"))
    }

    @Test func arabicAndHebrewWordsExtractInLogicalOrder() throws {
        let extracted = Self.withoutPopplerBidiMarks(Self.text)
        let extractedWords = Self.words(extracted)
        for entry in Specimen.paragraphs where ["ar", "he"].contains(entry.language ?? "") {
            let expected = Self.words(entry.text)
            // The words come back in reading order as one consecutive sequence.
            let found = extractedWords.indices.contains { start in
                Array(extractedWords.dropFirst(start).prefix(expected.count)) == expected
            }
            #expect(found, "words of \(entry.title) not extracted in order: \(expected)")
        }
        for word in ["الفاتورة", "مستحقة", "الدفع", "החשבונית", "לתשלום", "שלושים"] {
            #expect(extractedWords.contains(word), "\(word) missing")
        }
    }

    @Test func mixedLineKeepsEveryWord() throws {
        // Poppler rebuilds the order of a mixed line from glyph positions with its own heuristics (it
        // glues "السريع" to "facture"); every word must still be there.
        let extracted = Self.withoutPopplerBidiMarks(Self.text)
        let mixed = Specimen.paragraphs.first { $0.title == "Mixte" }!
        for word in Self.words(mixed.text) { #expect(extracted.contains(word), "\(word) missing") }
    }

    @Test func everyFontIsEmbeddedAsASubset() throws {
        let path = try ExternalTool.temporaryFile(Self.pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("pdffonts", [path]).standardOutput
        let rows = output.split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 4)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.first?.contains("+") == true, "not a subset: \(row)")
            let flags = Array(columns.suffix(5).prefix(3))
            #expect(flags == ["yes", "yes", "yes"], "not embedded/subset/unicode: \(row)")
        }
    }

    @Test func qpdfFindsNoErrors() throws {
        let path = try ExternalTool.temporaryFile(Self.pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ExternalTool.run("qpdf", ["--check", path])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test func pdfIsPDFAVersionOnePointSevenWithMetadata() throws {
        let header = String(decoding: Self.pdf.prefix(8), as: UTF8.self)
        #expect(header == "%PDF-1.7")
        #expect(try PDFAStructure.check(Self.pdf).problems == [])
        let path = try ExternalTool.temporaryFile(Self.pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let info = try ExternalTool.run("pdfinfo", [path]).standardOutput
        #expect(info.contains("Title:           Folio typography specimen"))
        #expect(info.contains("Creator:         Folio"))
        #expect(info.contains("CreationDate:    Sat Jan  1 00:00:00 2000 UTC"))
        #expect(info.contains("Pages:           1"))
    }

    @Test func twoRendersAreByteIdentical() throws {
        #expect(try FolioRenderer.renderSpecimenPDF().pdf == Self.pdf)
        #expect(try FolioRenderer.renderSpecimenPNG(dpi: 60) == FolioRenderer.renderSpecimenPNG(dpi: 60))
    }

    @Test func eightConcurrentRendersEqualTheSequentialOne() async throws {
        let expected = Self.pdf
        let expectedPNG = try FolioRenderer.renderSpecimenPNG(dpi: 40)
        try await withThrowingTaskGroup(of: ([UInt8], [UInt8]).self) { group in
            for _ in 0..<8 {
                group.addTask { (try FolioRenderer.renderSpecimenPDF().pdf, try FolioRenderer.renderSpecimenPNG(dpi: 40)) }
            }
            for try await (pdf, png) in group {
                #expect(pdf == expected)
                #expect(png == expectedPNG)
            }
        }
    }

    @Test func specimenHasNoMissingGlyphs() throws {
        #expect(try FolioRenderer.renderSpecimenPDF().warnings.isEmpty)
    }

    @Test func missingGlyphBecomesAWarningNamingTheCharacter() throws {
        let typesetter = try Typesetter.bundled()
        // Tibetan: no bundled font has it.
        let layout = typesetter.layout(Paragraph("Colis ཀ livré"), width: 300)
        try #require(layout.missingGlyphs.count == 1)
        #expect(layout.missingGlyphs[0].description.contains("U+0F40"))
        // The page still renders: the character is left out (PDF/A may not show .notdef; a plain
        // PDF draws it) and the text layer keeps it.
        let page = Page(size: .a4, items: layout.frames(at: Point(x: 50, y: 50)))
        let pdf = try FolioRenderer.renderPDF(pages: [page], metadata: DocumentMetadata(), registry: typesetter.registry)
        #expect(try ExternalTool.pdfText(pdf).contains("Colis ཀ livré"))
    }

    /// Under AddressSanitizer, freed memory waits in a quarantine (256 MB by default) before it is
    /// reused, so resident memory grows with what the renders free, not with what they keep (alone,
    /// this test saw 37 MB there): the sanitizer's count of live heap bytes is measured instead.
    @Test func memoryStaysFlatOverAThousandRenders() throws {
        typealias AllocatedBytes = @convention(c) () -> Int
        let sanitizerCount = dlsym(nil, "__sanitizer_get_current_allocated_bytes").map { unsafeBitCast($0, to: AllocatedBytes.self) }
        func memoryInUse() -> Int { sanitizerCount?() ?? residentMemoryBytes() }
        let typesetter = try Typesetter.bundled()
        let page = Specimen.page(typesetter: typesetter).page
        func renderOnce() throws { _ = try FolioRenderer.renderPDF(pages: [page], metadata: DocumentMetadata(), registry: typesetter.registry) }
        for _ in 0..<50 { try renderOnce() }
        let warm = memoryInUse()
        for _ in 0..<950 { try renderOnce() }
        let growth = memoryInUse() - warm
        #expect(growth < 16 << 20, "memory in use grew by \(growth >> 20) MiB over 950 renders")
    }
}
