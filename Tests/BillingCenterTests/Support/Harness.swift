import DocumentModel
import Foundation
import Testing
@testable import BillingCenter

/// Documents by path, for registrations in tests.
struct InMemoryDocuments: DocumentLoading {
    var files: [String: Data] = [:]
    func load(path: String) throws(BillingError) -> Data {
        guard let bytes = files[path] else { throw BillingError(.invalidDocument, "cannot read document \(path)") }
        try JSONObjectDocumentValidator().validate(bytes)
        return bytes
    }
}

/// A renderer that "renders" by prefixing the stored bytes, so tests can see what was rendered.
struct EchoRenderer: DocumentRenderer {
    func renderPDF(storedDocument: Data) throws -> Data { Data("%PDF-echo\n".utf8) + storedDocument }
}

/// Drives a log with JSON Lines, as the stream does, and answers parsed result objects.
final class Harness {
    let log: any BillingLog
    var wallClock = instant("2030-01-01T00:00:00Z")
    var documents = InMemoryDocuments()
    var workingDirectory = FileManager.default.temporaryDirectory
    private var lineNumber = 0

    init(log: any BillingLog = InMemoryBillingLog()) { self.log = log }

    var session: ApplySession {
        ApplySession(log: log, clock: { [wallClock] in wallClock }, documents: documents, renderer: EchoRenderer(), workingDirectory: workingDirectory)
    }

    /// Runs one request line and returns its result object.
    @discardableResult
    func run(_ line: String) -> JSONValue {
        lineNumber += 1
        do { return try session.respond(to: Array(line.utf8), lineNumber: lineNumber).json } catch {
            Issue.record("storage failure: \(error)")
            return .null
        }
    }

    /// Runs a line that must succeed.
    @discardableResult
    func ok(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        let result = run(line)
        #expect(result["ok"] == .bool(true), "\(line) → \(result.compactText)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs a line that must fail with `code`.
    @discardableResult
    func fails(_ line: String, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        let result = run(line)
        #expect(result["error"] == .string(code), "\(line) → \(result.compactText)", sourceLocation: sourceLocation)
        return result
    }

    /// Ids listed on `page`.
    func listed(_ user: String, _ page: String, at now: String, company: String = "ACME") -> [String] {
        documents(user, page, at: now, company: company).compactMap { $0["id"]?.stringValue }
    }

    func documents(_ user: String, _ page: String, at now: String, company: String = "ACME") -> [JSONValue] {
        run(#"{"op":"list","user":"\#(user)","company":"\#(company)","page":"\#(page)","now":"\#(now)"}"#)["documents"]?.arrayValue ?? []
    }

    func row(_ id: String, _ user: String, _ page: String, at now: String, company: String = "ACME") -> JSONValue? {
        documents(user, page, at: now, company: company).first { $0["id"] == .string(id) }
    }

    /// `access` → `reason` (nil when allowed).
    func access(_ user: String, _ document: String, _ action: String, at now: String, company: String = "ACME") -> String? {
        let result = ok(#"{"op":"access","user":"\#(user)","company":"\#(company)","document":"\#(document)","action":"\#(action)","now":"\#(now)"}"#)
        return result["reason"]?.stringValue
    }
}

func instant(_ text: String) -> Instant { try! Instant(rfc3339: text) }

func json(_ text: String) -> JSONValue { try! JSONParser.parse(Array(text.utf8)) }

/// Account objects of the fixture (spec §14).
enum Accounts {
    static func parcel(_ number: String, _ country: String = "FR", type: String = "individual") -> String {
        #"{"lineOfBusiness":"parcel","accountType":"\#(type)","number":"\#(number)","country":"\#(country)"}"#
    }
    static let a1 = parcel("1A2B3C")
    static let a2 = parcel("9Z8Y7X")
    static let a3 = parcel("3C3C3C", "DE")
    static let b1 = parcel("B1B1B1", "BE")
}

/// Builders for request lines, so tests read like the spec's tables.
enum Requests {
    static func invoice(_ id: String, account: String, created: String, at: String? = nil, category: String = "delivery-service",
                        number: String? = nil, invoiceDate: String? = nil, amount: String = "100.00", currency: String = "EUR",
                        control: String = "CTRL", status: String = "open", settledAt: String? = nil, plan: String? = nil,
                        document: String? = nil) -> String {
        let date = invoiceDate ?? String(created.prefix(10))
        var line = #"{"op":"registerInvoice","id":"\#(id)","number":"\#(number ?? "N-" + id)","account":\#(account),"category":"\#(category)","createdAt":"\#(created)","invoiceDate":"\#(date)","dueDate":"\#(date)","amountDue":"\#(amount)","currency":"\#(currency)","controlId":"\#(control)","status":"\#(status)","at":"\#(at ?? created)""#
        if let settledAt { line += #","settledAt":"\#(settledAt)""# }
        if let plan { line += #","planNumber":"\#(plan)""# }
        if let document { line += #","document":"\#(document)""# }
        return line + "}"
    }

    static func validation(_ id: String, date: String, amount: String = "100.00", control: String? = "CTRL") -> String {
        #"{"invoiceNumber":"N-\#(id)","invoiceDate":"\#(date)","amountDue":"\#(amount)","currency":"EUR""# + (control.map { #","controlId":"\#($0)""# } ?? "") + "}"
    }

    static func enroll(_ company: String, account: String, validation: String, at: String, actor: String) -> String {
        #"{"op":"enroll","company":"\#(company)","account":\#(account),"validation":\#(validation),"at":"\#(at)","actor":"\#(actor)"}"#
    }

    static func addAccount(_ company: String = "ACME", account: String, validation: String, at: String, actor: String) -> String {
        #"{"op":"addAccount","company":"\#(company)","account":\#(account),"validation":\#(validation),"at":"\#(at)","actor":"\#(actor)"}"#
    }

    static func addUser(_ user: String, role: String, accounts: [String] = [], company: String = "ACME", at: String, actor: String = "alice") -> String {
        #"{"op":"addUser","company":"\#(company)","user":"\#(user)","role":"\#(role)","accounts":[\#(accounts.joined(separator: ","))],"at":"\#(at)","actor":"\#(actor)"}"#
    }

    static func cancel(_ accounts: [String], reason: String = "prefer-paper", comment: String? = nil, company: String = "ACME", at: String, actor: String) -> String {
        #"{"op":"cancel","company":"\#(company)","accounts":[\#(accounts.joined(separator: ","))],"reason":"\#(reason)""#
            + (comment.map { #","comment":"\#($0)""# } ?? "") + #","at":"\#(at)","actor":"\#(actor)"}"#
    }

    static func reenroll(_ accounts: [String]? = nil, company: String = "ACME", at: String, actor: String) -> String {
        #"{"op":"reenroll","company":"\#(company)""# + (accounts.map { #","accounts":[\#($0.joined(separator: ","))]"# } ?? "")
            + #","at":"\#(at)","actor":"\#(actor)"}"#
    }
}
