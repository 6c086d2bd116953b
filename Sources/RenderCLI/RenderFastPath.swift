import Folio
import Foundation

/// The common invocations, `render FILE… [-o OUT] [--format pdf|png] [--dpi N] …`, parsed without
/// ArgumentParser.
///
/// ArgumentParser builds its whole command tree, reflects over every property wrapper and asks the
/// Swift runtime for dozens of protocol conformances before it looks at the first argument; in a
/// statically linked `render` each first conformance lookup scans every conformance record of the
/// binary, so parsing cost more than a sixth of the instructions of rendering a one-page invoice.
///
/// Only arguments this parser understands completely are taken: positional inputs and the options of
/// `render files`, each at most once, as `--name value`, `--name=value` or `-o value`, with a value
/// that converts as ArgumentParser would convert it. Anything else — subcommands, `--help`,
/// `--version`, unknown or repeated options, `--`, values that look like options or do not convert,
/// options that fail validation — returns `false` before anything is done, and ArgumentParser parses
/// the same arguments again with its usual diagnostics.
///
/// ```swift
/// if try !RenderFastPath.run(arguments: CommandLine.arguments) {
///     var command = try RenderCommand.parseAsRoot()
///     try command.run()
/// }
/// ```
public enum RenderFastPath {
    /// Renders when `arguments` (program name first) are a common invocation; `false` when they are
    /// not and nothing was done. Throws what ``RenderFilesCommand``'s `run()` throws.
    public static func run(arguments: [String]) throws -> Bool {
        guard let request = RenderFilesRequest(fastParsing: arguments.dropFirst()) else { return false }
        // A validation failure is reported by ArgumentParser, with its usage text.
        do { try request.validate() } catch { return false }
        try request.run()
        return true
    }
}

extension RenderFilesRequest {
    /// Whether ArgumentParser would read `argument` as a subcommand (or its help) instead of a document.
    static func isSubcommandName(_ argument: String) -> Bool {
        switch argument {
        case "files", "samples", "billing", "help": true
        default: false
        }
    }

    /// The request `arguments` (without the program name) ask for, or nil when they are not in the
    /// simple form described in ``RenderFastPath``.
    ///
    /// Plain optionals and a `switch`, no `Set` or `Dictionary` of new element types: the first use of
    /// a generic type in a process makes the runtime look up its conformances.
    init?(fastParsing arguments: ArraySlice<String>) {
        var inputs: [String] = []
        var output: String?, format: String?, dpi: String?, fonts: String?, formCaptions: String?
        var jobs: String?, allowedImageRoot: String?, maximumPages: String?, timeBudget: String?, pdfStandard: String?
        var eInvoice: String?, eInvoiceXML: String?
        var taggedPDF: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if Self.isSubcommandName(argument) { return nil }
            guard argument.hasPrefix("-"), argument != "-" else {
                inputs.append(argument)
                continue
            }
            let name: Substring
            let value: String
            if argument == "-o" {
                name = "output"
                guard index < arguments.endIndex else { return nil }
                value = arguments[index]
                index += 1
            } else if argument.hasPrefix("--") {
                let nameAndValue = argument.dropFirst(2)
                if let equals = nameAndValue.firstIndex(of: "=") {
                    name = nameAndValue[..<equals]
                    value = String(nameAndValue[nameAndValue.index(after: equals)...])
                } else {
                    guard index < arguments.endIndex else { return nil }
                    name = nameAndValue
                    value = arguments[index]
                    index += 1
                }
            } else {
                return nil
            }
            // A value that looks like an option (or a subcommand) is left to ArgumentParser; a lone
            // `-` (standard output) is an ordinary value.
            if value.isEmpty || (value.hasPrefix("-") && value != "-") || Self.isSubcommandName(value) { return nil }
            // Each option at most once.
            func take(_ slot: inout String?) -> Bool {
                guard slot == nil else { return false }
                slot = value
                return true
            }
            let taken: Bool
            switch name {
            case "output": taken = take(&output)
            case "format": taken = take(&format)
            case "dpi": taken = take(&dpi)
            case "fonts": taken = take(&fonts)
            case "form-captions": taken = take(&formCaptions)
            case "jobs": taken = take(&jobs)
            case "allow-images-from": taken = take(&allowedImageRoot)
            case "max-pages": taken = take(&maximumPages)
            case "time-budget": taken = take(&timeBudget)
            case "pdf-standard": taken = take(&pdfStandard)
            case "e-invoice": taken = take(&eInvoice)
            case "e-invoice-xml": taken = take(&eInvoiceXML)
            case "tagged-pdf": taken = take(&taggedPDF)
            default: return nil
            }
            guard taken else { return nil }
        }

        self.inputs = inputs
        self.output = output
        self.fonts = fonts
        self.allowedImageRoot = allowedImageRoot
        if let format {
            guard let parsed = RenderFilesCommand.OutputFormat(rawValue: format) else { return nil }
            self.format = parsed
        } else {
            self.format = Self.defaultFormat
        }
        if let formCaptions {
            guard let parsed = RenderFilesCommand.FormCaptions(rawValue: formCaptions) else { return nil }
            self.formCaptions = parsed
        } else {
            self.formCaptions = Self.defaultFormCaptions
        }
        self.eInvoiceXML = eInvoiceXML
        if let eInvoice {
            guard let parsed = RenderFilesCommand.EInvoiceArgument(rawValue: eInvoice) else { return nil }
            self.eInvoice = parsed
        } else {
            self.eInvoice = nil
        }
        if let pdfStandard {
            guard let parsed = RenderFilesCommand.PDFStandardChoice(rawValue: pdfStandard) else { return nil }
            self.pdfStandard = parsed
        } else {
            self.pdfStandard = Self.defaultPDFStandard
        }
        if let taggedPDF {
            guard let parsed = RenderFilesCommand.Switch(rawValue: taggedPDF) else { return nil }
            self.taggedPDF = parsed
        } else {
            self.taggedPDF = Self.defaultTaggedPDF
        }
        if let dpi {
            guard let parsed = Double(dpi) else { return nil }
            self.dpi = parsed
        } else {
            self.dpi = Self.defaultDPI
        }
        if let jobs {
            guard let parsed = Int(jobs) else { return nil }
            self.jobs = parsed
        }
        if let maximumPages {
            guard let parsed = Int(maximumPages) else { return nil }
            self.maximumPages = parsed
        } else {
            self.maximumPages = Self.defaultMaximumPages
        }
        if let timeBudget {
            guard let parsed = Double(timeBudget) else { return nil }
            self.timeBudget = parsed
        } else {
            self.timeBudget = Self.defaultTimeBudget
        }
    }
}
