import Folio
import FolioTestSupport
import Foundation
import Testing

/// Faults around a render: unwritable output, a full disk, a file-size limit, missing or corrupt
/// fonts, SIGTERM during a batch. Each ends with a clear message, a non-zero status, and no partial
/// or temporary file.
@Suite("Output faults", .serialized)
struct OutputFaultTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let creditNote = repository.appendingPathComponent("Samples/credit-note-fr/input.json")
    static let longInvoice = repository.appendingPathComponent("Samples/invoice-long-fr/input.json")

    /// A folder holding a copy of `source` as `name`.
    func folder(with source: URL, as name: String = "input.json") throws -> URL {
        let folder = try RenderExecutable.scratchFolder("folio-fault")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
        return folder
    }

    @Test func aReadOnlyFolderIsAnIOErrorAndLeavesNothing() throws {
        let folder = try folder(with: Self.creditNote)
        let output = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output.path) }
        // Root ignores permission bits; a read-only bind is not available everywhere, so a file
        // standing where the folder should be gives the same "cannot write" path for root.
        let blocked = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocked)
        for target in [output.appendingPathComponent("out.pdf"), blocked.appendingPathComponent("out.pdf")] where getuid() != 0 || target.path.hasPrefix(blocked.path) {
            let run = try RenderExecutable.run([folder.appendingPathComponent("input.json").path, "-o", target.path])
            #expect(run.status == 2)
            #expect(run.standardError.contains("cannot write \(target.path): "), "\(run.standardError)")
        }
        #expect(RenderExecutable.files(in: output).isEmpty)
        #expect(RenderExecutable.files(in: folder) == ["input.json", "locked", "not-a-folder"])
    }

    /// `ulimit -f`: the kernel refuses to grow the file (SIGXFSZ is ignored, so write fails with EFBIG).
    /// ThreadSanitizer's runtime itself dies of SIGBUS under a file-size limit, so the test is off
    /// under TSan (Scripts/sanitizers.sh sets TSAN_OPTIONS).
    @Test(.disabled(if: ProcessInfo.processInfo.environment["TSAN_OPTIONS"] != nil, "TSan's runtime cannot run under ulimit -f"))
    func aFileSizeLimitIsAnIOErrorAndRemovesTheTemporaryFile() throws {
        let folder = try folder(with: Self.creditNote)
        let run = try RenderExecutable.run([folder.appendingPathComponent("input.json").path, "-o", folder.appendingPathComponent("out.pdf").path],
                                           preamble: "ulimit -f 8")
        #expect(run.status == 2)
        #expect(run.standardError.contains("cannot write \(folder.path)/out.pdf: File too large"), "\(run.standardError)")
        #expect(RenderExecutable.files(in: folder) == ["input.json"])
    }

    /// A 64 KiB tmpfs filled by a 130 KB PDF. Needs root (mount); skipped elsewhere.
    @Test func aFullDiskIsAnIOErrorAndRemovesTheTemporaryFile() throws {
        let mountPoint = try RenderExecutable.scratchFolder("folio-full-disk")
        let mount = try ExternalTool.run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path])
        guard mount.status == 0 else {
            print("skipped: cannot mount a tmpfs (\(mount.standardError.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? ExternalTool.run("umount", [mountPoint.path]) }
        let run = try RenderExecutable.run([Self.longInvoice.path, "-o", mountPoint.appendingPathComponent("long.pdf").path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("cannot write \(mountPoint.path)/long.pdf: No space left on device"), "\(run.standardError)")
        #expect(RenderExecutable.files(in: mountPoint).isEmpty, "left behind: \(RenderExecutable.files(in: mountPoint))")
    }

    @Test func aMissingFontsFolderIsAUsageError() throws {
        let run = try RenderExecutable.run([Self.creditNote.path, "-o", "/tmp/unused.pdf", "--fonts", "/nonexistent-fonts"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("--fonts /nonexistent-fonts is not a folder"), "\(run.standardError)")
    }

    @Test func aMissingFontFileIsAnEnvironmentError() throws {
        let error = try #require(throws: FolioError.self) {
            try FolioRenderer.renderPDF(json: HostileDocuments.invoice(), options: RenderOptions(extraFontFiles: ["/nonexistent/Brand.ttf"]))
        }
        #expect(error.kind == .environment)
        #expect(error.description.contains("/nonexistent/Brand.ttf"), "\(error)")
    }

    @Test func aCorruptFontIsNamedAndNothingIsWritten() throws {
        let folder = try folder(with: Self.creditNote)
        let fonts = folder.appendingPathComponent("fonts")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        try Data("not a font at all".utf8).write(to: fonts.appendingPathComponent("Garbage.ttf"))
        let garbage = try RenderExecutable.run([folder.appendingPathComponent("input.json").path, "--fonts", fonts.path])
        #expect(garbage.status == 2)
        #expect(garbage.standardError.contains("Garbage.ttf"), "\(garbage.standardError)")
        // A real font cut short: its header is fine, its tables run past the end.
        try FileManager.default.removeItem(at: fonts.appendingPathComponent("Garbage.ttf"))
        let font = try Data(contentsOf: Self.repository.appendingPathComponent("Fonts/NotoSans-Regular.ttf"))
        try font.prefix(4096).write(to: fonts.appendingPathComponent("Truncated.ttf"))
        let truncated = try RenderExecutable.run([folder.appendingPathComponent("input.json").path, "--fonts", fonts.path])
        #expect(truncated.status == 2)
        #expect(truncated.standardError.contains("Truncated.ttf: truncated: table"), "\(truncated.standardError)")
        #expect(RenderExecutable.files(in: folder) == ["fonts", "input.json"])
    }

    /// SIGTERM once the first document is written: no new document starts, the one in progress is
    /// abandoned at its next page, the finished one is listed, the status is 143, nothing partial.
    @Test func sigtermStopsABatchAndListsWhatFinished() throws {
        let input = try RenderExecutable.scratchFolder("folio-batch")
        let output = input.appendingPathComponent("pdfs")
        try HostileDocuments.invoice().write(to: input.appendingPathComponent("a-short.json"))
        // About 15 s each in debug: still running when the signal comes.
        let slow = HostileDocuments.invoice(shipmentCount: 5_000)
        for name in ["b-slow", "c-slow", "d-slow"] { try slow.write(to: input.appendingPathComponent("\(name).json")) }
        var signalled = ContinuousClock.now
        let run = try RenderExecutable.run([input.path, "--output", output.path, "--jobs", "1"]) { pid in
            let deadline = ContinuousClock.now + .seconds(60)
            while !FileManager.default.fileExists(atPath: output.appendingPathComponent("a-short.pdf").path), ContinuousClock.now < deadline {
                usleep(20_000)
            }
            usleep(200_000)
            signalled = ContinuousClock.now
            kill(pid, SIGTERM)
        }
        let stopping = ContinuousClock.now - signalled
        #expect(run.status == 143, "\(run.standardError)")
        #expect(run.standardError.contains("render: interrupted by SIGTERM: 1 of 4 documents finished: a-short.json"), "\(run.standardError)")
        #expect(RenderExecutable.files(in: output) == ["a-short.pdf"], "left: \(RenderExecutable.files(in: output))")
        // A tenth of a second in debug; sanitizers slow the layout before the first page tenfold.
        #expect(stopping < .seconds(15), "took \(stopping) to stop")
        try PDFChecks.expectValid(Array(try Data(contentsOf: output.appendingPathComponent("a-short.pdf"))), containing: ["Atelier Bleu"], name: "a-short")
    }
}
