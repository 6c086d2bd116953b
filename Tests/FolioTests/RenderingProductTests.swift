import FolioTestSupport
import Foundation
import Testing

/// A program that depends on the `Folio` product only (`Examples/RenderingOnly`) renders an
/// invoice and links neither GRDB nor SQLite; `render`, which uses the billing center, is the
/// control that shows the symbol scan finds them when they are there.
@Suite struct RenderingProductTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/invoice-delivery-fr/input.json")

    /// Marks of the billing center's store in a binary: GRDB's module name in mangled Swift symbols
    /// and SQLite's C entry points.
    static let storeMarks = ["4GRDB", "sqlite3_prepare_v2", "sqlite3_open_v2"]

    static func marks(in binary: URL) throws -> [String] {
        let bytes = try Data(contentsOf: binary)
        return storeMarks.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    @Test func aProgramOnTheRenderingProductRendersAnInvoice() throws {
        let example = try #require(BuiltProducts.executable(named: "rendering-only-example"), "build the 'rendering-only-example' target")
        let folder = try RenderExecutable.scratchFolder("folio-rendering-only")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("invoice.pdf")
        let run = try ExternalTool.run(executable: example, [Self.sample.path, output.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "3 page(s)\n")
        let pdf = try Data(contentsOf: output)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        // The same bytes as the CLI's PDF of the same input: the example is the real renderer.
        let cli = try RenderExecutable.run([Self.sample.path, "-o", folder.appendingPathComponent("cli.pdf").path])
        #expect(cli.status == 0, "\(cli.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("cli.pdf")) == pdf)
    }

    @Test func aProgramOnTheRenderingProductLinksNoGRDBNorSQLite() throws {
        let example = try #require(BuiltProducts.executable(named: "rendering-only-example"), "build the 'rendering-only-example' target")
        let render = try #require(BuiltProducts.executable(named: "render"), "build the 'render' product")
        #expect(try Self.marks(in: render) == Self.storeMarks, "the scan no longer finds the store in render, which links it")
        #expect(try Self.marks(in: example) == [])
    }
}
