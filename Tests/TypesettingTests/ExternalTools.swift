import Foundation

/// Command-line tools the output tests use, when installed.
enum ExternalTools {
    static let zbarimg = find("zbarimg")
    static let qpdf = find("qpdf")

    private static func find(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool` and returns its exit status and output (stdout and stderr).
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// What zbarimg reads from a PNG (symbols' data, newline-separated).
    static func decodeBarcodes(png: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-decode-\(UUID().uuidString).png")
        try Data(png).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var text = try run(zbarimg!, ["--raw", "-q", url.path]).output
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
