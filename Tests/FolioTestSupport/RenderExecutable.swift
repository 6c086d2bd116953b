import Foundation

/// The `render` executable built beside the test bundle, run as a child process for end-to-end
/// tests of exit statuses, messages and files left behind.
///
/// ```swift
/// let run = try RenderExecutable.run(["invoice.json", "-o", "out.pdf"])
/// #expect(run.status == 0, "\(run.standardError)")
/// ```
public enum RenderExecutable {
    public struct Run: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: String
    }

    public static var url: URL {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("render")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return products.appendingPathComponent("render")
    }

    /// Runs `render arguments…` to completion. `whileRunning` is called once the process started,
    /// with its process identifier (e.g. to send it a signal), before the output is read.
    public static func run(
        _ arguments: [String], input: Data? = nil, in directory: URL? = nil, preamble: String? = nil,
        whileRunning: ((Int32) -> Void)? = nil
    ) throws -> Run {
        let process = Process()
        if let preamble {
            // A shell runs `preamble` (e.g. `ulimit -f 8`) first, then replaces itself with render.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(preamble) && exec \"$0\" \"$@\"", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let input {
            inPipe.fileHandleForWriting.write(input)
            try inPipe.fileHandleForWriting.close()
        }
        whileRunning?(process.processIdentifier)
        // Read both pipes before waiting so a chatty process cannot block on a full pipe.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: stdout, standardError: stderr)
    }

    /// A fresh empty folder under the temporary directory.
    public static func scratchFolder(_ prefix: String = "folio-cli") throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Names in `folder`, sorted; hidden files (temporary outputs) included.
    public static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
