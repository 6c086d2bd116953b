import DocumentModel
import Foundation

/// A place the log lives: in memory (tests, replays) or SQLite (`BillingStore`). Both answer every
/// request the same way through `handle(_:environment:)`.
public protocol BillingLog {
    /// The state folded from every event appended so far.
    var state: BillingState { get }
    /// Bytes of the document registered with `id`, if one was stored.
    func storedDocument(_ id: DocumentID) throws -> Data?
    /// The notices recorded for `company` (BC-23), in recording order then user id, filtered.
    func recordedNotices(company: CompanyID, user: UserID?, now: Instant?) throws -> [Notice]
    /// Decides and, when accepted, durably appends the event before returning (S-3).
    func execute(_ request: BillingRequest, environment: RequestEnvironment) throws -> BillingResponse
}

extension BillingLog {
    /// Runs one request: queries are answered from the state, commands decided and appended.
    /// Throws only for storage failures (`storage_error`, which stops the stream).
    public func handle(_ request: BillingRequest, environment: RequestEnvironment) throws -> BillingResponse {
        try execute(request, environment: environment)
    }

    /// The answer to a query or download; nil for state-changing requests.
    func answerQuery(_ request: BillingRequest, environment: RequestEnvironment) throws -> BillingResponse? {
        let rules = BillingRules(state: state)
        switch request {
        case let .list(query):
            do { return .documents(try rules.list(user: query.user, company: query.company, page: query.page, now: query.now)) } catch { return .failure(error) }
        case let .access(query):
            return .access(rules.access(user: query.user, company: query.company, document: query.document, action: query.action, now: query.now))
        case let .notifications(query):
            guard state.companies[query.company] != nil else { return .failure(BillingError(.notFound)) }
            return .notices(try recordedNotices(company: query.company, user: query.user, now: query.now))
        case let .download(download):
            return try Download.perform(download, rules: rules, environment: environment, storedDocument: storedDocument)
        default:
            return nil
        }
    }
}

/// The log in memory: the reference the SQLite store is checked against (property tests).
///
/// ```swift
/// let log = InMemoryBillingLog()
/// let response = try log.handle(request, environment: environment)
/// ```
public final class InMemoryBillingLog: BillingLog {
    public private(set) var state = BillingState()
    private var documents: [DocumentID: Data] = [:]

    public init() {}

    public func storedDocument(_ id: DocumentID) -> Data? { documents[id] }

    public func recordedNotices(company: CompanyID, user: UserID?, now: Instant?) throws -> [Notice] {
        try BillingRules(state: state).notices(company: company, user: user, now: now)
    }

    public func execute(_ request: BillingRequest, environment: RequestEnvironment) throws -> BillingResponse {
        if let answer = try answerQuery(request, environment: environment) { return answer }
        switch state.resolve(request, environment: environment) {
        case let .answered(response):
            return response
        case let .append(logged, bytes, response):
            state.apply(logged)
            if let bytes, let id = logged.event.documentID { documents[id] = bytes }
            return response
        }
    }
}

extension BillingEvent {
    /// The registered document's id, for registrations.
    var documentID: DocumentID? {
        switch self {
        case let .invoiceRegistered(record, _): record.id
        case let .formRegistered(form): form.id
        default: nil
        }
    }
}
