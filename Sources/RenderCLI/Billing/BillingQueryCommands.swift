import DocumentModel
import ArgumentParser
import BillingCenter
import Foundation

/// Who asks, where, and when: the common part of the friendly query commands.
struct BillingViewer: ParsableArguments {
    @Option(help: "User id.") var user: String
    @Option(help: "Company id.") var company: String
    @Option(help: "Answer as of this instant (default: --clock or now).") var now: String?

    func instant(_ options: BillingOptions) throws -> Instant {
        guard let now else { return try options.clockSource()() }
        do { return try Instant(rfc3339: now) } catch { throw ValidationError("--now: \(error.reason)") }
    }
}

/// Runs one request like a line of `apply` and exits 1 when it fails.
func runFriendly(_ request: BillingRequest, _ options: BillingOptions, asJSON: Bool, render: (BillingResponse) -> String) throws {
    let store = try options.openStore()
    let environment = RequestEnvironment(wallClock: try options.clockSource()(), documents: BillingCLI.documentLoader, renderer: BillingCLI.renderer)
    let response: BillingResponse
    do { response = try store.handle(request, environment: environment) } catch {
        BillingCLI.diagnose("storage failure: \(error)")
        throw ExitCode(2)
    }
    if asJSON || !response.isOK {
        BillingCLI.emit(response.line)
    } else {
        BillingCLI.emit(render(response))
    }
    if !response.isOK { throw ExitCode(1) }
}

/// `render billing list --user U --company C [--page current|archive]`: the `list` request as a table.
struct BillingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the documents a user sees on a page.")

    @OptionGroup var options: BillingOptions
    @OptionGroup var viewer: BillingViewer
    @Option(help: "current (Invoices) or archive (Archive History).") var page: String = "current"
    @Flag(help: "Print the JSON result line instead of a table.") var json = false

    func run() throws {
        guard let page = Page(rawValue: page) else { throw ValidationError("--page must be current or archive") }
        let request = BillingRequest.list(.init(user: viewer.user, company: viewer.company, page: page, now: try viewer.instant(options)))
        try runFriendly(request, options, asJSON: json) { response in
            guard case let .documents(rows) = response else { return response.json.compactText }
            if rows.isEmpty { return "No documents." }
            return rows.map { row in
                [row.id, row.kind, row.placement.rawValue, row.instant.description, row.actions.map(\.rawValue).joined(separator: ","), row.paperPolicy?.rawValue ?? "-"]
                    .joined(separator: "\t")
            }.joined(separator: "\n")
        }
    }
}

/// `render billing explain --user U --company C --document D`: why a document is or is not visible.
struct BillingExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Say in words why a document is or is not visible to a user.")

    @OptionGroup var options: BillingOptions
    @OptionGroup var viewer: BillingViewer
    @Option(help: "Document id.") var document: String

    func run() throws {
        let store = try options.openStore()
        let explanation = BillingRules(state: store.state).explain(user: viewer.user, company: viewer.company, document: document, now: try viewer.instant(options))
        BillingCLI.emit(explanation.sentences.joined(separator: "\n"))
        if !explanation.visible { throw ExitCode(1) }
    }
}

/// `render billing download --user U --company C --document D --output FILE`: the `download` request.
struct BillingDownloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "download", abstract: "Render a document to PDF when the user may download it.")

    @OptionGroup var options: BillingOptions
    @OptionGroup var viewer: BillingViewer
    @Option(help: "Document id.") var document: String
    @Option(help: "PDF file to write (replaced atomically).") var output: String

    func run() throws {
        let request = BillingRequest.download(.init(user: viewer.user, company: viewer.company, document: document, now: try viewer.instant(options), output: output))
        try runFriendly(request, options, asJSON: false) { _ in "Wrote \(output)." }
    }
}
