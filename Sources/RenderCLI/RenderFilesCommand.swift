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
              render invoices/ -o pdfs/ --time-budget 30 --max-pages 500
              render invoice.json --allow-images-from /srv/logos
              render invoice.json --pdf-standard none   a plain PDF instead of PDF/A-3b
              render invoice.json --e-invoice-xml invoice.xml   also writes the Factur-X XML alone
              render invoice.json --e-invoice none      no factur-x.xml in the PDF
              render invoice.json --tagged-pdf off      no structure tree (smallest file)

            An invoice or credit note whose seller is in the EU carries its EN 16931 XML
            (Factur-X / ZUGFeRD, profile EN 16931) as factur-x.xml unless --e-invoice none; a
            document that cannot become a valid EN 16931 invoice fails with the JSON path and the
            rule (BR-…).

            A logo (theme.logo) is read from the JSON file's folder and may not leave it, unless
            --allow-images-from names a folder it may come from.

            Exit status: 0 success, 1 an input document is invalid (or exceeds a limit), 2 usage
            or I/O error, 143 interrupted by SIGTERM or SIGINT (the documents that finished are
            listed; no partial file is left).
            """)

    @Argument(help: "Document JSON files, '-' for standard input, or a folder (batch mode).")
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (one input) or folder (several inputs, batch).")
    var output: String?

    @Option(help: "Output format: pdf or png.")
    var format: OutputFormat = RenderFilesRequest.defaultFormat

    @Option(help: "Resolution of PNG output.")
    var dpi: Double = RenderFilesRequest.defaultDPI

    @Option(help: "A folder of extra fonts to register besides the bundled ones.")
    var fonts: String?

    @Option(help: "Captions of the CBP 7501 boxes: en (the official form) or fr (French translation).")
    var formCaptions: FormCaptions = RenderFilesRequest.defaultFormCaptions

    @Option(help: "Parallel documents in batch mode (default: the number of processors available).")
    var jobs: Int?

    @Option(name: .customLong("allow-images-from"), help: ArgumentHelp("A folder logos may come from besides the document's own folder.", valueName: "DIR"))
    var allowedImageRoot: String?

    @Option(name: .customLong("max-pages"), help: "Most pages one document may produce.")
    var maximumPages: Int = RenderFilesRequest.defaultMaximumPages

    @Option(name: .customLong("time-budget"), help: ArgumentHelp("Most seconds one document may take; 0 for no limit.", valueName: "SECONDS"))
    var timeBudget: Double = RenderFilesRequest.defaultTimeBudget

    @Option(name: .customLong("pdf-standard"), help: "Archival standard of PDF output: pdf-a-3b (PDF/A-3b) or none (a plain PDF).")
    var pdfStandard: PDFStandardChoice = RenderFilesRequest.defaultPDFStandard

    @Option(name: .customLong("e-invoice"), help: "E-invoice embedded in an invoice's PDF: factur-x or none (default: factur-x when the seller is in the EU).")
    var eInvoice: EInvoiceArgument?

    @Option(name: .customLong("e-invoice-xml"), help: ArgumentHelp("Also write the Factur-X XML alone to FILE (one input document).", valueName: "FILE"))
    var eInvoiceXML: String?

    /// The values of `--e-invoice`; absent means ``EInvoiceChoice/automatic``.
    enum EInvoiceArgument: String, ExpressibleByArgument, CaseIterable {
        case none
        case facturX = "factur-x"

        var choice: EInvoiceChoice { self == .none ? .none : .facturX }
    }

    @Option(name: .customLong("tagged-pdf"), help: "Tagged PDF (PDF/UA-1 structure for screen readers): on or off (a smaller file).")
    var taggedPDF: Switch = RenderFilesRequest.defaultTaggedPDF

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case pdf, png }
    enum Switch: String, ExpressibleByArgument, CaseIterable { case on, off }
    enum FormCaptions: String, ExpressibleByArgument, CaseIterable { case en, fr }
    /// The values of `--pdf-standard`, spelt as ``PDFStandard``'s raw values.
    enum PDFStandardChoice: String, ExpressibleByArgument, CaseIterable {
        case none
        case pdfA3b = "pdf-a-3b"

        var standard: PDFStandard {
            switch self {
            case .none: .none
            case .pdfA3b: .pdfA3b
            }
        }
    }

    /// What the parsed options ask for.
    var request: RenderFilesRequest {
        RenderFilesRequest(
            inputs: inputs, output: output, format: format, dpi: dpi, fonts: fonts, formCaptions: formCaptions, jobs: jobs,
            allowedImageRoot: allowedImageRoot, maximumPages: maximumPages, timeBudget: timeBudget, pdfStandard: pdfStandard,
            eInvoice: eInvoice, eInvoiceXML: eInvoiceXML, taggedPDF: taggedPDF)
    }

    func validate() throws { try request.validate() }

    func run() throws { try request.run() }
}

/// The options of `render files`, however they were parsed: by ArgumentParser (``RenderFilesCommand``)
/// or by the fast path of the common invocations (``RenderFastPath``).
struct RenderFilesRequest: Equatable {
    var inputs: [String]
    var output: String?
    var format: RenderFilesCommand.OutputFormat
    var dpi: Double
    var fonts: String?
    var formCaptions: RenderFilesCommand.FormCaptions
    /// nil for ``defaultJobs``, asked for only when a folder is rendered: reading the processor count
    /// (cgroup quota and CPU set files) is start-up work a single document does not need.
    var jobs: Int?
    var allowedImageRoot: String?
    var maximumPages: Int
    var timeBudget: Double
    var pdfStandard: RenderFilesCommand.PDFStandardChoice
    var eInvoice: RenderFilesCommand.EInvoiceArgument?
    var eInvoiceXML: String?
    var taggedPDF: RenderFilesCommand.Switch

    static let defaultFormat = RenderFilesCommand.OutputFormat.pdf
    static let defaultDPI: Double = 150
    static let defaultFormCaptions = RenderFilesCommand.FormCaptions.en
    static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
    static let defaultMaximumPages = RenderOptions.defaultMaximumPages
    static let defaultTimeBudget: Double = 300
    static let defaultPDFStandard = RenderFilesCommand.PDFStandardChoice.pdfA3b
    static let defaultTaggedPDF = RenderFilesCommand.Switch.on

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one document (or '-' for standard input)") }
        guard dpi >= 10 && dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
        if let jobs { guard jobs >= 1 && jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64") } }
        guard maximumPages >= 1 else { throw ValidationError("--max-pages must be at least 1") }
        guard timeBudget >= 0 && timeBudget.isFinite else { throw ValidationError("--time-budget must be a number of seconds, 0 for no limit") }
        if eInvoiceXML != nil {
            guard inputs.count == 1 else { throw ValidationError("--e-invoice-xml writes the XML of one document: give one input") }
            guard eInvoice != RenderFilesCommand.EInvoiceArgument.none else { throw ValidationError("--e-invoice-xml cannot go with --e-invoice none") }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError("--e-invoice-xml writes the XML of one document, not of a folder")
            }
        }
        for (flag, folder) in [("--allow-images-from", allowedImageRoot), ("--fonts", fonts)] {
            guard let folder else { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("\(flag) \(folder) is not a folder")
            }
        }
    }

    func run() throws {
        // Past a file-size limit (`ulimit -f`) the kernel would kill the process mid-write and leave
        // the temporary file behind; ignored, the write fails with EFBIG and is reported and cleaned up.
        signal(SIGXFSZ, SIG_IGN)
        let interruption = InterruptionMonitor()
        // Its signal handlers live as long as it does: to the end of the command, whatever the optimiser
        // sees of its last use.
        defer { withExtendedLifetime(interruption) {} }
        var options = RenderOptions(
            extraFontDirectory: fonts, maximumPages: maximumPages, timeBudget: timeBudget > 0 ? .milliseconds(Int64(timeBudget * 1000)) : nil,
            cancellation: interruption.cancellation, pdfStandard: pdfStandard.standard, eInvoice: eInvoice?.choice ?? .automatic, taggedPDF: taggedPDF == .on)
        options.templates.allowedImageRoot = allowedImageRoot
        options.templates.frenchFormCaptions = formCaptions == .fr
        var isDirectory: ObjCBool = false
        if inputs.count == 1, FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isDirectory), isDirectory.boolValue {
            let status = BatchRenderer(
                inputDirectory: inputs[0], outputDirectory: output ?? inputs[0], format: format, dpi: dpi, jobs: jobs ?? Self.defaultJobs, options: options,
                interruption: interruption
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
        var finished: [String] = []
        for input in inputs {
            guard !interruption.cancellation.isCancelled else { break }
            let job = DocumentJob(input: input, output: output, outputIsDirectory: outputIsDirectory, format: format, dpi: dpi, options: options,
                                  eInvoiceXML: eInvoiceXML)
            let outcome = job.run()
            if case .rendered = outcome { finished.append(job.displayName) }
            worst = max(worst, outcome.exitStatus)
        }
        if let signal = interruption.receivedSignal {
            interruption.reportInterruption(signal: signal, finished: finished, total: inputs.count)
            throw ExitStatus.interrupted
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// Writes `FILE: message` lines to standard error.
enum Diagnostics {
    static func report(file: String, message: String) {
        writeToStandardError("\(file): \(message)\n")
    }

    /// Writes `text` whole to standard error with `write(2)`: `FileHandle` and `Data` cost more
    /// runtime type lookups on their first use than a short warning is worth.
    static func writeToStandardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
