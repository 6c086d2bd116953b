import Foundation
import PageFrames
import TextShaping

/// Writes pages to a PDF as they come, so memory does not grow with the page count.
///
/// Folio's own PDF writer: fonts embedded as TrueType subsets (Type 0, Identity-H) whose every
/// code extracts as the text it was shaped from, streams compressed with libdeflate, images
/// embedded once per document, links, outline and an Info dictionary with explicit dates — the same
/// pages give the same bytes.
///
/// ```swift
/// let writer = try PDFWriter(registry: registry, metadata: DocumentMetadata(title: "Invoice 42"))
/// try writer.add(page)
/// let pdf: [UInt8] = try writer.finish()
/// ```
public final class PDFWriter {
    private let file: PDFObjectFile
    private let registry: FontRegistry
    private let metadata: DocumentMetadata
    private let catalog: Int
    private let pageTree: Int
    private var pages: [Int] = []
    /// Index into `embeddedFonts` by font ID (-1: not used yet).
    private var fontIndex: [Int] = []
    private var embeddedFonts: [EmbeddedFont] = []
    private var images: [ImageKey: (name: [UInt8], object: Int, data: [UInt8])] = [:]
    private var alphaStates: [AlphaKey: (name: [UInt8], object: Int)] = [:]
    private var outline: [(entry: OutlineEntry, page: Int, height: Double)] = []
    private var finished = false

    private struct ImageKey: Hashable {
        var hash: UInt64
        var count: Int
    }

    private struct AlphaKey: Hashable {
        var alpha: Double
        var stroking: Bool
    }

    /// Writes into memory; ``finish()`` returns the bytes.
    public convenience init(registry: FontRegistry, metadata: DocumentMetadata) throws(PDFOutputError) {
        try self.init(registry: registry, metadata: metadata, target: .memory)
    }

    /// Streams into an open file descriptor (not closed by the writer).
    public convenience init(registry: FontRegistry, metadata: DocumentMetadata, fileDescriptor: Int32) throws(PDFOutputError) {
        try self.init(registry: registry, metadata: metadata, target: .fileDescriptor(fileDescriptor))
    }

    private init(registry: FontRegistry, metadata: DocumentMetadata, target: PDFObjectFile.Target) throws(PDFOutputError) {
        self.registry = registry
        self.metadata = metadata
        file = try PDFObjectFile(target: target)
        catalog = file.allocate()
        pageTree = file.allocate()
    }

    public var pagesWritten: Int { pages.count }

    /// Draws `page` and emits it.
    public func add(_ page: Page) throws(PDFOutputError) {
        precondition(!finished, "page added after finish()")
        var content = PageContent(height: page.size.height)
        var links: [Link] = []
        let alphaState = { (alpha: Double, stroking: Bool) in self.alphaState(alpha, stroking: stroking) }
        for item in page.items {
            switch item {
            case .glyphs(let run):
                guard !run.glyphs.isEmpty else { continue }
                let index = try font(run.font)
                content.draw(run, font: &embeddedFonts[index], alphaState: alphaState)
            case .rule(let rule):
                content.draw(rule, alphaState: alphaState)
            case .rectangle(let rectangle):
                content.draw(rectangle, alphaState: alphaState)
            case .image(let image):
                let object = try imageObject(image)
                content.drawImage(named: object.name, object: object.object, in: image.rect)
            case .link(let link):
                links.append(link)
            case .structure:
                break
            }
        }
        content.finish()

        let contents = file.allocate()
        content.stream.bytes.withUnsafeBytes { file.stream(contents, data: $0) }
        let annotations = links.map { link in writeLink(link, pageHeight: page.size.height) }
        let pageObject = file.allocate()
        file.object(pageObject) { pdf in
            pdf.append("<</Type/Page/Parent ")
            pdf.appendReference(pageTree)
            pdf.append("/MediaBox[0 0 ")
            pdf.append(page.size.width)
            pdf.append(UInt8(ascii: " "))
            pdf.append(page.size.height)
            pdf.append("]/Resources")
            content.resources.write(to: &pdf)
            pdf.append("/Contents ")
            pdf.appendReference(contents)
            if !annotations.isEmpty {
                pdf.append("/Annots[")
                for (index, annotation) in annotations.enumerated() {
                    if index > 0 { pdf.append(UInt8(ascii: " ")) }
                    pdf.appendReference(annotation)
                }
                pdf.append("]")
            }
            pdf.append(">>")
        }
        pages.append(pageObject)
        for entry in page.outline { outline.append((entry, pageObject, page.size.height)) }
        try file.flushIfLarge()
    }

    /// Finishes the PDF (fonts, page tree, outline, Info, cross-reference table) and returns the
    /// bytes written to memory (empty when streaming to a file descriptor).
    @discardableResult
    public func finish() throws(PDFOutputError) -> [UInt8] {
        precondition(!finished, "finish() called twice")
        finished = true
        for font in embeddedFonts { font.write(to: file) }
        file.object(pageTree) { pdf in
            pdf.append("<</Type/Pages/Kids[")
            for (index, page) in pages.enumerated() {
                if index > 0 { pdf.append(UInt8(ascii: " ")) }
                pdf.appendReference(page)
            }
            pdf.append("]/Count ")
            pdf.append(pages.count)
            pdf.append(">>")
        }
        let outlineRoot = OutlineTree(outline.map { ($0.entry, $0.page, $0.height) }).write(to: file)
        file.object(catalog) { pdf in
            pdf.append("<</Type/Catalog/Pages ")
            pdf.appendReference(pageTree)
            if let outlineRoot {
                pdf.append("/Outlines ")
                pdf.appendReference(outlineRoot)
                pdf.append("/PageMode/UseOutlines")
            }
            pdf.append(">>")
        }
        let info = file.allocate()
        file.object(info) { pdf in writeInfo(&pdf) }
        return try file.finish(catalog: catalog, info: info)
    }

    /// The index of `id`'s ``EmbeddedFont``, set up on first use.
    private func font(_ id: FontID) throws(PDFOutputError) -> Int {
        if id.rawValue >= 0, id.rawValue < fontIndex.count, fontIndex[id.rawValue] >= 0 { return fontIndex[id.rawValue] }
        guard id.rawValue >= 0, id.rawValue < registry.faces.count else {
            throw PDFOutputError(operation: "embedding \(id)", reason: "the font registry has no such font")
        }
        let program = try FontProgramCache.shared.program(path: registry.face(for: id).path)
        embeddedFonts.append(EmbeddedFont(program: program, resourceName: "F\(embeddedFonts.count + 1)", objectNumber: file.allocate()))
        if fontIndex.count <= id.rawValue { fontIndex += [Int](repeating: -1, count: id.rawValue + 1 - fontIndex.count) }
        fontIndex[id.rawValue] = embeddedFonts.count - 1
        return embeddedFonts.count - 1
    }

    /// The image's XObject, written the first time its bytes are seen: a logo on every page is
    /// stored once.
    private func imageObject(_ image: PlacedImage) throws(PDFOutputError) -> (name: [UInt8], object: Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in image.data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let key = ImageKey(hash: hash, count: image.data.count)
        if let known = images[key], known.data == image.data { return (known.name, known.object) }
        let object = file.allocate()
        try ImageXObject.write(image, as: object, to: file)
        let name = Array("Im\(images.count + 1)".utf8)
        images[key] = (name, object, image.data)
        return (name, object)
    }

    private func alphaState(_ alpha: Double, stroking: Bool) -> (name: [UInt8], object: Int) {
        let key = AlphaKey(alpha: alpha, stroking: stroking)
        if let known = alphaStates[key] { return known }
        let object = file.allocate()
        file.object(object) { pdf in
            pdf.append(stroking ? "<</Type/ExtGState/CA " : "<</Type/ExtGState/ca ")
            pdf.append(min(1, max(0, alpha)))
            pdf.append(">>")
        }
        let state = (Array("GS\(alphaStates.count + 1)".utf8), object)
        alphaStates[key] = state
        return state
    }

    private func writeLink(_ link: Link, pageHeight: Double) -> Int {
        let object = file.allocate()
        file.object(object) { pdf in
            pdf.append("<</Type/Annot/Subtype/Link/Rect[")
            pdf.append(link.rect.minX)
            pdf.append(UInt8(ascii: " "))
            pdf.append(pageHeight - link.rect.maxY)
            pdf.append(UInt8(ascii: " "))
            pdf.append(link.rect.maxX)
            pdf.append(UInt8(ascii: " "))
            pdf.append(pageHeight - link.rect.minY)
            pdf.append("]/Border[0 0 0]/A<</Type/Action/S/URI/URI")
            pdf.appendLiteralString(Self.asciiURI(link.uri))
            pdf.append(">>>>")
        }
        return object
    }

    private func writeInfo(_ pdf: inout PDFBuffer) {
        pdf.append("<<")
        let date = Self.pdfDate(metadata.date)
        let entries: [(StaticString, String?)] = [
            ("/Title", metadata.title), ("/Author", metadata.author), ("/Subject", metadata.subject),
            ("/Keywords", metadata.keywords.isEmpty ? nil : metadata.keywords.joined(separator: ", ")),
            ("/Creator", metadata.creator), ("/Producer", "Folio"), ("/CreationDate", date), ("/ModDate", date),
        ]
        for case let (key, value?) in entries {
            pdf.append(key)
            pdf.appendTextString(value)
        }
        pdf.append(">>")
    }

    /// A URI action holds 7-bit ASCII: other bytes (an IRI's UTF-8, controls, spaces) are
    /// percent-encoded, as a browser would send them.
    static func asciiURI(_ uri: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in uri.utf8 {
            if byte > 0x20, byte < 0x7F {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(PDFBuffer.hexDigits[Int(byte >> 4)])
                bytes.append(PDFBuffer.hexDigits[Int(byte & 0xF)])
            }
        }
        return bytes
    }

    /// A PDF date in UTC: `D:20240131120000Z`.
    static func pdfDate(_ seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func digits(_ value: Int32, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return "D:" + digits(parts.tm_year + 1900, 4) + digits(parts.tm_mon + 1, 2) + digits(parts.tm_mday, 2)
            + digits(parts.tm_hour, 2) + digits(parts.tm_min, 2) + digits(parts.tm_sec, 2) + "Z"
    }
}
