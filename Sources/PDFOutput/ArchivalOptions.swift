/// The archival standard a PDF is written to.
public enum PDFStandard: String, Hashable, Sendable, CaseIterable {
    /// A plain PDF 1.5 file: no XMP, no output intent (the writer's output before PDF/A).
    case none
    /// PDF/A-3b (ISO 19005-3, conformance B): XMP metadata equal to the Info dictionary, an sRGB
    /// output intent, PDF 1.7 header, printable link annotations, no `.notdef` in text, no
    /// DeviceCMYK; embedded files allowed (what Factur-X / ZUGFeRD needs).
    case pdfA3b = "pdf-a-3b"
}

/// What goes into a PDF besides its pages for archiving and e-invoicing: the standard, embedded
/// files, and the Factur-X XMP description of an embedded invoice.
///
/// ```swift
/// let xml = PDFAttachment(
///     fileName: "factur-x.xml", description: "Factur-X invoice", relationship: .alternative,
///     modificationDate: metadata.date, bytes: Array(xmlData))
/// let archival = ArchivalOptions(standard: .pdfA3b, attachments: [xml], facturX: .en16931)
/// let writer = try PDFWriter(registry: registry, metadata: metadata, archival: archival)
/// ```
public struct ArchivalOptions: Hashable, Sendable {
    public var standard: PDFStandard
    /// Embedded files, listed in `/Names /EmbeddedFiles` and the catalog's `/AF`, in this order.
    /// File names must differ.
    public var attachments: [PDFAttachment]
    /// When set, the XMP packet carries the Factur-X extension schema and its `fx:` properties.
    /// Written whatever ``standard`` is (the XMP packet then has no `pdfaid` part), though a
    /// Factur-X file is only valid as PDF/A-3.
    public var facturX: FacturXMetadata?
    /// Tagged PDF (PDF/UA-1): marked content, the structure tree from the frames' structure
    /// markers, /Lang, /MarkInfo, DisplayDocTitle, tab order, `pdfuaid:part 1` in the XMP. Off
    /// gives the smallest file; the markers are then ignored.
    public var tagged: Bool

    public init(standard: PDFStandard = .pdfA3b, attachments: [PDFAttachment] = [], facturX: FacturXMetadata? = nil, tagged: Bool = true) {
        self.tagged = tagged
        self.standard = standard
        self.attachments = attachments
        self.facturX = facturX
    }

    /// PDF/A-3b with nothing attached: the writer's default.
    public static let pdfA3b = ArchivalOptions(standard: .pdfA3b)
    /// A plain PDF: no XMP, no output intent, no tags.
    public static let none = ArchivalOptions(standard: .none, tagged: false)
}

/// The Factur-X / ZUGFeRD XMP properties (`fx:` namespace
/// `urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#`) describing the embedded invoice.
///
/// ```swift
/// let facturX = FacturXMetadata.en16931            // INVOICE, factur-x.xml, 1.0, EN 16931
/// var basic = FacturXMetadata(conformanceLevel: "BASIC")
/// ```
public struct FacturXMetadata: Hashable, Sendable {
    /// `fx:DocumentType`: INVOICE (also for credit notes; the XML's type code tells them apart).
    public var documentType: String
    /// `fx:DocumentFileName`: the embedded file's name, `factur-x.xml`.
    public var documentFileName: String
    /// `fx:Version` of the Factur-X XMP schema: 1.0.
    public var version: String
    /// `fx:ConformanceLevel`: MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED.
    public var conformanceLevel: String

    public init(
        documentType: String = "INVOICE", documentFileName: String = "factur-x.xml", version: String = "1.0",
        conformanceLevel: String = "EN 16931"
    ) {
        self.documentType = documentType
        self.documentFileName = documentFileName
        self.version = version
        self.conformanceLevel = conformanceLevel
    }

    /// Profile EN 16931 (Factur-X "EN 16931", ZUGFeRD "COMFORT").
    public static let en16931 = FacturXMetadata()
}
