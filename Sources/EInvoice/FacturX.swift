import DocumentModel

/// Builds the Factur-X 1.07 / ZUGFeRD 2.3 XML, profile EN 16931 (UN/CEFACT CII D16B), of an invoice
/// or credit note from the decoded model and its computed totals: the figures are the ones the page
/// prints (`Invoice.computeTotals()`), written as exact decimal text, never recomputed.
///
/// ```swift
/// let decoded = try DocumentDecoder().decode(json)
/// if case .invoice(let invoice) = decoded.document, let totals = decoded.invoiceTotals {
///     let xml = try FacturX.xml(for: invoice, totals: totals)   // UTF-8 bytes of factur-x.xml
/// }
/// ```
///
/// Mapping choices (see README "E-invoicing"):
/// - a credit note is TypeCode 381 with the amounts' signs turned (the page prints a credit as
///   negative figures; EN 16931 wants a 381 with positive ones), BT-25/BT-26 from
///   `originalInvoiceNumber`/`originalInvoiceDate`;
/// - each priced charge, adjustment and import charge is one line, quantity 1 (−1 for a negative net,
///   so that the net price BT-146 is never negative, BR-27), the incentive as the item price
///   discount (BT-147) off the published gross price (BT-148);
/// - a document without VAT (no `vatCategory` anywhere) is "not subject to VAT" (category O,
///   VATEX-EU-O) and, as BR-O-02 requires, carries no VAT identifiers;
/// - disbursements ("débours": duties and import VAT paid in the customer's name) stay invoice lines
///   in category E with exemption code VATEX-EU-79-C, as the model already records them. Why: they are
///   part of the amount the page prints and the customer pays, and they are excluded from the taxable
///   amount by Council Directive 2006/112/EC art. 79(c) (France: CGI art. 267 II 2°), which is exactly
///   what the CEF VATEX code list's VATEX-EU-79-C ("Exempt based on article 79, point c of Council
///   Directive 2006/112/EC") names. Category O is not usable: BR-O-11…14 forbid mixing it with the
///   taxable brokerage fees (S) on one invoice, and leaving the débours out of the XML would make its
///   totals differ from the printed ones.
public enum FacturX {
    /// EN 16931 guideline id (BT-24) of the profile written.
    public static let guideline = "urn:cen.eu:en16931:2017"
    /// Name of the attachment in a Factur-X PDF.
    public static let fileName = "factur-x.xml"

    /// The XML (UTF-8 bytes) of `invoice`, after `check(_:totals:)`; bytes, not `Data`, because that
    /// is what the PDF writer embeds (a large invoice's XML is tens of megabytes: no extra copy).
    ///
    /// ```swift
    /// let bytes = try FacturX.xml(for: invoice, totals: invoice.computeTotals())
    /// ```
    /// - Throws: `EInvoiceError` naming the JSON path and the EN 16931 rule the document would break.
    public static func xml(for invoice: Invoice, totals: ComputedInvoice) throws -> [UInt8] {
        var xml: [UInt8] = []
        try write(for: invoice, totals: totals) { xml.append(contentsOf: $0) }
        return xml
    }

    /// Checks `invoice` and writes its XML in pieces to `sink`, in order, without holding it whole:
    /// the lines are written as they are read (a streamed invoice's shipments are read twice, once
    /// for the checks and the header's notes, once for the lines).
    ///
    /// ```swift
    /// var deflated = Deflating()
    /// try FacturX.write(for: invoice, totals: totals) { deflated.append($0) }
    /// ```
    /// - Throws: `EInvoiceError` for the first rule broken, before anything is written.
    package static func write(for invoice: Invoice, totals: ComputedInvoice, to sink: (UnsafeRawBufferPointer) -> Void) throws {
        let witnesses = InvoiceLineWitnesses(invoice)
        try EN16931Check.check(invoice, totals: totals, lines: witnesses)
        CIIWriter(invoice: invoice, totals: totals, informationalNotes: witnesses.informationalNotes).write(to: sink)
    }

    /// Checks the rules of EN 16931 that the model can break, without writing anything.
    ///
    /// ```swift
    /// try FacturX.check(invoice, totals: invoice.computeTotals())
    /// ```
    /// - Throws: `EInvoiceError` for the first rule broken, in the order listed in the README.
    public static func check(_ invoice: Invoice, totals: ComputedInvoice) throws {
        try EN16931Check.check(invoice, totals: totals, lines: InvoiceLineWitnesses(invoice))
    }

    /// Whether a country (ISO 3166-1 alpha-2) is an EU member state, where Factur-X is written by default.
    ///
    /// ```swift
    /// FacturX.isEUCountry("FR") // true
    /// FacturX.isEUCountry("US") // false
    /// ```
    public static func isEUCountry(_ code: String) -> Bool { euCountries.contains(code) }

    private static let euCountries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]
}
