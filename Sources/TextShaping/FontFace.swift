import CHarfBuzz
import Foundation
import Synchronization

/// Identity of a font inside one ``FontRegistry``: what layout and frames carry instead of a handle.
///
/// ```swift
/// let face = try registry.face(for: id)
/// ```
public struct FontID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static func < (lhs: FontID, rhs: FontID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "font#\(rawValue)" }
}

/// Weight and slant of a face, as declared in its OS/2 table.
public struct FontStyle: Hashable, Sendable {
    /// CSS-like weight: 400 regular, 700 bold.
    public var weight: Int
    public var italic: Bool
    public init(weight: Int = 400, italic: Bool = false) {
        self.weight = weight
        self.italic = italic
    }
    public static let regular = FontStyle()
    public static let bold = FontStyle(weight: 700)
    public static let italic = FontStyle(italic: true)
    public static let boldItalic = FontStyle(weight: 700, italic: true)
}

/// Vertical metrics of a face in font units.
public struct FontMetrics: Hashable, Sendable {
    public var unitsPerEm: Int
    public var ascender: Int
    /// Negative below the baseline, as in the font.
    public var descender: Int
    public var lineGap: Int
}

/// One font file opened for shaping: a HarfBuzz face and an immutable HarfBuzz font over the file's
/// bytes, scaled to font units.
///
/// Immutable HarfBuzz fonts may be shared by any number of threads, which is why one `FontFace` serves
/// every concurrent render in the process. Drawing uses its own FreeType face per worker (see
/// `CairoOutput`), never this one: HarfBuzz must see the unscaled font to give exact advances.
///
/// ```swift
/// let face = try FontFace(id: FontID(rawValue: 0), path: "Fonts/NotoSans-Regular.ttf")
/// face.hasGlyph(for: "é")  // true
/// ```
/// `@unchecked Sendable`: its HarfBuzz handles are immutable after `init` (HarfBuzz allows sharing them).
public final class FontFace: @unchecked Sendable {
    public let id: FontID
    public let path: String
    public let familyName: String
    public let style: FontStyle
    public let metrics: FontMetrics
    /// PostScript name, used for PDF font names and diagnostics.
    public let postScriptName: String

    // Owned HarfBuzz handles; immutable after init, freed in deinit.
    let blob: OpaquePointer
    let hbFace: OpaquePointer
    let hbFont: OpaquePointer
    /// Which ASCII characters have a glyph, bit `n` for U+00nn: answered without HarfBuzz, since
    /// font fallback asks for every character of every paragraph.
    private let asciiCoverage: (low: UInt64, high: UInt64)
    /// Words of this face shaped before (see ``TextShaper``).
    let words = WordShapes()
    /// ``spaceSeparatesShaping``, once known: 0 not yet, 1 no, 2 yes.
    private let spaceSeparation = Atomic<UInt8>(0)
    /// Runs shaped before ``shapesWordsApart`` asked about the lookups.
    private let runsShaped = Atomic<Int>(0)
    /// Runs a face shapes whole before its words are kept: finding whether its lookups leave the space
    /// alone costs 0.4–1.2 M instructions for the three faces of an invoice, which keeping words
    /// repays after a couple of hundred runs. So a short document in a fresh process does not pay for
    /// it (it was 0.8 M instructions worse with no threshold), and a billing run or a long document
    /// soon has every word kept.
    static let runsBeforeKeepingWords = 200

    public init(id: FontID, path: String) throws(FontError) {
        guard FileManager.default.isReadableFile(atPath: path) else { throw .fileMissing(path: path) }
        guard let blob = hb_blob_create_from_file_or_fail(path) else { throw .unreadable(path: path) }
        guard hb_face_count(blob) > 0 else {
            hb_blob_destroy(blob)
            throw .notAFont(path: path)
        }
        let face = hb_face_create(blob, 0)!
        let upem = Int(hb_face_get_upem(face))
        guard hb_face_get_glyph_count(face) > 0, upem > 0 else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            throw .notAFont(path: path)
        }
        hb_face_make_immutable(face)
        let font = hb_font_create(face)!
        hb_font_set_scale(font, Int32(upem), Int32(upem))
        hb_font_make_immutable(font)

        self.id = id
        self.path = path
        self.blob = blob
        self.hbFace = face
        self.hbFont = font
        var coverage: (low: UInt64, high: UInt64) = (0, 0)
        for value in UInt32(0)..<128 {
            var glyph: hb_codepoint_t = 0
            guard hb_font_get_nominal_glyph(font, value, &glyph) != 0, glyph != 0 else { continue }
            if value < 64 { coverage.low |= 1 << UInt64(value) } else { coverage.high |= 1 << UInt64(value - 64) }
        }
        self.asciiCoverage = coverage

        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        self.metrics = FontMetrics(
            unitsPerEm: upem, ascender: Int(extents.ascender), descender: Int(extents.descender),
            lineGap: Int(extents.line_gap))
        let family = Self.name(face, hb_ot_name_id_t(HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY)) ?? Self.name(face, hb_ot_name_id_t(HB_OT_NAME_ID_FONT_FAMILY))
        self.familyName = family ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        self.postScriptName = Self.name(face, hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME)) ?? self.familyName
        let weight = Int(hb_style_get_value(font, HB_STYLE_TAG_WEIGHT).rounded())
        let italic = hb_style_get_value(font, HB_STYLE_TAG_ITALIC) > 0.5
        self.style = FontStyle(weight: weight, italic: italic)
    }

    deinit {
        hb_font_destroy(hbFont)
        hb_face_destroy(hbFace)
        hb_blob_destroy(blob)
    }

    /// Whether no OpenType lookup of the face can see across a space: none has the space glyph in its
    /// input, context or output, none skips base glyphs (the space is classed as one or not at all),
    /// and no AAT or legacy `kern` table (which HarfBuzz applies outside GSUB and GPOS) is there. Then text shaped word by word, each word with its following spaces,
    /// gives the glyphs and positions of the same text shaped whole (in a script HarfBuzz shapes with
    /// its default shaper), which is what lets ``TextShaper`` keep shaped words. Browsers cache words
    /// on the same condition.
    ///
    /// Asked on first use, then kept. Collecting the glyphs of every lookup costs 0.15–0.4 M
    /// instructions for a Noto Sans face whose tables shaping has loaded already, several times that
    /// for one it has not.
    public var spaceSeparatesShaping: Bool {
        switch spaceSeparation.load(ordering: .relaxed) {
        case 1: return false
        case 2: return true
        default:
            // Two threads asking at once both look; they find the same answer.
            let separates = lookupsLeaveTheSpaceAlone()
            spaceSeparation.store(separates ? 2 : 1, ordering: .relaxed)
            return separates
        }
    }

    private func lookupsLeaveTheSpaceAlone() -> Bool {
        var space: hb_codepoint_t = 0
        guard hb_font_get_nominal_glyph(hbFont, 0x20, &space) != 0, space != 0 else { return false }
        for tag in ["morx", "mort", "kerx", "kern", "trak"] {
            let bytes = Array(tag.utf8)
            let table = hb_face_reference_table(hbFace, hb_tag_t(bytes[0]) << 24 | hb_tag_t(bytes[1]) << 16 | hb_tag_t(bytes[2]) << 8 | hb_tag_t(bytes[3]))
            defer { hb_blob_destroy(table) }
            if hb_blob_get_length(table) > 0 { return false }
        }
        // A lookup that skips base glyphs (IgnoreBaseGlyphs) steps over a space without having it in
        // any set, and so does one that skips marks or ligatures if the space is classed as one.
        let spaceClass = hb_ot_layout_get_glyph_class(hbFace, space)
        guard spaceClass == HB_OT_LAYOUT_GLYPH_CLASS_UNCLASSIFIED || spaceClass == HB_OT_LAYOUT_GLYPH_CLASS_BASE_GLYPH else { return false }
        let sets = (0..<4).map { _ in hb_set_create()! }
        defer { sets.forEach { hb_set_destroy($0) } }
        for table in [hb_tag_t(0x4753_5542), hb_tag_t(0x4750_4F53)] {  // GSUB, GPOS
            let blob = hb_face_reference_table(hbFace, table)
            defer { hb_blob_destroy(blob) }
            var length: UInt32 = 0
            if let data = hb_blob_get_data(blob, &length), length > 0 {
                let flags = Self.lookupFlags(inLayoutTable: UnsafeRawBufferPointer(start: data, count: Int(length)))
                guard let flags, !flags.contains(where: { $0 & 0x0002 != 0 }) else { return false }
            }
            for lookup in 0..<hb_ot_layout_table_get_lookup_count(hbFace, table) {
                sets.forEach { hb_set_clear($0) }
                hb_ot_layout_lookup_collect_glyphs(hbFace, table, lookup, sets[0], sets[1], sets[2], sets[3])
                if sets.contains(where: { hb_set_has($0, space) != 0 }) { return false }
            }
        }
        return true
    }

    /// The LookupFlag of every lookup of a GSUB or GPOS table (OpenType "LookupList"), or nil when
    /// the table is too short for what it declares.
    static func lookupFlags(inLayoutTable table: UnsafeRawBufferPointer) -> [UInt16]? {
        func uint16(_ offset: Int) -> UInt16? {
            guard offset >= 0, offset + 2 <= table.count else { return nil }
            return UInt16(table[offset]) << 8 | UInt16(table[offset + 1])
        }
        guard let list = uint16(8).map(Int.init), let count = uint16(list) else { return nil }
        var flags: [UInt16] = []
        flags.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            guard let lookup = uint16(list + 2 + 2 * index).map({ list + Int($0) }), let flag = uint16(lookup + 2) else { return nil }
            flags.append(flag)
        }
        return flags
    }

    /// Whether ``TextShaper`` shapes the next left-to-right default-shaper run of this face word by
    /// word: once it has shaped `runs` runs whole (``runsBeforeKeepingWords`` outside tests), if
    /// ``spaceSeparatesShaping``.
    func shapesWordsApart(after runs: Int) -> Bool {
        if spaceSeparation.load(ordering: .relaxed) == 0, runsShaped.wrappingAdd(1, ordering: .relaxed).oldValue < runs { return false }
        return spaceSeparatesShaping
    }

    /// Whether the font maps this scalar to a real glyph (not `.notdef`).
    public func hasGlyph(for scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return asciiCoverage.low & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiCoverage.high & (1 << UInt64(value - 64)) != 0 }
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0 && glyph != 0
    }

    /// Scale from font units to points at `size`.
    @inlinable public func scale(at size: Double) -> Double { size / Double(metrics.unitsPerEm) }

    /// Ascent above the baseline, in points, at `size`.
    public func ascent(at size: Double) -> Double { Double(metrics.ascender) * scale(at: size) }
    /// Descent below the baseline as a positive distance in points.
    public func descent(at size: Double) -> Double { Double(-metrics.descender) * scale(at: size) }

    private static func name(_ face: OpaquePointer, _ nameID: hb_ot_name_id_t) -> String? {
        var language = hb_language_from_string("en", -1)
        var length: UInt32 = 0
        length = hb_ot_name_get_utf8(face, nameID, language, nil, nil)
        if length == 0 {
            language = nil
            length = hb_ot_name_get_utf8(face, nameID, language, nil, nil)
        }
        guard length > 0 else { return nil }
        var size = length + 1
        var buffer = [CChar](repeating: 0, count: Int(size))
        hb_ot_name_get_utf8(face, nameID, language, &size, &buffer)
        return String(decoding: buffer.prefix(Int(size)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Why a font could not be used.
public enum FontError: Error, Equatable, CustomStringConvertible {
    case fileMissing(path: String)
    case unreadable(path: String)
    case notAFont(path: String)
    case fontsFolderNotFound(searched: [String])
    case noSuchFamily(String)

    public var description: String {
        switch self {
        case .fileMissing(let path): "font file not found: \(path)"
        case .unreadable(let path): "font file cannot be read: \(path)"
        case .notAFont(let path): "not a usable TrueType/OpenType font: \(path)"
        case .fontsFolderNotFound(let searched):
            "bundled fonts folder not found (looked in: \(searched.joined(separator: ", "))); set FOLIO_FONTS to the Fonts/ folder"
        case .noSuchFamily(let family): "no font family named \(family) is registered"
        }
    }
}
