import DocumentModel
import EInvoice
import PDFOutput

/// Whether a PDF carries an EN 16931 e-invoice (`render --e-invoice none|factur-x`).
///
/// ```swift
/// var options = RenderOptions()
/// options.eInvoice = .none        // a plain PDF/A-3b, no factur-x.xml
/// options.eInvoice = .facturX     // always, also for a seller outside the EU
/// ```
public enum EInvoiceChoice: String, Sendable, Hashable, CaseIterable {
    /// Factur-X for invoices and credit notes whose seller is in the EU, written as PDF/A-3b; none otherwise.
    case automatic
    /// No e-invoice.
    case none
    /// A Factur-X / ZUGFeRD XML, profile EN 16931, embedded as `factur-x.xml`; an error for a
    /// document that is not an invoice or breaks an EN 16931 rule.
    case facturX = "factur-x"
}

extension FolioRenderer {
    /// The Factur-X XML `options` ask for, or nil when the document gets none. Built before any page
    /// is laid out, so a document that cannot become a valid EN 16931 invoice fails without output.
    ///
    /// ```swift
    /// let decoded = try FolioRenderer.decode(data)
    /// if let xml = try FolioRenderer.eInvoiceXML(decoded, choice: .facturX) { try Data(xml).write(to: url) }
    /// ```
    /// - Throws: `FolioError` (`.invalidDocument`) whose issue names the JSON path and the rule (`BR-S-02: …`).
    public static func eInvoiceXML(_ decoded: DecodedDocument, choice: EInvoiceChoice, pdfStandard: PDFStandard = .pdfA3b) throws(FolioError) -> [UInt8]? {
        try eInvoiceContent(decoded, choice: choice, pdfStandard: pdfStandard)?.plainBytes
    }

    /// The Factur-X XML as ``eInvoiceXML(_:choice:pdfStandard:)`` decides it, collected for
    /// embedding: as it is up to `plainLimit` bytes, deflated as it is written beyond. With
    /// `compressing`, XML kept whole is deflated once written, so a render does not hold it while it
    /// lays out pages (the PDF's bytes are the same).
    static func eInvoiceContent(
        _ decoded: DecodedDocument, choice: EInvoiceChoice, pdfStandard: PDFStandard, plainLimit: Int = .max, compressing: Bool = false
    ) throws(FolioError) -> PDFAttachment.Content? {
        switch choice {
        case .none:
            return nil
        case .automatic:
            // A Factur-X file is a PDF/A-3: with a plain PDF asked for, the automatic choice is none.
            guard pdfStandard == .pdfA3b, case .invoice(let invoice) = decoded.document, FacturX.isEUCountry(invoice.seller.country) else { return nil }
        case .facturX:
            guard case .invoice = decoded.document else {
                throw FolioError(kind: .invalidDocument, issues: [("$.kind", "a Factur-X e-invoice needs a document of kind invoice, not \(decoded.document.kind.rawValue)")])
            }
        }
        guard case .invoice(let invoice) = decoded.document, let totals = decoded.invoiceTotals else { return nil }
        let collected = AttachmentBytes(plainLimit: plainLimit)
        var writeFailure: PDFOutputError?
        do {
            try FacturX.write(for: invoice, totals: totals) { piece in
                guard writeFailure == nil else { return }
                do throws(PDFOutputError) { try collected.append(piece) } catch { writeFailure = error }
            }
        } catch let error as EInvoiceError {
            throw FolioError(kind: .invalidDocument, issues: [(error.path, "\(error.rule): \(error.reason) (EN 16931 e-invoice; --e-invoice none renders without it)")])
        } catch {
            throw FolioError(kind: .invalidDocument, issues: [("$", "\(error)")])
        }
        do {
            if let writeFailure { throw writeFailure }
            return try collected.finish(compressing: compressing)
        } catch {
            throw FolioError(kind: .output, issues: [("", "\(error)")])
        }
    }
}

extension PDFAttachment.Content {
    /// The bytes, when they were kept as they are.
    var plainBytes: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }
}
