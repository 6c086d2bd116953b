import FolioTestSupport
import Foundation
import Testing

/// End-to-end tests of the `render` executable: exit statuses, messages with JSON paths, no partial
/// output files, standard input and output, batch mode.
@Suite(.serialized) struct RenderCommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = repository.appendingPathComponent("Samples/credit-note-fr/input.json")

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func render(_ arguments: [String], input: Data? = nil, in directory: URL? = nil) throws -> Run {
        let run = try RenderExecutable.run(arguments, input: input, in: directory)
        return Run(status: run.status, stdout: run.standardOutput, stderr: run.standardError)
    }

    static func scratchFolder() throws -> URL { try RenderExecutable.scratchFolder() }

    static func files(in folder: URL) -> [String] { RenderExecutable.files(in: folder) }

    @Test func validDocumentBecomesAPDFBesideIt() throws {
        let folder = try Self.scratchFolder()
        let input = folder.appendingPathComponent("avoir.json")
        try FileManager.default.copyItem(at: Self.example, to: input)
        let run = try Self.render([input.path])
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = try Data(contentsOf: folder.appendingPathComponent("avoir.pdf"))
        #expect(pdf.starts(with: Data("%PDF-1.7".utf8)))
        #expect(Self.files(in: folder) == ["avoir.json", "avoir.pdf"])
        #expect(try PDFAStructure.check(Array(pdf)).problems == [])
    }

    @Test func pdfStandardNoneWritesAPlainPDF() throws {
        let folder = try Self.scratchFolder()
        for (arguments, header) in [(["--pdf-standard", "none"], "%PDF-1.5"), (["--pdf-standard=pdf-a-3b"], "%PDF-1.7")] {
            let output = folder.appendingPathComponent("out.pdf")
            let run = try Self.render([Self.example.path, "-o", output.path] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            let pdf = try Data(contentsOf: output)
            #expect(pdf.starts(with: Data(header.utf8)), "\(arguments)")
            #expect(String(decoding: pdf, as: UTF8.self).contains("/OutputIntents") == (header == "%PDF-1.7"))
        }
        // Through ArgumentParser (the `files` subcommand is never on the fast path) too.
        let output = folder.appendingPathComponent("files.pdf")
        let run = try Self.render(["files", Self.example.path, "-o", output.path, "--pdf-standard", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: output).starts(with: Data("%PDF-1.5".utf8)))
        let wrong = try Self.render([Self.example.path, "--pdf-standard", "pdf-a-1b"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("pdf-standard"), "\(wrong.stderr)")
    }

    @Test func invalidDocumentExitsOneWithThePathAndWritesNothing() throws {
        let folder = try Self.scratchFolder()
        var json = try String(contentsOf: Self.example, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"currency\": \"EUR\"", with: "\"currency\": \"EURO\"")
        let input = folder.appendingPathComponent("broken.json")
        try json.write(to: input, atomically: true, encoding: .utf8)
        let run = try Self.render([input.path, "-o", folder.appendingPathComponent("out.pdf").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(input.path): $.currency: "), "\(run.stderr)")
        #expect(Self.files(in: folder) == ["broken.json"])
    }

    @Test func malformedJSONNamesTheByteAndExitsOne() throws {
        let run = try Self.render(["-"], input: Data("{\"kind\": \"invoice\",".utf8))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("<stdin>: $"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func unwritableOutputExitsTwoAndLeavesNothingBehind() throws {
        let folder = try Self.scratchFolder()
        let blocker = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        // The destination is a folder: the rename over it fails after the PDF was fully written.
        let run = try Self.render([Self.example.path, "-o", blocker.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write"), "\(run.stderr)")
        #expect(Self.files(in: folder) == ["taken"], "temporary files left: \(Self.files(in: folder))")
        let missing = try Self.render([Self.example.path, "-o", "/nonexistent-folder/x.pdf"])
        #expect(missing.status == 2)
    }

    @Test func standardInputToStandardOutput() throws {
        let run = try Self.render(["-"], input: try Data(contentsOf: Self.example))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.starts(with: Data("%PDF-1.7".utf8)))
        #expect(run.stdout.suffix(6).contains(Data("%%EOF".utf8)))
    }

    @Test func pngPagesAtTheChosenResolution() throws {
        let folder = try Self.scratchFolder()
        let run = try Self.render([Self.example.path, "--format", "png", "--dpi", "30", "-o", folder.appendingPathComponent("page.png").path])
        #expect(run.status == 0, "\(run.stderr)")
        let png = try Data(contentsOf: folder.appendingPathComponent("page-page-1.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A4 at 30 dpi is 249 pixels wide (IHDR width, big-endian at offset 16).
        #expect(png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 249)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.render([]).status == 2)
        #expect(try Self.render(["--no-such-option", "x.json"]).status == 2)
        #expect(try Self.render([Self.example.path, "--format", "tiff"]).status == 2)
        #expect(try Self.render(["/nonexistent/input.json"]).status == 2)
    }

    @Test func versionAndHelp() throws {
        let version = try Self.render(["--version"])
        #expect(version.status == 0)
        #expect(String(decoding: version.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try Self.render(["--help"])
        #expect(help.status == 0)
        #expect(String(decoding: help.stdout, as: UTF8.self).contains("Examples:"))
    }

    @Test func batchRendersAFolderAndReportsFailures() throws {
        let input = try Self.scratchFolder()
        let output = input.appendingPathComponent("pdfs")
        try FileManager.default.copyItem(at: Self.example, to: input.appendingPathComponent("a.json"))
        try FileManager.default.copyItem(at: Self.example, to: input.appendingPathComponent("b.json"))
        try Data("[1, 2".utf8).write(to: input.appendingPathComponent("c.json"))
        let run = try Self.render([input.path, "--output", output.path, "--jobs", "2"])
        #expect(run.status == 1)
        #expect(Self.files(in: output) == ["a.pdf", "b.pdf"])
        #expect(run.stderr.contains("3 documents, 2 pages"), "\(run.stderr)")
        #expect(run.stderr.contains("1 failures"))
        #expect(run.stderr.contains("c.json: $"))
    }
}
