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
        var coverage: CodePointCoverage
    }

    static let fileName = "manifest.tsv"
    let entries: [String: Entry]

    /// Nil when the directory has no manifest (a user's font folder): its fonts are then opened.
    init?(directory: String) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var entries: [String: Entry] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let bytes = Int(fields[1]), let weight = Int(fields[3]),
                let coverage = CodePointCoverage(hexRanges: fields[5])
            else { continue }
            let name = String(fields[0])
            entries[name] = Entry(
                fileName: name, byteCount: bytes, family: String(fields[2]),
                style: FontStyle(weight: weight, italic: fields[4] == "1"), coverage: coverage)
        }
        self.entries = entries
    }
}

/// Sorted, disjoint code point ranges, searched by bisection.
struct CodePointCoverage: Sendable {
    private let lower: [UInt32]
    private let upper: [UInt32]

    /// Parses `41-5A,61,...` (hexadecimal, ascending); nil if malformed.
    init?(hexRanges text: Substring) {
        var lower: [UInt32] = [], upper: [UInt32] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", maxSplits: 1)
            guard let low = UInt32(bounds[0], radix: 16) else { return nil }
            let high = bounds.count == 2 ? UInt32(bounds[1], radix: 16) : low
            guard let high, high >= low, (upper.last ?? 0) <= low || upper.isEmpty else { return nil }
            lower.append(low)
            upper.append(high)
        }
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
