import CCairo
import CFreeType
import Foundation
import Synchronization
import TextShaping

/// Cairo font faces for one worker: a FreeType library and one `FT_Face` per font, opened lazily.
///
/// FreeType faces are not thread-safe, so a set is used by one render at a time; ``CairoFontPool``
/// hands sets out and takes them back. Sets live as long as the process: Cairo keeps scaled fonts in
/// a global cache that may still point at these faces after a render.
final class CairoFontSet {
    private var library: FT_Library?
    private var faces: [FontID: OpaquePointer] = [:]
    private let registry: FontRegistry

    init(registry: FontRegistry) throws(CairoError) {
        self.registry = registry
        var library: FT_Library?
        let error = FT_Init_FreeType(&library)
        guard error == 0, library != nil else {
            throw CairoError(operation: "starting FreeType", reason: "FT_Init_FreeType error \(error)")
        }
        self.library = library
    }

    /// The Cairo font face for `id`, created from the font's file on first use.
    func fontFace(for id: FontID) throws(CairoError) -> OpaquePointer {
        if let face = faces[id] { return face }
        try CairoLibrary.open(for: "creating a Cairo font")
        let path = registry.path(of: id)
        var ftFace: FT_Face?
        let error = FT_New_Face(library, path, 0, &ftFace)
        guard error == 0, let ftFace else {
            throw CairoError(operation: "opening font \(path) for drawing", reason: "FreeType error \(error)")
        }
        // Unhinted outlines: the same shapes at every resolution, so PNG output matches the PDF.
        let loadFlags = Int32(FT_LOAD_NO_HINTING)
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, loadFlags) else {
            FT_Done_Face(ftFace)
            throw CairoError(operation: "creating Cairo font for \(path)", reason: "out of memory")
        }
        let status = cairo_font_face_set_user_data(cairoFace, &Self.ftFaceKey, UnsafeMutableRawPointer(ftFace)) { pointer in
            if let pointer { FT_Done_Face(pointer.assumingMemoryBound(to: FT_FaceRec_.self)) }
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(cairoFace)
            FT_Done_Face(ftFace)
            throw CairoError(operation: "creating Cairo font for \(path)", status: status)
        }
        try CairoError.check(cairo_font_face_status(cairoFace), "creating Cairo font for \(path)")
        faces[id] = cairoFace
        return cairoFace
    }

    /// `nonisolated(unsafe)`: Cairo uses only the key's address, never its contents.
    nonisolated(unsafe) private static var ftFaceKey = cairo_user_data_key_t()
}

/// Hands out ``CairoFontSet``s, one per concurrent render, reusing them across documents.
///
/// Sets are pooled by the font files they open (in registry order, which fixes the `FontID`s), not
/// by registry object: a caller that builds a registry per document with the same extra fonts
/// reuses the same few sets instead of leaving one more behind per document.
final class CairoFontPool: Sendable {
    private let idle = Mutex<[[String]: [CairoFontSetBox]]>([:])

    static let shared = CairoFontPool()

    /// Sets created so far and not lost (idle or in use), by font configuration: what the process
    /// keeps for Cairo.
    private let created = Mutex<[[String]: Int]>([:])

    func take(registry: FontRegistry) throws(CairoError) -> CairoFontSet {
        let key = Self.key(registry)
        if let reused = idle.withLock({ $0[key]?.popLast() }) { return reused.set }
        let set = try CairoFontSet(registry: registry)
        created.withLock { $0[key, default: 0] += 1 }
        return set
    }

    func giveBack(_ set: CairoFontSet, registry: FontRegistry) {
        let box = CairoFontSetBox(set: set)
        idle.withLock { $0[Self.key(registry), default: []].append(box) }
    }

    /// How many sets the pool has made: bounded by font configurations × concurrent renders.
    var pooledSetCount: Int { created.withLock { $0.values.reduce(0, +) } }

    /// How many sets the pool has made for the fonts of `registry` (renders of other
    /// configurations, in other threads, do not count).
    func pooledSetCount(forFontsOf registry: FontRegistry) -> Int { created.withLock { $0[Self.key(registry)] ?? 0 } }

    /// The font files in ID order (read without opening them).
    private static func key(_ registry: FontRegistry) -> [String] { (0..<registry.count).map { registry.path(of: FontID(rawValue: $0)) } }
}

/// A set on its way between threads through the pool.
///
/// `@unchecked Sendable`: a set is used by one render at a time; the pool's lock orders the hand-over.
struct CairoFontSetBox: @unchecked Sendable {
    let set: CairoFontSet
}
