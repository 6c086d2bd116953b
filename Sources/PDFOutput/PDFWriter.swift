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
/// By default the file is PDF/A-3b (``ArchivalOptions``): XMP metadata equal to the Info
/// dictionary, an sRGB output intent, and any embedded files (a Factur-X invoice) as associated
/// files.
///
/// ```swift
/// let writer = try PDFWriter(registry: registry, metadata: DocumentMetadata(title: "Invoice 42"))
/// try writer.add(page)
/// let pdf: [UInt8] = try writer.finish()
///
/// let plain = try PDFWriter(registry: registry, metadata: metadata, archival: .none)
/// ```
public final class PDFWriter {
    private let file: PDFObjectFile
    private let registry: FontRegistry
    private let metadata: DocumentMetadata
    private let archival: ArchivalOptions
    private let catalog: Int
    private let pageTree: Int
    private var pages: [Int] = []
    /// Index into `embeddedFonts` by font ID (-1: not used yet).
    private var fontIndex: [Int] = []
    private var embeddedFonts: [EmbeddedFont] = []
    private var images: [ImageKey: (name: [UInt8], object: Int, data: [UInt8])] = [:]
    private var alphaStates: [AlphaKey: (name: [UInt8], object: Int)] = [:]
    private var outline: [(entry: OutlineEntry, page: Int, height: Double)] = []
    /// The structure tree when ``ArchivalOptions/tagged``.
    private var structure: StructureTree?
    private var finished = false
    /// Form XObjects that pages draw and ``fillDeferred(_:with:)`` has yet to write, by key.
    private var deferredForms: [Int: (object: Int, size: Size)] = [:]

    private struct ImageKey: Hashable {
        var hash: UInt64
        var count: Int
    }

    private struct AlphaKey: Hashable {
        var alpha: Double
        var stroking: Bool
    }

    /// Writes into memory; ``finish()`` returns the bytes. Throws when two attachments share a
    /// file name.
    public convenience init(registry: FontRegistry, metadata: DocumentMetadata, archival: ArchivalOptions = .pdfA3b) throws(PDFOutputError) {
        try self.init(registry: registry, metadata: metadata, archival: archival, target: .memory)
    }

    /// Streams into an open file descriptor (not closed by the writer).
    public convenience init(
        registry: FontRegistry, metadata: DocumentMetadata, archival: ArchivalOptions = .pdfA3b, fileDescriptor: Int32
    ) throws(PDFOutputError) {
        try self.init(registry: registry, metadata: metadata, archival: archival, target: .fileDescriptor(fileDescriptor))
    }

    private init(registry: FontRegistry, metadata: DocumentMetadata, archival: ArchivalOptions, target: PDFObjectFile.Target) throws(PDFOutputError) {
        var names = Set<[UInt8]>()
        for attachment in archival.attachments where !names.insert(attachment.keyBytes).inserted {
            throw PDFOutputError(operation: "embedding \(attachment.fileName)", reason: "another attachment has the same file name")
        }
        self.registry = registry
        self.metadata = metadata
        self.archival = archival
        file = try PDFObjectFile(target: target, version: archival.standard == .pdfA3b ? 7 : 5)
        catalog = file.allocate()
        pageTree = file.allocate()
        structure = archival.tagged ? StructureTree(file: file) : nil
    }

    private var isPDFA: Bool { archival.standard == .pdfA3b }

    public var pagesWritten: Int { pages.count }

    /// Draws `page` and emits it.
    public func add(_ page: Page) throws(PDFOutputError) {
        precondition(!finished, "page added after finish()")
        // PDF/A forbids showing .notdef (ISO 19005-3 §6.2.11.8): a character no font has is left
        // out of the text, its advance kept as a gap; the render reports it as a warning.
        var content = PageContent(height: page.size.height, omitsNotdef: isPDFA)
        var links: [(link: Link, owner: Int?)] = []
        var marking = structure.map { _ in PageMarking() }
        // The tree is moved out while the page is drawn: a local value is updated in place,
        // without an access check on the property at every marker.
        var tree = structure ?? StructureTree.empty
        structure = nil
        defer { if marking != nil { structure = tree } }
        let alphaState = { (alpha: Double, stroking: Bool) in self.alphaState(alpha, stroking: stroking) }
        for item in page.items {
            switch item {
            case .glyphs, .rule, .rectangle, .image:
                try draw(item, in: &content, marking: &marking, alphaState: alphaState)
            case .link(let link):
                links.append((link, marking?.currentElement))
            case .structure(let marker):
                marking?.apply(marker, tree: &tree)
            case .deferred(let deferred):
                guard deferredForms[deferred.key] == nil else {
                    throw PDFOutputError(operation: "drawing deferred content \(deferred.key)", reason: "two places draw the same deferred content")
                }
                let object = file.allocate()
                deferredForms[deferred.key] = (object, page.size)
                marking?.mark(.image, in: &content)
                content.drawForm(named: Array("Fm\(deferred.key)".utf8), object: object, pageHeight: page.size.height, alphaState: alphaState)
            }
        }
        marking?.close(in: &content)
        content.finish()

        let contents = file.allocate()
        content.stream.bytes.withUnsafeBytes { file.stream(contents, data: $0) }
        let pageObject = file.allocate()
        let structParents = marking.map { tree.addPage(object: pageObject, owners: $0.owners) }
        let annotations = links.map { link, owner in
            let object = file.allocate()
            let key = structParents.flatMap { pageKey in owner.map { tree.addAnnotation(object: object, owner: $0, pageKey: pageKey) } }
            writeLink(link, as: object, structParent: key, pageHeight: page.size.height)
            return object
        }
        file.object(pageObject) { pdf in
            pdf.append("<</Type/Page/Parent ")
            pdf.appendReference(pageTree)
            pdf.append("/MediaBox")
            Self.appendBox(page.size, resources: content.resources, to: &pdf)
            pdf.append("/Contents ")
            pdf.appendReference(contents)
            if let structParents {
                pdf.append("/StructParents ")
                pdf.append(structParents)
            }
            if !annotations.isEmpty {
                pdf.append("/Annots[")
                for (index, annotation) in annotations.enumerated() {
                    if index > 0 { pdf.append(UInt8(ascii: " ")) }
                    pdf.appendReference(annotation)
                }
                pdf.append("]")
                // PDF/UA: annotations are visited in structure order.
                if structParents != nil { pdf.append("/Tabs/S") }
            }
            pdf.append(">>")
        }
        pages.append(pageObject)
        for entry in page.outline { outline.append((entry, pageObject, page.size.height)) }
        try file.flushIfLarge()
    }

    /// Writes the content that a page drew as ``FrameItem/deferred(_:)``: a form XObject in the
    /// page's coordinates, drawn where the item stood (inside the item's marked-content sequence,
    /// so structure markers among `items` are not followed; links are not kept).
    ///
    /// ```swift
    /// try writer.add(page)  // its footer: .deferred(DeferredContent(key: 3))
    /// try writer.fillDeferred(DeferredContent(key: 3), with: footerFrames)
    /// ```
    public func fillDeferred(_ deferred: DeferredContent, with items: [FrameItem]) throws(PDFOutputError) {
        precondition(!finished, "deferred content filled after finish()")
        guard let form = deferredForms.removeValue(forKey: deferred.key) else {
            throw PDFOutputError(operation: "filling deferred content \(deferred.key)", reason: "no page drew it, or it was filled already")
        }
        var content = PageContent(height: form.size.height, omitsNotdef: isPDFA)
        var unmarked: PageMarking?
        let alphaState = { (alpha: Double, stroking: Bool) in self.alphaState(alpha, stroking: stroking) }
        for item in items {
            switch item {
            case .glyphs, .rule, .rectangle, .image:
                try draw(item, in: &content, marking: &unmarked, alphaState: alphaState)
            case .link, .structure:
                continue
            case .deferred(let inner):
                throw PDFOutputError(operation: "filling deferred content \(deferred.key)", reason: "it holds deferred content \(inner.key) in turn")
            }
        }
        content.finish()
        content.stream.bytes.withUnsafeBytes { bytes in
            file.stream(form.object, data: bytes) { pdf in
                pdf.append("/Type/XObject/Subtype/Form/BBox")
                Self.appendBox(form.size, resources: content.resources, to: &pdf)
            }
        }
        try file.flushIfLarge()
    }

    /// Finishes the PDF (fonts, page tree, outline, Info, cross-reference table) and returns the
    /// bytes written to memory (empty when streaming to a file descriptor).
    @discardableResult
    public func finish() throws(PDFOutputError) -> [UInt8] {
        precondition(!finished, "finish() called twice")
        if let unfilled = deferredForms.keys.min() {
            throw PDFOutputError(operation: "finishing the PDF", reason: "deferred content \(unfilled) was drawn but never filled")
        }
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
        let entries = InfoEntries(metadata, cleaned: isPDFA)
        var metadataStream: Int?
        if isPDFA || archival.facturX != nil || structure != nil {
            let xmp = XMPPacket(info: entries, standard: archival.standard, facturX: archival.facturX, universalAccessibility: structure != nil).bytes
            let object = file.allocate()
            // Uncompressed, so that tools that do not parse PDF can still find the packet.
            xmp.withUnsafeBytes { bytes in
                file.stream(object, data: bytes, compress: false) { pdf in pdf.append("/Type/Metadata/Subtype/XML") }
            }
            metadataStream = object
        }
        let outputIntent = isPDFA ? SRGBProfile.writeOutputIntent(to: file) : nil
        try file.flushIfLarge()
        let structTreeRoot = structure?.write(to: file)
        try file.flushIfLarge()
        let attachments = archival.attachments.map { (key: $0.keyBytes, name: $0.fileName, object: $0.write(to: file)) }
        // A long document's parts written at the end (elements, an e-invoice) go out before the
        // cross-reference stream is built, not all at once after it.
        try file.flushIfLarge()
        file.object(catalog) { pdf in
            pdf.append("<</Type/Catalog/Pages ")
            pdf.appendReference(pageTree)
            if let outlineRoot {
                pdf.append("/Outlines ")
                pdf.appendReference(outlineRoot)
                pdf.append("/PageMode/UseOutlines")
            }
            if let structTreeRoot {
                pdf.append("/StructTreeRoot ")
                pdf.appendReference(structTreeRoot)
                pdf.append("/MarkInfo<</Marked true>>/ViewerPreferences<</DisplayDocTitle true>>")
                if let language = metadata.language {
                    pdf.append("/Lang")
                    pdf.appendTextString(language)
                }
            }
            if let metadataStream {
                pdf.append("/Metadata ")
                pdf.appendReference(metadataStream)
            }
            if let outputIntent {
                pdf.append("/OutputIntents[")
                pdf.appendReference(outputIntent)
                pdf.append("]")
            }
            if !attachments.isEmpty {
                // A name tree's keys are sorted by their bytes; one leaf holds them all.
                pdf.append("/Names<</EmbeddedFiles<</Names[")
                for (index, attachment) in attachments.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }).enumerated() {
                    if index > 0 { pdf.append(UInt8(ascii: " ")) }
                    pdf.appendTextString(attachment.name)
                    pdf.append(UInt8(ascii: " "))
                    pdf.appendReference(attachment.object)
                }
                pdf.append("]>>>>/AF[")
                for (index, attachment) in attachments.enumerated() {
                    if index > 0 { pdf.append(UInt8(ascii: " ")) }
                    pdf.appendReference(attachment.object)
                }
                pdf.append("]")
            }
            pdf.append(">>")
        }
        let info = file.allocate()
        file.object(info) { pdf in writeInfo(entries, to: &pdf) }
        return try file.finish(catalog: catalog, info: info)
    }

    /// `[0 0 width height]/Resources<<…>>`: a page's media box or a form's bounding box, then what
    /// its content refers to.
    private static func appendBox(_ size: Size, resources: PageResources, to pdf: inout PDFBuffer) {
        pdf.append("[0 0 ")
        pdf.append(size.width)
        pdf.append(UInt8(ascii: " "))
        pdf.append(size.height)
        pdf.append("]/Resources")
        resources.write(to: &pdf)
    }

    /// Draws a glyph run, rule, rectangle or image, in the marked-content sequence `marking` opens
    /// for it (none without structure); other items draw nothing here.
    private func draw(
        _ item: FrameItem, in content: inout PageContent, marking: inout PageMarking?,
        alphaState: (Double, Bool) -> (name: [UInt8], object: Int)
    ) throws(PDFOutputError) {
        switch item {
        case .glyphs(let run):
            guard !run.glyphs.isEmpty else { return }
            let index = try font(run.font)
            marking?.mark(.text, in: &content)
            content.draw(run, font: &embeddedFonts[index], alphaState: alphaState)
        case .rule(let rule):
            marking?.mark(.decoration, in: &content)
            content.draw(rule, alphaState: alphaState)
        case .rectangle(let rectangle):
            marking?.mark(.decoration, in: &content)
            content.draw(rectangle, alphaState: alphaState)
        case .image(let image):
            let object = try imageObject(image)
            marking?.mark(.image, in: &content)
            content.drawImage(named: object.name, object: object.object, in: image.rect)
        case .link, .structure, .deferred:
            return
        }
    }

    /// The index of `id`'s ``EmbeddedFont``, set up on first use.
    private func font(_ id: FontID) throws(PDFOutputError) -> Int {
        if id.rawValue >= 0, id.rawValue < fontIndex.count, fontIndex[id.rawValue] >= 0 { return fontIndex[id.rawValue] }
        guard id.rawValue >= 0, id.rawValue < registry.count else {
            throw PDFOutputError(operation: "embedding \(id)", reason: "the font registry has no such font")
        }
        let program = try FontProgramCache.shared.program(path: registry.path(of: id))
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
        try ImageXObject.write(image, as: object, to: file, allowsCMYK: !isPDFA)
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

    private func writeLink(_ link: Link, as object: Int, structParent: Int?, pageHeight: Double) {
        file.object(object) { pdf in
            pdf.append("<</Type/Annot/Subtype/Link/Rect[")
            pdf.append(link.rect.minX)
            pdf.append(UInt8(ascii: " "))
            pdf.append(pageHeight - link.rect.maxY)
            pdf.append(UInt8(ascii: " "))
            pdf.append(link.rect.maxX)
            pdf.append(UInt8(ascii: " "))
            pdf.append(pageHeight - link.rect.minY)
            // /F 4: Print (PDF/A wants every annotation printable, none hidden).
            pdf.append("]/F 4/Border[0 0 0]/A<</Type/Action/S/URI/URI")
            pdf.appendLiteralString(Self.asciiURI(link.uri))
            pdf.append(">>")
            if let structParent {
                // PDF/UA wants a description of every annotation; a link's is where it goes.
                pdf.append("/Contents")
                pdf.appendTextString(link.uri)
                pdf.append("/StructParent ")
                pdf.append(structParent)
            }
            pdf.append(">>")
        }
    }

    /// The Info dictionary; in PDF/A the same `entries` go into the XMP packet, and dates carry an
    /// explicit offset.
    private func writeInfo(_ info: InfoEntries, to pdf: inout PDFBuffer) {
        pdf.append("<<")
        let date = isPDFA ? PDFDate.pdf(info.date) : PDFDate.pdfUTC(info.date)
        let entries: [(StaticString, String?)] = [
            ("/Title", info.title), ("/Author", info.author), ("/Subject", info.subject), ("/Keywords", info.keywords),
            ("/Creator", info.creator), ("/Producer", info.producer), ("/CreationDate", date), ("/ModDate", date),
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
    static func pdfDate(_ seconds: Int64) -> String { PDFDate.pdfUTC(seconds) }
}
