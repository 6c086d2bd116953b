import ArgumentParser
import Folio

/// The `render` command line tool.
public struct RenderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Folio documents (carrier invoices, CBP 7501, CBSA B3) to PDF and PNG.",
        discussion: """
            Examples:
              render samples                      re-render every case in Samples/
              render samples --only specimen      one case
            """,
        version: Folio.version,
        subcommands: [SamplesCommand.self])

    public init() {}
}

/// Exit statuses shared by every subcommand.
enum ExitStatus {
    /// An input document is invalid.
    static let invalidDocument = ExitCode(1)
    /// Usage, I/O or environment problem.
    static let usageOrIO = ExitCode(2)
}
