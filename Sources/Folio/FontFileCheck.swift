import Foundation
import TextShaping

/// Checks a caller-supplied font file before it is registered: HarfBuzz and FreeType open a
/// truncated file without complaint (tables past the end read as empty), and the font would then
/// be silently unusable. A font whose table directory points past the end of the file is refused
/// with the table named.
///
/// ```swift
/// try FontFileCheck.check("/srv/fonts/Brand-Regular.ttf")
/// ```
enum FontFileCheck {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "font \(path): \(reason)" }
    }

    /// `.ttf`/`.otf` files of `directory`, as the font registry enumerates them.
    static func fontFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".ttf") || $0.lowercased().hasSuffix(".otf") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    static func check(_ path: String) throws(Failure) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure(path: path, reason: "cannot be read") }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()).map(Int.init) ?? 0
        do {
            _ = try SFNTTableDirectory(fileSize: size) { range in
                guard (try? handle.seek(toOffset: UInt64(range.lowerBound))) != nil else { return nil }
                return (try? handle.read(upToCount: range.count)).map { [UInt8]($0) } ?? (range.isEmpty ? [] : nil)
            }
        } catch {
            throw Failure(path: path, reason: error.reason)
        }
    }
}
