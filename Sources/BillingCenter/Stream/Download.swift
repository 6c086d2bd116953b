import FolioCore
import Foundation

/// `download` of S-7: access first (no file unless allowed), then the stored document, then an
/// atomic write (temporary file in the same directory, renamed over `output`).
enum Download {
    static func perform(_ request: BillingRequest.DownloadRequest, rules: BillingRules, environment: RequestEnvironment,
                        storedDocument: (DocumentID) throws -> Data?) throws -> BillingResponse {
        let decision = rules.access(user: request.user, company: request.company, document: request.document, action: .download, now: request.now)
        if let reason = decision.reason { return .failure(BillingError(reason)) }
        guard let bytes = try storedDocument(request.document) else {
            return .failure(BillingError(.noDocument, "document \"\(request.document)\" has no stored file"))
        }
        let pdf: Data
        do { pdf = try environment.renderer.renderPDF(storedDocument: bytes) } catch {
            return .failure(BillingError(.renderFailed, "rendering failed: \(error)"))
        }
        let destination = environment.workingDirectory.resolving(request.output).standardizedFileURL
        do { try AtomicFileWriter.write([UInt8](pdf), to: destination.path) } catch {
            return .failure(BillingError(.outputUnwritable, "cannot write \(request.output): \(error.reason)"))
        }
        return .downloaded(output: request.output)
    }
}
