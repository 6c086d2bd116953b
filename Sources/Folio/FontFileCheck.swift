import Foundation

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
        try? handle.seek(toOffset: 0)
        let header = [UInt8]((try? handle.read(upToCount: 12)) ?? Data())
        guard header.count == 12 else { throw Failure(path: path, reason: "only \(size) bytes, too short for a font") }
        let tableCount = Int(header[4]) << 8 | Int(header[5])
        let directory = [UInt8]((try? handle.read(upToCount: tableCount * 16)) ?? Data())
        guard directory.count == tableCount * 16 else { throw Failure(path: path, reason: "truncated inside its table directory (\(size) bytes)") }
        for index in 0..<tableCount {
            let record = directory[(index * 16)..<(index * 16 + 16)].map { $0 }
            let tag = String(decoding: record[0..<4], as: UTF8.self)
            let offset = record[8..<12].reduce(0) { $0 << 8 | Int($1) }
            let length = record[12..<16].reduce(0) { $0 << 8 | Int($1) }
            if offset + length > size {
                throw Failure(path: path, reason: "truncated: table '\(tag)' ends at byte \(offset + length) but the file has \(size) bytes")
            }
        }
    }
}
