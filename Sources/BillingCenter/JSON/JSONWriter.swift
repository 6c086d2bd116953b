extension JSONValue {
    /// Compact UTF-8 JSON, members in their stored order (S-2: one result per line).
    public var compactText: String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output += "null".utf8
        case let .bool(flag): output += (flag ? "true" : "false").utf8
        case let .number(text): output += text.utf8
        case let .string(text): Self.writeString(text, to: &output)
        case let .array(items):
            output += "[".utf8
            for (position, item) in items.enumerated() {
                if position > 0 { output += ",".utf8 }
                item.write(to: &output)
            }
            output += "]".utf8
        case let .object(members):
            output += "{".utf8
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { output += ",".utf8 }
                Self.writeString(key, to: &output)
                output += ":".utf8
                value.write(to: &output)
            }
            output += "}".utf8
        }
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output += "\"".utf8
        // Fast path: most strings (ids, codes, instants) need no escaping.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output += text.utf8
            output.append(0x22)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\"".utf8
            case "\\": output += "\\\\".utf8
            case "\n": output += "\\n".utf8
            case "\r": output += "\\r".utf8
            case "\t": output += "\\t".utf8
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: output += String(scalar).utf8
            }
        }
        output += "\"".utf8
    }
}
