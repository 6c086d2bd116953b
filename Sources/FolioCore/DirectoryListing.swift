#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names in a folder, read with `opendir`/`readdir`.
///
/// `FileManager.contentsOfDirectory(atPath:)` costs a `render` process about 0.35 M instructions for
/// the 17 bundled fonts (Foundation's path and string machinery), a tenth of what the whole font
/// registry costs at start-up; this costs a few thousand.
///
/// ```swift
/// let names = try DirectoryListing.names(in: "Fonts")   // ["DroidSansFallback.ttf", …], unsorted
/// ```
public enum DirectoryListing {
    /// Why a folder could not be listed: `errno` from `opendir` or `readdir`.
    public struct Failure: Error, Equatable {
        public let code: Int32
    }

    /// Every entry of `path` but `.` and `..`, in the order the file system gives them.
    public static func names(in path: String) throws(Failure) -> [String] {
        guard let directory = opendir(path) else { throw Failure(code: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Failure(code: errno) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }
}
