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
        BuiltProducts.executable(named: "render")
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("render")
    }

    /// Runs `render arguments…` to completion. `whileRunning` is called once the process started,
    /// with its process identifier (e.g. to send it a signal), before the output is read.
    public static func run(
        _ arguments: [String], input: Data? = nil, in directory: URL? = nil, preamble: String? = nil,
        whileRunning: ((Int32) -> Void)? = nil
    ) throws -> Run {
        // With a preamble, a shell runs it (e.g. `ulimit -f 8`) and then replaces itself with render.
        let output = try preamble.map { preamble in
            try ExternalTool.run(
                executable: URL(fileURLWithPath: "/bin/sh"), ["-c", "\(preamble) && exec \"$0\" \"$@\"", url.path] + arguments,
                input: input, in: directory, whileRunning: whileRunning)
        } ?? ExternalTool.run(executable: url, arguments, input: input, in: directory, whileRunning: whileRunning)
        return Run(status: output.status, standardOutput: output.standardOutputBytes, standardError: output.standardError)
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
