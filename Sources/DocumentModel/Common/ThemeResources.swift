import Foundation

/// The theme rules that need the file system or the font registry (contract `$comment` rule 7),
/// for the renderer to call once it knows the JSON file's folder and the bundled fonts.
extension Theme {
    /// The logo file, checked: inside `folder` once symlinks are resolved, and a PNG or JPEG by its
    /// magic bytes. Issues are reported at `$.theme.logo`.
    ///
    /// ```swift
    /// let logo = try theme.resolveLogo(relativeTo: jsonFile.deletingLastPathComponent()) // URL?
    /// ```
    public func resolveLogo(relativeTo folder: URL) throws(DocumentDecodingError) -> URL? {
        guard let logo else { return nil }
        func fail(_ reason: String) -> DocumentDecodingError {
            DocumentDecodingError(issues: [DocumentIssue(path: "$.theme.logo", reason: reason)])
        }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let file = folder.appendingPathComponent(logo).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw fail("\(quoted(logo)) leads outside the folder of the JSON file")
        }
        guard let handle = try? FileHandle(forReadingFrom: file) else { throw fail("\(quoted(logo)) cannot be read") }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard head.starts(with: png) || head.starts(with: [0xFF, 0xD8, 0xFF]) else {
            throw fail("\(quoted(logo)) is neither a PNG nor a JPEG file")
        }
        return file
    }

    /// Checks `fontFamily` against the families bundled in `Fonts/` (never a system lookup).
    ///
    /// ```swift
    /// try theme.checkFontFamily(bundled: ["Noto Sans", "Noto Serif"])
    /// ```
    public func checkFontFamily(bundled: Set<String>) throws(DocumentDecodingError) {
        guard let fontFamily, !bundled.contains(fontFamily) else { return }
        throw DocumentDecodingError(issues: [DocumentIssue(path: "$.theme.fontFamily",
                                                           reason: "\(quoted(fontFamily)) is not a bundled font family (\(bundled.sorted().joined(separator: ", ")))")])
    }
}
