extension FieldDecoder where T == ShipmentList {
    /// The `shipments` of a streaming decode: each element is parsed again from the input and
    /// decoded exactly as an array element would be (same paths, same issues), then dropped; the
    /// list that comes out reads them back from the input when asked.
    static func streamedShipments(max: Int) -> FieldDecoder<ShipmentList> {
        FieldDecoder { node, path, session in
            guard case .array = node.value, let input = session.streamedInput else {
                // Not an array: reported as the in-memory decoder reports it.
                return FieldDecoder<[Shipment]>.array(of: .object(Shipment.self), max: max).decode(node, path, session).map(ShipmentList.init)
            }
            let ranges = input.shipmentRanges
            if ranges.count > max {
                session.report(path, offset: node.offset, "expected at most \(max) elements, found \(ranges.count)")
            }
            let base = path.components
            let decoder = FieldDecoder<Shipment>.object(Shipment.self)
            var fingerprints: [UInt64] = []
            fingerprints.reserveCapacity(ranges.count)
            var failed = false
            for (i, range) in ranges.enumerated() {
                let elementPath = base + [.index(i)]
                // The whole input parsed once already (duplicate keys inside were reported then).
                guard let element = StrictJSONParser.parseElement(range, in: input.bytes, path: elementPath, limits: session.limits).node else {
                    session.report(elementPath, offset: range.lowerBound, "the shipment cannot be read again from the input")
                    failed = true
                    continue
                }
                if decoder.decode(element, FieldPath(base, last: .index(i)), session) == nil { failed = true }
                fingerprints.append(StreamedShipments.fingerprint(UnsafeBufferPointer(rebasing: input.bytes[range])))
            }
            guard !failed else { return nil }
            return ShipmentList(streamed: StreamedShipments(
                source: input.source, ranges: ranges, fingerprints: fingerprints, currency: session.documentCurrency, limits: session.limits))
        }
    }
}
