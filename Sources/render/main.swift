import ArgumentParser
import Foundation
import RenderCLI

// Usage errors exit with status 2 (ArgumentParser's default is 64), as the CLI contract says.
do {
    var command = try RenderCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    RenderCommand.exit(withError: exit)
} catch {
    if RenderCommand.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((RenderCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    RenderCommand.exit(withError: error)
}
