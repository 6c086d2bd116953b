import Foundation

/// Finds a folder Folio ships beside its code (`Fonts/`, `Hyphenation/`) without consulting the
/// machine's configuration, so output is the same on every machine.
///
/// Order: the environment variable; the folder beside the running executable or in
/// `../share/folio/`; the source checkout this module was built from (tests and `swift run`).
package enum BundledResourceLocator {
    /// The first candidate folder that contains `marker`.
    package static func directory(named name: String, environmentVariable: String, containing marker: String) -> String? {
        candidateDirectories(named: name, environmentVariable: environmentVariable).first {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(marker))
        }
    }

    package static func candidateDirectories(named name: String, environmentVariable: String) -> [String] {
        var result: [String] = []
        // getenv, not ProcessInfo.environment: that copies the whole environment into a dictionary.
        if let fromEnvironment = getenv(environmentVariable).map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            result.append(fromEnvironment)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        result.append(executable.appendingPathComponent(name).path)
        result.append(executable.appendingPathComponent("../share/folio/\(name)").standardized.path)
        // Sources/TextShaping/BundledResourceLocator.swift → repository root.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        result.append(checkout.appendingPathComponent(name).path)
        return result
    }
}
