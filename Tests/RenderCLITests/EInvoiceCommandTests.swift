import Foundation
import FolioTestSupport
import Testing

/// `render` writes the Factur-X XML into EU invoices' PDFs, alone with `--e-invoice-xml`, and fails
/// with the JSON path and the rule when the document cannot become a valid EN 16931 invoice.
@Suite struct EInvoiceCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DocumentModelTests/Fixtures/examples")

    /// factur-x's own reader (`facturx.get_xml_from_pdf`) of the attachment of a PDF; a missing
    /// package is a failure, not a skip.
    static func extractedXML(_ pdf: URL) throws -> Data? {
        let script = """
            import sys, facturx
            name, xml = facturx.get_xml_from_pdf(open(sys.argv[1], 'rb').read(), check_xsd=False)
            sys.stdout.buffer.write(xml or b'')
            """
        let run = try ExternalTool.run("python3", ["-c", script, pdf.path])
        #expect(run.status == 0, "facturx (pip install factur-x): \(run.standardError)")
        return run.standardOutputBytes.isEmpty ? nil : run.standardOutputBytes
    }

    @Test(arguments: ["invoice-delivery-fr", "credit-note-fr", "invoice-import-brokerage-fr"])
    func embeddedXMLEqualsTheXMLWrittenAlone(_ name: String) throws {
        let folder = try RenderExecutable.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("\(name).pdf"), xml = folder.appendingPathComponent("\(name).xml")
        let run = try RenderExecutable.run([Self.examples.appendingPathComponent("\(name).json").path, "-o", pdf.path, "--e-invoice-xml", xml.path])
        #expect(run.status == 0, "\(run.standardError)")
        let alone = try Data(contentsOf: xml)
        #expect(String(decoding: alone, as: UTF8.self).contains("urn:cen.eu:en16931:2017"))
        #expect(try Self.extractedXML(pdf) == alone)
        // Same input, same bytes: PDF with its attachment, and the XML.
        let again = folder.appendingPathComponent("again.pdf"), againXML = folder.appendingPathComponent("again.xml")
        #expect(try RenderExecutable.run([Self.examples.appendingPathComponent("\(name).json").path, "-o", again.path, "--e-invoice-xml", againXML.path]).status == 0)
        #expect(try Data(contentsOf: again) == Data(contentsOf: pdf))
        #expect(try Data(contentsOf: againXML) == alone)
        #expect(RenderExecutable.files(in: folder) == ["again.pdf", "again.xml", "\(name).pdf", "\(name).xml"])
    }

    @Test func noEInvoiceForASellerOutsideTheEUOrWhenTurnedOff() throws {
        let folder = try RenderExecutable.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let us = folder.appendingPathComponent("us.pdf"), fr = folder.appendingPathComponent("fr.pdf")
        #expect(try RenderExecutable.run([Self.examples.appendingPathComponent("invoice-delivery-us.json").path, "-o", us.path]).status == 0)
        #expect(try Self.extractedXML(us) == nil)
        #expect(try RenderExecutable.run([Self.examples.appendingPathComponent("invoice-delivery-fr.json").path, "-o", fr.path, "--e-invoice", "none"]).status == 0)
        #expect(try Self.extractedXML(fr) == nil)
        // Asked for, a US invoice gets one too (not subject to VAT).
        #expect(try RenderExecutable.run([Self.examples.appendingPathComponent("invoice-delivery-us.json").path, "-o", us.path, "--e-invoice", "factur-x"]).status == 0)
        #expect(try Self.extractedXML(us).map { String(decoding: $0, as: UTF8.self).contains("VATEX-EU-O") } == true)
    }

    @Test func aDocumentThatBreaksARuleFailsWithPathAndRuleAndWritesNothing() throws {
        let folder = try RenderExecutable.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var json = try String(contentsOf: Self.examples.appendingPathComponent("invoice-delivery-fr.json"), encoding: .utf8)
        json = json.replacingOccurrences(of: "\"vatId\": \"FR19812345676\",", with: "")
        let input = folder.appendingPathComponent("broken.json")
        try json.write(to: input, atomically: true, encoding: .utf8)
        let run = try RenderExecutable.run([input.path, "--e-invoice-xml", folder.appendingPathComponent("broken.xml").path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("$.seller.vatId: BR-S-02"), "\(run.standardError)")
        #expect(RenderExecutable.files(in: folder) == ["broken.json"])
        // With --e-invoice none the same document renders (a plain PDF/A).
        #expect(try RenderExecutable.run([input.path, "--e-invoice", "none"]).status == 0)
        #expect(RenderExecutable.files(in: folder) == ["broken.json", "broken.pdf"])
    }

    @Test func aFormHasNoEInvoice() throws {
        let folder = try RenderExecutable.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try RenderExecutable.run([Self.examples.appendingPathComponent("cbp-7501.json").path, "-o", folder.appendingPathComponent("f.pdf").path,
                                            "--e-invoice", "factur-x"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("$.kind: a Factur-X e-invoice needs a document of kind invoice"), "\(run.standardError)")
        #expect(RenderExecutable.files(in: folder).isEmpty)
    }
}
