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
        do { try writeAtomically(pdf, to: destination) } catch {
            return .failure(BillingError(.outputUnwritable, "cannot write \(request.output): \(error.localizedDescription)"))
        }
        return .downloaded(output: request.output)
    }

    /// Never leaves a partial file at `destination`: write beside it, flush, rename.
    static func writeAtomically(_ data: Data, to destination: URL) throws {
        let directory = destination.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: directory.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
