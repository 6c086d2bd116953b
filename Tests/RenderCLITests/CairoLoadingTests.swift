import Foundation
import Testing

/// A `render` process maps Cairo (and the 14 libraries it brings) only when it draws PNG pages, and
/// never a second ICU beside Foundation's: glibc's loader names every library it opens under
/// `LD_DEBUG=libs`.
@Suite struct CairoLoadingTests {
    static let input = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/invoice-delivery-fr/input.json")

    /// The libraries the loader opened while `render arguments` ran, and its exit status.
    static func loadedLibraries(_ arguments: [String], in directory: URL) throws -> (status: Int32, libraries: String) {
        let binary = try #require(BillingProcess.renderBinary, "build the 'render' product")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_DEBUG": "libs"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let log = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let loader = String(decoding: log, as: UTF8.self).split(separator: "\n").filter { $0.contains("find library=") || $0.contains("calling init:") }
        return (process.terminationStatus, loader.joined(separator: "\n"))
    }

    @Test func pdfOnlyProcessNeverOpensCairo() throws {
        let scratch = BillingScratchDirectory()
        defer { scratch.remove() }
        let run = try Self.loadedLibraries([Self.input.path, "-o", "out.pdf"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.libraries.contains("libharfbuzz"), "the loader's log was not read: \(run.libraries)")
        #expect(!run.libraries.contains("libcairo"))
        #expect(!run.libraries.contains("libX11"))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.pdf").path))
    }

    /// Line breaking uses the ICU that Foundation carries; Debian's libicuuc would bring libicudata
    /// and libstdc++ with it.
    @Test func aProcessLoadsNoSecondICU() throws {
        let scratch = BillingScratchDirectory()
        defer { scratch.remove() }
        let run = try Self.loadedLibraries([Self.input.path, "-o", "out.pdf"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.libraries.contains("libharfbuzz"), "the loader's log was not read: \(run.libraries)")
        #expect(!run.libraries.contains("libicuuc"))
        #expect(!run.libraries.contains("libicudata"))
    }

    @Test func pngPagesOpenCairoWhenFirstDrawn() throws {
        let scratch = BillingScratchDirectory()
        defer { scratch.remove() }
        let run = try Self.loadedLibraries([Self.input.path, "--format", "png", "--dpi", "20", "-o", "pages/"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.libraries.contains("libcairo.so.2"))
        let pages = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("pages").path)
        #expect(pages.contains { $0.hasSuffix(".png") }, "\(pages)")
    }
}
