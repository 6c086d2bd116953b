import DocumentModel
/// The three enrollment acts of §3. Raw values are the spec's spellings.
public enum EnrollmentAct: String, Sendable, Hashable, Codable {
    case enroll = "ENROLL", cancel = "CANCEL", reenroll = "REENROLL"
}

/// The state of a key in one company, given by its last event (BC-1).
public enum EnrollmentState: String, Sendable, Hashable {
    case none = "NONE", enrolled = "ENROLLED", cancelled = "CANCELLED"
}

/// One append-only enrollment event; `seq` is its log position (ties of equal instants, BC-12 step 3).
public struct EnrollmentEvent: Hashable, Sendable {
    public let act: EnrollmentAct
    public let at: Instant
    public let seq: Int64
    public let reason: String?
    public let comment: String?
}

/// An enrolled interval `E_k = [start, end)` of BC-2; `end == nil` is +∞.
public struct EnrolledInterval: Hashable, Sendable {
    public let k: Int
    public let start: Instant
    public let end: Instant?

    /// T-2: half-open.
    public func contains(_ instant: Instant) -> Bool { start <= instant && end.map { instant < $0 } ?? true }
}

/// A closed gap `[cancelledAt, reenrolledAt)` (BC-2) with the REENROLL that closed it.
public struct ClosedGap: Hashable, Sendable {
    public let start: Instant
    public let reenrolledAt: Instant
    public let reenrollSeq: Int64
    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < reenrolledAt }
}

/// The enrollment history of one (company, key): the only source of enrollment state (BC-1, BC-2).
public struct EnrollmentHistory: Hashable, Sendable {
    public private(set) var events: [EnrollmentEvent] = []
    public private(set) var intervals: [EnrolledInterval] = []
    public private(set) var closedGaps: [ClosedGap] = []

    public init() {}

    public var state: EnrollmentState {
        switch events.last?.act {
        case nil: .none
        case .enroll, .reenroll: .enrolled
        case .cancel: .cancelled
        }
    }

    /// `s_0`, the first enrollment instant.
    public var firstEnrollment: Instant? { intervals.first?.start }

    mutating func append(_ event: EnrollmentEvent) {
        events.append(event)
        switch event.act {
        case .enroll, .reenroll:
            if let lastInterval = intervals.last, let cancelledAt = lastInterval.end {
                closedGaps.append(ClosedGap(start: cancelledAt, reenrolledAt: event.at, reenrollSeq: event.seq))
            }
            intervals.append(EnrolledInterval(k: intervals.count, start: event.at, end: nil))
        case .cancel:
            if let open = intervals.popLast() {
                intervals.append(EnrolledInterval(k: open.k, start: open.start, end: event.at))
            }
        }
    }

    /// The enrolled interval containing `instant`, if any (BC-12 steps 1–2).
    public func interval(containing instant: Instant) -> EnrolledInterval? {
        // Intervals are few and sorted; scan from the latest, where most documents fall.
        intervals.last { $0.contains(instant) }
    }

    /// The closed gap containing `instant` whose REENROLL happened by `now` (BC-12 step 3).
    public func closedGap(containing instant: Instant, reenrolledBy now: Instant) -> ClosedGap? {
        closedGaps.first { $0.contains(instant) && $0.reenrolledAt <= now }
    }
}
