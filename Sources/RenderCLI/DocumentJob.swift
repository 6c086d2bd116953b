import FolioCore
import Folio
import Foundation

/// One input document rendered to its output(s), with errors reported as `FILE: $.path: reason`.
struct DocumentJob: Sendable {
    let input: String
    let output: String?
    let outputIsDirectory: Bool
    let format: RenderFilesCommand.OutputFormat
    let dpi: Double
    let options: RenderOptions
    /// Where to write the Factur-X XML alone (`--e-invoice-xml`).
    var eInvoiceXML: String? = nil

    enum Outcome: Sendable {
        case rendered(pages: Int, warnings: Int)
        case invalid
        case failed
        /// Abandoned because the command was interrupted; nothing was written.
        case interrupted

        var exitStatus: Int32 {
            switch self {
            case .rendered: 0
            case .invalid: 1
            case .failed: 2
            case .interrupted: ExitStatus.interrupted.rawValue
            }
        }
    }

    var displayName: String { input == "-" ? "<stdin>" : input }

    func run() -> Outcome {
        // The input is read once and kept as a source shipments are read back from (a large
        // standard input is spooled to a temporary file), never as a whole decoded model.
        let source: DocumentSource
        do {
            source = input == "-"
                ? try DocumentSource(reading: STDIN_FILENO, byteLimit: options.documentLimits.maxInputBytes)
                : try DocumentSource(contentsOfFile: input)
        } catch {
            Diagnostics.report(file: displayName, message: "cannot read: \(error.reason)")
            return .failed
        }
        var options = self.options
        if input != "-" { options.templates.baseDirectory = URL(fileURLWithPath: input).deletingLastPathComponent().path }
        do {
            let decoded = try FolioRenderer.decodeStreaming(source, limits: options.documentLimits)
            switch format {
            case .pdf:
                // Streamed into the output file page by page; into memory only for standard output.
                let path = outputPath(extension: "pdf")
                let result: RenderResult
                if let path, path != "-" {
                    result = try FolioRenderer.renderPDF(decoded, to: URL(fileURLWithPath: path), options: options)
                } else {
                    result = try FolioRenderer.renderPDF(decoded, options: options)
                    try write(result.pdf, to: nil)
                }
                report(result.warnings)
                // The XML asked for is the one embedded, byte for byte; with no e-invoice embedded
                // (a seller outside the EU) it is built on its own, as asking for it means.
                if let xmlPath = eInvoiceXML, let xml = try result.eInvoiceXML ?? FolioRenderer.eInvoiceXML(decoded, choice: .facturX) {
                    try AtomicFileWriter.write(xml, to: xmlPath)
                }
                return .rendered(pages: result.pageCount, warnings: result.warnings.count)
            case .png:
                var xml: [UInt8]?
                if eInvoiceXML != nil { xml = try FolioRenderer.eInvoiceXML(decoded, choice: .facturX) }
                let result = try FolioRenderer.renderPNG(decoded, dpi: dpi, options: options)
                report(result.warnings)
                if input == "-" && output == nil {
                    guard result.pngPages.count == 1 else {
                        Diagnostics.report(file: displayName, message: "\(result.pngPages.count) PNG pages cannot go to standard output; use -o")
                        return .failed
                    }
                    try write(result.pngPages[0], to: nil)
                } else {
                    let base = outputPath(extension: "png")!
                    let stem = base.hasSuffix(".png") ? String(base.dropLast(4)) : base
                    for (index, png) in result.pngPages.enumerated() { try write(png, to: "\(stem)-page-\(index + 1).png") }
                }
                if let path = eInvoiceXML, let bytes = xml { try AtomicFileWriter.write(bytes, to: path) }
                return .rendered(pages: result.pngPages.count, warnings: result.warnings.count)
            }
        } catch let error as FolioError where error.kind == .interrupted {
            return .interrupted
        } catch let error as FolioError {
            for issue in error.issues { Diagnostics.report(file: displayName, message: issue.path.isEmpty ? issue.reason : "\(issue.path): \(issue.reason)") }
            return error.kind == .invalidDocument ? .invalid : .failed
        } catch let error as AtomicFileWriter.Failure {
            Diagnostics.report(file: displayName, message: error.description)
            return .failed
        } catch {
            Diagnostics.report(file: displayName, message: "\(error)")
            return .failed
        }
    }

    /// nil means standard output.
    private func outputPath(extension ext: String) -> String? {
        let stem = input == "-" ? "document" : URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        if let output {
            if outputIsDirectory { return (output as NSString).appendingPathComponent("\(stem).\(ext)") }
            return output
        }
        if input == "-" { return ext == "pdf" ? nil : "document.\(ext)" }
        return URL(fileURLWithPath: input).deletingPathExtension().appendingPathExtension(ext).path
    }

    private func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try AtomicFileWriter.write(bytes, to: path)
    }

    private func report(_ warnings: [RenderWarning]) {
        for warning in warnings { Diagnostics.report(file: displayName, message: "warning: \(warning)") }
    }
}
