import FolioCore
import Foundation
import TextShaping

/// A TrueType font file read once per process: its tables, and the metrics a PDF font descriptor
/// and subsetting need. Immutable and shared by every writer on every thread.
final class FontProgram: Sendable {
    let data: FontBytes
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    let glyphCount: Int
    let usesLongOffsets: Bool
    let horizontalMetricCount: Int
    /// xMin, yMin, xMax, yMax in font units.
    let boundingBox: (Int, Int, Int, Int)
    let ascender: Int
    let descender: Int
    let capHeight: Int
    let italicAngle: Double
    let isFixedPitch: Bool
    let postScriptName: String
    private let glyfRange: Range<Int>
    private let locaRange: Range<Int>
    private let hmtxRange: Range<Int>
    /// Subsets already made of this font, compressed, by the glyphs asked for (ascending): invoices
    /// of one biller use the same characters, so most documents embed a subset an earlier one
    /// made (on the benchmark's 50 distinct invoices, 29 distinct subsets for 150 embeddings).
    /// Subsetting and compressing were a ninth of a small invoice. About 10 KB an entry.
    let subsets = BoundedMemo<[UInt16], CompressedSubset>(capacity: 32)
    /// Subsets of at most this many glyphs are kept (about 50 KB compressed for a Latin font).
    static let keptSubsetGlyphs = 512

    convenience init(path: String) throws(PDFOutputError) {
        try self.init(data: FontBytes(path: path), origin: path)
    }

    /// Parses a font file's bytes; `origin` names it in errors.
    convenience init(data: [UInt8], origin: String) throws(PDFOutputError) {
        try self.init(data: FontBytes(copying: data), origin: origin)
    }

    private init(data: FontBytes, origin: String) throws(PDFOutputError) {
        let path = origin
        func fail(_ reason: String) -> PDFOutputError {
            PDFOutputError(operation: "embedding font \(path)", reason: reason)
        }
        let directory: SFNTTableDirectory
        do {
            directory = try SFNTTableDirectory(fileSize: data.count) { range in Array(data[range]) }
        } catch {
            throw fail(error.reason)
        }
        guard directory.version == 0x0001_0000 || directory.version == 0x7472_7565 else {
            throw fail("only TrueType outlines (glyf) can be embedded")
        }
        let tables = directory.tables
        for tag in ["head", "hhea", "maxp", "hmtx", "loca", "glyf"] where tables[tag] == nil {
            throw fail("no \(tag) table")
        }
        let head = tables["head"]!, hhea = tables["hhea"]!, maxp = tables["maxp"]!
        guard head.count >= 54, hhea.count >= 36, maxp.count >= 6 else { throw fail("truncated head, hhea or maxp table") }
        unitsPerEm = max(16, Int(Self.u16(data, head.lowerBound + 18)))
        boundingBox = (
            Int(Self.i16(data, head.lowerBound + 36)), Int(Self.i16(data, head.lowerBound + 38)),
            Int(Self.i16(data, head.lowerBound + 40)), Int(Self.i16(data, head.lowerBound + 42))
        )
        usesLongOffsets = Self.i16(data, head.lowerBound + 50) == 1
        glyphCount = Int(Self.u16(data, maxp.lowerBound + 4))
        ascender = Int(Self.i16(data, hhea.lowerBound + 4))
        descender = Int(Self.i16(data, hhea.lowerBound + 6))
        horizontalMetricCount = max(1, Int(Self.u16(data, hhea.lowerBound + 34)))
        glyfRange = tables["glyf"]!
        locaRange = tables["loca"]!
        hmtxRange = tables["hmtx"]!
        guard locaRange.count >= (glyphCount + 1) * (usesLongOffsets ? 4 : 2) else { throw fail("truncated loca table") }
        guard hmtxRange.count >= horizontalMetricCount * 4 else { throw fail("truncated hmtx table") }
        if let os2 = tables["OS/2"], os2.count >= 90, Self.u16(data, os2.lowerBound) >= 2 {
            capHeight = Int(Self.i16(data, os2.lowerBound + 88))
        } else {
            capHeight = ascender
        }
        if let post = tables["post"], post.count >= 16 {
            italicAngle = Double(Int32(bitPattern: Self.u32(data, post.lowerBound + 4))) / 65536
            isFixedPitch = Self.u32(data, post.lowerBound + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }
        postScriptName = Self.postScriptName(data, tables["name"]) ?? "Font"
        self.tables = tables
        self.data = data
    }

    /// The advance width of `glyph` in font units.
    func advance(of glyph: Int) -> Int {
        let index = min(glyph, horizontalMetricCount - 1)
        return Int(Self.u16(data, hmtxRange.lowerBound + index * 4))
    }

    /// The left side bearing of `glyph` in font units.
    func leftSideBearing(of glyph: Int) -> Int16 {
        if glyph < horizontalMetricCount { return Self.i16(data, hmtxRange.lowerBound + glyph * 4 + 2) }
        let offset = hmtxRange.lowerBound + horizontalMetricCount * 4 + (glyph - horizontalMetricCount) * 2
        return offset + 2 <= hmtxRange.upperBound ? Self.i16(data, offset) : 0
    }

    /// The bytes of `glyph`'s outline in the glyf table (empty for a blank glyph).
    func outline(of glyph: Int) -> Range<Int> {
        guard glyph < glyphCount else { return glyfRange.lowerBound..<glyfRange.lowerBound }
        let start: Int, end: Int
        if usesLongOffsets {
            start = Int(Self.u32(data, locaRange.lowerBound + glyph * 4))
            end = Int(Self.u32(data, locaRange.lowerBound + glyph * 4 + 4))
        } else {
            start = Int(Self.u16(data, locaRange.lowerBound + glyph * 2)) * 2
            end = Int(Self.u16(data, locaRange.lowerBound + glyph * 2 + 2)) * 2
        }
        guard start <= end, end <= glyfRange.count else { return glyfRange.lowerBound..<glyfRange.lowerBound }
        return glyfRange.lowerBound + start..<glyfRange.lowerBound + end
    }

    /// nameID 6 from the name table, Windows Unicode or Macintosh Roman records.
    private static let nameDelimiters = Array("()<>[]{}/%#".utf8)

    private static func postScriptName(_ data: FontBytes, _ table: Range<Int>?) -> String? {
        guard let table, table.count >= 6 else { return nil }
        let count = Int(u16(data, table.lowerBound + 2))
        let strings = table.lowerBound + Int(u16(data, table.lowerBound + 4))
        for index in 0..<count {
            let record = table.lowerBound + 6 + index * 12
            guard record + 12 <= table.upperBound else { break }
            let platform = u16(data, record), nameID = u16(data, record + 6)
            guard nameID == 6 else { continue }
            let length = Int(u16(data, record + 8)), offset = strings + Int(u16(data, record + 10))
            guard offset + length <= table.upperBound else { continue }
            let bytes = data[offset..<offset + length]
            // Only printable ASCII without PDF delimiters is kept, so the name is filtered as code
            // units: decoding UTF-16 (or UTF-8) first would drop every other scalar all the same,
            // and String's generic UTF-16 decoding costs a process ~0.6 M instructions on first use.
            var ascii: [UInt8] = []
            if platform == 3 || platform == 0 {
                var position = bytes.startIndex
                while position + 1 < bytes.endIndex {
                    let unit = UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
                    if unit < 0x80 { ascii.append(UInt8(unit)) }
                    position += 2
                }
            } else {
                ascii = Array(bytes)
            }
            let name = String(decoding: ascii.filter { $0 > 0x20 && $0 < 0x7F && !Self.nameDelimiters.contains($0) }, as: UTF8.self)
            if !name.isEmpty { return name }
        }
        return nil
    }

    @inline(__always) static func u16(_ data: FontBytes, _ offset: Int) -> UInt16 {
        UInt16(data[offset]) << 8 | UInt16(data[offset + 1])
    }

    @inline(__always) static func i16(_ data: FontBytes, _ offset: Int) -> Int16 {
        Int16(bitPattern: u16(data, offset))
    }

    @inline(__always) static func u32(_ data: FontBytes, _ offset: Int) -> UInt32 {
        UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16 | UInt32(data[offset + 2]) << 8 | UInt32(data[offset + 3])
    }
}

/// Font programs by file path, read on first use and kept for the life of the process.
final class FontProgramCache: Sendable {
    static let shared = FontProgramCache()
    private let programs = LockedCache<String, FontProgram>()

    /// Read outside the lock (a font file is parsed in milliseconds); a race reads twice and keeps the first.
    func program(path: String) throws(PDFOutputError) -> FontProgram {
        if let program = programs.existing(path) { return program }
        return programs.insertIfAbsent(try FontProgram(path: path), for: path)
    }
}
