/// Bytes of PDF syntax being assembled, with the number, name and string forms PDF needs.
///
/// Numbers are written with at most three decimals and no exponent (PDF has none); nothing here
/// goes through `printf`, which was a visible share of the cost of writing a page.
struct PDFBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always) mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(contentsOf buffer: UnsafeRawBufferPointer) { bytes.append(contentsOf: buffer) }

    /// A decimal integer.
    mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDigits(UInt64(-Int64(value)))
        } else {
            appendDigits(UInt64(value))
        }
    }

    /// A real number rounded to three decimals, trailing zeros dropped: `12`, `-0.5`, `595.276`.
    mutating func append(_ value: Double) {
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let thousandths = (value * 1000).rounded()
        guard abs(thousandths) < 9e15 else {
            append(Int(value.rounded()))
            return
        }
        var scaled = Int64(thousandths)
        if scaled == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if scaled < 0 {
            bytes.append(UInt8(ascii: "-"))
            scaled = -scaled
        }
        appendDigits(UInt64(scaled / 1000))
        var fraction = Int(scaled % 1000)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction != 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    private mutating func appendDigits(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            // Byte by byte: numbers are a few digits, and the generic append(contentsOf:) costs
            // some 60 instructions a call before it copies anything (0.5 M a small invoice).
            for index in (20 - count)..<20 { bytes.append(buffer[index]) }
        }
    }

    /// A 16-bit value as four hexadecimal digits (a CID inside `<…>`).
    @inline(__always) mutating func appendHex16(_ value: UInt16) {
        bytes.append(Self.hexDigits[Int(value >> 12)])
        bytes.append(Self.hexDigits[Int((value >> 8) & 0xF)])
        bytes.append(Self.hexDigits[Int((value >> 4) & 0xF)])
        bytes.append(Self.hexDigits[Int(value & 0xF)])
    }

    /// A two-byte code inside a literal string: the bytes themselves, escaped where PDF requires
    /// (parentheses, backslash) and where readers would rewrite them (a carriage return becomes a
    /// line feed unless escaped).
    @inline(__always) mutating func appendStringCode(_ code: UInt16) {
        appendStringByte(UInt8(code >> 8))
        appendStringByte(UInt8(code & 0xFF))
    }

    @inline(__always) private mutating func appendStringByte(_ byte: UInt8) {
        switch byte {
        case 0x28, 0x29, 0x5C:
            bytes.append(0x5C)
            bytes.append(byte)
        case 0x0D:
            bytes.append(0x5C)
            bytes.append(UInt8(ascii: "r"))
        default:
            bytes.append(byte)
        }
    }

    mutating func appendHex(_ byte: UInt8) {
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0xF)])
    }

    /// An indirect reference `N 0 R`.
    mutating func appendReference(_ object: Int) {
        append(object)
        append(" 0 R")
    }

    /// A text string (Info entries, outline titles): a literal string when it is printable ASCII,
    /// UTF-16BE with a byte-order mark in hexadecimal otherwise.
    mutating func appendTextString(_ text: String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            appendLiteralString(Array(text.utf8))
            return
        }
        bytes.append(UInt8(ascii: "<"))
        append("FEFF")
        for unit in text.utf16 { appendHex16(unit) }
        bytes.append(UInt8(ascii: ">"))
    }

    /// `(…)` with the three characters PDF requires escaped.
    mutating func appendLiteralString(_ text: [UInt8]) {
        bytes.append(UInt8(ascii: "("))
        for byte in text {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") {
                bytes.append(UInt8(ascii: "\\"))
            }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: ")"))
    }

    /// A name object: `/` and the name with delimiters and non-regular characters as `#xx`.
    mutating func appendName(_ name: String) {
        bytes.append(UInt8(ascii: "/"))
        for byte in name.utf8 {
            if byte > 0x20, byte < 0x7F, !Self.delimiters.contains(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "#"))
                appendHex(byte)
            }
        }
    }

    private static let delimiters: Set<UInt8> = Set("()<>[]{}/%#".utf8)
    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
