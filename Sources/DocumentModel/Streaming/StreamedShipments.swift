import Foundation
import Synchronization

/// The shipments of a streamed invoice: where each one is in the input, not the shipments
/// themselves. A shipment is decoded again from its bytes when it is asked for; the last one asked
/// for is kept, since readers go through them in order and ask for the same shipment several times
/// in a row (its date row, its facts, each of its charges).
///
/// Each shipment's bytes were fingerprinted when the document was decoded and checked; bytes that
/// read back differently (the file was changed while it was being rendered) set
/// ``sourceChanged``, which the renderer turns into an error instead of a PDF.
package final class StreamedShipments: Sendable {
    package let source: DocumentSource
    private let ranges: [Range<Int>]
    private let fingerprints: [UInt64]
    private let currency: Currency?
    private let limits: DocumentLimits
    /// The figures gathered while the shipments were decoded (nil when the currency was unknown).
    let figures: ShipmentFigures?
    /// Per shipment, its number of charges, with ``newDateFlag`` set when its date differs from the
    /// previous shipment's: what the shipment table needs to know its rows before reading any.
    private let outline: [UInt16]
    static let newDateFlag: UInt16 = 0x8000
    private let state: Mutex<State>
    private let changed = Atomic<Bool>(false)

    private struct State: ~Copyable {
        var buffer: [UInt8] = []
        var lastIndex = -1
        var last: Shipment?
    }

    init(source: DocumentSource, ranges: [Range<Int>], fingerprints: [UInt64], outline: [UInt16], figures: ShipmentFigures?,
         currency: Currency?, limits: DocumentLimits) {
        self.source = source
        self.outline = outline
        self.figures = figures
        self.ranges = ranges
        self.fingerprints = fingerprints
        self.currency = currency
        self.limits = limits
        self.state = Mutex(State())
    }

    var count: Int { ranges.count }

    /// Shipment `index`'s number of charges and whether its date differs from the previous one's.
    func outline(at index: Int) -> (newDate: Bool, charges: Int) {
        let entry = outline[index]
        return (entry & Self.newDateFlag != 0, Int(entry & ~Self.newDateFlag))
    }

    /// Byte range of shipment `index` in the input.
    func range(at index: Int) -> Range<Int> { ranges[index] }

    /// Whether a shipment read back differed from what was decoded and checked.
    package var sourceChanged: Bool { changed.load(ordering: .relaxed) }

    /// Shipment `index`, decoded from its bytes (or the one kept from the last call).
    func shipment(at index: Int) -> Shipment {
        state.withLock { state in
            if state.lastIndex == index, let last = state.last { return last }
            let shipment = decode(index, buffer: &state.buffer) ?? {
                changed.store(true, ordering: .relaxed)
                return placeholder(at: index)
            }()
            state.lastIndex = index
            state.last = shipment
            return shipment
        }
    }

    private func decode(_ index: Int, buffer: inout [UInt8]) -> Shipment? {
        let range = ranges[index]
        guard source.read(range, into: &buffer) else { return nil }
        return buffer.withUnsafeBufferPointer { all -> Shipment? in
            let bytes = UnsafeBufferPointer(rebasing: all[..<range.count])
            guard Self.fingerprint(bytes) == fingerprints[index] else { return nil }
            let parsed = StrictJSONParser.parseElement(0..<range.count, in: bytes, path: [.key("shipments"), .index(index)], limits: limits)
            guard let node = parsed.node, parsed.problems.isEmpty else { return nil }
            let session = DecodingSession(limits: limits, root: nil)
            session.documentCurrency = currency
            let shipment = FieldDecoder<Shipment>.object(Shipment.self).decode(node, FieldPath([.key("shipments")], last: .index(index)), session)
            return session.hasIssues ? nil : shipment
        }
    }

    /// FNV-1a over the bytes: enough to notice a file rewritten under the renderer.
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// What a shipment that can no longer be read stands in as, until the renderer reports the
    /// change (it never reaches a written PDF): as many charges as the table expects, all zero.
    private func placeholder(at index: Int) -> Shipment {
        let none = Weight(value: "0", unit: .kg)
        let zero = Money.zero(currency ?? .eur)
        let charges = (0..<outline(at: index).charges).map { _ in Charge(code: "FRT", description: "-", publishedAmount: zero) }
        return Shipment(date: CalendarDate(daysSinceEpoch: 0), trackingNumber: "-", service: "-", packages: 1,
                        enteredWeight: none, billedWeight: none, charges: charges)
    }
}
