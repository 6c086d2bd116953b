import ArgumentParser

/// The `render` command line tool.
public struct RenderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "render", abstract: "Render Folio documents to PDF and PNG.", subcommands: [BillingCommand.self])
    public init() {}
    public func run() throws {}
}
