import CCairo
import CFreeType
import Foundation
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

    nonisolated(unsafe) private static var ftFaceKey = cairo_user_data_key_t()
}

/// Hands out ``CairoFontSet``s, one per concurrent render, reusing them across documents.
final class CairoFontPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [ObjectIdentifier: [CairoFontSet]] = [:]

    static let shared = CairoFontPool()

    func take(registry: FontRegistry) throws(CairoError) -> CairoFontSet {
        lock.lock()
        let reused = idle[ObjectIdentifier(registry)]?.popLast()
        lock.unlock()
        if let reused { return reused }
        return try CairoFontSet(registry: registry)
    }

    func giveBack(_ set: CairoFontSet, registry: FontRegistry) {
        lock.lock()
        idle[ObjectIdentifier(registry), default: []].append(set)
        lock.unlock()
    }
}
