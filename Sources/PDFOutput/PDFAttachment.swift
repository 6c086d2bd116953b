/// A file embedded in the PDF (PDF/A-3 "associated file"): a file specification with `/F`, `/UF`,
/// `/Desc` and `/AFRelationship`, listed in the catalog's `/AF` and `/Names /EmbeddedFiles`, whose
/// stream carries the MIME type as `/Subtype` and the modification date and size in `/Params`.
///
/// ```swift
/// let xml = PDFAttachment(
///     fileName: "factur-x.xml", description: "Factur-X/ZUGFeRD invoice", mimeType: "text/xml",
///     relationship: .alternative, modificationDate: metadata.date, bytes: Array(xmlData))
/// ```
public struct PDFAttachment: Hashable, Sendable {
    /// How the file relates to the document (PDF 2.0 / PDF/A-3 `/AFRelationship`).
    public enum Relationship: String, Hashable, Sendable, CaseIterable {
        /// Another representation of the same content (Factur-X EN 16931 and EXTENDED).
        case alternative = "Alternative"
        /// Data the document was made from (Factur-X MINIMUM and BASIC WL use `/Data`).
        case data = "Data"
        /// The original source of the document.
        case source = "Source"
        /// Supplements the document.
        case supplement = "Supplement"
        case unspecified = "Unspecified"
    }

    /// `/F` and `/UF`, and the key in the `/EmbeddedFiles` name tree.
    public var fileName: String
    /// `/Desc`.
    public var description: String
    /// The MIME type, written as the stream's `/Subtype` (`text/xml` → `/text#2Fxml`).
    public var mimeType: String
    public var relationship: Relationship
    /// `/Params /ModDate`, seconds since 1970 UTC; pass the document's date so output stays
    /// reproducible.
    public var modificationDate: Int64
    /// The file's bytes (empty when they were given already deflated).
    public var bytes: [UInt8]
    /// The file's bytes in FlateDecode form, for a file too large to hold (see ``AttachmentBytes``).
    package var deflated: DeflatedBytes?

    /// A file's bytes as they are, or already deflated.
    package enum Content: Hashable, Sendable {
        case bytes([UInt8])
        case deflated(DeflatedBytes)
    }

    public init(
        fileName: String, description: String, mimeType: String = "text/xml", relationship: Relationship = .alternative,
        modificationDate: Int64, bytes: [UInt8]
    ) {
        self.fileName = fileName
        self.description = description
        self.mimeType = mimeType
        self.relationship = relationship
        self.modificationDate = modificationDate
        self.bytes = bytes
    }

    /// An attachment whose bytes were collected by ``AttachmentBytes``.
    package init(
        fileName: String, description: String, mimeType: String = "text/xml", relationship: Relationship = .alternative,
        modificationDate: Int64, content: Content
    ) {
        switch content {
        case .bytes(let bytes):
            self.init(fileName: fileName, description: description, mimeType: mimeType, relationship: relationship,
                      modificationDate: modificationDate, bytes: bytes)
        case .deflated(let deflated):
            self.init(fileName: fileName, description: description, mimeType: mimeType, relationship: relationship,
                      modificationDate: modificationDate, bytes: [])
            self.deflated = deflated
        }
    }

    /// The name-tree key and `/UF`: the name's bytes as a PDF text string (PDFDocEncoding-safe
    /// ASCII as it is, anything else UTF-16BE with a byte-order mark). Keys sort by these bytes.
    var keyBytes: [UInt8] {
        if fileName.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return Array(fileName.utf8) }
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in fileName.utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return bytes
    }

    /// `/F` is a file specification string, read as bytes by older readers: printable ASCII, with
    /// any other character (and the path separators) as `_`.
    var asciiFileName: [UInt8] {
        fileName.unicodeScalars.map { scalar in
            scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "/" && scalar != "\\" ? UInt8(scalar.value) : UInt8(ascii: "_")
        }
    }

    /// Writes the embedded file stream and its file specification; returns the specification's
    /// object number.
    func write(to file: PDFObjectFile) -> Int {
        let stream = file.allocate()
        func dictionary(_ pdf: inout PDFBuffer, size: Int) {
            pdf.append("/Type/EmbeddedFile/Subtype")
            pdf.appendName(mimeType)
            pdf.append("/Params<</ModDate")
            pdf.appendLiteralString(Array(PDFDate.pdf(modificationDate).utf8))
            pdf.append("/Size ")
            pdf.append(size)
            pdf.append(">>")
        }
        if let deflated {
            file.stream(stream, compressed: deflated.compressed) { dictionary(&$0, size: deflated.size) }
        } else {
            bytes.withUnsafeBytes { data in
                file.stream(stream, data: data) { dictionary(&$0, size: bytes.count) }
            }
        }
        let specification = file.allocate()
        file.object(specification) { pdf in
            pdf.append("<</Type/Filespec/F")
            pdf.appendLiteralString(asciiFileName)
            pdf.append("/UF")
            pdf.appendTextString(fileName)
            pdf.append("/Desc")
            pdf.appendTextString(description)
            pdf.append("/AFRelationship")
            pdf.appendName(relationship.rawValue)
            pdf.append("/EF<</F ")
            pdf.appendReference(stream)
            pdf.append(">>>>")
        }
        return specification
    }
}
