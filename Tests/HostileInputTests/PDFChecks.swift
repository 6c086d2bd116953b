import FolioTestSupport
import Foundation
import Testing

/// What "a PDF that is right" means for hostile inputs: `qpdf --check` clean, every font embedded,
/// and the expected text extractable (no silent boxes instead of text).
enum PDFChecks {
    /// Checks `pdf` and returns its extracted text, folded for comparison (see ``comparable(_:)``).
    @discardableResult
    static func expectValid(_ pdf: [UInt8], containing texts: [String], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        #expect(pdf.starts(with: Array("%PDF-".utf8)), "\(name): not a PDF", sourceLocation: sourceLocation)
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try ExternalTool.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(name): qpdf --check: \(check.standardOutput)\(check.standardError)", sourceLocation: sourceLocation)
        let fonts = try ExternalTool.run("pdffonts", [path]).standardOutput.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty, "\(name): no fonts", sourceLocation: sourceLocation)
        for font in fonts {
            // Columns: name type encoding emb sub uni object ID — `emb` is fifth from the end.
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "\(name): font not embedded: \(font)", sourceLocation: sourceLocation)
        }
        let text = comparable(try ExternalTool.run("pdftotext", ["-enc", "UTF-8", path, "-"]).standardOutput)
        for expected in texts {
            #expect(text.contains(comparable(expected)), "\(name): “\(expected)” not in the extracted text", sourceLocation: sourceLocation)
        }
        return text
    }

    /// Size of every image XObject the pages draw (`pdfimages -list`; soft masks left out).
    static func images(_ pdf: [UInt8]) throws -> [(width: Int, height: Int)] {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let listing = try ExternalTool.run("pdfimages", ["-list", path]).standardOutput
        // Columns: page num type width height color comp bpc enc interp object ID …
        return listing.split(separator: "\n").dropFirst(2).compactMap { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count > 5, columns[2] == "image", let width = Int(columns[3]), let height = Int(columns[4]) else { return nil }
            return (width, height)
        }
    }

    /// Text without format characters (zero-width spaces and joiners, bidi marks and embeddings,
    /// which pdftotext passes through or adds around right-to-left runs) and with white space folded.
    static func comparable(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        return ExternalTool.foldingWhitespace(visible)
    }
}
