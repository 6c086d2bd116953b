import Foundation

/// The fonts Folio may use: the bundled `Fonts/` folder plus files registered by explicit path.
///
/// A registry is immutable once built and shared by every concurrent render. Output never depends on
/// the machine's installed fonts: nothing here asks fontconfig.
///
/// ```swift
/// let registry = try FontRegistry.bundled()
/// let body = try registry.face(family: "Noto Sans", style: .bold)
/// let chain = registry.fallbackChain(family: "Noto Sans", style: .regular)
/// ```
public final class FontRegistry: Sendable {
    public let faces: [FontFace]
    /// Families tried, in order, after the requested one when a character is missing.
    public let fallbackFamilies: [String]

    /// The default fallback order: Latin/Greek/Cyrillic first, then Arabic, Hebrew, and the monospace face.
    public static let defaultFallbackFamilies = ["Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Mono"]

    /// Opens every `.ttf`/`.otf` in `directory` (sorted by file name, so ids are stable) and then `extraFiles`.
    public init(
        directory: String?, extraFiles: [String] = [],
        fallbackFamilies: [String] = FontRegistry.defaultFallbackFamilies
    ) throws(FontError) {
        var paths: [String] = []
        if let directory {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
                throw .fontsFolderNotFound(searched: [directory])
            }
            paths += names.filter { $0.lowercased().hasSuffix(".ttf") || $0.lowercased().hasSuffix(".otf") }
                .sorted().map { (directory as NSString).appendingPathComponent($0) }
        }
        paths += extraFiles
        var faces: [FontFace] = []
        for path in paths {
            faces.append(try FontFace(id: FontID(rawValue: faces.count), path: path))
        }
        self.faces = faces
        self.fallbackFamilies = fallbackFamilies
    }

    nonisolated(unsafe) private static var cachedBundled: FontRegistry?
    private static let bundledLock = NSLock()

    /// The process-wide registry over the bundled fonts, opened once.
    public static func bundled() throws(FontError) -> FontRegistry {
        bundledLock.lock()
        defer { bundledLock.unlock() }
        if let cachedBundled { return cachedBundled }
        let registry = try FontRegistry(directory: try FontLocator.bundledFontsDirectory())
        cachedBundled = registry
        return registry
    }

    /// A registry with the bundled fonts plus `extraFiles` (and every font in `extraDirectory`).
    public static func bundled(adding extraFiles: [String], extraDirectory: String? = nil) throws(FontError) -> FontRegistry {
        var extras: [String] = []
        if let extraDirectory {
            extras += try FontRegistry(directory: extraDirectory).faces.map(\.path)
        }
        extras += extraFiles
        if extras.isEmpty { return try bundled() }
        return try FontRegistry(directory: try FontLocator.bundledFontsDirectory(), extraFiles: extras)
    }

    public func face(for id: FontID) -> FontFace { faces[id.rawValue] }

    public var familyNames: [String] {
        var seen = Set<String>()
        return faces.map(\.familyName).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The face of `family` closest to `style`: same slant preferred, then the nearest weight
    /// (ties go to the heavier face when asking for bold, the lighter otherwise).
    public func face(family: String, style: FontStyle = .regular) throws(FontError) -> FontFace {
        let candidates = faces.filter { Self.sameFamily($0.familyName, family) }
        guard !candidates.isEmpty else { throw .noSuchFamily(family) }
        return candidates.min { a, b in distance(a.style, style) < distance(b.style, style) }!
    }

    /// Requested family first, then the fallback families in order; each face chosen nearest to `style`.
    public func fallbackChain(family: String, style: FontStyle = .regular) -> FontChain {
        var ids: [FontID] = []
        for name in [family] + fallbackFamilies {
            if let face = try? face(family: name, style: style), !ids.contains(face.id) { ids.append(face.id) }
        }
        if ids.isEmpty, let first = faces.first { ids = [first.id] }
        return FontChain(ids)
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
