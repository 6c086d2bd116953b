import Foundation
import Testing
@testable import TextShaping

/// Where the bundled folders are looked for, in order, with paths composed as strings.
@Suite struct BundledResourceLocatorTests {
    @Test(arguments: [
        ("/a/b/c", "/a/b"), ("/a/b/c/", "/a/b"), ("/a", "/"), ("/", "/"), ("a/b", "a"), ("a", "."), ("//a//", "/"),
    ])
    func parentDropsTheLastComponent(path: String, parent: String) {
        #expect(BundledResourceLocator.parent(of: path) == parent)
    }

    @Test func theExecutableDirectoryIsTheTestRunnersFolder() throws {
        let runner = try #require(realpath(CommandLine.arguments[0], nil))
        defer { free(runner) }
        #expect(BundledResourceLocator.executableDirectory == BundledResourceLocator.parent(of: String(cString: runner)))
    }

    @Test func candidatesComeInTheDocumentedOrder() throws {
        // A variable of this test's own, so tests running beside it see no change.
        let variable = "FOLIO_TEST_LOCATOR_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        setenv(variable, "/opt/custom/Fonts", 1)
        defer { unsetenv(variable) }
        let executable = BundledResourceLocator.executableDirectory
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        #expect(BundledResourceLocator.candidateDirectories(named: "Fonts", environmentVariable: variable) == [
            "/opt/custom/Fonts",
            executable + "/Fonts",
            BundledResourceLocator.parent(of: executable) + "/share/folio/Fonts",
            checkout + "/Fonts",
        ])
        // Without the variable the checkout's folder is found (tests run from the build folder).
        unsetenv(variable)
        #expect(BundledResourceLocator.directory(named: "Fonts", environmentVariable: variable, containing: "NotoSans-Regular.ttf") == checkout + "/Fonts")
        #expect(BundledResourceLocator.directory(named: "Fonts", environmentVariable: variable, containing: "no-such-file") == nil)
    }
}
