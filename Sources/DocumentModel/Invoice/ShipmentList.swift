/// The shipments of an invoice: an array built in code or decoded whole, or — for an invoice
/// decoded by streaming — a list that decodes each shipment from the input when it is asked for,
/// so that an invoice of 50,000 shipments does not hold them all.
///
/// It reads like an array: index it, loop over it, count it. Changing an element of a streamed
/// list first turns it into an array (the whole list in memory).
///
/// ```swift
/// var invoice = try DocumentDecoder().decode(data).document.invoice!
/// for shipment in invoice.shipments ?? [] { print(shipment.trackingNumber) }
/// invoice.shipments = [shipment]            // an array literal
/// invoice.shipments?[0].charges[0].vatRate = "20"
/// ```
public struct ShipmentList: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, Sendable, Hashable, Codable {
    private enum Storage: Sendable {
        case array([Shipment])
        case streamed(StreamedShipments)
    }

    private var storage: Storage

    /// A list of the shipments of `array`.
    public init(_ array: [Shipment]) { storage = .array(array) }

    public init(arrayLiteral elements: Shipment...) { storage = .array(elements) }

    init(streamed: StreamedShipments) { storage = .streamed(streamed) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .array(let array): array.count
        case .streamed(let streamed): streamed.count
        }
    }

    public subscript(position: Int) -> Shipment {
        get {
            switch storage {
            case .array(let array): array[position]
            case .streamed(let streamed): streamed.shipment(at: position)
            }
        }
        set {
            var array = Array(self)
            // Drop the streamed reference before writing, so the array is not copied once more.
            storage = .array([])
            array[position] = newValue
            storage = .array(array)
        }
    }

    /// The streamed list behind this one, if it decodes shipments from the input.
    package var streamed: StreamedShipments? {
        if case .streamed(let streamed) = storage { return streamed }
        return nil
    }

    /// Calls `body` with each shipment's index, whether its date differs from the previous
    /// shipment's, and its number of charges — without decoding a streamed list again.
    package func forEachOutline(_ body: (_ index: Int, _ newDate: Bool, _ charges: Int) -> Void) {
        if let streamed {
            for index in 0..<streamed.count {
                let outline = streamed.outline(at: index)
                body(index, outline.newDate, outline.charges)
            }
            return
        }
        var previousDate: CalendarDate?
        for (index, shipment) in enumerated() {
            body(index, shipment.date != previousDate, shipment.charges.count)
            previousDate = shipment.date
        }
    }

    public static func == (lhs: ShipmentList, rhs: ShipmentList) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for shipment in self { hasher.combine(shipment) }
    }

    public init(from decoder: any Decoder) throws { storage = .array(try [Shipment](from: decoder)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for shipment in self { try container.encode(shipment) }
    }
}
