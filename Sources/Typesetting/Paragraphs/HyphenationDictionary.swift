import CHyphen
import FolioCore
import Foundation
import TextShaping

/// Hyphenation points of one language's words, from the TeX patterns as LibreOffice ships them
/// (`Hyphenation/hyph_*.dic`), found by libhyphen (Liang's algorithm, with compound words).
///
/// `@unchecked Sendable`: the loaded dictionary is immutable; libhyphen only reads it.
final class HyphenationDictionary: @unchecked Sendable {
    private let dictionary: UnsafeMutablePointer<HyphenDict>
    /// Fewest letters before and after a hyphen. French and English typography want three at the
    /// end ("hyphen-ate", never "hyphenat-e"), German two; the patterns' own minima may be larger.
    let leftMinimum: Int32
    let rightMinimum: Int32

    private init?(path: String, leftMinimum: Int32, rightMinimum: Int32) {
        guard let dictionary = hnj_hyphen_load(path) else { return nil }
        self.dictionary = dictionary
        self.leftMinimum = max(leftMinimum, Int32(dictionary.pointee.lhmin))
        self.rightMinimum = max(rightMinimum, Int32(dictionary.pointee.rhmin))
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// Offsets in Unicode scalars after which the lower-case `word` may take a hyphen.
    func hyphenationPoints(lowercased word: String) -> [Int] {
        // libhyphen reads the word as a C string too (strstr for its NOHYPHEN list): NUL-terminated.
        let bytes = Array(word.utf8) + [0]
        let length = bytes.count - 1
        guard length < 256, length > 0 else { return [] }
        var hyphens = [CChar](repeating: 0, count: length + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        let status = bytes.withUnsafeBufferPointer { word in
            word.withMemoryRebound(to: CChar.self) {
                hnj_hyphen_hyphenate3(
                    dictionary, $0.baseAddress, Int32(length), &hyphens, nil, &replacements, &positions, &cuts,
                    leftMinimum, rightMinimum, 2, 2)
            }
        }
        defer { Self.free(replacements, positions, cuts, count: length) }
        guard status == 0 else { return [] }
        let scalarCount = word.unicodeScalars.count
        var points: [Int] = []
        for index in 0..<(scalarCount - 1) where hyphens[index] & 1 == 1 {
            // A non-standard break ("Schiff-fahrt" from "Schiffahrt") changes letters: not taken.
            if let replacements, replacements[index] != nil { continue }
            points.append(index + 1)
        }
        return points
    }

    private static func free(
        _ replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ positions: UnsafeMutablePointer<Int32>?,
        _ cuts: UnsafeMutablePointer<Int32>?, count: Int
    ) {
        if let replacements {
            for index in 0..<count { Foundation.free(replacements[index]) }
            Foundation.free(replacements)
        }
        Foundation.free(positions)
        Foundation.free(cuts)
    }

    // MARK: - Bundled dictionaries

    /// Pattern file and minima per language; regional variants share their language's patterns
    /// except British English, whose syllable rules differ from American.
    private static func patternFile(for language: String) -> (file: String, left: Int32, right: Int32)? {
        // Not Foundation's replacingOccurrences: its first call in a process costs ~0.6 M instructions.
        let tag = String(language.lowercased().map { $0 == "_" ? "-" : $0 })
        let primary = tag.split(separator: "-").first.map(String.init) ?? tag
        switch primary {
        case "de": return ("hyph_de.dic", 2, 2)
        case "fr": return ("hyph_fr.dic", 2, 3)
        case "en":
            let british = ["en-gb", "en-au", "en-nz", "en-ie", "en-za", "en-in"].contains { tag.hasPrefix($0) }
            return (british ? "hyph_en_GB.dic" : "hyph_en_US.dic", 2, 3)
        default: return nil
        }
    }

    private static let loaded = LockedCache<String, HyphenationDictionary?>()

    /// The bundled `Hyphenation/` folder (`FOLIO_HYPHENATION` overrides it).
    static let bundledDirectory: String? = BundledResourceLocator.directory(
        named: "Hyphenation", environmentVariable: "FOLIO_HYPHENATION", containing: "hyph_fr.dic")

    /// The dictionary for a BCP 47 tag, loaded once per process; nil for a language without
    /// bundled patterns (its words are then never hyphenated, only cut when they cannot fit).
    static func forLanguage(_ language: String?) -> HyphenationDictionary? {
        guard let language, let pattern = patternFile(for: language), let directory = bundledDirectory else { return nil }
        if let cached = loaded.existing(pattern.file) { return cached }
        // Loaded outside the lock (patterns take milliseconds); a race loads twice and keeps the first.
        let dictionary = HyphenationDictionary(
            path: (directory as NSString).appendingPathComponent(pattern.file), leftMinimum: pattern.left, rightMinimum: pattern.right)
        return loaded.insertIfAbsent(dictionary, for: pattern.file)
    }
}
