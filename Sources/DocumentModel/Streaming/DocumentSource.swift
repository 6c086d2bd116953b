import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a streamed document's bytes can be read again: the caller's `Data`, or a file kept open.
///
/// Streaming decoding reads the whole input once, then drops it; a shipment needed again (for the
/// totals, the e-invoice, each layout pass) is read back from here by its byte range, so the bytes
/// in memory at any time are one shipment's, not the document's.
///
/// A file is read with `pread`, never mapped: a file truncated by someone else while it is rendered
/// would make a mapping fault, where a short read is an error the renderer reports.
///
/// `@unchecked Sendable`: the descriptor is only read with `pread` (no shared offset) and closed in
/// `deinit`; `Data` is immutable.
package final class DocumentSource: @unchecked Sendable {
    private enum Storage {
        case memory(Data)
        case file(descriptor: Int32)
    }

    private let storage: Storage
    /// Size of the input in bytes when it was opened.
    package let count: Int

    /// The bytes of `data`, kept by reference (a `Data` is copy-on-write).
    package init(data: Data) {
        storage = .memory(data)
        count = data.count
    }

    /// The file at `path`, kept open until the source is released.
    package init(contentsOfFile path: String) throws(DocumentSourceError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DocumentSourceError(reason: "cannot open \(path): \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw DocumentSourceError(reason: "\(path) is not a regular file")
        }
        storage = .file(descriptor: descriptor)
        count = Int(status.st_size)
    }

    /// A source for everything `descriptor` still has to give (standard input): kept in memory up to
    /// `memoryLimit` bytes, spooled to an unlinked temporary file beyond, so that a large document
    /// piped in can be read back shipment by shipment.
    /// Bytes beyond `byteLimit` are counted (``count`` is the true size, for the error that follows)
    /// but not kept.
    package init(reading descriptor: Int32, byteLimit: Int, memoryLimit: Int = 8 << 20) throws(DocumentSourceError) {
        var head = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var spool: Int32 = -1
        var total = 0
        while true {
            let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if read < 0 {
                if errno == EINTR { continue }
                if spool >= 0 { close(spool) }
                throw DocumentSourceError(reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if read == 0 { break }
            total += read
            if total > byteLimit { continue }
            if spool < 0, head.count + read <= memoryLimit {
                head.append(contentsOf: chunk[..<read])
                continue
            }
            if spool < 0 {
                var template = Array((NSTemporaryDirectory() + "/folio-input-XXXXXX").utf8CString)
                spool = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
                guard spool >= 0 else { throw DocumentSourceError(reason: "cannot create a temporary file for the input: \(String(cString: strerror(errno)))") }
                template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
                guard head.withUnsafeBytes({ Self.writeAll($0, to: spool) }) else {
                    close(spool)
                    throw Self.spoolError()
                }
                head = Data()
            }
            guard chunk.withUnsafeBytes({ Self.writeAll(UnsafeRawBufferPointer(rebasing: $0[..<read]), to: spool) }) else {
                close(spool)
                throw Self.spoolError()
            }
        }
        if spool >= 0 {
            storage = .file(descriptor: spool)
        } else {
            storage = .memory(head)
        }
        count = total
    }

    deinit {
        if case .file(let descriptor) = storage { close(descriptor) }
    }

    /// Writes every byte, retrying interrupted writes; false on failure (`errno` says why).
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    private static func spoolError() -> DocumentSourceError {
        DocumentSourceError(reason: "cannot spool the input to a temporary file: \(String(cString: strerror(errno)))")
    }

    /// Every byte of the input, for the one pass that parses the whole document.
    package func readAll() throws(DocumentSourceError) -> Data {
        switch storage {
        case .memory(let data):
            return data
        case .file(let descriptor):
            var data = Data(count: count)
            let complete = data.withUnsafeMutableBytes { Self.read(descriptor, at: 0, into: $0) }
            guard complete else { throw DocumentSourceError(reason: "the input changed or could not be read while it was being decoded") }
            return data
        }
    }

    /// The bytes at `range` into `buffer` (resized to fit); false when they cannot be read (the
    /// file shrank or failed).
    package func read(_ range: Range<Int>, into buffer: inout [UInt8]) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= count else { return false }
        if buffer.count < range.count { buffer = [UInt8](repeating: 0, count: Swift.max(range.count, 4096)) }
        switch storage {
        case .memory(let data):
            data.withUnsafeBytes { source in
                buffer.withUnsafeMutableBytes { target in
                    target.baseAddress!.copyMemory(from: source.baseAddress! + range.lowerBound, byteCount: range.count)
                }
            }
            return true
        case .file(let descriptor):
            return buffer.withUnsafeMutableBytes { Self.read(descriptor, at: range.lowerBound, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<range.count])) }
        }
    }

    private static func read(_ descriptor: Int32, at offset: Int, into target: UnsafeMutableRawBufferPointer) -> Bool {
        var done = 0
        while done < target.count {
            let got = pread(descriptor, target.baseAddress! + done, target.count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }
}

/// The input of a streamed document could not be read.
package struct DocumentSourceError: Error, Sendable, CustomStringConvertible {
    package let reason: String
    package var description: String { reason }
}
