import PageFrames

/// The XMP metadata packet of a PDF/A file: the same title, author, subject, keywords, creator tool,
/// producer and dates as the Info dictionary (ISO 19005-3 §6.6.2.3.1 wants each Info entry's XMP
/// equivalent equal to it), the `pdfaid` identification, and, for e-invoices, the Factur-X
/// extension schema with its `fx:` properties.
///
/// The packet header has no `bytes=` or `encoding=` attributes (forbidden by PDF/A), and no random
/// identifiers are added (`xmpMM:DocumentID` is optional), so the same input gives the same bytes.
///
/// ```swift
/// let xmp = XMPPacket(info: info, standard: .pdfA3b, facturX: .en16931).bytes
/// ```
struct XMPPacket {
    /// The entries shared with the Info dictionary, already cleaned by ``InfoEntries``.
    var info: InfoEntries
    var standard: PDFStandard
    var facturX: FacturXMetadata?
    /// Adds `pdfuaid:part 1` (PDF/UA-1) and, since that schema is not one PDF/A predefines, its
    /// extension schema description.
    var universalAccessibility = false

    var bytes: [UInt8] {
        var xml = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        xml += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        if standard == .pdfA3b {
            xml += description("pdfaid", "http://www.aiim.org/pdfa/ns/id/", "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
        }
        var schemas: [String] = []
        if universalAccessibility, standard == .pdfA3b { schemas.append(Self.universalAccessibilityExtensionSchema) }
        if facturX != nil { schemas.append(Self.facturXExtensionSchema) }
        if !schemas.isEmpty { xml += Self.extensionSchemas(schemas) }
        if universalAccessibility {
            xml += description("pdfuaid", Self.universalAccessibilityNamespace, "<pdfuaid:part>1</pdfuaid:part>\n")
        }
        var dublinCore = "<dc:format>application/pdf</dc:format>\n"
        if let title = info.title {
            dublinCore += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escaped(title))</rdf:li></rdf:Alt></dc:title>\n"
        }
        if let author = info.author {
            // Info /Author is one string; its XMP equivalent is a one-entry sequence.
            dublinCore += "<dc:creator><rdf:Seq><rdf:li>\(Self.escaped(author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        if let subject = info.subject {
            dublinCore += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escaped(subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        xml += description("dc", "http://purl.org/dc/elements/1.1/", dublinCore)
        let date = PDFDate.xmp(info.date)
        var basic = ""
        if let creator = info.creator { basic += "<xmp:CreatorTool>\(Self.escaped(creator))</xmp:CreatorTool>\n" }
        basic += "<xmp:CreateDate>\(date)</xmp:CreateDate>\n<xmp:ModifyDate>\(date)</xmp:ModifyDate>\n<xmp:MetadataDate>\(date)</xmp:MetadataDate>\n"
        xml += description("xmp", "http://ns.adobe.com/xap/1.0/", basic)
        var pdf = "<pdf:Producer>\(Self.escaped(info.producer))</pdf:Producer>\n"
        if let keywords = info.keywords { pdf += "<pdf:Keywords>\(Self.escaped(keywords))</pdf:Keywords>\n" }
        xml += description("pdf", "http://ns.adobe.com/pdf/1.3/", pdf)
        if let facturX {
            // Child elements, not attributes: some receivers read only this form.
            xml += description(
                "fx", Self.facturXNamespace,
                "<fx:DocumentType>\(Self.escaped(facturX.documentType))</fx:DocumentType>\n"
                    + "<fx:DocumentFileName>\(Self.escaped(facturX.documentFileName))</fx:DocumentFileName>\n"
                    + "<fx:Version>\(Self.escaped(facturX.version))</fx:Version>\n"
                    + "<fx:ConformanceLevel>\(Self.escaped(facturX.conformanceLevel))</fx:ConformanceLevel>\n")
        }
        xml += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(xml.utf8)
    }

    static let universalAccessibilityNamespace = "http://www.aiim.org/pdfua/ns/id/"

    /// The description ISO 14289-1 gives for `pdfuaid:part`, needed in PDF/A (ISO 19005-3
    /// §6.6.2.3.3) because `pdfuaid` is not among PDF/A's predefined schemas.
    private static let universalAccessibilityExtensionSchema: String =
        "<rdf:li rdf:parseType=\"Resource\">\n"
        + "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
        + "<pdfaSchema:namespaceURI>\(universalAccessibilityNamespace)</pdfaSchema:namespaceURI>\n"
        + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n<pdfaSchema:property>\n<rdf:Seq>\n"
        + "<rdf:li rdf:parseType=\"Resource\">\n<pdfaProperty:name>part</pdfaProperty:name>\n"
        + "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n<pdfaProperty:category>internal</pdfaProperty:category>\n"
        + "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n</rdf:li>\n"
        + "</rdf:Seq>\n</pdfaSchema:property>\n</rdf:li>\n"

    /// One `pdfaExtension:schemas` bag describing every non-predefined schema the packet uses
    /// (a second bag would repeat the property, which XMP does not allow).
    private static func extensionSchemas(_ schemas: [String]) -> String {
        "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
            + "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
            + "<pdfaExtension:schemas>\n<rdf:Bag>\n" + schemas.joined() + "</rdf:Bag>\n</pdfaExtension:schemas>\n</rdf:Description>\n"
    }

    static let facturXNamespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"

    private func description(_ prefix: String, _ namespace: String, _ body: String) -> String {
        "<rdf:Description rdf:about=\"\" xmlns:\(prefix)=\"\(namespace)\">\n\(body)</rdf:Description>\n"
    }

    /// PDF/A requires every property outside the predefined schemas to be described in the packet
    /// (ISO 19005-3 §6.6.2.3.3); this is the description the Factur-X specification gives.
    private static let facturXExtensionSchema: String = {
        func property(_ name: String, _ description: String) -> String {
            "<rdf:li rdf:parseType=\"Resource\">\n<pdfaProperty:name>\(name)</pdfaProperty:name>\n"
                + "<pdfaProperty:valueType>Text</pdfaProperty:valueType>\n<pdfaProperty:category>external</pdfaProperty:category>\n"
                + "<pdfaProperty:description>\(description)</pdfaProperty:description>\n</rdf:li>\n"
        }
        return "<rdf:li rdf:parseType=\"Resource\">\n"
            + "<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n"
            + "<pdfaSchema:namespaceURI>\(facturXNamespace)</pdfaSchema:namespaceURI>\n"
            + "<pdfaSchema:prefix>fx</pdfaSchema:prefix>\n<pdfaSchema:property>\n<rdf:Seq>\n"
            + property("DocumentFileName", "The name of the embedded XML document")
            + property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER")
            + property("Version", "The actual version of the standard applying to the embedded XML document")
            + property("ConformanceLevel", "The conformance level of the embedded XML document")
            + "</rdf:Seq>\n</pdfaSchema:property>\n</rdf:li>\n"
    }()

    /// Element content: the three characters XML reserves there.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// The Info dictionary's entries as a PDF/A file writes them in both places (Info and XMP).
///
/// XML 1.0 cannot hold most control characters, and XML readers turn a carriage return into a line
/// feed; a title holding them could never equal its XMP copy, so in PDF/A both copies drop C0
/// controls other than tab and line feed (and U+FFFE, U+FFFF). PDF/A also caps a string at 32,767
/// bytes: longer entries (a document's strings may hold 100,000 characters) are cut at
/// ``maximumUTF16Units`` whole characters, which fits even as UTF-16.
struct InfoEntries: Equatable {
    static let maximumUTF16Units = 16_000

    var title: String?
    var author: String?
    var subject: String?
    var keywords: String?
    var creator: String?
    var producer: String
    var date: Int64

    init(_ metadata: DocumentMetadata, cleaned: Bool) {
        func clean(_ text: String?) -> String? {
            guard let text, cleaned else { return text }
            let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
                (scalar.value >= 0x20 || scalar == "\t" || scalar == "\n") && scalar.value != 0xFFFE && scalar.value != 0xFFFF
            }))
            return Self.capped(kept)
        }
        title = clean(metadata.title)
        author = clean(metadata.author)
        subject = clean(metadata.subject)
        keywords = clean(metadata.keywords.isEmpty ? nil : metadata.keywords.joined(separator: ", "))
        creator = clean(metadata.creator)
        producer = "Folio"
        date = metadata.date
    }

    /// `text` cut after the last whole character within ``maximumUTF16Units`` UTF-16 units.
    static func capped(_ text: String) -> String {
        guard text.utf16.count > maximumUTF16Units else { return text }
        var units = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            units += text.utf16.distance(from: index, to: next)
            guard units <= maximumUTF16Units else { break }
            end = next
        }
        return String(text[..<end])
    }
}
