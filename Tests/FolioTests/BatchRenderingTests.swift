import Foundation
import Testing
@testable import Folio

@Suite struct BatchRenderingTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    @Test func concurrentBatchEqualsSequentialRendersInInputOrder() async throws {
        let names = ["credit-note-fr", "invoice-delivery-us", "cbp-7501", "invoice-import-brokerage-fr"]
        var inputs = try names.map { try Data(contentsOf: Self.samples.appendingPathComponent("\($0)/input.json")) }
        inputs.append(Data("{\"kind\": 3}".utf8))
        let batch = await FolioRenderer.renderPDFs(inputs, workers: 2)
        #expect(batch.count == inputs.count)
        for (index, input) in inputs.enumerated().dropLast() {
            let sequential = try await FolioRenderer.renderPDF(json: input)
            #expect(try batch[index].get().pdf == sequential.pdf, "\(names[index]) differs when rendered in a batch")
        }
        guard case .failure(let error) = batch.last! else {
            Issue.record("an invalid document must fail")
            return
        }
        #expect(error.kind == .invalidDocument)
        #expect(error.description.contains("$.kind"))
    }

    @Test func cancellingTheTaskStopsTheBatch() async throws {
        // 40 pages each: long enough that the cancellation lands while the first ones render.
        let long = try Data(contentsOf: Self.samples.appendingPathComponent("invoice-long-fr/input.json"))
        let inputs = Array(repeating: long, count: 12)
        let batch = Task { await FolioRenderer.renderPDFs(inputs, workers: 1) }
        try await Task.sleep(for: .milliseconds(50))
        batch.cancel()
        let results = await batch.value
        #expect(results.count == inputs.count)
        let interrupted = results.filter { if case .failure(let error) = $0 { error.kind == .interrupted } else { false } }
        #expect(interrupted.count >= inputs.count - 2, "\(interrupted.count) of \(inputs.count) interrupted")
    }

    @Test func errorsDescribeThemselvesToFoundation() {
        let error: any Error = FolioError(kind: .invalidDocument, issues: [("$.number", "expected a string, found the number 3")])
        #expect(error.localizedDescription == "$.number: expected a string, found the number 3")
    }
}
