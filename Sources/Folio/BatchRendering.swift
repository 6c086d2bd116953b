import Foundation

extension Folio {
    /// Renders many JSON documents concurrently, at most `workers` at a time, and returns one result
    /// per input in input order. Fonts are shared read-only; each render has its own PDF writer.
    /// Cancelling the calling task stops renders in progress at their next page and starts no
    /// other; those documents fail with ``FolioError/Kind/interrupted``.
    ///
    /// ```swift
    /// let inputs = try files.map { try Data(contentsOf: $0) }
    /// for (file, result) in zip(files, await Folio.renderPDFs(inputs, workers: 2)) {
    ///     switch result {
    ///     case .success(let rendered): try Data(rendered.pdf).write(to: file.deletingPathExtension().appendingPathExtension("pdf"))
    ///     case .failure(let error): print("\(file.lastPathComponent): \(error)")
    ///     }
    /// }
    /// ```
    public static func renderPDFs(
        _ documents: [Data], workers: Int = ProcessInfo.processInfo.activeProcessorCount, options: RenderOptions = RenderOptions()
    ) async -> [Result<RenderResult, FolioError>] {
        var results = [Result<RenderResult, FolioError>?](repeating: nil, count: documents.count)
        // Task cancellation reaches renders in progress at their next page, through the same
        // cancellation the CLI uses for SIGTERM; documents not started yet are not started.
        let cancellation = options.cancellation ?? RenderCancellation()
        let options = {
            var options = options
            options.cancellation = cancellation
            return options
        }()
        await withTaskCancellationHandler {
            await withTaskGroup(of: (Int, Result<RenderResult, FolioError>).self) { group in
                var next = 0
                func start() {
                    let index = next
                    next += 1
                    group.addTask { (index, Result { () throws(FolioError) in try renderPDF(json: documents[index], options: options) }) }
                }
                for _ in 0..<min(max(1, workers), documents.count) { start() }
                for await (index, result) in group {
                    results[index] = result
                    if next < documents.count, !Task.isCancelled { start() }
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        let interrupted = FolioError(kind: .interrupted, issues: [("$", "cancelled before it started")])
        return results.map { $0 ?? .failure(interrupted) }
    }
}
