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
            // A short list is kept decoded: reading it again would cost more than it saves.
            let bytes = ranges.isEmpty ? 0 : ranges[ranges.count - 1].upperBound - ranges[0].lowerBound
            var kept: [Shipment]? = bytes <= input.keepWholeUpTo ? [] : nil
            kept?.reserveCapacity(ranges.count)
            var fingerprints: [UInt64] = []
            fingerprints.reserveCapacity(ranges.count)
            var outline: [UInt16] = []
            outline.reserveCapacity(ranges.count)
            var figures = session.documentCurrency.map { ShipmentFigures(currency: $0) }
            var previousDate: CalendarDate?
            var failed = false
            for (i, range) in ranges.enumerated() {
                let elementPath = base + [.index(i)]
                // Parsed here for the first time when the parse only delimited the elements; any
                // problem (duplicate keys included) then fails the decode, which is done again with
                // a parse that checks them, to report them as it does. Otherwise the whole input was
                // parsed once already and its problems (duplicate keys inside) reported then.
                let parsed = StrictJSONParser.parseElement(range, in: input.bytes, path: elementPath, limits: session.limits)
                guard let element = parsed.node, !(input.elementsUnchecked && !parsed.problems.isEmpty) else {
                    session.report(elementPath, offset: range.lowerBound, "the shipment cannot be read again from the input")
                    failed = true
                    continue
                }
                guard let shipment = decoder.decode(element, FieldPath(base, last: .index(i)), session) else {
                    failed = true
                    continue
                }
                kept?.append(shipment)
                // Gathered now, so that totals, rules and the table's rows never read the shipments again.
                figures?.add(shipment, at: i)
                outline.append(UInt16(shipment.charges.count) | (shipment.date != previousDate ? StreamedShipments.newDateFlag : 0))
                previousDate = shipment.date
                fingerprints.append(StreamedShipments.fingerprint(UnsafeBufferPointer(rebasing: input.bytes[range])))
            }
            guard !failed else { return nil }
            session.streamedInput?.elementsChecked = true
            if let kept { return ShipmentList(kept) }
            return ShipmentList(streamed: StreamedShipments(
                source: input.source, ranges: ranges, fingerprints: fingerprints, outline: outline, figures: figures, currency: session.documentCurrency, limits: session.limits))
        }
    }
}
