import ArgumentParser
import Folio

/// The `render` command line tool.
public struct RenderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Folio documents (carrier invoices, CBP 7501, CBSA B3) to PDF and PNG.",
        discussion: """
            Examples:
              render invoice.json                 writes invoice.pdf beside it
              render invoice.json --format png    one PNG per page
              render invoices/ --output pdfs/     batch, in parallel
              render samples                      re-render every case in Samples/
              render billing --db b.sqlite apply requests.jsonl   billing-center requests
              render files --help                 all options of document rendering
            """,
        version: FolioRenderer.version,
        subcommands: [RenderFilesCommand.self, SamplesCommand.self, BillingCommand.self],
        defaultSubcommand: RenderFilesCommand.self)

    public init() {}
}

/// Exit statuses shared by every subcommand.
enum ExitStatus {
    /// An input document is invalid.
    static let invalidDocument = ExitCode(1)
    /// Usage, I/O or environment problem.
    static let usageOrIO = ExitCode(2)
    /// Stopped by SIGTERM or SIGINT (128 + SIGTERM, as a shell reports a terminated process).
    static let interrupted = ExitCode(143)
}
