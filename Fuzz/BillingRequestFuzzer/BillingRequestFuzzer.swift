import DocumentModel
import BillingCenter
import Foundation

/// Registrations name a document file; while fuzzing every path reads as one small valid invoice,
/// so registrations go through and the rules behind them run.
private struct OneInvoice: DocumentLoading {
    static let invoice = Data(#"""
        {"kind":"invoice","locale":"fr-FR","currency":"EUR","family":"delivery-service","type":"invoice","number":"F1",
         "issueDate":"2025-03-08","accountNumber":"A1","seller":{"name":"S","city":"Lyon","country":"FR"},
         "billTo":{"name":"B","city":"Lyon","country":"FR"},"shipments":[]}
        """#.utf8)
    func load(path: String) throws(BillingError) -> Data { Self.invoice }
}

/// Rendering is fuzzed by its own target; here a download only has to produce bytes.
private struct StubRenderer: DocumentRenderer {
    func renderPDF(storedDocument: Data) throws -> Data { Data("%PDF-stub\n".utf8) + storedDocument }
}

/// libFuzzer's entry point (`swift build --sanitize fuzzer` links libFuzzer's `main`): the input
/// is a billing request stream (JSON Lines) applied to a fresh in-memory log with a fixed clock.
/// Besides crashes, hangs and leaks, a finding is a request that ends the session as a storage
/// failure (the in-memory log has no storage to fail) or an answer that is not one JSON object
/// line with `"ok"`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBillingRequests(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = bytes.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let session = ApplySession(
        log: InMemoryBillingLog(), clock: { Instant(microseconds: 1_735_689_600_000_000) }, documents: OneInvoice(),
        renderer: StubRenderer(), workingDirectory: URL(fileURLWithPath: "/nonexistent"))
    for (index, line) in input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).enumerated() {
        let response: BillingResponse
        do {
            response = try session.respond(to: Array(line), lineNumber: index + 1)
        } catch {
            preconditionFailure("storage failure from the in-memory log at line \(index + 1): \(error)")
        }
        let answer = response.line
        precondition(answer.hasPrefix("{\"ok\":") && answer.hasSuffix("}") && !answer.contains("\n"), "not one JSON result line: \(answer)")
    }
    return 0
}
