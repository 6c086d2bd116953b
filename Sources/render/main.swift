import ArgumentParser
import Foundation
import RenderCLI

// Usage errors exit with status 2 (ArgumentParser's default is 64), as the CLI contract says.
do {
    // `render FILE… [options]` is parsed without ArgumentParser; everything else goes through it.
    if try !RenderFastPath.run(arguments: CommandLine.arguments) {
        var command = try RenderCommand.parseAsRoot()
        try command.run()
    }
} catch let exit as ExitCode {
    RenderCommand.exit(withError: exit)
} catch {
    if RenderCommand.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((RenderCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    RenderCommand.exit(withError: error)
}
