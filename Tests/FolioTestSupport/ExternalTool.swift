import Foundation

/// Runs a command-line tool (pdftotext, pdffonts, qpdf, zbarimg …) for output checks in tests.
public enum ExternalTool {
    public struct Output: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        /// Standard output as bytes (a PDF written to standard output).
        public var standardOutputBytes: Data
    }

    /// Whether `name` is on the PATH.
    public static func isAvailable(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    @discardableResult
    public static func run(_ name: String, _ arguments: [String], input: Data? = nil) throws -> Output {
        try run(executable: URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, input: input)
    }

    /// Runs `executable` to completion. `whileRunning` is called once the process started, with its
    /// process identifier (e.g. to send it a signal), before the output is read.
    @discardableResult
    public static func run(
        executable: URL, _ arguments: [String], input: Data? = nil, in directory: URL? = nil, whileRunning: ((Int32) -> Void)? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        // Both pipes drain at once, before waiting, so a chatty tool cannot block on a full pipe.
        let errors = PipeDrain(err.fileHandleForReading)
        if let input {
            inPipe.fileHandleForWriting.write(input)
            try inPipe.fileHandleForWriting.close()
        }
        whileRunning?(process.processIdentifier)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self), standardOutputBytes: outData)
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "folio-test-\(UUID().uuidString)\(suffix)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `pdftotext -enc UTF-8` of a PDF's bytes.
    public static func pdfText(_ pdf: [UInt8], layout: Bool = false) throws -> String {
        let path = try temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try run("pdftotext", ["-enc", "UTF-8"] + (layout ? ["-layout"] : []) + [path, "-"]).standardOutput
    }

    /// Text with every run of white space (NBSP and U+202F included, as pdftotext prints them as
    /// spaces) folded to one space.
    public static func foldingWhitespace(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{202F}" })
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }
}

/// Resident memory of this process in bytes, from /proc/self/statm.
public func residentMemoryBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
