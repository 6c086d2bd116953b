import ArgumentParser
import Foundation
import Testing
@testable import RenderCLI

/// The fast path of `render FILE… [options]` must read arguments exactly as ArgumentParser does, and
/// leave everything else to it.
@Suite struct RenderFastPathTests {
    static func fast(_ arguments: [String]) -> RenderFilesRequest? {
        RenderFilesRequest(fastParsing: arguments[...])
    }

    static func parsed(_ arguments: [String]) throws -> RenderFilesRequest? {
        (try RenderCommand.parseAsRoot(arguments) as? RenderFilesCommand)?.request
    }

    @Test(arguments: [
        ["invoice.json"],
        ["invoice.json", "-o", "out.pdf"],
        ["-o", "out/", "a.json", "b.json"],
        ["-"],
        ["-", "-o", "-"],
        ["invoice.json", "--output=out.pdf", "--format", "png", "--dpi", "72.5"],
        ["invoice.json", "--format=pdf", "--dpi=300", "--fonts", "/tmp", "--form-captions", "fr"],
        ["invoices/", "--output", "pdfs/", "--jobs", "2", "--max-pages", "500", "--time-budget", "30"],
        ["invoice.json", "--allow-images-from", "/tmp", "--time-budget", "0"],
        ["a b.json", "c=d.json", "-o", "x y.pdf"],
        ["invoice.json", "--pdf-standard", "none"],
        ["invoice.json", "--pdf-standard=pdf-a-3b", "-o", "out.pdf"],
        ["invoice.json", "--e-invoice", "none"],
        ["invoice.json", "--e-invoice=factur-x", "--e-invoice-xml", "invoice.xml"],
        ["invoice.json", "--e-invoice-xml=out/x.xml", "-o", "out.pdf"],
        ["invoice.json", "--tagged-pdf", "off"],
        ["invoice.json", "--tagged-pdf=on", "--pdf-standard", "none"],
    ])
    func commonInvocationsParseAsArgumentParserParsesThem(_ arguments: [String]) throws {
        let fast = try #require(Self.fast(arguments))
        #expect(try Self.parsed(arguments) == fast)
    }

    @Test(arguments: [
        ["--help"],
        ["-h"],
        ["invoice.json", "--help"],
        ["--version"],
        ["files", "invoice.json"],
        ["samples"],
        ["billing", "--db", "b.sqlite", "apply", "r.jsonl"],
        ["help"],
        ["invoice.json", "-o"],
        ["invoice.json", "--output"],
        ["invoice.json", "-o", "a.pdf", "--output", "b.pdf"],
        ["invoice.json", "--dpi", "abc"],
        ["invoice.json", "--dpi", "-5"],
        ["invoice.json", "--format", "tiff"],
        ["invoice.json", "--format", "PDF"],
        ["invoice.json", "--jobs", "1.5"],
        ["invoice.json", "--output="],
        ["invoice.json", "-o", ""],
        ["invoice.json", "--no-such-option"],
        ["invoice.json", "-x"],
        ["invoice.json", "-ofile.pdf"],
        ["--", "invoice.json"],
        ["invoice.json", "-o", "--format"],
        ["invoice.json", "-o", "samples"],
        ["invoice.json", "--pdf-standard", "pdf-a-2b"],
        ["invoice.json", "--pdf-standard", "PDF-A-3B"],
        ["invoice.json", "--pdf-standard", "none", "--pdf-standard", "none"],
        ["invoice.json", "--e-invoice", "zugferd"],
        ["invoice.json", "--e-invoice", "Factur-X"],
        ["invoice.json", "--e-invoice-xml"],
        ["invoice.json", "--e-invoice-xml", "a.xml", "--e-invoice-xml", "b.xml"],
        ["invoice.json", "--tagged-pdf", "yes"],
        ["invoice.json", "--tagged-pdf", "off", "--tagged-pdf", "on"],
    ])
    func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
        #expect(Self.fast(arguments) == nil)
    }

    /// Parsed, but refused by validation: the fast path then leaves the arguments to ArgumentParser,
    /// which reports the same failure with its usage text.
    @Test(arguments: [
        [],
        ["invoice.json", "--dpi", "5"],
        ["invoice.json", "--jobs", "0"],
        ["invoice.json", "--max-pages", "0"],
        ["invoice.json", "--time-budget", "inf"],
        ["invoice.json", "--fonts", "/nonexistent-folder"],
        ["a.json", "b.json", "--e-invoice-xml", "x.xml"],
        ["invoice.json", "--e-invoice", "none", "--e-invoice-xml", "x.xml"],
        ["/tmp", "--e-invoice-xml", "x.xml"],
    ])
    func invalidValuesFailTheSameValidation(_ arguments: [String]) throws {
        let fast = try #require(Self.fast(arguments))
        #expect(throws: ValidationError.self) { try fast.validate() }
        #expect(throws: (any Error).self) { try Self.parsed(arguments) }
        #expect(try RenderFastPath.run(arguments: ["render"] + arguments) == false)
    }

    @Test func optionsTakeTheirDefaultsLikeArgumentParser() throws {
        let fast = try #require(Self.fast(["invoice.json"]))
        #expect(fast.format == .pdf && fast.dpi == 150 && fast.formCaptions == .en && fast.timeBudget == 300 && fast.pdfStandard == .pdfA3b)
        #expect(try Self.parsed(["invoice.json"])?.pdfStandard == .pdfA3b)
        #expect(Self.fast(["invoice.json", "--pdf-standard", "none"])?.pdfStandard == RenderFilesCommand.PDFStandardChoice.none)
        #expect(fast.eInvoice == nil && fast.eInvoiceXML == nil)
        #expect(try Self.parsed(["invoice.json"])?.eInvoice == nil)
        #expect(Self.fast(["invoice.json", "--e-invoice", "none"])?.eInvoice == RenderFilesCommand.EInvoiceArgument.none)
        #expect(fast.jobs == nil && RenderFilesRequest.defaultJobs == ProcessInfo.processInfo.activeProcessorCount)
        #expect(try Self.parsed(["invoice.json"])?.jobs == nil)
        #expect(fast.output == nil && fast.fonts == nil && fast.allowedImageRoot == nil)
    }
}
