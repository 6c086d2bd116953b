import Folio
import FolioCore
import Foundation
import Synchronization

/// Batch mode: every `*.json` of a folder rendered in parallel, a progress bar on a terminal and a
/// one-line summary at the end. Returns the exit status (the worst of the documents'). Each document
/// is bounded by the page limit and time budget of `options`, so one bad document cannot stall the
/// batch; on SIGTERM no new document starts and those finished are listed.
struct BatchRenderer {
    let inputDirectory: String
    let outputDirectory: String
    let format: RenderFilesCommand.OutputFormat
    let dpi: Double
    let jobs: Int
    let options: RenderOptions
    let interruption: InterruptionMonitor

    func run() -> Int32 {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inputDirectory).filter { $0.hasSuffix(".json") }.sorted()
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            Diagnostics.report(file: inputDirectory, message: "cannot read the folder or create \(outputDirectory): \(error.localizedDescription)")
            return 2
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let progress = ProgressBar(total: names.count, enabled: isatty(STDERR_FILENO) == 1)
        let cancellation = interruption.cancellation
        // Each document on a thread of its own, at most `jobs` at once; after SIGTERM none starts.
        let outcomes = BoundedConcurrency(width: jobs).mapWaiting(names.count, stopStarting: { cancellation.isCancelled }) { index in
            let job = DocumentJob(
                input: (inputDirectory as NSString).appendingPathComponent(names[index]), output: outputDirectory, outputIsDirectory: true,
                format: format, dpi: dpi, options: options)
            let outcome = job.run()
            progress.advance()
            return outcome
        }
        let results = BatchResults(outcomes)
        progress.finish()
        if let signal = interruption.receivedSignal {
            let finished = results.finishedIndices.map { names[$0] }
            interruption.reportInterruption(signal: signal, finished: finished, total: names.count)
            return ExitStatus.interrupted.rawValue
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let summary = results.summary
        FileHandle.standardError.write(Data(String(
            format: "%d documents, %d pages, %.2f s, %d failures\n", names.count, summary.pages, seconds, summary.failures).utf8))
        return summary.worstStatus
    }
}

/// Outcomes of a batch by input index, `nil` for documents never started.
struct BatchResults {
    let outcomes: [DocumentJob.Outcome?]

    init(_ outcomes: [DocumentJob.Outcome?]) { self.outcomes = outcomes }

    /// Indices of the documents whose output was written, in input order.
    var finishedIndices: [Int] {
        outcomes.indices.filter { index in
            if case .rendered? = outcomes[index] { return true }
            return false
        }
    }

    var summary: (pages: Int, failures: Int, worstStatus: Int32) {
        var pages = 0, failures = 0
        var worst: Int32 = 0
        for case let outcome? in outcomes {
            if case .rendered(let count, _) = outcome { pages += count } else { failures += 1 }
            worst = max(worst, outcome.exitStatus)
        }
        return (pages, failures, worst)
    }
}

/// A one-line progress bar on standard error, redrawn in place.
final class ProgressBar: Sendable {
    private let total: Int
    private let enabled: Bool
    private let done = Mutex(0)

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance() {
        // Drawn under the lock so that bars written by two workers never interleave.
        done.withLock { done in
            done += 1
            guard enabled, total > 0 else { return }
            let width = 30
            let filled = done * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
