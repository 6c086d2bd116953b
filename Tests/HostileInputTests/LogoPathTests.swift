import Folio
import FolioTestSupport
import Foundation
import Testing

/// `theme.logo` is read from the document's folder and may not leave it — not by `..`, an absolute
/// path or a symlink — unless the caller allows a root explicitly; a broken image is the
/// document's fault. Every refusal names `$.theme.logo` and the path.
@Suite("Logo paths and broken images")
struct LogoPathTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let logo = try! Data(contentsOf: repository.appendingPathComponent("Samples/invoice-themed-logo/logo.png"))

    /// A folder holding `document.json` (an invoice with `theme.logo` = `logo`) and what `prepare` adds.
    func document(logo: String, _ prepare: (URL) throws -> Void = { _ in }) throws -> URL {
        let folder = try RenderExecutable.scratchFolder("folio-logo")
        try prepare(folder)
        let json = HostileDocuments.invoice(extraMembers: #","theme":{"logo":"\#(logo)"}"#)
        try json.write(to: folder.appendingPathComponent("document.json"))
        return folder
    }

    func render(_ folder: URL, allowing root: URL? = nil) throws -> RenderResult {
        let json = try Data(contentsOf: folder.appendingPathComponent("document.json"))
        var options = RenderOptions(baseDirectory: folder.path)
        options.templates.allowedImageRoot = root?.path
        return try FolioRenderer.renderPDF(json: json, options: options)
    }

    func expectRefusal(_ folder: URL, allowing root: URL? = nil, reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let error = try #require(throws: FolioError.self, sourceLocation: sourceLocation) { try render(folder, allowing: root) }
        #expect(error.kind == .invalidDocument, sourceLocation: sourceLocation)
        #expect(error.issues.first?.path == "$.theme.logo", sourceLocation: sourceLocation)
        #expect(error.issues.first?.reason.contains(reason) == true, "\(error)", sourceLocation: sourceLocation)
    }

    @Test func aLogoBesideTheDocumentIsDrawn() throws {
        let folder = try document(logo: "logo.png") { try Self.logo.write(to: $0.appendingPathComponent("logo.png")) }
        let result = try render(folder)
        try PDFChecks.expectValid(result.pdf, containing: ["Atelier Bleu"], name: "logo beside")
        try expectLogo(in: result.pdf)
    }

    /// The logo is in the PDF as an image of its own size, not just a page that rendered.
    func expectLogo(in pdf: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let images = try PDFChecks.images(pdf)
        #expect(images.contains { $0.width == Self.logoSize.width && $0.height == Self.logoSize.height }, "images: \(images)", sourceLocation: sourceLocation)
    }

    /// Width and height from the PNG header of the sample logo.
    static let logoSize: (width: Int, height: Int) = {
        let bytes = [UInt8](logo)
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }()

    @Test func aLogoInASubfolderIsDrawn() throws {
        let folder = try document(logo: "images/logo.png") { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
            try Self.logo.write(to: folder.appendingPathComponent("images/logo.png"))
        }
        try expectLogo(in: try render(folder).pdf)
    }

    @Test func parentSegmentsAreRefusedByTheDecoder() throws {
        try expectRefusal(try document(logo: "images/../../logo.png"), reason: #"no ".." segment, found the string "images/../../logo.png""#)
    }

    @Test func absolutePathsAreRefusedByTheDecoder() throws {
        try expectRefusal(try document(logo: "/etc/passwd"), reason: #"found the string "/etc/passwd""#)
    }

    @Test func aSymlinkLeadingOutsideIsRefused() throws {
        let outside = try RenderExecutable.scratchFolder("folio-outside")
        try Self.logo.write(to: outside.appendingPathComponent("logo.png"))
        let folder = try document(logo: "logo.png") { folder in
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("logo.png"), withDestinationURL: outside.appendingPathComponent("logo.png"))
        }
        try expectRefusal(folder, reason: #""logo.png" leads outside the folder of the JSON file"#)
    }

    @Test func aSymlinkedFolderLeadingOutsideIsRefused() throws {
        let outside = try RenderExecutable.scratchFolder("folio-outside")
        try Self.logo.write(to: outside.appendingPathComponent("logo.png"))
        let folder = try document(logo: "shared/logo.png") { folder in
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("shared"), withDestinationURL: outside)
        }
        try expectRefusal(folder, reason: #""shared/logo.png" leads outside the folder of the JSON file"#)
    }

    @Test func aSymlinkStayingInsideIsAllowed() throws {
        let folder = try document(logo: "current.png") { folder in
            try Self.logo.write(to: folder.appendingPathComponent("logo-2025.png"))
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("current.png").path, withDestinationPath: "logo-2025.png")
        }
        try expectLogo(in: try render(folder).pdf)
    }

    @Test func anExplicitlyAllowedRootLetsASymlinkOut() throws {
        let shared = try RenderExecutable.scratchFolder("folio-shared-logos")
        try Self.logo.write(to: shared.appendingPathComponent("logo.png"))
        let folder = try document(logo: "logo.png") { folder in
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("logo.png"), withDestinationURL: shared.appendingPathComponent("logo.png"))
        }
        try expectLogo(in: try render(folder, allowing: shared).pdf)
        // Another root does not.
        try expectRefusal(folder, allowing: try RenderExecutable.scratchFolder("folio-other"), reason: "leads outside the folder")
    }

    @Test func theCommandLineFlagAllowsARoot() throws {
        let shared = try RenderExecutable.scratchFolder("folio-shared-logos")
        try Self.logo.write(to: shared.appendingPathComponent("logo.png"))
        let folder = try document(logo: "logo.png") { folder in
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("logo.png"), withDestinationURL: shared.appendingPathComponent("logo.png"))
        }
        let input = folder.appendingPathComponent("document.json").path
        let refused = try RenderExecutable.run([input])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(#"document.json: $.theme.logo: "logo.png" leads outside the folder of the JSON file"#), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("document.pdf").path))
        let allowed = try RenderExecutable.run([input, "--allow-images-from", shared.path])
        #expect(allowed.status == 0, "\(allowed.standardError)")
        let written = try Data(contentsOf: folder.appendingPathComponent("document.pdf"))
        try expectLogo(in: [UInt8](written))
    }

    @Test func aTruncatedPNGIsTheDocumentsFault() throws {
        let folder = try document(logo: "logo.png") { try Self.logo.prefix(Self.logo.count / 2).write(to: $0.appendingPathComponent("logo.png")) }
        try expectRefusal(folder, reason: #""logo.png" is truncated or corrupt: decoding a PNG image failed"#)
    }

    @Test func aTruncatedJPEGIsTheDocumentsFault() throws {
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01])
        let folder = try document(logo: "logo.jpg") { try jpeg.write(to: $0.appendingPathComponent("logo.jpg")) }
        try expectRefusal(folder, reason: #""logo.jpg" is truncated or corrupt"#)
    }

    /// A 100,000 × 100,000 PNG of a few hundred bytes: refused from its header, never decoded.
    @Test func aDecompressionBombIsRefusedFromItsHeader() throws {
        let folder = try document(logo: "bomb.png") { try Self.bombPNG(width: 100_000, height: 100_000).write(to: $0.appendingPathComponent("bomb.png")) }
        try expectRefusal(folder, reason: "100000×100000 pixels is more than 50 megapixels")
    }

    @Test func aTextFileNamedPNGIsRefused() throws {
        let folder = try document(logo: "logo.png") { try Data("not an image".utf8).write(to: $0.appendingPathComponent("logo.png")) }
        try expectRefusal(folder, reason: #""logo.png" is neither a PNG nor a JPEG file"#)
    }

    /// A PNG signature and IHDR claiming `width` × `height`, then a tiny IDAT and IEND (CRCs unchecked
    /// by the header probe).
    static func bombPNG(width: UInt32, height: UInt32) -> Data {
        func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] { bigEndian(UInt32(body.count)) + Array(type.utf8) + body + [0, 0, 0, 0] }
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00]) + chunk("IEND", []))
    }
}
