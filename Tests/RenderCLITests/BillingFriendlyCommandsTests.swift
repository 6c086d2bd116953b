import Folio
import Foundation
import Testing

/// `render billing list|explain|download`: the friendly commands on top of the same requests.
@Suite("render billing friendly commands", .serialized)
struct BillingFriendlyCommandsTests {
    static let a1 = #"{"lineOfBusiness":"parcel","accountType":"individual","number":"1A2B3C","country":"FR"}"#
    static let setup = [
        BillingProcess.invoiceLine("V1", at: "2024-03-01T00:00:00Z"),
        #"{"op":"enroll","company":"ACME","account":\#(a1),"validation":{"invoiceNumber":"N-V1","invoiceDate":"2024-03-01","amountDue":"10.00","currency":"EUR","controlId":"C"},"at":"2024-03-02T00:00:00Z","actor":"alice"}"#,
        #"{"op":"addUser","company":"ACME","user":"carol","role":"view-only","accounts":[\#(a1)],"at":"2024-03-02T00:00:00Z","actor":"alice"}"#,
        #"{"op":"registerInvoice","id":"I1","number":"N-I1","account":\#(a1),"category":"delivery-service","createdAt":"2024-03-05T00:00:00Z","invoiceDate":"2024-03-05","dueDate":"2024-04-05","amountDue":"10.00","currency":"EUR","controlId":"C","status":"open","document":"i1.json","at":"2024-03-05T00:00:00Z"}"#,
    ].joined(separator: "\n") + "\n"

    static let storedDocument = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/credit-note-fr/input.json")

    @Test("list prints a table, explain says why, download renders the stored document only when allowed")
    func friendly() throws {
        let directory = BillingScratchDirectory()
        defer { directory.remove() }
        directory.write(Self.setup, to: "setup.jsonl")
        directory.write(try String(contentsOf: Self.storedDocument, encoding: .utf8), to: "i1.json")
        let base = ["billing", "--db", "db.sqlite", "--clock", "2030-01-01T00:00:00Z"]
        let applied = try BillingProcess.run(base + ["apply", "setup.jsonl"], in: directory.url)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")

        let list = try BillingProcess.run(base + ["list", "--user", "carol", "--company", "ACME", "--page", "archive", "--now", "2024-04-01T00:00:00Z"], in: directory.url)
        #expect(list.status == 0)
        #expect(list.lines.first?.hasPrefix("I1\tinvoice\tloaded\t2024-03-05T00:00:00Z\tview,download\tpaper-and-online") == true)

        let listJSON = try BillingProcess.run(base + ["list", "--user", "carol", "--company", "ACME", "--now", "2024-04-01T00:00:00Z", "--json"], in: directory.url)
        #expect(listJSON.lines.first?.hasPrefix(#"{"ok":true,"documents":[{"id":"I1""#) == true)

        let visible = try BillingProcess.run(base + ["explain", "--user", "carol", "--company", "ACME", "--document", "I1", "--now", "2024-04-01T00:00:00Z"], in: directory.url)
        #expect(visible.status == 0)
        #expect(visible.stdout.contains("loaded"))
        let hidden = try BillingProcess.run(base + ["explain", "--user", "carol", "--company", "ACME", "--document", "V1", "--now", "2024-04-01T00:00:00Z"], in: directory.url)
        #expect(hidden.status == 1)
        #expect(hidden.stdout.contains("BC-15"))

        let refused = try BillingProcess.run(base + ["download", "--user", "mallory", "--company", "ACME", "--document", "I1", "--output", "x.pdf"], in: directory.url)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("not_found"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("x.pdf")))
        let downloaded = try BillingProcess.run(base + ["download", "--user", "carol", "--company", "ACME", "--document", "I1", "--now", "2024-04-01T00:00:00Z", "--output", "x.pdf"], in: directory.url)
        #expect(downloaded.status == 0, "\(downloaded.stdout)\(downloaded.stderr)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: directory.path("x.pdf")))
        #expect(pdf.starts(with: Data("%PDF-1.7".utf8)))
        // The download is the stored document rendered by Folio, byte for byte.
        let rendered = try FolioRenderer.renderPDF(json: try Data(contentsOf: Self.storedDocument))
        #expect(pdf == Data(rendered.pdf))
    }

    @Test("a document that is not a valid Folio document is refused at registration, naming the path")
    func invalidDocumentAtRegistration() throws {
        let directory = BillingScratchDirectory()
        defer { directory.remove() }
        directory.write(Self.setup, to: "setup.jsonl")
        directory.write(#"{"kind":"invoice"}"#, to: "i1.json")
        let applied = try BillingProcess.run(["billing", "--db", "db.sqlite", "--clock", "2030-01-01T00:00:00Z", "apply", "setup.jsonl"], in: directory.url)
        #expect(applied.status == 1)
        #expect(applied.lines.last?.contains(#""error":"invalid_document""#) == true, "\(applied.stdout)")
        #expect(applied.lines.last?.contains("$.locale") == true || applied.lines.last?.contains("$.") == true)
    }
}
