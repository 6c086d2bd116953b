import Foundation

/// Writes a file so that readers see either nothing or the whole file: bytes go to a temporary name
/// in the same folder, are flushed, and are renamed over the destination only on success.
///
/// ```swift
/// try AtomicFileWriter.write(result.pdf, to: "out/invoice.pdf")
/// ```
public enum AtomicFileWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try write(to: path) { descriptor in
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw Failure(path: path, reason: Self.describe(errno))
                    }
                    offset += written
                }
            }
        }
    }

    /// Opens a temporary file beside `path`, lets `body` stream into its descriptor, then syncs and
    /// renames it. On any error the temporary file is removed.
    public static func write(to path: String, _ body: (Int32) throws -> Void) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let template = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX")
        var templateBytes = Array(template.utf8CString)
        let descriptor = mkstemp(&templateBytes)
        guard descriptor >= 0 else { throw Failure(path: path, reason: Self.describe(errno)) }
        let temporary = String(decoding: templateBytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do {
            try body(descriptor)
            guard fsync(descriptor) == 0 else { throw Failure(path: path, reason: Self.describe(errno)) }
            fchmod(descriptor, 0o644)
            closed = true
            guard close(descriptor) == 0 else { throw Failure(path: path, reason: Self.describe(errno)) }
            guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: Self.describe(errno)) }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            if let failure = error as? Failure { throw failure }
            throw Failure(path: path, reason: "\(error)")
        }
    }

    static func describe(_ code: Int32) -> String { String(validatingCString: strerror(code)) ?? "error \(code)" }
}
