import Foundation

/// One registered font: either opened at registration, or described by its manifest line and
/// opened by the first caller that needs one of its glyphs (under a lock, once).
///
/// `@unchecked Sendable`: `opened` is read and written only under `lock`; the rest is immutable.
final class FontSlot: @unchecked Sendable {
    let id: FontID
    let path: String
    let familyName: String
    let style: FontStyle
    private let lock = NSLock()
    // Guarded by `lock`.
    private var opened: FontFace?
    private var failed = false
    /// The manifest's code point ranges, parsed on the first question; nil once parsed, or for a
    /// font opened at registration.
    private var coverageText: [UInt8]?
    private var coverage: CodePointCoverage?

    init(id: FontID, path: String, family: String, style: FontStyle, coverageText: [UInt8]) {
        self.id = id
        self.path = path
        self.familyName = family
        self.style = style
        self.coverageText = coverageText
    }

    init(opened face: FontFace) {
        id = face.id
        path = face.path
        familyName = face.familyName
        style = face.style
        opened = face
    }

    /// The opened face; nil when the file can no longer be opened.
    func face() -> FontFace? {
        lock.lock()
        defer { lock.unlock() }
        return openLocked()
    }

    var isOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return opened != nil
    }

    func hasGlyph(for scalar: Unicode.Scalar) -> Bool {
        face(having: scalar) != nil
    }

    /// The face, if it has `scalar`: a font not open yet is opened only when its manifest ranges
    /// hold the scalar (malformed ranges: opened and asked).
    func face(having scalar: Unicode.Scalar) -> FontFace? {
        lock.lock()
        let face: FontFace?
        if let opened {
            face = opened
        } else {
            if let text = coverageText {
                coverage = CodePointCoverage(hexRanges: text[...])
                coverageText = nil
            }
            face = coverage.map { $0.contains(scalar.value) } ?? true ? openLocked() : nil
        }
        lock.unlock()
        guard let face, face.hasGlyph(for: scalar) else { return nil }
        return face
    }

    private func openLocked() -> FontFace? {
        if let opened { return opened }
        if failed { return nil }
        do {
            opened = try FontFace(id: id, path: path)
        } catch {
            failed = true
        }
        return opened
    }
}
