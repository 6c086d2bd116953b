import FolioTestSupport
import Foundation
import Testing

/// Runs the built `render` executable as a child process (durability and concurrency need real
/// processes: a kill, two writers).
enum BillingProcess {
    /// `render` beside the test bundle in the build products directory, or `$FOLIO_RENDER_BINARY`.
    static var renderBinary: URL? {
        if let path = ProcessInfo.processInfo.environment["FOLIO_RENDER_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("render")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Starts `render` with `arguments` in `directory`, stdout and stderr piped.
    static func start(_ arguments: [String], in directory: URL) throws -> (Process, Pipe, Pipe) {
        guard let binary = renderBinary else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "render binary not found next to \(CommandLine.arguments[0]); build the 'render' product"])
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output, errors)
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Outcome {
        let (process, output, errors) = try start(arguments, in: directory)
        let drainedErrors = PipeDrain(errors.fileHandleForReading)
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = drainedErrors.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func invoiceLine(_ id: String, at: String = "2024-03-01T00:00:00Z") -> String {
        #"{"op":"registerInvoice","id":"\#(id)","number":"N-\#(id)","account":{"lineOfBusiness":"parcel","accountType":"individual","number":"1A2B3C","country":"FR"},"category":"delivery-service","createdAt":"2024-03-01T00:00:00Z","invoiceDate":"2024-03-01","dueDate":"2024-03-31","amountDue":"10.00","currency":"EUR","controlId":"C","status":"open","at":"\#(at)"}"#
    }
}

/// A fresh directory for one test's database and files.
struct BillingScratchDirectory {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("billing-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ text: String, to name: String) { try! Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    func remove() { try? FileManager.default.removeItem(at: url) }
}
