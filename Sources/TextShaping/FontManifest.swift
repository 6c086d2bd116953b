import Foundation

/// What the registry knows of a bundled font without opening it: `Fonts/manifest.tsv`, written by
/// `Fonts/tools/make-manifest.py` and checked against the fonts by `FontManifestTests`.
///
/// Opening a font (mapping it, parsing its table directory, names and cmap) costs little for a
/// Latin face but is wasted for the CJK or emoji faces that most documents never use. With the
/// manifest, a registry lists every family and style, and answers "might this font have U+XXXX?",
/// before any file is opened.
///
/// ```swift
/// let manifest = FontManifest(directory: "Fonts")
/// manifest?.entries["DroidSansFallback.ttf"]?.family  // "Droid Sans Fallback"
/// ```
struct FontManifest {
    struct Entry {
        var fileName: String
        /// The file's size when the manifest was written: a font replaced without a new manifest
        /// line is opened and read instead of trusted.
        var byteCount: Int
        var family: String
        var style: FontStyle
        /// The code point ranges as written (`41-5A,61,…`), parsed by the slot when first needed:
        /// most fonts are never asked, and parsing all took most of the manifest's cost.
        var coverageText: [UInt8]
    }

    static let fileName = "manifest.tsv"
    let entries: [String: Entry]

    /// Nil when the directory has no manifest (a user's font folder): its fonts are then opened.
    /// Parsed byte by byte: splitting the 14 KB as Swift strings cost 20 million instructions, a
    /// fifth of a whole invoice's render.
    init?(directory: String) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var entries: [String: Entry] = [:]
        // Over the raw bytes: walking an Array by index range cost a render process a quarter of a
        // million instructions for this 14 KB file.
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard bytes[lineStart] != UInt8(ascii: "#") else { continue }
                var fields: [Range<Int>] = []
                var fieldStart = lineStart
                for index in lineStart...lineEnd where index == lineEnd || bytes[index] == UInt8(ascii: "\t") {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                guard fields.count == 6, let size = Self.decimal(bytes[fields[1]]), let weight = Self.decimal(bytes[fields[3]]) else { continue }
                let name = String(decoding: bytes[fields[0]], as: UTF8.self)
                entries[name] = Entry(
                    fileName: name, byteCount: size, family: String(decoding: bytes[fields[2]], as: UTF8.self),
                    style: FontStyle(weight: weight, italic: bytes[fields[4]].elementsEqual([UInt8(ascii: "1")])),
                    coverageText: Array(bytes[fields[5]]))
            }
        }
        self.entries = entries
    }

    private static func decimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count < 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}

/// Sorted, disjoint code point ranges, searched by bisection.
struct CodePointCoverage: Sendable {
    private let lower: [UInt32]
    private let upper: [UInt32]

    /// Parses `41-5A,61,...` (hexadecimal, ascending, disjoint); nil if malformed.
    init?(hexRanges text: some StringProtocol) {
        self.init(hexRanges: ArraySlice(text.utf8))
    }

    init?(hexRanges text: ArraySlice<UInt8>) {
        var lower: [UInt32] = [], upper: [UInt32] = []
        var current: UInt32 = 0, digits = 0, low: UInt32? = nil
        func close() -> Bool {
            guard digits > 0 else { return false }
            let high = current
            let start = low ?? high
            guard start <= high, upper.last.map({ $0 < start }) ?? true else { return false }
            lower.append(start)
            upper.append(high)
            current = 0
            digits = 0
            low = nil
            return true
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "a")...UInt8(ascii: "f"):
                let nibble = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
                guard digits < 6 else { return nil }
                current = current << 4 | UInt32(nibble)
                digits += 1
            case UInt8(ascii: "-"):
                guard digits > 0, low == nil else { return nil }
                low = current
                current = 0
                digits = 0
            case UInt8(ascii: ","):
                guard close() else { return nil }
            default:
                return nil
            }
        }
        if digits > 0 || low != nil { guard close() else { return nil } }
        self.lower = lower
        self.upper = upper
    }

    func contains(_ value: UInt32) -> Bool {
        var low = 0, high = lower.count
        while low < high {
            let middle = (low + high) / 2
            if upper[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < lower.count && lower[low] <= value
    }
}
