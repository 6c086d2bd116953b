import Foundation

/// One registered font: either opened at registration, or described by its manifest line and
/// opened by the first caller that needs its glyphs (under a lock, once).
final class FontSlot: @unchecked Sendable {
    let id: FontID
    let path: String
    let familyName: String
    let style: FontStyle
    /// The manifest's code points, for fonts not opened yet; nil for fonts opened at registration.
    private let coverage: CodePointCoverage?
    private let lock = NSLock()
    private var opened: FontFace?
    private var failed = false

    init(id: FontID, path: String, family: String, style: FontStyle, coverage: CodePointCoverage) {
        self.id = id
        self.path = path
        self.familyName = family
        self.style = style
        self.coverage = coverage
    }

    init(opened face: FontFace) {
        id = face.id
        path = face.path
        familyName = face.familyName
        style = face.style
        coverage = nil
        opened = face
    }

    /// The opened face; nil when the file can no longer be opened.
    func face() -> FontFace? {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        if failed { return nil }
        do {
            opened = try FontFace(id: id, path: path)
        } catch {
            failed = true
        }
        return opened
    }

    var isOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return opened != nil
    }

    func hasGlyph(for scalar: Unicode.Scalar) -> Bool {
        face(having: scalar) != nil
    }

    /// The face, if it has `scalar`: opened only when the manifest says it may.
    func face(having scalar: Unicode.Scalar) -> FontFace? {
        if let coverage, !coverage.contains(scalar.value) { return nil }
        guard let face = face(), face.hasGlyph(for: scalar) else { return nil }
        return face
    }
}
