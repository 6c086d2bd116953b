import Foundation

/// A state-changing request resolved against a state: either answered with nothing to record, or an
/// event to append (at the next log position) before answering.
enum Resolution {
    case answered(BillingResponse)
    case append(LoggedEvent, documentBytes: Data?, answer: BillingResponse)
}

extension BillingState {
    /// Decides `request` (§4) without changing anything. Every log applies the event itself, only
    /// after it is durably appended.
    func resolve(_ request: BillingRequest, environment: RequestEnvironment) -> Resolution {
        switch CommandDecider(state: self, wallClock: environment.wallClock, documents: environment.documents).decide(request) {
        case let .rejected(error):
            return .answered(.failure(error))
        case .duplicate:
            return .answered(.command(CommandResult(duplicate: true)))
        case let .accepted(event, result, bytes):
            let envelope = request.envelope!
            let logged = LoggedEvent(seq: lastSeq + 1, at: envelope.at, actor: envelope.actor, event: event)
            return .append(logged, documentBytes: bytes, answer: .command(result))
        }
    }
}
