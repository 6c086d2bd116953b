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
        let decoded = try Folio.decode(Data(contentsOf: Self.samples.appendingPathComponent("invoice-long-fr/input.json")))
        let inMemory = try Folio.renderPDF(decoded)
        let target = folder.appendingPathComponent("long.pdf")
        let streamed = try Folio.renderPDF(decoded, to: target)
        #expect(streamed.pdf.isEmpty)
        #expect(streamed.pageCount == inMemory.pageCount)
        #expect(streamed.eInvoiceXML == inMemory.eInvoiceXML)
        #expect(try [UInt8](Data(contentsOf: target)) == inMemory.pdf)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["long.pdf"])
    }

    @Test func aFailedRenderLeavesNoFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decoded = try Folio.decode(Data(contentsOf: Self.samples.appendingPathComponent("invoice-long-fr/input.json")))
        var options = RenderOptions()
        options.maximumPages = 3
        let error = #expect(throws: FolioError.self) { try Folio.renderPDF(decoded, to: folder.appendingPathComponent("x.pdf"), options: options) }
        #expect(error?.kind == .invalidDocument)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let unwritable = #expect(throws: FolioError.self) { try Folio.renderPDF(decoded, to: folder.appendingPathComponent("missing/x.pdf")) }
        #expect(unwritable?.kind == .output)
        #expect(unwritable?.description.contains("missing/x.pdf") == true)
    }

    @Test func cancellingTheTaskInterruptsAnAsyncRender() async throws {
        let long = try Data(contentsOf: Self.samples.appendingPathComponent("invoice-long-fr/input.json"))
        let render = Task { () async throws(FolioError) -> RenderResult in try await Folio.renderPDF(json: long) }
        render.cancel()
        let result = await render.result
        guard case .failure(let error) = result else {
            Issue.record("a render cancelled before it started must not finish")
            return
        }
        #expect((error as? FolioError)?.kind == .interrupted, "\(error)")
        #expect(try await Folio.renderPDF(json: long).pageCount == 40)
    }
}
