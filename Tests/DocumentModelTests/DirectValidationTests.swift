import Foundation
import PropertyBased
import Testing
@testable import DocumentModel

/// `DocumentDecoder.validate` reads the model without JSON text; the oracle is what it did before:
/// encode the document with `JSONEncoder` and decode the bytes. Both must accept the same documents
/// with the same computation, and refuse the others with the same issues (paths and reasons).
///
/// `JSONEncoder` on Linux writes members in hash order, which changes from process to process, so the
/// oracle's issue order is not stable: issues are compared as sorted lists.
@Suite("Direct validation")
struct DirectValidationTests {
    /// The JSON round trip `validate` used to make.
    private func oracle(_ document: Document, limits: DocumentLimits = .default) -> Result<DecodedDocument, DocumentDecodingError> {
        Result { () throws(DocumentDecodingError) in try DocumentDecoder(limits: limits).decode(try! JSONEncoder().encode(document)) }
    }

    private func direct(_ document: Document, limits: DocumentLimits = .default) -> Result<DecodedDocument, DocumentDecodingError> {
        Result { () throws(DocumentDecodingError) in try DocumentDecoder(limits: limits).validate(document) }
    }

    private func sorted(_ issues: [DocumentIssue]) -> [String] { issues.map { "\($0.path): \($0.reason)" }.sorted() }

    /// Same verdict: the same document, figures and warnings, or the same issues.
    private func expectSameVerdict(_ document: Document, limits: DocumentLimits = .default, _ label: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) {
        switch (direct(document, limits: limits), oracle(document, limits: limits)) {
        case (.success(let mine), .success(let old)):
            #expect(mine == DecodedDocument(document: old.document, computation: old.computation, warnings: mine.warnings), "\(label)", sourceLocation: sourceLocation)
            #expect(Set(mine.warnings) == Set(old.warnings), "\(label)", sourceLocation: sourceLocation)
        case (.failure(let mine), .failure(let old)):
            #expect(sorted(mine.issues) == sorted(old.issues), "\(label)", sourceLocation: sourceLocation)
            #expect(mine.omittedIssueCount == old.omittedIssueCount, "\(label)", sourceLocation: sourceLocation)
        case (.success, .failure(let old)):
            Issue.record("\(label): validate accepted, decoding refused: \(old)", sourceLocation: sourceLocation)
        case (.failure(let mine), .success):
            Issue.record("\(label): validate refused, decoding accepted: \(mine)", sourceLocation: sourceLocation)
        }
    }

    private static let examples: [Document] = Fixture.exampleNames.map { name in
        try! DocumentDecoder().decode(try! Fixture.example(name)).document
    } + [.invoice(makeInvoice([(1234, "20"), (-500, "5.5"), (99, "0")]))]

    /// Ways to spoil a document built in code, each one of the decoder's checks.
    private static let mutations: [(name: String, apply: @Sendable (inout Document) -> Void)] = [
        ("stated total disagrees", { document in
            // First in the list: computing traps once a later mutation mixes currencies.
            switch document {
            case .invoice(var invoice):
                let computed = invoice.computeTotals()
                var totals = invoice.totals ?? InvoiceTotals()
                totals.amountDue = computed.amountDue + Money(minorUnits: 1, currency: invoice.currency)
                invoice.totals = totals
                document = .invoice(invoice)
            case .cbp7501, .cbsaB3: break
            }
        }),
        ("unassigned country code", { document in
            switch document {
            case .invoice(var invoice): invoice.seller.country = "ZZ"; document = .invoice(invoice)
            case .cbp7501(var entry): entry.countryOfOrigin = "ZZ"; document = .cbp7501(entry)
            case .cbsaB3(var b3): b3.countryOfOrigin = "ZZ"; document = .cbsaB3(b3)
            }
        }),
        ("pattern violation", { document in
            switch document {
            case .invoice(var invoice): invoice.number = "F 1!"; document = .invoice(invoice)
            case .cbp7501(var entry): entry.entryNumber = "not an entry"; document = .cbp7501(entry)
            case .cbsaB3(var b3): b3.businessNumber = "x"; document = .cbsaB3(b3)
            }
        }),
        ("string too long", { document in
            let long = String(repeating: "é", count: 9_000)
            switch document {
            case .invoice(var invoice): invoice.notes = (invoice.notes ?? []) + [long]; document = .invoice(invoice)
            case .cbp7501(var entry): entry.importingCarrier = long; document = .cbp7501(entry)
            case .cbsaB3(var b3): b3.vendor.name = long; document = .cbsaB3(b3)
            }
        }),
        ("control character and bidi override", { document in
            switch document {
            case .invoice(var invoice): invoice.billTo.name += "\u{7}"; invoice.seller.city += "\u{202E}"; document = .invoice(invoice)
            case .cbp7501(var entry): entry.importerOfRecord.name += "\u{1B}"; document = .cbp7501(entry)
            case .cbsaB3(var b3): b3.importer.city += "\u{2066}"; document = .cbsaB3(b3)
            }
        }),
        ("amount in a currency with more decimals", { document in
            // KWD has 3 decimals: "12.345" cannot be an amount of a 2-decimal currency.
            let odd = Money(minorUnits: 12_345, currency: Currency("KWD")!)
            switch document {
            case .invoice(var invoice):
                guard var shipments = invoice.shipments, !shipments.isEmpty, !shipments[0].charges.isEmpty else { return }
                shipments[0].charges[0].publishedAmount = odd
                invoice.shipments = shipments
                document = .invoice(invoice)
            case .cbp7501, .cbsaB3: break
            }
        }),
        ("amount in another currency of the same decimals", { document in
            switch document {
            case .invoice(var invoice):
                guard var shipments = invoice.shipments, !shipments.isEmpty, !shipments[0].charges.isEmpty else { return }
                let other: Currency = invoice.currency == .usd ? .eur : .usd
                shipments[0].charges[0].incentiveAmount = Money(minorUnits: 1, currency: other)
                invoice.shipments = shipments
                document = .invoice(invoice)
            case .cbsaB3(var b3): b3.totalValueForDuty = Money(minorUnits: 100, currency: .usd); document = .cbsaB3(b3)
            case .cbp7501: break
            }
        }),
        ("due date before the issue date", { document in
            guard case .invoice(var invoice) = document else { return }
            invoice.dueDate = CalendarDate("2000-01-01")!
            document = .invoice(invoice)
        }),
        ("credit note without the original invoice", { document in
            guard case .invoice(var invoice) = document else { return }
            invoice.type = .creditNote
            invoice.originalInvoiceNumber = nil
            document = .invoice(invoice)
        }),
    ]

    @Test func validDocumentsGiveTheDecodersVerdict() {
        for (index, document) in Self.examples.enumerated() {
            guard case .success(let checked) = direct(document) else {
                Issue.record("example \(index) refused: \(direct(document))")
                continue
            }
            #expect(checked.document == document)
            expectSameVerdict(document, "example \(index)")
        }
    }

    @Test func everySingleMutationGivesTheDecodersIssues() {
        var refused: [String: Int] = [:]
        for (index, document) in Self.examples.enumerated() {
            for mutation in Self.mutations {
                var spoiled = document
                mutation.apply(&spoiled)
                expectSameVerdict(spoiled, "example \(index), \(mutation.name)")
                if case .failure = direct(spoiled) { refused[mutation.name, default: 0] += 1 }
            }
        }
        // Every mutation but one is an error somewhere (the comparison above would also pass if none were).
        // An amount of another currency with the same decimals reads as the document's currency in
        // JSON, so decoding, the oracle, accepts it: so does `validate`.
        for mutation in Self.mutations where mutation.name != "amount in another currency of the same decimals" {
            #expect(refused[mutation.name, default: 0] > 0, "\(mutation.name) was never refused")
        }
    }

    @Test func combinedMutationsGiveTheDecodersIssues() async {
        let choice = Gen.bool.array(of: Self.mutations.count...Self.mutations.count)
        await propertyCheck(count: 60, input: Gen.int(in: 0...(Self.examples.count - 1)), choice) { example, chosen in
            var document = Self.examples[example]
            var names: [String] = []
            for (mutation, on) in zip(Self.mutations, chosen) where on {
                mutation.apply(&document)
                names.append(mutation.name)
            }
            expectSameVerdict(document, "example \(example), \(names.joined(separator: " + "))")
        }
    }

    @Test func issuesAreReportedAtTheDecodersPaths() throws {
        var invoice = makeInvoice([(1234, "20")])
        invoice.number = "F 1!"
        invoice.shipments![0].charges[0].publishedAmount = Money(minorUnits: 12_345, currency: Currency("KWD")!)
        let error = try #require(throws: DocumentDecodingError.self) { try DocumentDecoder().validate(.invoice(invoice)) }
        // Declaration order: `number` comes before `shipments` in the model.
        #expect(error.issues.map(\.path) == ["$.number", "$.shipments[0].charges[0].publishedAmount"])
        #expect(error.issues[1].reason == "\"12.345\" has 3 decimals but EUR allows at most 2")
    }

    @Test func theTreeHasTheMembersInEncodingOrderAndRefusesFloats() throws {
        struct Leaves: Encodable { var zeta = "z"; var small: UInt8 = 7; var flag = true; var none: Int? = nil; var list = [1, -2] }
        let tree = try ModelTreeEncoder.tree(of: Leaves())
        guard case .object(let members) = tree.value else {
            Issue.record("not an object: \(tree.foundDescription)")
            return
        }
        #expect(members.map(\.key) == ["zeta", "small", "flag", "list"])
        #expect(members.map(\.value.foundDescription) == ["the string \"z\"", "the number 7", "the boolean true", "an array"])
        // Offsets grow in document order, like byte offsets: each member after the previous one's end.
        #expect(zip(members, members.dropFirst()).allSatisfy { $0.value.endOffset < $1.keyOffset })
        #expect(tree.compactJSONByteCount == (try JSONEncoder().encode(Leaves())).count)
        struct Measured: Encodable { var weight = 1.5 }
        #expect(throws: EncodingError.self) { try ModelTreeEncoder.tree(of: Measured()) }
    }

    @Test func limitsApplyAsToTheDocumentsJSON() throws {
        for document in Self.examples {
            let size = try JSONEncoder().encode(document).count
            #expect(try ModelTreeEncoder.tree(of: document).compactJSONByteCount == size)
            expectSameVerdict(document, limits: DocumentLimits(maxInputBytes: size - 1), "size limit")
            expectSameVerdict(document, limits: DocumentLimits(maxInputBytes: size), "size at the limit")
        }
        // Escapes count as JSONEncoder writes them.
        var invoice = makeInvoice([(1, "20")])
        invoice.notes = ["a/b \"q\" \\ \t\n\r\u{8}\u{C}\u{1}\u{7F} é € 😀 \u{2028}"]
        let document = Document.invoice(invoice)
        #expect(try ModelTreeEncoder.tree(of: document).compactJSONByteCount == JSONEncoder().encode(document).count)

        // One string over the limit (the notes are the longest strings of the invoice).
        invoice.notes = [String(repeating: "x", count: 3_000)]
        expectSameVerdict(.invoice(invoice), limits: DocumentLimits(maxStringLength: 2_999), "string length limit")
        // One array over the limit (the charges: the other arrays hold one element).
        let many = makeInvoice(Array(repeating: (1, "20"), count: 5))
        expectSameVerdict(.invoice(many), limits: DocumentLimits(maxArrayLength: 4), "array length limit")
        // Only the top-level object has more than 10 members; the 11th is reported, which is another
        // member from one run of the oracle to the next, and `shipments` in declaration order.
        let members = DocumentLimits(maxObjectMembers: 10)
        guard case .failure(let crowded) = direct(.invoice(many), limits: members),
              case .failure(let oldCrowded) = oracle(.invoice(many), limits: members) else {
            Issue.record("member limit not applied")
            return
        }
        #expect(crowded.issues.map(\.reason) == oldCrowded.issues.map(\.reason))
        #expect(crowded.issues.map(\.path) == ["$.shipments"])
        // Nesting: every path that is too deep has the same reason; which one comes first depends on member order.
        guard case .failure(let deep) = direct(.invoice(many), limits: DocumentLimits(maxDepth: 3)),
              case .failure(let old) = oracle(.invoice(many), limits: DocumentLimits(maxDepth: 3)) else {
            Issue.record("nesting limit not applied")
            return
        }
        #expect(deep.issues.map(\.reason) == old.issues.map(\.reason))
    }
}
