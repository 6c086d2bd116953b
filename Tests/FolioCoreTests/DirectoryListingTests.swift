import Foundation
import Testing
@testable import FolioCore

@Suite struct DirectoryListingTests {
    @Test func listsWhatFileManagerLists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-listing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["a.ttf", "Été.otf", ".hidden", "sub", String(repeating: "n", count: 200)]
        for name in names where name != "sub" {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data()))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let listed = try DirectoryListing.names(in: folder.path)
        #expect(listed.sorted() == names.sorted())
        #expect(try listed.sorted() == FileManager.default.contentsOfDirectory(atPath: folder.path).sorted())
    }

    @Test func aMissingFolderOrAFileIsAFailureWithItsErrno() throws {
        #expect(throws: DirectoryListing.Failure(code: ENOENT)) { try DirectoryListing.names(in: "/nonexistent-folio-folder") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-listing-file-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: DirectoryListing.Failure(code: ENOTDIR)) { try DirectoryListing.names(in: file.path) }
    }
}
