import FolioCore
import Foundation

extension FolioRenderer {
    /// Renders many JSON documents concurrently, at most `workers` at a time, and returns one result
    /// per input in input order. Fonts are shared read-only; each render has its own PDF writer.
    /// Cancelling the calling task stops renders in progress at their next page and starts no
    /// other; those documents fail with ``FolioError/Kind/interrupted``.
    ///
    /// ```swift
    /// let inputs = try files.map { try Data(contentsOf: $0) }
    /// for (file, result) in zip(files, await FolioRenderer.renderPDFs(inputs, workers: 2)) {
    ///     switch result {
    ///     case .success(let rendered): try Data(rendered.pdf).write(to: file.deletingPathExtension().appendingPathExtension("pdf"))
    ///     case .failure(let error): print("\(file.lastPathComponent): \(error)")
    ///     }
    /// }
    /// ```
    public static func renderPDFs(
        _ documents: [Data], workers: Int = ProcessInfo.processInfo.activeProcessorCount, options: RenderOptions = RenderOptions()
    ) async -> [Result<RenderResult, FolioError>] {
        // Task cancellation reaches renders in progress at their next page, through the same
        // cancellation the CLI uses for SIGTERM; documents not started yet are not started.
        let cancellation = options.cancellation ?? RenderCancellation()
        let options = {
            var options = options
            options.cancellation = cancellation
            return options
        }()
        let results = await withTaskCancellationHandler {
            await BoundedConcurrency(width: workers).map(documents.count) { index in
                Result { () throws(FolioError) in try renderPDF(json: documents[index], options: options) }
            }
        } onCancel: {
            cancellation.cancel()
        }
        let interrupted = FolioError(kind: .interrupted, issues: [("$", "cancelled before it started")])
        return results.map { $0 ?? .failure(interrupted) }
    }
}
