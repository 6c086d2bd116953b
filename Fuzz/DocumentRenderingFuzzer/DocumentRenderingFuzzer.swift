import Folio
import Foundation

/// Limits that keep each execution short: a hostile document may ask for thousands of pages, and
/// the fuzzer is looking for crashes and hangs, not for long renders.
private let fuzzingOptions = RenderOptions(maximumPages: 40, timeBudget: .seconds(20))

/// libFuzzer's entry point (`swift build --sanitize fuzzer` links libFuzzer's `main`): any bytes
/// through the whole pipeline — decode, layout, PDF in memory.
/// Besides crashes, hangs and leaks, a finding is a "successful" render whose bytes are not a
/// finished PDF, or an error without a reason.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentRendering(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let json = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let result = try FolioRenderer.renderPDF(json: json, options: fuzzingOptions)
        precondition(result.pdf.starts(with: Array("%PDF-".utf8)), "output does not start like a PDF")
        precondition(result.pdf.suffix(8).contains(where: { $0 == UInt8(ascii: "F") }), "output has no %%EOF trailer")
        precondition(result.pageCount >= 1 && result.pageCount <= 40, "page count \(result.pageCount) outside 1…40")
    } catch {
        precondition(!error.issues.isEmpty && error.issues.allSatisfy { !$0.reason.isEmpty }, "a refusal without a reason")
        precondition(error.kind != .interrupted, "interrupted without a cancellation token")
    }
    return 0
}

