import Foundation
import Testing
@testable import BillingCenter

/// S-7 `download`: no file unless allowed, stored bytes rendered, atomic replacement.
@Suite("S-7 download")
struct DownloadTests {
    let document = Data(#"{"kind":"invoice","lines":[]}"#.utf8)

    func harness(_ directory: TemporaryDirectory) -> Harness {
        let h = AcmeFixture.harness()
        h.workingDirectory = directory.url
        h.documents.files["i20.json"] = document
        h.documents.files["broken.json"] = Data("{nope".utf8)
        h.ok(Requests.invoice("I20", account: Accounts.a2, created: "2024-09-03T00:00:00Z", document: "i20.json"))
        return h
    }

    func download(_ h: Harness, user: String, document: String = "I20", output: String) -> JSONValue {
        h.run(#"{"op":"download","user":"\#(user)","company":"ACME","document":"\#(document)","now":"2024-09-04T00:00:00Z","output":"\#(output)"}"#)
    }

    @Test("an allowed download renders the stored bytes and replaces the output atomically")
    func allowed() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let h = harness(directory)
        try Data("old".utf8).write(to: directory.url.appendingPathComponent("out.pdf"))
        #expect(download(h, user: "dave", output: "out.pdf") == json(#"{"ok":true,"output":"out.pdf"}"#))
        let written = try Data(contentsOf: directory.url.appendingPathComponent("out.pdf"))
        #expect(String(decoding: written, as: UTF8.self) == "%PDF-echo\n" + String(decoding: document, as: UTF8.self))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("refused access answers its code and writes no file")
    func refused() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let h = harness(directory)
        #expect(download(h, user: "carol", output: "carol.pdf")["error"] == .string("not_found"))
        #expect(download(h, user: "mallory", output: "m.pdf")["error"] == .string("not_found"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("carol.pdf")))
        #expect(!FileManager.default.fileExists(atPath: directory.path("m.pdf")))
    }

    @Test("no stored document, unwritable output, invalid document at registration")
    func failures() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let h = harness(directory)
        #expect(download(h, user: "dave", document: "I7", output: "i7.pdf")["error"] == .string("no_document"))
        #expect(download(h, user: "dave", output: "missing/dir/out.pdf")["error"] == .string("output_unwritable"))
        h.fails(Requests.invoice("I21", account: Accounts.a2, created: "2024-09-03T00:00:00Z", document: "broken.json"), "invalid_document")
        h.fails(Requests.invoice("I22", account: Accounts.a2, created: "2024-09-03T00:00:00Z", document: "absent.json"), "invalid_document")
    }

    @Test("a renderer failure answers render_failed and leaves no file")
    func renderFailure() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let h = harness(directory)
        let session = ApplySession(log: h.log, clock: { instant("2030-01-01T00:00:00Z") }, documents: h.documents,
                                   renderer: UnavailableRenderer(), workingDirectory: directory.url)
        let line = #"{"op":"download","user":"dave","company":"ACME","document":"I20","now":"2024-09-04T00:00:00Z","output":"x.pdf"}"#
        let response = try? session.respond(to: Array(line.utf8), lineNumber: 1)
        #expect(response?.json["error"] == .string("render_failed"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("x.pdf")))
    }
}
