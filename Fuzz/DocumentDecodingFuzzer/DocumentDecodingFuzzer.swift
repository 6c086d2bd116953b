import Folio
import Foundation

/// libFuzzer's entry point (`swift build --sanitize fuzzer` links libFuzzer's `main`): any bytes
/// through strict decoding and validation (`FolioRenderer.decode`).
/// A crash, a hang or a leak is a finding; so is an error that names no JSON path or no reason,
/// because every refusal must tell the caller what is wrong and where.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentDecoding(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let json = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let decoded = try FolioRenderer.decode(json)
        // Reading the computed figures runs the totals, tax and duty arithmetic on hostile values.
        _ = decoded.invoiceTotals?.amountDue.plainText
        _ = decoded.warnings.count
    } catch {
        precondition(!error.issues.isEmpty, "a refusal without an issue")
        for issue in error.issues {
            precondition(issue.path.hasPrefix("$"), "issue without a JSON path: \(issue)")
            precondition(!issue.reason.isEmpty, "issue without a reason at \(issue.path)")
        }
    }
    return 0
}

