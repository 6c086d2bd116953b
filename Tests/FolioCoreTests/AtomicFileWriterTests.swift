import Foundation
import Testing
@testable import FolioCore

@Suite struct AtomicFileWriterTests {
    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-atomic-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theFileAppearsWholeAndNothingElseIsLeft() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.pdf"
        try AtomicFileWriter.write(Array("%PDF-1.7 whole".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("%PDF-1.7 whole".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.pdf"])
    }

    @Test func aFailingWriterLeavesNoFileAndNamesThePath() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.pdf"
        struct Interrupted: Error {}
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter.write(to: path) { _ in throw Interrupted() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let error = #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.write([1], to: folder + "/missing/out.pdf") }
        #expect(error?.description.hasPrefix("cannot write \(folder)/missing/out.pdf: ") == true)
    }
}
