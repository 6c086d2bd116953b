import Foundation

/// Finds a folder Folio ships beside its code (`Fonts/`, `Hyphenation/`, the labels) without
/// consulting the machine's configuration, so output is the same on every machine.
///
/// Order: the environment variable; the folder beside the running executable or in
/// `../share/folio/`; the source checkout this module was built from (tests and `swift run`).
///
/// Paths are composed as strings, not `URL`s: a `URL(fileURLWithPath:)` costs thousands of
/// instructions (the first in a process about 0.3 M), and a `render` process looks for three
/// folders before its first page.
///
/// Not `Bundle.module`: the accessor SwiftPM generates on Linux calls `fatalError` when the bundle
/// is neither beside the executable nor at the build path, so an installed `render` or a library
/// user's program missing its resources would crash instead of reporting the folders it searched
/// (``FontError/fontsFolderNotFound(searched:)``); and fonts and hyphenation patterns are folders
/// of the repository shared with the samples, not resources of one target. The labels keep
/// SwiftPM's bundle folder name (`Folio_Templates.resources`) beside the executable, so a layout
/// that `Bundle.module` would find is found here too.
package enum BundledResourceLocator {
    /// The first candidate folder that contains `marker`.
    package static func directory(named name: String, environmentVariable: String, containing marker: String) -> String? {
        candidateDirectories(named: name, environmentVariable: environmentVariable).first {
            access($0 + "/" + marker, F_OK) == 0
        }
    }

    package static func candidateDirectories(named name: String, environmentVariable: String) -> [String] {
        var result: [String] = []
        // getenv, not ProcessInfo.environment: that copies the whole environment into a dictionary.
        if let fromEnvironment = getenv(environmentVariable).map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            result.append(fromEnvironment)
        }
        result.append(executableDirectory + "/" + name)
        result.append(parent(of: executableDirectory) + "/share/folio/" + name)
        // Sources/TextShaping/BundledResourceLocator.swift → repository root.
        result.append(parent(of: parent(of: parent(of: #filePath))) + "/" + name)
        return result
    }

    /// The folder of the running executable, symbolic links resolved: `/proc/self/exe` where there
    /// is one (a `render` found through PATH too), else the first argument.
    package static let executableDirectory: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            return parent(of: String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let argument = CommandLine.arguments.first ?? ""
        guard let resolved = realpath(argument, nil) else {
            let absolute = argument.hasPrefix("/") ? argument : FileManager.default.currentDirectoryPath + "/" + argument
            return parent(of: absolute)
        }
        defer { free(resolved) }
        return parent(of: String(cString: resolved))
    }()

    /// `path` without its last component (`/a/b/c` → `/a/b`, `/a` → `/`).
    package static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.last == "/" { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
