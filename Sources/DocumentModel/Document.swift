import Foundation

/// A Folio input document: one of the three kinds of the contract.
///
/// Encoding writes the contract's JSON (amounts as decimal strings, the `kind` member included);
/// decoding through any `Decoder` runs the same strict checks as ``DocumentDecoder`` and throws
/// ``DocumentDecodingError`` (use `DocumentDecoder` for byte offsets and duplicate-key detection).
///
/// ```swift
/// let decoded = try DocumentDecoder().decode(data)
/// switch decoded.document {
/// case .invoice(let invoice): print(invoice.number)
/// case .cbp7501(let entry): print(entry.entryNumber)
/// case .cbsaB3(let b3): print(b3.transactionNumber)
/// }
/// let json = try JSONEncoder().encode(decoded.document)
/// ```
public enum Document: Sendable, Hashable, Codable {
    /// Carrier invoice or credit note.
    case invoice(Invoice)
    /// U.S. CBP 7501 entry summary.
    case cbp7501(CBP7501Entry)
    /// CBSA B3 coding form.
    case cbsaB3(CBSAB3Declaration)

    /// The document's kind.
    public var kind: DocumentKind {
        switch self {
        case .invoice: return .invoice
        case .cbp7501: return .cbp7501
        case .cbsaB3: return .cbsaB3
        }
    }

    /// The currency of the document's amounts.
    public var currency: Currency {
        switch self {
        case .invoice(let invoice): return invoice.currency
        case .cbp7501: return .usd
        case .cbsaB3: return .cad
        }
    }

    /// Computes every printed figure of the document. Figures are exact `Int64` minor units: a document
    /// built in code with amounts near ±9.2 × 10^18 minor units traps (``DocumentDecoder`` refuses such input).
    ///
    /// ```swift
    /// if case .invoice(let totals) = document.compute() { print(totals.amountDue) }
    /// ```
    public func compute() -> DocumentComputation {
        switch self {
        case .invoice(let invoice): return .invoice(invoice.computeTotals())
        case .cbp7501(let entry): return .cbp7501(entry.compute())
        case .cbsaB3(let b3): return .cbsaB3(b3.compute())
        }
    }

    /// Encodes the payload, whose `kind` member names the case.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .invoice(let value): try value.encode(to: encoder)
        case .cbp7501(let value): try value.encode(to: encoder)
        case .cbsaB3(let value): try value.encode(to: encoder)
        }
    }

    /// Decodes with the strict rules (totals checked, rules applied); throws `DocumentDecodingError`.
    public init(from decoder: any Decoder) throws {
        let tree = try AnyJSONValue(from: decoder).node
        self = try DocumentDecoder().decode(tree: tree).document
    }
}

/// The computed figures of a document, by kind.
///
/// ```swift
/// if case .cbp7501(let c) = document.compute() { print(c.total) }
/// ```
public enum DocumentComputation: Sendable, Hashable {
    /// Invoice totals.
    case invoice(ComputedInvoice)
    /// 7501 lines, fees and blocks 39, 41–44.
    case cbp7501(CBP7501Computation)
    /// B3 lines and fields 9, 47–51.
    case cbsaB3(B3Computation)
}

extension Invoice {
    /// Decodes a whole invoice document strictly; throws `DocumentDecodingError`.
    public init(from decoder: any Decoder) throws {
        guard case .invoice(let value) = try Document(from: decoder) else { throw wrongKind(decoder, "invoice") }
        self = value
    }
}

extension CBP7501Entry {
    /// Decodes a whole 7501 document strictly; throws `DocumentDecodingError`.
    public init(from decoder: any Decoder) throws {
        guard case .cbp7501(let value) = try Document(from: decoder) else { throw wrongKind(decoder, "cbp-7501") }
        self = value
    }
}

extension CBSAB3Declaration {
    /// Decodes a whole B3 document strictly; throws `DocumentDecodingError`.
    public init(from decoder: any Decoder) throws {
        guard case .cbsaB3(let value) = try Document(from: decoder) else { throw wrongKind(decoder, "cbsa-b3") }
        self = value
    }
}

private func wrongKind(_ decoder: any Decoder, _ kind: String) -> DocumentDecodingError {
    DocumentDecodingError(issues: [DocumentIssue(path: "$.kind", reason: "expected the string \(quoted(kind))")])
}
