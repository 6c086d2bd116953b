import Foundation

/// Executables SwiftPM built beside the test bundle (`render`, `rendering-only-example`), for tests
/// that run them as child processes or read their binaries.
///
/// ```swift
/// let render = try #require(BuiltProducts.executable(named: "render"))
/// ```
public enum BuiltProducts {
    /// The executable `name` in the build products directory (the test bundle's folder or its
    /// parent), or nil when it was not built.
    public static func executable(named name: String) -> URL? {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return [products, products.deletingLastPathComponent()]
            .map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
