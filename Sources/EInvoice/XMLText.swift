/// A small append-only XML writer: elements in the order they are written (the CII schema fixes the
/// order of every child), text escaped, no namespace handling beyond the prefixes the caller writes.
/// Deterministic: the same calls give the same bytes. Appends UTF-8 bytes in place, with no temporary
/// strings for the common case of text without markup characters: it runs on every render of an EU
/// invoice, and its bytes are what the PDF embeds.
struct XMLText {
    /// The UTF-8 bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// How many bytes a writer keeps before it hands them on: the XML of 50,000 shipments is
    /// tens of megabytes, never held whole.
    static let drainThreshold = 1 << 16

    /// Hands the bytes written so far to `sink` and forgets them, when there are more than `threshold`.
    mutating func drain(ifLargerThan threshold: Int, to sink: (UnsafeRawBufferPointer) -> Void) {
        guard bytes.count > threshold else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Opens `<name attrs>`, runs `body`, closes it; one element a line, not indented (the bytes are
    /// for machines, `xmllint --format` shows them to people).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLText) -> Void) {
        openTag(name, attributes)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(UInt8(ascii: "\n"))
        body(&self)
        closeTag(name)
    }

    /// `<name attrs>value</name>` on one line.
    mutating func leaf(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        openTag(name, attributes)
        bytes.append(UInt8(ascii: ">"))
        appendEscaped(value, attribute: false)
        closeTag(name)
    }

    /// A leaf only when `value` is present.
    mutating func leaf(_ name: String, ifPresent value: String?, _ attributes: [(String, String)] = []) {
        if let value { leaf(name, value, attributes) }
    }

    /// `<name attrs>amount</name>` for an amount in minor units with `exponent` decimals, written
    /// digit by digit (no intermediate string: a line has three amounts).
    mutating func leaf(_ name: String, minorUnits: Int64, exponent: Int, _ attributes: [(String, String)] = []) {
        openTag(name, attributes)
        bytes.append(UInt8(ascii: ">"))
        if minorUnits < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = minorUnits.magnitude
        var reversed: [UInt8] = []
        reversed.reserveCapacity(24)
        while magnitude > 0 || reversed.count <= exponent {
            if reversed.count == exponent && exponent > 0 { reversed.append(UInt8(ascii: ".")) }
            reversed.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes.append(contentsOf: reversed.reversed())
        closeTag(name)
    }

    /// Appends the string's UTF-8 as one copy (`append(contentsOf: text.utf8)` goes byte by byte).
    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func openTag(_ name: String, _ attributes: [(String, String)]) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            append(key)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            appendEscaped(value, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func closeTag(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func appendEscaped(_ value: String, attribute: Bool) {
        var value = value
        let plain = value.withUTF8 { utf8 in
            guard Self.isPlain(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { append(Self.escaped(value, attribute: attribute)) }
    }

    /// Whether `utf8` has nothing to escape or drop: no markup character, no control character, no
    /// byte 0xEF (the lead byte of U+FFFE and U+FFFF, which XML cannot carry; other characters
    /// starting with it just take the slow path). Over the bytes, not `String.UTF8View`, whose
    /// iteration cost 700 instructions a value.
    private static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == 0xEF }
    }

    /// Escapes markup characters, and drops the control characters XML 1.0 cannot carry at all
    /// (the decoder's text fields may hold tabs and newlines, which stay).
    static func escaped(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
