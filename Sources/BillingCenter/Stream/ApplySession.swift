import DocumentModel
import Foundation

/// `render billing --db PATH apply [FILE|-]` (S-1..S-6): one result line per request, in order,
/// each written only after its command is committed.
///
/// ```swift
/// let session = ApplySession(log: store, clock: { Instant.now() }, documents: FileDocumentLoader(), renderer: renderer)
/// var reader = LineReader(handle: .standardInput)
/// let status = session.run(reader: &reader) { line in print(line) }
/// ```
public struct ApplySession {
    public enum ExitStatus: Int32, Sendable {
        case allOK = 0, someFailed = 1, cannotContinue = 2
    }

    public let log: any BillingLog
    /// Read once per request; the rules never read a clock (T-5).
    public let clock: () -> Instant
    public let documents: any DocumentLoading
    public let renderer: any DocumentRenderer
    public let workingDirectory: URL

    public init(log: any BillingLog, clock: @escaping () -> Instant, documents: any DocumentLoading, renderer: any DocumentRenderer,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.log = log
        self.clock = clock
        self.documents = documents
        self.renderer = renderer
        self.workingDirectory = workingDirectory
    }

    /// Processes every line; `emit` receives each compact JSON result line (without LF).
    /// `diagnose` receives standard-error text.
    public func run(reader: inout LineReader, emit: (String) -> Void, diagnose: (String) -> Void = { _ in }) -> ExitStatus {
        var status = ExitStatus.allOK
        var lineNumber = 0
        while true {
            let line: [UInt8]
            do {
                guard let next = try reader.nextLine() else { break }
                line = next
            } catch {
                diagnose("cannot read input: \(error)")
                return .cannotContinue
            }
            lineNumber += 1
            guard !line.allSatisfy({ [0x20, 0x09, 0x0B, 0x0C, 0x0D].contains($0) }) else { continue }
            let response: BillingResponse
            do {
                response = try respond(to: line, lineNumber: lineNumber)
            } catch {
                // S-3: a storage failure answers storage_error and stops processing.
                emit(BillingResponse.failure(BillingError(.storageError, "storage failure: \(error)")).json.compactText)
                diagnose("storage failure at line \(lineNumber): \(error)")
                return .cannotContinue
            }
            if !response.isOK { status = .someFailed }
            emit(response.line)
        }
        return status
    }

    /// One line's answer; throws only on storage failure.
    public func respond(to line: [UInt8], lineNumber: Int) throws -> BillingResponse {
        let request: BillingRequest
        do { request = try RequestDecoder.decode(line: line, lineNumber: lineNumber) } catch { return .failure(error) }
        let environment = RequestEnvironment(wallClock: clock(), documents: documents, renderer: renderer, workingDirectory: workingDirectory)
        return try log.handle(request, environment: environment)
    }
}

extension Instant {
    /// The machine's wall clock, for the CLI only (S-1); rules receive instants explicitly.
    public static func wallClock() -> Instant {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Instant(microseconds: Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1000)
    }
}
