import Foundation
import Testing
@testable import DocumentModel

/// Streaming decoding must be the in-memory decoder with less memory: same documents, same
/// figures, same issues at the same paths, in the same order.
@Suite struct StreamingDecodingTests {
    func streamed(_ data: Data, limits: DocumentLimits = .default) -> Result<DecodedDocument, DocumentDecodingError> {
        // Nothing kept decoded: every shipment is read back from the input.
        Result { () throws(DocumentDecodingError) in try DocumentDecoder(limits: limits).decode(streaming: DocumentSource(data: data), keepingShipmentsUpTo: 0) }
    }

    func inMemory(_ data: Data, limits: DocumentLimits = .default) -> Result<DecodedDocument, DocumentDecodingError> {
        Result { () throws(DocumentDecodingError) in try DocumentDecoder(limits: limits).decode(data) }
    }

    func issues(_ result: Result<DecodedDocument, DocumentDecodingError>) -> [DocumentIssue] {
        if case .failure(let error) = result { return error.issues }
        return []
    }

    /// A valid invoice of `count` generated shipments, with `edit` applied to shipment `index`'s JSON.
    static func invoice(count: Int, editing index: Int = -1, _ edit: (String) -> String = { $0 }) -> Data {
        var body = ""
        body.reserveCapacity(count * 300)
        for number in 0..<count {
            if number > 0 { body += "," }
            let date = number < count / 2 ? "2025-03-03" : "2025-03-04"
            var shipment = #"{"date":"\#(date)","trackingNumber":"1Z\#(number)","service":"Standard","packages":1,"#
                + #""enteredWeight":{"value":"1","unit":"kg"},"billedWeight":{"value":"1","unit":"kg"},"#
                + #""charges":[{"code":"FRT","description":"Transport","publishedAmount":"10.\#(number % 100 < 10 ? "0" : "")\#(number % 100)","vatCategory":"S","vatRate":"20"},"#
                + #"{"code":"FSC","description":"Fuel","publishedAmount":"1.25","incentiveAmount":"0.25","vatCategory":"S","vatRate":"20","classification":"FSC"}]}"#
            if number == index { shipment = edit(shipment) }
            body += shipment
        }
        var json = #"{"kind":"invoice","locale":"fr-FR","currency":"EUR","family":"delivery-service","type":"invoice","#
        json += #""number":"F1","issueDate":"2025-03-08","dueDate":"2025-04-07","accountNumber":"A1","#
        json += #""seller":{"name":"Transports Rhône","city":"Lyon","country":"FR","vatId":"FR19812345676"},"billTo":{"name":"Atelier Bleu","city":"Lyon","country":"FR"},"#
        json += #""shipments":[\#(body)]}"#
        return Data(json.utf8)
    }

    @Test("every example decodes to the same document and figures", arguments: Fixture.exampleNames)
    func examplesAreTheSame(_ name: String) throws {
        let data = try Fixture.example(name)
        let expected = try inMemory(data).get()
        let actual = try streamed(data).get()
        #expect(actual == expected)
        #expect(actual.computation == expected.computation)
        #expect(actual.warnings == expected.warnings)
        if case .invoice(let invoice) = actual.document, let shipments = invoice.shipments, !shipments.isEmpty {
            #expect(shipments.streamed != nil, "an invoice decoded by streaming keeps its shipments in the input")
        }
    }

    @Test func aShortListIsKeptDecodedAndALongOneIsNot() throws {
        let data = Self.invoice(count: 40)
        let kept = try DocumentDecoder().decode(streaming: DocumentSource(data: data))
        let read = try DocumentDecoder().decode(streaming: DocumentSource(data: data), keepingShipmentsUpTo: 1_000)
        guard case .invoice(let short) = kept.document, case .invoice(let long) = read.document else {
            Issue.record("not an invoice")
            return
        }
        #expect(short.shipments?.streamed == nil)
        #expect(long.shipments?.streamed != nil)
        #expect(kept == read)
    }

    @Test func aLargeInvoiceHasTheSameTotalsAndSubtotals() throws {
        let data = Self.invoice(count: 3_000)
        let expected = try inMemory(data).get()
        let actual = try streamed(data).get()
        #expect(actual.invoiceTotals == expected.invoiceTotals)
        #expect(actual.invoiceTotals?.shipmentSubtotals.count == 3_000)
        guard case .invoice(let invoice) = actual.document, case .invoice(let reference) = expected.document else {
            Issue.record("not an invoice")
            return
        }
        // Read back out of order and twice: the list decodes any shipment from its bytes.
        for index in [2_999, 0, 1_500, 1_500, 7] {
            #expect(invoice.shipments?[index] == reference.shipments?[index])
        }
    }

    /// Edits that make one shipment invalid, each caught at a different stage.
    enum Edit: String, CaseIterable, Sendable {
        case badAmount, unknownMember, duplicateKey
        /// A rule checked after decoding: its path is found by parsing the shipment again.
        case missingVATCategory

        func apply(_ s: String) -> String {
            switch self {
            case .badAmount: s.replacingOccurrences(of: #""publishedAmount":"1.25""#, with: #""publishedAmount":1.25"#)
            case .unknownMember: s.replacingOccurrences(of: #""packages":1,"#, with: #""packages":1,"colour":"red","#)
            case .duplicateKey: s.replacingOccurrences(of: #""packages":1,"#, with: #""packages":1,"packages":2,"#)
            case .missingVATCategory: s.replacingOccurrences(of: #""vatCategory":"S","vatRate":"20","classification""#, with: #""classification""#)
            }
        }
    }

    /// A fault met while decoding and one found by a rule after decoding, in the last of 50,000
    /// shipments; the other faults in the last of 5,000 (the suite also runs under AddressSanitizer).
    static let deepCases: [(Edit, Int)] = [(.badAmount, 50_000), (.missingVATCategory, 50_000), (.unknownMember, 5_000), (.duplicateKey, 5_000)]

    @Test("an issue in the last shipment names the same path as the in-memory decoder", arguments: deepCases)
    func deepIssueHasTheSamePath(_ edit: Edit, _ count: Int) {
        let data = Self.invoice(count: count, editing: count - 1, edit.apply)
        let expected = issues(inMemory(data))
        #expect(!expected.isEmpty, "\(edit): the edit must make the document invalid")
        #expect(expected.allSatisfy { $0.path.hasPrefix("$.shipments[\(count - 1)]") }, "\(expected)")
        #expect(issues(streamed(data)) == expected)
    }

    @Test func issuesInSeveralShipmentsComeInTheSameOrder() {
        var data = Self.invoice(count: 200, editing: 150) { $0.replacingOccurrences(of: #""packages":1"#, with: #""packages":0"#) }
        var json = String(decoding: data, as: UTF8.self)
        json = json.replacingOccurrences(of: #""trackingNumber":"1Z7","#, with: #""trackingNumber":"1Z 7","#)
        json = json.replacingOccurrences(of: #""dueDate":"2025-04-07""#, with: #""dueDate":"2025-01-07""#)
        data = Data(json.utf8)
        let expected = issues(inMemory(data))
        #expect(expected.count == 3)
        #expect(issues(streamed(data)) == expected)
    }

    @Test func tooManyShipmentsAndTooLargeInputAreRefusedAlike() {
        let limits = DocumentLimits(maxInputBytes: 10_000)
        let data = Self.invoice(count: 60)
        #expect(issues(streamed(data, limits: limits)) == issues(inMemory(data, limits: limits)))
        #expect(issues(streamed(data, limits: limits)).first?.reason.contains("more than the limit of 10000 bytes") == true)
        let arrays = DocumentLimits(maxArrayLength: 10)
        #expect(issues(streamed(data, limits: arrays)) == issues(inMemory(data, limits: arrays)))
        #expect(!issues(streamed(data, limits: arrays)).isEmpty)
    }

    /// The parse only delimits the shipments and leaves their checks to the decode that parses each
    /// again; a fault that check finds sends the document through a parse that checks everything,
    /// so syntax errors, limits and duplicate keys inside shipments are reported exactly as the
    /// in-memory decoder reports them, before or beside faults elsewhere.
    @Test("faults inside shipments are reported as without streaming", arguments: [
        (#""packages":1,"#, #""packages":1,,"#, DocumentLimits.default),
        (#""service":"Standard""#, #""service":"Sta\qndard""#, .default),
        (#""service":"Standard""#, #""service":"\uD800x""#, .default),
        (#""packages":1,"#, #""packages":01,"#, .default),
        (#""packages":1,"#, #""packages":tru,"#, .default),
        (#""classification":"FSC"}]}"#, #""classification":"FSC"}}}"#, .default),
        (#""packages":1,"#, #""packages":1,"packages":1,"#, .default),
        (#""description":"Fuel""#, #""description":"Fuel surcharge, diesel index of the month""#, DocumentLimits(maxStringLength: 30)),
        (#""charges":[{"#, #""charges":[[[{"#, .default),
        (#""charges":[{"#, #""charges":[{"x":[[1]],"#, DocumentLimits(maxDepth: 5)),
    ])
    func faultsInsideShipmentsAreReportedAlike(_ original: String, _ faulty: String, _ limits: DocumentLimits) {
        let data = Self.invoice(count: 40, editing: 23) { $0.replacingOccurrences(of: original, with: faulty) }
        #expect(data != Self.invoice(count: 40), "the edit must change the document")
        let expected = issues(inMemory(data, limits: limits))
        #expect(!expected.isEmpty)
        #expect(issues(streamed(data, limits: limits)) == expected)
        // The same fault with another after the shipments (a syntax error, then an unknown member).
        for tail in [#","notes":[1,}"#, #","colour":"red"}"#] {
            let json = String(decoding: data, as: UTF8.self)
            let both = Data((json.dropLast() + tail).utf8)
            #expect(issues(streamed(both, limits: limits)) == issues(inMemory(both, limits: limits)), "\(tail)")
        }
    }

    @Test func aDocumentCutInsideAShipmentIsReportedAlike() {
        let data = Self.invoice(count: 30)
        for cut in [data.count / 2, data.count - 3, data.count - 1] {
            let truncated = data.prefix(cut)
            #expect(issues(streamed(truncated)) == issues(inMemory(truncated)), "cut at \(cut)")
            #expect(!issues(streamed(truncated)).isEmpty)
        }
    }

    /// Brackets, quotes and backslashes inside strings do not end a shipment early.
    @Test func stringsWithBracketsAndEscapesAreDelimitedRight() throws {
        // JSON text: a value with brackets, an escaped quote, an escaped backslash and a \u escape,
        // and whitespace of every kind around the member.
        let member = "\n  \"service\" :\t" + #""Std } ] { [ \" \\ \u00e9 , end""# + "\r\n"
        let data = Self.invoice(count: 12, editing: 5) { $0.replacingOccurrences(of: #""service":"Standard""#, with: member) }
        let streamedDocument = try streamed(data).get()
        #expect(streamedDocument == (try inMemory(data).get()))
        guard case .invoice(let invoice) = streamedDocument.document, let shipments = invoice.shipments else {
            Issue.record("not an invoice with shipments")
            return
        }
        #expect(shipments.count == 12)
        #expect(shipments[5].service == #"Std } ] { [ " \ é , end"#)
        #expect(shipments[6].service == "Standard")
    }

    @Test func shipmentsThatAreNotAnArrayAreReportedAlike() {
        for replacement in [#""shipments":{}"#, #""shipments":[]"#, #""shipments":[1,2]"#] {
            let json = String(decoding: Self.invoice(count: 2), as: UTF8.self)
            let start = json.range(of: #""shipments":["#)!.lowerBound
            let data = Data((String(json[..<start]) + replacement + "}").utf8)
            #expect(issues(streamed(data)) == issues(inMemory(data)), "\(replacement)")
        }
    }

    @Test func aFileChangedUnderTheDecoderIsNoticed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-streamed-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let data = Self.invoice(count: 20)
        try data.write(to: url)
        let decoded = try DocumentDecoder().decode(streaming: DocumentSource(contentsOfFile: url.path), keepingShipmentsUpTo: 0)
        guard case .invoice(let invoice) = decoded.document, let shipments = invoice.shipments else {
            Issue.record("not an invoice")
            return
        }
        #expect(shipments[3].trackingNumber == "1Z3")
        #expect(!decoded.inputChanged)
        // Same length, other bytes: what is read back is not what was checked.
        let changed = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "Transport", with: "Tramsport")
        try Data(changed.utf8).write(to: url)
        _ = shipments[5]
        #expect(decoded.inputChanged)
    }

    @Test func standardInputBeyondTheMemoryLimitIsSpooledAndReadBack() throws {
        let data = Self.invoice(count: 500)
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
        let writer = Thread {
            data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(writeEnd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }
        writer.start()
        let source = try DocumentSource(reading: readEnd, byteLimit: 1 << 30, memoryLimit: 4096)
        close(readEnd)
        #expect(source.count == data.count)
        let decoded = try DocumentDecoder().decode(streaming: source, keepingShipmentsUpTo: 0)
        #expect(decoded == (try inMemory(data).get()))
    }
}
