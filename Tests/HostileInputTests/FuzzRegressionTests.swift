import Folio
import FolioTestSupport
import Foundation
import Testing

/// Inputs the fuzzers once found (`Fuzz/Regressions/<target>/`), replayed with the targets' checks:
/// decoding answers a document or issues with a path and a reason; rendering answers a valid PDF
/// within the fuzzing limits or an error with a reason.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions")

    static func inputs(of target: String) -> [String] {
        let folder = regressions.appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test(arguments: inputs(of: "DocumentDecodingFuzzer") + inputs(of: "DocumentRenderingFuzzer"))
    func documentInput(_ path: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let outcome = Result { () throws(FolioError) in
            try FolioRenderer.renderPDF(json: bytes, options: RenderOptions(maximumPages: 40, timeBudget: .seconds(60)))
        }
        switch outcome {
        case .success(let result):
            try PDFChecks.expectValid(result.pdf, containing: [], name: path)
        case .failure(let error):
            #expect(!error.issues.isEmpty)
            for issue in error.issues {
                #expect(!issue.reason.isEmpty, "\(path): \(issue)")
                if error.kind == .invalidDocument { #expect(issue.path.hasPrefix("$"), "\(path): \(issue)") }
            }
        }
    }
}
