import FolioTestSupport
import Foundation

/// The output tools these tests use, through the shared `ExternalTool` runner.
enum ExternalTools {
    static let zbarimg: String? = ExternalTool.isAvailable("zbarimg") ? "zbarimg" : nil
    static let qpdf: String? = ExternalTool.isAvailable("qpdf") ? "qpdf" : nil

    /// Exit status and standard output of `tool`.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ExternalTool.run(tool, arguments)
        return (result.status, result.standardOutput)
    }

    /// What zbarimg reads from a PNG (symbols' data, newline-separated).
    static func decodeBarcodes(png: [UInt8]) throws -> String {
        let path = try ExternalTool.temporaryFile(png, suffix: ".png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = try run(zbarimg!, ["--raw", "-q", path]).output
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
