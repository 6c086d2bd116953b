import ArgumentParser
import BillingCenter
import Foundation

/// `render billing --db PATH [--clock INSTANT] apply [FILE|-]` (S-1..S-6).
struct BillingApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Apply JSON Lines requests; one result line each.")

    @OptionGroup var options: BillingOptions

    @Argument(help: "Requests file; standard input when '-' or absent.")
    var file: String?

    func run() throws {
        let clock = try options.clockSource()
        let handle: FileHandle
        if let file, file != "-" {
            guard let opened = FileHandle(forReadingAtPath: file) else {
                BillingCLI.diagnose("cannot open input \(file)")
                throw ExitCode(2)
            }
            handle = opened
        } else {
            handle = .standardInput
        }
        let store = try options.openStore()
        var reader = LineReader(handle: handle)
        let session = ApplySession(log: store, clock: clock, documents: BillingCLI.documentLoader, renderer: BillingCLI.renderer)
        let status = session.run(reader: &reader, emit: BillingCLI.emit, diagnose: BillingCLI.diagnose)
        if status != .allOK { throw ExitCode(status.rawValue) }
    }
}
