import Foundation

/// Finds the bundled `Fonts/` folder without consulting the machine's font configuration.
///
/// Order: `FOLIO_FONTS`; `Fonts/` beside the running executable or in `../share/folio/Fonts`; the
/// source checkout this module was built from (tests and `swift run`).
public enum FontLocator {
    public static func bundledFontsDirectory() throws(FontError) -> String {
        let candidates = candidateDirectories()
        for directory in candidates where FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("NotoSans-Regular.ttf")) {
            return directory
        }
        throw .fontsFolderNotFound(searched: candidates)
    }

    static func candidateDirectories() -> [String] {
        var result: [String] = []
        // getenv, not ProcessInfo.environment: that copies the whole environment into a dictionary.
        if let fromEnvironment = getenv("FOLIO_FONTS").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            result.append(fromEnvironment)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        result.append(executable.appendingPathComponent("Fonts").path)
        result.append(executable.appendingPathComponent("../share/folio/Fonts").standardized.path)
        // Sources/TextShaping/FontLocator.swift → repository root.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        result.append(checkout.appendingPathComponent("Fonts").path)
        return result
    }
}
