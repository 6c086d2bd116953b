import Foundation

/// The structural PDF/A-3b check of `Scripts/check-pdfa.py` (pikepdf), run on a PDF's bytes.
///
/// No veraPDF can be installed here, so the rules of ISO 19005-3 that a writer of its own breaks
/// most are checked by reading the file back: XMP ↔ Info, output intent and ICC header, /ID, fonts
/// embedded with /W equal to hmtx for every glyph shown, no .notdef, annotation flags, forbidden
/// keys, header and EOF, embedded files. A missing pikepdf makes ``check(_:)`` throw, so the test
/// fails rather than skips (CI installs it in .ci/run).
///
/// ```swift
/// let report = try PDFAStructure.check(pdf)
/// #expect(report.problems == [])
/// ```
public enum PDFAStructure {
    public struct Report: Decodable, Sendable {
        public var problems: [String]
        /// Glyphs whose GID and width were compared with the embedded font: 0 means nothing was read.
        public var glyphsChecked: Int
        public var annotations: Int
        public var attachments: [Attachment]
        public var xmp: XMP
    }

    public struct Attachment: Decodable, Sendable, Equatable {
        public var name: String
        public var f: String
        public var description: String
        public var relationship: String
        public var subtype: String
        public var size: Int
        public var sha256: String
        public var modDate: String?

        public init(
            name: String, f: String, description: String, relationship: String, subtype: String, size: Int, sha256: String, modDate: String?
        ) {
            self.name = name
            self.f = f
            self.description = description
            self.relationship = relationship
            self.subtype = subtype
            self.size = size
            self.sha256 = sha256
            self.modDate = modDate
        }
    }

    public struct XMP: Decodable, Sendable {
        public var part: String?
        public var conformance: String?
        public var title: String?
        public var creator: String?
        public var description: String?
        public var keywords: String?
        public var creatorTool: String?
        public var producer: String?
        public var createDate: String?
        /// Properties outside the predefined schemas, by namespace URI + name.
        public var custom: [String: String?]?
        public var extensionSchemas: [String: ExtensionSchema]?

        enum CodingKeys: String, CodingKey {
            case part, conformance, custom, extensionSchemas
            case title = "dc:title", creator = "dc:creator", description = "dc:description", keywords = "pdf:Keywords"
            case creatorTool = "xmp:CreatorTool", producer = "pdf:Producer", createDate = "xmp:CreateDate"
        }
    }

    public struct ExtensionSchema: Decodable, Sendable {
        public var prefix: String?
        public var schema: String?
        public var properties: [String]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The repository's `Scripts/check-pdfa.py`.
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/check-pdfa.py").path

    public static func check(_ pdf: [UInt8]) throws -> Report {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("python3", [script, path])
        guard output.status == 0 else {
            throw Failure(description: "check-pdfa.py failed (status \(output.status)): \(output.standardError)")
        }
        do {
            return try JSONDecoder().decode(Report.self, from: output.standardOutputBytes)
        } catch {
            throw Failure(description: "check-pdfa.py printed no report: \(error)\n\(output.standardOutput)")
        }
    }
}
