import Foundation

/// The result of decoding: the document, its computed figures and the warnings.
///
/// ```swift
/// let decoded = try DocumentDecoder().decode(data)
/// decoded.invoiceTotals?.amountDue.plainText // "297.00"
/// decoded.warnings.forEach { print($0) }
/// ```
public struct DecodedDocument: Sendable, Hashable {
    /// The decoded document.
    public let document: Document
    /// Every printed figure, computed exactly (stated figures were checked against it).
    public let computation: DocumentComputation
    /// Things worth telling the author that do not make the document invalid, in document order.
    public let warnings: [ValidationWarning]

    /// Whether shipments read back from a streamed input differed from those decoded and checked
    /// (the file was changed during the render).
    package var inputChanged: Bool {
        guard case .invoice(let invoice) = document, let streamed = invoice.shipments?.streamed else { return false }
        return streamed.sourceChanged
    }

    /// The invoice totals, when the document is an invoice.
    public var invoiceTotals: ComputedInvoice? { if case .invoice(let c) = computation { return c } else { return nil } }
    /// The 7501 computation, when the document is a 7501.
    public var cbp7501: CBP7501Computation? { if case .cbp7501(let c) = computation { return c } else { return nil } }
    /// The B3 computation, when the document is a B3.
    public var cbsaB3: B3Computation? { if case .cbsaB3(let c) = computation { return c } else { return nil } }
}

/// Reads Folio documents strictly: UTF-8 JSON (one BOM ignored), no duplicate keys, closed objects,
/// exact types and formats, ISO codes, currency decimals, the library's rules and stated totals.
/// Every issue is reported with its JSON path, in document order, up to `DocumentLimits.maxIssues`.
///
/// Structural issues (syntax, types, formats, unknown or missing members) are all collected first;
/// totals and cross-member rules are checked only when the structure is valid, since they need the values.
///
/// ```swift
/// do {
///     let decoded = try DocumentDecoder().decode(data)
///     print(decoded.document.kind)
/// } catch {
///     print(error) // "$.shipments[3].charges[0].publishedAmount: expected a decimal string such as "12.34", found the number 12.34"
/// }
/// ```
public struct DocumentDecoder: Sendable {
    /// Limits applied to the input.
    public let limits: DocumentLimits

    /// Creates a decoder.
    ///
    /// ```swift
    /// let decoder = DocumentDecoder(limits: DocumentLimits(maxInputBytes: 1_000_000))
    /// ```
    public init(limits: DocumentLimits = .default) { self.limits = limits }

    /// Decodes and validates one document.
    ///
    /// ```swift
    /// let decoded = try DocumentDecoder().decode(Data(contentsOf: url))
    /// ```
    public func decode(_ data: Data) throws(DocumentDecodingError) -> DecodedDocument {
        let parsed = StrictJSONParser.parse(data, limits: limits)
        // Duplicate keys leave a usable tree (first occurrence kept), so decoding goes on to report
        // the document's other issues with them; any other parse problem is fatal.
        let session = DecodingSession(limits: limits, root: parsed.root)
        for problem in parsed.problems { session.report(problem.path, offset: problem.offset, problem.reason) }
        guard let root = parsed.root else { throw session.error() }
        return try decode(tree: root, session: session)
    }

    /// Decodes and validates one document without keeping its shipments: the tree and the model
    /// hold everything but them, and the invoice's ``ShipmentList`` reads each shipment back from
    /// `source` when asked. Same checks, paths and issues as ``decode(_:)``; memory does not grow
    /// with the number of shipments (beyond their byte ranges), once this returns.
    ///
    /// Shipments that take at most `keepingShipmentsUpTo` bytes of input (1 MiB: some 2,800
    /// shipments, every ordinary invoice) are kept decoded, as ``decode(_:)`` keeps them: reading
    /// them again for the layout and the e-invoice would cost time and save little.
    package func decode(streaming source: DocumentSource, keepingShipmentsUpTo keepLimit: Int = 1 << 20) throws(DocumentDecodingError) -> DecodedDocument {
        if source.count > limits.maxInputBytes {
            throw DocumentDecodingError(issues: [DocumentIssue(path: "$", reason: "input is \(source.count) bytes, more than the limit of \(limits.maxInputBytes) bytes")])
        }
        let data: Data
        do { data = try source.readAll() } catch {
            throw DocumentDecodingError(issues: [DocumentIssue(path: "$", reason: error.reason)])
        }
        let outcome: Result<DecodedDocument, DocumentDecodingError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            // The shipments are parsed once, by the decode, not also by the parse; a document with
            // any problem is parsed and decoded again the checking way, to report exactly what it
            // reports (first syntax error in document order, duplicate keys, then the issues).
            if case .success(let decoded)? = decode(bytes, source: source, keepLimit: keepLimit, skippingElements: true) {
                return .success(decoded)
            }
            return decode(bytes, source: source, keepLimit: keepLimit, skippingElements: false)!
        }
        return try outcome.get()
    }

    /// One streaming decode of `bytes`; nil when the shipments were skipped by the parse and not all
    /// of them were then parsed and decoded (a document that is not an invoice, or one whose decode
    /// stopped before them).
    private func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, source: DocumentSource, keepLimit: Int, skippingElements: Bool
    ) -> Result<DecodedDocument, DocumentDecodingError>? {
        let parsed = StrictJSONParser.parse(bytes, limits: limits, streaming: [.key("shipments")], skippingElements: skippingElements)
        let session = DecodingSession(limits: limits, root: parsed.root)
        if let ranges = parsed.elements {
            session.streamedInput = DecodingSession.StreamedInput(source: source, bytes: bytes, shipmentRanges: ranges, keepWholeUpTo: keepLimit)
            session.streamedInput?.elementsUnchecked = skippingElements
        }
        for problem in parsed.problems { session.report(problem.path, offset: problem.offset, problem.reason) }
        guard let root = parsed.root else { return .failure(session.error()) }
        defer { session.streamedInput = nil }
        let result = Result { () throws(DocumentDecodingError) in try decode(tree: root, session: session) }
        if skippingElements, let input = session.streamedInput, !input.elementsChecked { return nil }
        return result
    }

    /// Validates a document built in code with the checks decoding makes (patterns, lengths, codes,
    /// currency decimals, limits, the cross-member rules, stated totals against the computation) and
    /// the same JSON paths and reasons as decoding the document's JSON would give. The model is read
    /// as a tree built from its `Encodable` conformance (no JSON text is written or parsed); issues
    /// come in the order the model declares its members.
    ///
    /// ```swift
    /// let checked = try DocumentDecoder().validate(.invoice(invoice))
    /// ```
    public func validate(_ document: Document) throws(DocumentDecodingError) -> DecodedDocument {
        let root: JSONNode
        do { root = try ModelTreeEncoder.tree(of: document) } catch {
            throw DocumentDecodingError(issues: [DocumentIssue(path: "$", reason: "cannot encode: \(error)")])
        }
        if let problem = root.limitProblem(limits) {
            throw DocumentDecodingError(issues: [DocumentIssue(path: renderPath(problem.path), reason: problem.reason)])
        }
        return try decode(tree: root)
    }

    func decode(tree root: JSONNode, session given: DecodingSession? = nil) throws(DocumentDecodingError) -> DecodedDocument {
        let session = given ?? DecodingSession(limits: limits, root: root)
        guard case .object = root.value else {
            session.report([], offset: root.offset, "expected a document (a JSON object), found \(root.foundDescription)")
            throw session.error()
        }
        let reader = ObjectReader(node: root, path: [], session: session)
        guard let kind = reader.required("kind", FieldDecoder<DocumentKind>.oneOf) else { throw session.error() }
        let document: Document?
        switch kind {
        case .invoice: document = Invoice.read(reader).map(Document.invoice)
        case .cbp7501: document = CBP7501Entry.read(reader).map(Document.cbp7501)
        case .cbsaB3: document = CBSAB3Declaration.read(reader).map(Document.cbsaB3)
        }
        reader.finish()
        guard let document, !session.hasIssues else { throw session.error() }
        if document.computedMagnitudeBound >= Document.computableMinorUnits {
            session.report([], offset: root.offset, "amounts too large: computed figures could exceed ±9 000 000 000 000 000 000 minor units")
            throw session.error()
        }
        let computation = document.compute()
        switch (document, computation) {
        case (.invoice(let invoice), .invoice(let c)): invoice.validate(c, in: session)
        case (.cbp7501(let entry), .cbp7501(let c)): entry.validate(c, in: session)
        case (.cbsaB3(let b3), .cbsaB3(let c)): b3.validate(c, in: session)
        default: break
        }
        if session.hasIssues { throw session.error() }
        return DecodedDocument(document: document, computation: computation, warnings: session.warnings)
    }
}
