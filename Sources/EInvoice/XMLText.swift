/// A small append-only XML writer: elements in the order they are written (the CII schema fixes the
/// order of every child), text escaped, no namespace handling beyond the prefixes the caller writes.
/// Deterministic: the same calls give the same bytes.
struct XMLText {
    private(set) var text: String = ""
    private var depth = 0

    init(capacity: Int) {
        text.reserveCapacity(capacity)
        text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Opens `<name attrs>`, runs `body`, closes it.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLText) -> Void) {
        indent()
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"" + Self.escaped(value, attribute: true) + "\"" }
        text += ">\n"
        depth += 1
        body(&self)
        depth -= 1
        indent()
        text += "</" + name + ">\n"
    }

    /// `<name attrs>value</name>` on one line.
    mutating func leaf(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        indent()
        text += "<" + name
        for (key, attrValue) in attributes { text += " \(key)=\"" + Self.escaped(attrValue, attribute: true) + "\"" }
        text += ">" + Self.escaped(value, attribute: false) + "</" + name + ">\n"
    }

    /// A leaf only when `value` is present.
    mutating func leaf(_ name: String, ifPresent value: String?, _ attributes: [(String, String)] = []) {
        if let value { leaf(name, value, attributes) }
    }

    private mutating func indent() {
        for _ in 0..<depth { text += "  " }
    }

    /// Escapes markup characters, and drops the control characters XML 1.0 cannot carry at all
    /// (the decoder's text fields may hold tabs and newlines, which stay).
    static func escaped(_ value: String, attribute: Bool) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || $0 == "\u{FFFE}" || $0 == "\u{FFFF}" }) else {
            return value
        }
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
