import FolioTestSupport
import Foundation
import Testing
@testable import Folio

@Suite struct StreamedRenderingTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-stream-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aFileStreamedToDiskHasTheBytesOfTheRenderInMemory() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decoded = try FolioRenderer.decode(Data(contentsOf: Self.samples.appendingPathComponent("invoice-long-fr/input.json")))
        let inMemory = try FolioRenderer.renderPDF(decoded)
        let target = folder.appendingPathComponent("long.pdf")
        let streamed = try FolioRenderer.renderPDF(decoded, to: target)
        #expect(streamed.pdf.isEmpty)
        #expect(streamed.pageCount == inMemory.pageCount)
        #expect(streamed.eInvoiceXML == inMemory.eInvoiceXML)
        #expect(try [UInt8](Data(contentsOf: target)) == inMemory.pdf)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["long.pdf"])
    }

    @Test func aFailedRenderLeavesNoFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decoded = try FolioRenderer.decode(Data(contentsOf: Self.samples.appendingPathComponent("invoice-long-fr/input.json")))
        var options = RenderOptions()
        options.maximumPages = 3
        let error = #expect(throws: FolioError.self) { try FolioRenderer.renderPDF(decoded, to: folder.appendingPathComponent("x.pdf"), options: options) }
        #expect(error?.kind == .invalidDocument)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let unwritable = #expect(throws: FolioError.self) { try FolioRenderer.renderPDF(decoded, to: folder.appendingPathComponent("missing/x.pdf")) }
        #expect(unwritable?.kind == .output)
        #expect(unwritable?.description.contains("missing/x.pdf") == true)
    }

    @Test func cancellingTheTaskInterruptsAnAsyncRender() async throws {
        let long = try Data(contentsOf: Self.samples.appendingPathComponent("invoice-long-fr/input.json"))
        let render = Task { () async throws(FolioError) -> RenderResult in try await FolioRenderer.renderPDF(json: long) }
        render.cancel()
        let result = await render.result
        guard case .failure(let error) = result else {
            Issue.record("a render cancelled before it started must not finish")
            return
        }
        #expect((error as? FolioError)?.kind == .interrupted, "\(error)")
        #expect(try await FolioRenderer.renderPDF(json: long).pageCount == 40)
    }
}

/// The renderer decodes by streaming (shipments read back from the input); every sample must come
/// out byte for byte as from the whole decoded model.
@Suite struct StreamedDecodingRenderTests {
    static let sampleNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: StreamedRenderingTests.samples.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: StreamedRenderingTests.samples.appendingPathComponent("\($0)/input.json").path) }.sorted()
    }()

    @Test func everySampleIsThere() {
        // Guards the parameterised test below against running zero cases.
        #expect(Self.sampleNames.count >= 10, "\(Self.sampleNames)")
    }

    @Test("streamed decoding renders the bytes of the whole model", arguments: sampleNames)
    func sameBytes(_ name: String) throws {
        let folder = StreamedRenderingTests.samples.appendingPathComponent(name)
        let data = try Data(contentsOf: folder.appendingPathComponent("input.json"))
        let options = RenderOptions(baseDirectory: folder.path)
        let whole = try FolioRenderer.renderPDF(FolioRenderer.decode(data), options: options)
        let streamed = try FolioRenderer.renderPDF(json: data, options: options)
        #expect(streamed.pdf == whole.pdf)
        // Every shipment read back from the input (what a long invoice gets), not kept decoded.
        let reread = try FolioRenderer.renderPDF(FolioRenderer.decodeStreaming(DocumentSource(data: data), keepingShipmentsUpTo: 0), options: options)
        #expect(reread.pdf == whole.pdf)
        #expect(streamed.pageCount == whole.pageCount)
        #expect(streamed.eInvoiceXML == whole.eInvoiceXML)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("folio-sample-\(getpid())-\(name).pdf")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fromFile = try FolioRenderer.renderPDF(contentsOf: folder.appendingPathComponent("input.json"), to: scratch, options: options)
        #expect(fromFile.pageCount == whole.pageCount)
        #expect(try [UInt8](Data(contentsOf: scratch)) == whole.pdf)
    }

    @Test func anInputChangedDuringTheRenderLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-changed-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.json")
        let original = try Data(contentsOf: StreamedRenderingTests.samples.appendingPathComponent("invoice-long-fr/input.json"))
        try original.write(to: input)
        let decoded = try FolioRenderer.decodeStreaming(DocumentSource(contentsOfFile: input.path), keepingShipmentsUpTo: 0)
        // Another program rewrites the file (same size) between decoding and layout.
        let text = String(decoding: original, as: UTF8.self)
        let tracking = try #require(text.range(of: #""trackingNumber": ?"1Z"#, options: .regularExpression))
        var changed = text
        changed.replaceSubrange(tracking.upperBound..<text.index(after: tracking.upperBound), with: "Q")
        try Data(changed.utf8).write(to: input)
        let output = folder.appendingPathComponent("out.pdf")
        let error = #expect(throws: FolioError.self) { try FolioRenderer.renderPDF(decoded, to: output) }
        #expect(error?.issues.first?.reason.contains("changed") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// An invoice longer than the paginator holds is laid out once, its "page N of M" footers
    /// filled in at the end (form XObjects): a valid tagged PDF/A-3 with the text of the same
    /// invoice laid out twice for a raster (which cannot fill anything in later).
    @Test func aLongInvoiceIsLaidOutOnceWithTheSameText() throws {
        let folder = StreamedRenderingTests.samples.appendingPathComponent("invoice-long-fr")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("input.json"))) as? [String: Any])
        let shipments = try #require(json["shipments"] as? [Any])
        json["shipments"] = shipments + shipments
        let decoded = try FolioRenderer.decode(try JSONSerialization.data(withJSONObject: json))
        let options = RenderOptions(baseDirectory: folder.path)
        let once = try FolioRenderer.renderPDF(decoded, options: options)
        let twice = try FolioRenderer.renderPDFAndPNG(decoded, dpi: 4, options: options)
        #expect(once.pageCount > 64 && once.pageCount == twice.pageCount)
        #expect(once.warnings == twice.warnings)
        #expect(once.pdf != twice.pdf, "the long invoice must take the deferred path")
        let text = try ExternalTool.pdfText(once.pdf, layout: true)
        #expect(text == (try ExternalTool.pdfText(twice.pdf, layout: true)))
        #expect(text.contains("\(once.pageCount)/\(once.pageCount)") || text.contains("\(once.pageCount) sur \(once.pageCount)"), "last footer")
        let archival = try PDFAStructure.check(once.pdf)
        #expect(archival.problems.isEmpty, "\(archival.problems)")
        let tagged = try PDFUAStructure.check(once.pdf)
        #expect(tagged.problems == [], "\(tagged.problems)")
        #expect(try ExternalTool.run("qpdf", ["--check", ExternalTool.temporaryFile(once.pdf, suffix: ".pdf")]).status == 0)
    }

    /// An e-invoice XML too large to hold is deflated as it is written: the file must still be a
    /// valid PDF/A-3 whose attachment is the XML, byte for byte, and the result gives the XML back.
    @Test func aLargeEInvoiceIsDeflatedAsItIsWritten() throws {
        let folder = StreamedRenderingTests.samples.appendingPathComponent("invoice-long-fr")
        let decoded = try FolioRenderer.decodeStreaming(DocumentSource(contentsOfFile: folder.appendingPathComponent("input.json").path))
        let xml = try #require(try FolioRenderer.eInvoiceXML(decoded, choice: .automatic))
        #expect(xml.count > 64 << 10)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("folio-deflated-\(getpid()).pdf")
        defer { try? FileManager.default.removeItem(at: target) }
        let result = try FolioRenderer.renderPDF(decoded, to: target, options: RenderOptions(baseDirectory: folder.path), eInvoicePlainLimit: 64 << 10)
        #expect(result.eInvoiceXML == xml, "the result inflates the XML it embedded")
        let pdf = try [UInt8](Data(contentsOf: target))
        #expect(try ExternalTool.run("qpdf", ["--check", target.path]).status == 0)
        let embedded = try ExternalTool.run("qpdf", ["--show-attachment=factur-x.xml", target.path])
        #expect(embedded.status == 0)
        #expect([UInt8](embedded.standardOutputBytes) == xml)
        let report = try PDFAStructure.check(pdf)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.attachments.map(\.size) == [xml.count])
    }
}
