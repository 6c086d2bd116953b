/// A parsed JSON value that remembers where it came from.
///
/// Numbers keep their exact source text (`"12.34"` stays `12.34`, never a binary float), and every
/// node carries the byte offsets of its first and last byte so that errors can be reported, and
/// sorted, in document order.
package struct JSONNode: Sendable {
    package enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    /// One `"key": value` pair; duplicates are dropped by the parser (and reported).
    package struct Member: Sendable {
        package let key: String
        let keyOffset: Int
        package let value: JSONNode
    }

    package let value: Value
    /// Byte offset of the first byte of the value in the original input (BOM included).
    let offset: Int
    /// Byte offset of the last byte of the value.
    let endOffset: Int

    /// A short human description of the value for error messages: `the number 12.34`, `an object`.
    var foundDescription: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let text): return "the string \(quoted(text))"
        // A hostile literal may have a million digits; the message stays one short line.
        case .number(let text) where text.utf8.count > 60: return "the number \(text.prefix(40))… (\(text.utf8.count) characters)"
        case .number(let text): return "the number \(text)"
        case .bool(let flag): return "the boolean \(flag)"
        case .null: return "null"
        }
    }

    func member(_ key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// Quotes a string for an error message, eliding the middle of long values so a message stays one line.
func quoted(_ text: String, limit: Int = 60) -> String {
    var shown = text
    if shown.count > limit { shown = String(shown.prefix(limit - 1)) + "…" }
    var out = "\""
    for scalar in shown.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

import Foundation
