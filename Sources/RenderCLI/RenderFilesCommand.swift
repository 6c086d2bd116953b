import ArgumentParser
import Folio
import Foundation

/// `render FILE.json… [-o OUT] [--format pdf|png] [--dpi N] [--fonts DIR]`, and batch mode when an
/// input is a folder: `render DIR --output DIR --jobs N`.
struct RenderFilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "Render document JSON files to PDF (or PNG pages).",
        discussion: """
            Examples:
              render invoice.json                       writes invoice.pdf beside it
              render invoice.json -o out/facture.pdf
              render a.json b.json -o out/              one PDF per input in out/
              render invoice.json --format png --dpi 150   invoice-page-1.png, invoice-page-2.png …
              cat invoice.json | render - > invoice.pdf
              render invoices/ --output pdfs/ --jobs 2  batch: every *.json in invoices/

            Exit status: 0 success, 1 an input document is invalid, 2 usage or I/O error.
            """)

    @Argument(help: "Document JSON files, '-' for standard input, or a folder (batch mode).")
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (one input) or folder (several inputs, batch).")
    var output: String?

    @Option(help: "Output format: pdf or png.")
    var format: OutputFormat = .pdf

    @Option(help: "Resolution of PNG output.")
    var dpi: Double = 150

    @Option(help: "A folder of extra fonts to register besides the bundled ones.")
    var fonts: String?

    @Option(help: "Captions of the CBP 7501 boxes: en (the official form) or fr (French translation).")
    var formCaptions: FormCaptions = .en

    @Option(help: "Parallel documents in batch mode.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case pdf, png }
    enum FormCaptions: String, ExpressibleByArgument, CaseIterable { case en, fr }

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one document (or '-' for standard input)") }
        guard dpi >= 10 && dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
        guard jobs >= 1 && jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64") }
    }

    func run() throws {
        var options = RenderOptions(extraFontDirectory: fonts)
        options.templates.frenchFormCaptions = formCaptions == .fr
        var isDirectory: ObjCBool = false
        if inputs.count == 1, FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isDirectory), isDirectory.boolValue {
            let status = BatchRenderer(
                inputDirectory: inputs[0], outputDirectory: output ?? inputs[0], format: format, dpi: dpi, jobs: jobs, options: options
            ).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        var worst: Int32 = 0
        let outputIsDirectory = inputs.count > 1 || (output?.hasSuffix("/") ?? false)
        if outputIsDirectory, let output {
            do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
                Diagnostics.report(file: output, message: "cannot create the output folder: \(error.localizedDescription)")
                throw ExitStatus.usageOrIO
            }
        }
        for input in inputs {
            let job = DocumentJob(input: input, output: output, outputIsDirectory: outputIsDirectory, format: format, dpi: dpi, options: options)
            worst = max(worst, job.run().exitStatus)
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// Writes `FILE: message` lines to standard error.
enum Diagnostics {
    static func report(file: String, message: String) {
        FileHandle.standardError.write(Data("\(file): \(message)\n".utf8))
    }
}
