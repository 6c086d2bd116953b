import FolioCore
import Foundation
import Synchronization

/// The fonts Folio may use: the bundled `Fonts/` folder plus files registered by explicit path.
///
/// A registry is immutable once built and shared by every concurrent render. Output never depends on
/// the machine's installed fonts: nothing here asks fontconfig.
///
/// Bundled fonts are opened on first use: their families, styles and code point coverage come from
/// `Fonts/manifest.tsv`, so a Latin invoice never maps or parses the CJK or emoji fonts. Fonts in a
/// folder without a manifest, and extra files, are opened when registered.
///
/// ```swift
/// let registry = try FontRegistry.bundled()
/// let body = try registry.face(family: "Noto Sans", style: .bold)
/// let chain = registry.fallbackChain(family: "Noto Sans", style: .regular)
/// registry.hasGlyph(chain.fonts.last!, for: "😀")  // opens that font only if it may have the emoji
/// ```
public final class FontRegistry: Sendable {
    private let slots: [FontSlot]
    /// Families tried, in order, after the requested one when a character is missing.
    public let fallbackFamilies: [String]

    /// The default fallback order. Latin, Greek and Cyrillic (Noto Sans), then the scripts Noto Sans
    /// lacks; symbols and emoji (Symbola, then Unifont Upper for emoji newer than Unicode 9) come
    /// before CJK, so a stray symbol in a Latin document opens Symbola, not the 3.4 MB CJK font.
    public static let defaultFallbackFamilies = [
        "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Thai", "Noto Sans Devanagari", "Noto Sans Mono",
        "Symbola", "Unifont Upper", "Droid Sans Fallback",
    ]

    /// Symbol and emoji fonts: tried for a letter only after every other font of the chain, so that
    /// the few kana or Cyrillic letters Symbola draws do not win over the CJK or text font.
    public static let symbolFamilies: Set<String> = ["Symbola", "Unifont Upper"]

    /// Registers every `.ttf`/`.otf` in `directory` (sorted by file name, so ids are stable) and then
    /// `extraFiles`. Files described by the directory's `manifest.tsv` are opened on first use.
    public init(
        directory: String?, extraFiles: [String] = [],
        fallbackFamilies: [String] = FontRegistry.defaultFallbackFamilies
    ) throws(FontError) {
        var paths: [(path: String, entry: FontManifest.Entry?)] = []
        if let directory {
            let names: [String]
            do { names = try DirectoryListing.names(in: directory) } catch {
                throw .fontsFolderNotFound(searched: [directory])
            }
            let manifest = FontManifest(directory: directory)
            for name in names.filter({ $0.lowercased().hasSuffix(".ttf") || $0.lowercased().hasSuffix(".otf") }).sorted() {
                let path = (directory as NSString).appendingPathComponent(name)
                let entry = manifest?.entries[name].flatMap { Self.fileSize(path) == $0.byteCount ? $0 : nil }
                paths.append((path, entry))
            }
        }
        paths += extraFiles.map { ($0, nil) }
        var slots: [FontSlot] = []
        for (path, entry) in paths {
            let id = FontID(rawValue: slots.count)
            if let entry {
                slots.append(FontSlot(id: id, path: path, family: entry.family, style: entry.style, coverageText: entry.coverageText))
            } else {
                slots.append(FontSlot(opened: try FontFace(id: id, path: path)))
            }
        }
        self.slots = slots
        self.fallbackFamilies = fallbackFamilies
        isSymbolFont = slots.map { slot in Self.symbolFamilies.contains { Self.sameFamily($0, slot.familyName) } }
    }

    private let isSymbolFont: [Bool]

    /// Whether `id` is one of ``symbolFamilies``.
    public func isSymbolFont(_ id: FontID) -> Bool { isSymbolFont[id.rawValue] }

    private static let cachedBundled = Mutex<FontRegistry?>(nil)

    /// The process-wide registry over the bundled fonts, set up once.
    public static func bundled() throws(FontError) -> FontRegistry {
        try cachedBundled.withLock { (cached) throws(FontError) -> FontRegistry in
            if let cached { return cached }
            let registry = try FontRegistry(directory: try FontLocator.bundledFontsDirectory())
            cached = registry
            return registry
        }
    }

    /// A registry with the bundled fonts plus `extraFiles` (and every font in `extraDirectory`).
    public static func bundled(adding extraFiles: [String], extraDirectory: String? = nil) throws(FontError) -> FontRegistry {
        var extras: [String] = []
        if let extraDirectory {
            let registry = try FontRegistry(directory: extraDirectory)
            extras += registry.slots.map(\.path)
        }
        extras += extraFiles
        if extras.isEmpty { return try bundled() }
        return try FontRegistry(directory: try FontLocator.bundledFontsDirectory(), extraFiles: extras)
    }

    /// How many fonts are registered; ids run from 0 to `count - 1`.
    public var count: Int { slots.count }

    /// The font's file, known without opening it.
    public func path(of id: FontID) -> String { slots[id.rawValue].path }

    /// The font's family name, known without opening it.
    public func familyName(of id: FontID) -> String { slots[id.rawValue].familyName }

    /// The opened font. A bundled font that cannot be opened when first needed (changed or removed
    /// since start-up) is stood in for by the first font that can, so a render still ends in a PDF.
    public func face(for id: FontID) -> FontFace {
        if let face = slots[id.rawValue].face() { return face }
        for slot in slots { if let face = slot.face() { return face } }
        preconditionFailure("no registered font can be opened")
    }

    /// Every registered font, opened. Costly for the bundled set (it opens the CJK font): prefer
    /// ``face(for:)``, ``hasGlyph(_:for:)`` and ``familyNames``.
    public var faces: [FontFace] { slots.map { face(for: $0.id) } }

    /// Whether font `id` maps `scalar` to a real glyph. A bundled font not opened yet is opened only
    /// when its manifest says it covers the scalar.
    public func hasGlyph(_ id: FontID, for scalar: Unicode.Scalar) -> Bool {
        slots[id.rawValue].hasGlyph(for: scalar)
    }

    /// Font `id` opened, if it has `scalar`; nil (and not opened) when it has not.
    public func face(_ id: FontID, having scalar: Unicode.Scalar) -> FontFace? {
        slots[id.rawValue].face(having: scalar)
    }

    /// Whether any registered font has `scalar` (for missing-glyph messages); opens only fonts that
    /// may cover it.
    public func anyFontHasGlyph(for scalar: Unicode.Scalar) -> Bool {
        slots.contains { $0.hasGlyph(for: scalar) }
    }

    /// Whether font `id` has been opened (tests of lazy loading).
    func isOpen(_ id: FontID) -> Bool { slots[id.rawValue].isOpen }

    public var familyNames: [String] {
        var seen = Set<String>()
        return slots.map(\.familyName).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The face of `family` closest to `style`: same slant preferred, then the nearest weight
    /// (ties go to the heavier face when asking for bold, the lighter otherwise).
    public func face(family: String, style: FontStyle = .regular) throws(FontError) -> FontFace {
        face(for: try id(family: family, style: style))
    }

    /// The id of ``face(family:style:)``, found without opening any font.
    public func id(family: String, style: FontStyle = .regular) throws(FontError) -> FontID {
        let candidates = slots.filter { Self.sameFamily($0.familyName, family) }
        guard !candidates.isEmpty else { throw .noSuchFamily(family) }
        return candidates.min { a, b in distance(a.style, style) < distance(b.style, style) }!.id
    }

    /// Requested family first, then the fallback families in order; each face chosen nearest to
    /// `style`. No font is opened.
    public func fallbackChain(family: String, style: FontStyle = .regular) -> FontChain {
        var ids: [FontID] = []
        for name in [family] + fallbackFamilies {
            if let id = try? id(family: name, style: style), !ids.contains(id) { ids.append(id) }
        }
        if ids.isEmpty, !slots.isEmpty { ids = [FontID(rawValue: 0)] }
        return FontChain(ids)
    }

    private static func fileSize(_ path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// `a.caseInsensitiveCompare(b) == .orderedSame`, answered without Foundation when both names are
    /// ASCII (every bundled family): the Foundation comparison goes through CoreFoundation, about 5,000
    /// instructions a call, and fallback chains compare every face's family.
    static func sameFamily(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard x.count == y.count else { return false }
                for (p, q) in zip(x, y) where p != q {
                    let lowerP = (0x41...0x5A).contains(p) ? p | 0x20 : p
                    let lowerQ = (0x41...0x5A).contains(q) ? q | 0x20 : q
                    if lowerP != lowerQ { return false }
                }
                return true
            }
        }
        return ascii ?? (a.caseInsensitiveCompare(b) == .orderedSame)
    }

    private func distance(_ candidate: FontStyle, _ wanted: FontStyle) -> (Int, Int, Int) {
        let slant = candidate.italic == wanted.italic ? 0 : 1
        let weight = abs(candidate.weight - wanted.weight)
        let side = wanted.weight >= 600 ? (candidate.weight >= wanted.weight ? 0 : 1) : (candidate.weight <= wanted.weight ? 0 : 1)
        return (slant, weight, side)
    }
}

/// Fonts tried in order for each character: the first that has the character draws it.
public struct FontChain: Hashable, Sendable {
    public let fonts: [FontID]
    public init(_ fonts: [FontID]) {
        precondition(!fonts.isEmpty, "a font chain needs at least one font")
        self.fonts = fonts
    }
    public var primary: FontID { fonts[0] }
}
