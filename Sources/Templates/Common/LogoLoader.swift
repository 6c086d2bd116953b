import Foundation
import Typesetting

/// Reads `theme.logo`: a path relative to the document's folder that must stay inside it (no `..`,
/// no absolute path, no symlink leading out) unless the caller allowed another root explicitly.
enum LogoLoader {
    static let path = "$.theme.logo"

    static func load(_ relative: String, options: TemplateOptions, height: Double) throws -> Block {
        guard let base = options.baseDirectory else {
            throw TemplateError(path: path, reason: "the logo \(relative) needs the document's folder; render from a file or pass a base directory")
        }
        if relative.hasPrefix("/") || relative.contains("\\") || relative.split(separator: "/").contains("..") {
            throw TemplateError(path: path, reason: "\(relative) must be a relative path inside the document's folder (no \"..\", no absolute path)")
        }
        let root = URL(fileURLWithPath: base).resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = URL(fileURLWithPath: base).appendingPathComponent(relative).resolvingSymlinksInPath().standardizedFileURL.path
        let roots = [root] + (options.allowedImageRoot.map { [URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path] } ?? [])
        guard roots.contains(where: { resolved.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
            throw TemplateError(path: path, reason: "\(relative) leads outside the document's folder (to \(resolved))")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw TemplateError(path: path, reason: "cannot read \(relative)")
        }
        do {
            return .image(try ImageBlock(data: Array(data), height: height, name: "logo \(relative)"))
        } catch let error as LayoutError {
            throw TemplateError(path: path, reason: error.reason)
        }
    }
}
