import DocumentModel
import ArgumentParser
import BillingCenter
import Foundation

/// `render billing …`: the billing-center stream (`apply`) and friendly commands built on the same requests.
///
/// ```
/// render billing --db acme.sqlite apply requests.jsonl
/// render billing --db acme.sqlite list --user carol --company ACME --page archive
/// render billing --db acme.sqlite explain --user carol --company ACME --document I7
/// ```
public struct BillingCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "Billing center: enrollment log, access rules and downloads.",
        subcommands: [BillingApplyCommand.self, BillingListCommand.self, BillingExplainCommand.self, BillingDownloadCommand.self])

    /// Declared here so `--db`/`--clock` may precede the subcommand (S-1); subcommands read them
    /// through their own `@OptionGroup` of the same type.
    @OptionGroup var options: BillingOptions

    public init() {}
}

/// Options shared by every billing subcommand (S-1).
struct BillingOptions: ParsableArguments {
    @Option(name: .long, help: "The billing database (created when absent).")
    var db: String

    @Option(name: .long, help: "Replace the wall clock (RFC 3339 instant with offset), for replays and tests.")
    var clock: String?

    /// `--clock`, or the wall clock read now. The rules never read a clock themselves.
    func clockSource() throws -> () -> Instant {
        guard let clock else { return { Instant.wallClock() } }
        do {
            let fixed = try Instant(rfc3339: clock)
            return { fixed }
        } catch {
            throw ValidationError("--clock: \(error.reason)")
        }
    }

    /// Opens the store, or exits 2 with the reason on standard error (S-6).
    func openStore() throws -> BillingStore {
        do { return try BillingStore(path: db) } catch {
            BillingCLI.diagnose("\(error)")
            throw ExitCode(2)
        }
    }
}

/// Process-wide parts of the billing CLI.
public enum BillingCLI {
    /// The renderer `download` uses: Folio itself.
    public static let renderer: any DocumentRenderer = FolioDocumentRenderer()

    /// Reads registered `document` files relative to the working directory and validates them
    /// with the render schema's strict decoder (S-7).
    static var documentLoader: FileDocumentLoader { FileDocumentLoader(validator: FolioDocumentValidator()) }

    static func diagnose(_ message: String) {
        FileHandle.standardError.write(Data("render billing: \(message)\n".utf8))
    }

    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
