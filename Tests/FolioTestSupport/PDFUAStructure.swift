import Foundation

/// The structural PDF/UA-1 check of `Scripts/check-pdfua.py` (pikepdf), run on a PDF's bytes.
///
/// No veraPDF here: the file is read back and its tagging checked — every marked-content sequence
/// reachable from the structure tree and the ParentTree consistent with the MCIDs of each page,
/// all text tagged or a pagination artifact, alt text on figures, /Scope on header cells, /Lang,
/// DisplayDocTitle, /MarkInfo, pdfuaid, /Tabs /S and OBJRs for annotations. A missing pikepdf
/// makes ``check(_:)`` throw, so the test fails rather than skips.
///
/// ```swift
/// let report = try PDFUAStructure.check(pdf)
/// #expect(report.problems == [])
/// ```
public enum PDFUAStructure {
    public struct Report: Decodable, Sendable {
        public var problems: [String]
        /// Elements by structure type.
        public var roles: [String: Int]
        public var markedContent: Int
        public var elements: Int
        /// The /Alt of every figure.
        public var figures: [String]
        /// The text of every heading, in tree order.
        public var headings: [String]
        public var lang: String
        /// Text inside artifacts, by artifact type ("Pagination/Footer").
        public var artifactText: [String: String]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The repository's `Scripts/check-pdfua.py`.
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/check-pdfua.py").path

    public static func check(_ pdf: [UInt8]) throws -> Report {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("python3", [script, path])
        guard output.status == 0 else {
            throw Failure(description: "check-pdfua.py failed (status \(output.status)): \(output.standardError)")
        }
        do {
            return try JSONDecoder().decode(Report.self, from: output.standardOutputBytes)
        } catch {
            throw Failure(description: "check-pdfua.py printed no report: \(error)\n\(output.standardOutput)")
        }
    }

    /// `pdfinfo -struct-text`: the structure tree with the text of each element (poppler).
    public static func structureText(_ pdf: [UInt8]) throws -> String {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Poppler builds a LittleCMS transform from the PDF/A output intent's ICC profile again and
        // again while it extracts each element's text: 6.6 s for a two-page invoice, 0.5 s without
        // it, the same text. The output intent says nothing about structure, so it is removed from
        // this copy first.
        let strip = "import sys, pikepdf\npdf = pikepdf.open(sys.argv[1], allow_overwriting_input=True)\n"
            + "if '/OutputIntents' in pdf.Root: del pdf.Root.OutputIntents\npdf.save(sys.argv[1])"
        let stripped = try ExternalTool.run("python3", ["-c", strip, path])
        guard stripped.status == 0 else { throw Failure(description: "removing the output intent failed (pip install pikepdf): \(stripped.standardError)") }
        let output = try ExternalTool.run("pdfinfo", ["-struct-text", path])
        guard output.status == 0 else { throw Failure(description: "pdfinfo -struct-text failed: \(output.standardError)") }
        return output.standardOutput
    }
}
