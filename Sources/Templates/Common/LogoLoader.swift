import DocumentModel
import Foundation
import Typesetting

/// Reads `theme.logo`: relative to the document's folder and inside it after symlinks (the model's
/// ``Theme/resolveLogo(relativeTo:)`` rule), or inside a root the caller allowed explicitly.
enum LogoLoader {
    static let path = "$.theme.logo"

    static func load(_ theme: Theme, options: TemplateOptions, height: Double) throws -> Block? {
        guard let relative = theme.logo else { return nil }
        guard let base = options.baseDirectory else {
            throw TemplateError(path: path, reason: "the logo \(relative) needs the document's folder; render from a file or pass a base directory")
        }
        let file: URL
        do {
            guard let resolved = try theme.resolveLogo(relativeTo: URL(fileURLWithPath: base)) else { return nil }
            file = resolved
        } catch {
            guard let root = options.allowedImageRoot, let allowed = Self.resolve(relative, base: base, insideRoot: root) else {
                throw TemplateError(path: path, reason: error.issues.first?.reason ?? "\(relative) cannot be used")
            }
            file = allowed
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw TemplateError(path: path, reason: "cannot read \(relative)")
        }
        do {
            let probe = try ImageBlock(data: Array(data), height: height, name: "logo \(relative)")
            // An explicit width keeps the logo at the start of its column instead of centred in it.
            let width = height * Double(probe.pixelWidth) / Double(max(1, probe.pixelHeight))
            return .image(try ImageBlock(data: Array(data), width: width, height: height, name: "logo \(relative)"))
        } catch let error as LayoutError {
            throw TemplateError(path: path, reason: error.reason)
        }
    }

    /// `relative` resolved against `base`, when it lands inside the explicitly allowed `root`.
    private static func resolve(_ relative: String, base: String, insideRoot root: String) -> URL? {
        let file = URL(fileURLWithPath: base).appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        let allowed = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        return file.path.hasPrefix(allowed.hasSuffix("/") ? allowed : allowed + "/") ? file : nil
    }
}
