import Folio
import FolioTestSupport
import Foundation
import Testing

/// Per-document limits of `RenderOptions`: pages, time and cancellation, checked at every page laid
/// out so a runaway document stops with an error that names the limit, and nothing is produced.
@Suite("Render limits")
struct RenderLimitTests {
    static let longInvoice = FileManager.default.contents(atPath: repository.appendingPathComponent("Samples/invoice-long-fr/input.json").path)!
    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    @Test func pagesBeyondTheLimitStopTheRenderWithTheLimitNamed() throws {
        let error = try #require(throws: FolioError.self) {
            try FolioRenderer.renderPDF(json: Self.longInvoice, options: RenderOptions(maximumPages: 3))
        }
        #expect(error.kind == .invalidDocument)
        #expect(error.description == "$: the document needs more than 3 pages, the limit per document (RenderOptions.maximumPages, render --max-pages)")
    }

    @Test func aDocumentWithinThePageLimitRenders() throws {
        let result = try FolioRenderer.renderPDF(json: HostileDocuments.invoice(), options: RenderOptions(maximumPages: 1))
        #expect(result.pageCount == 1)
    }

    @Test func theTimeBudgetStopsARenderAtTheNextPage() throws {
        let error = try #require(throws: FolioError.self) {
            try FolioRenderer.renderPDF(json: Self.longInvoice, options: RenderOptions(timeBudget: .milliseconds(1)))
        }
        #expect(error.kind == .invalidDocument)
        #expect(error.description.contains("took longer than the time budget of 0.001 s per document"), "\(error)")
    }

    @Test func aCancelledRenderStopsAsInterrupted() throws {
        let cancellation = RenderCancellation()
        cancellation.cancel()
        let error = try #require(throws: FolioError.self) {
            try FolioRenderer.renderPDF(json: HostileDocuments.invoice(), options: RenderOptions(cancellation: cancellation))
        }
        #expect(error.kind == .interrupted)
    }

    @Test func theCommandLineNamesThePageLimitAndExitsOne() throws {
        let folder = try RenderExecutable.scratchFolder()
        let input = folder.appendingPathComponent("long.json")
        try Self.longInvoice.write(to: input)
        let run = try RenderExecutable.run([input.path, "--max-pages", "2"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("long.json: $: the document needs more than 2 pages"), "\(run.standardError)")
        #expect(RenderExecutable.files(in: folder) == ["long.json"])
    }

    /// One slow document in a batch fails on its budget; the others are written.
    @Test func aBatchBoundsEachDocumentByItsTimeBudget() throws {
        let folder = try RenderExecutable.scratchFolder()
        let output = folder.appendingPathComponent("pdfs")
        // 5,000 shipments take about fifteen seconds in debug, 200 pages; the short invoice 0.1 s.
        try HostileDocuments.invoice(shipmentCount: 5_000).write(to: folder.appendingPathComponent("a-long.json"))
        try HostileDocuments.invoice().write(to: folder.appendingPathComponent("b-short.json"))
        let run = try RenderExecutable.run([folder.path, "--output", output.path, "--jobs", "2", "--time-budget", "1.5"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("a-long.json: $: rendering took longer than the time budget of 1.5 s"), "\(run.standardError)")
        #expect(RenderExecutable.files(in: output) == ["b-short.pdf"])
    }

    @Test func limitFlagsAreValidated() throws {
        #expect(try RenderExecutable.run(["x.json", "--max-pages", "0"]).status == 2)
        #expect(try RenderExecutable.run(["x.json", "--time-budget", "-1"]).status == 2)
        let noFolder = try RenderExecutable.run(["x.json", "--allow-images-from", "/nonexistent-folder"])
        #expect(noFolder.status == 2)
        #expect(noFolder.standardError.contains("--allow-images-from /nonexistent-folder is not a folder"), "\(noFolder.standardError)")
    }
}
