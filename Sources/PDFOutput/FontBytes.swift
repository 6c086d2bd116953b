import Foundation

/// A font file's bytes, mapped read-only from disk (only the pages a document's glyphs touch become
/// resident) or copied from memory. Reads past the end give zero instead of trapping, so a damaged
/// font can give a damaged subset but never crash the writer.
/// `@unchecked Sendable`: the bytes are a read-only mapping or copy, never written after `init`.
struct FontBytes: @unchecked Sendable {
    private let storage: Storage
    let bytes: UnsafeRawBufferPointer

    var count: Int { bytes.count }

    init(path: String) throws(PDFOutputError) {
        storage = try Storage(path: path)
        bytes = storage.bytes
    }

    init(copying data: [UInt8]) {
        storage = Storage(copying: data)
        bytes = storage.bytes
    }

    @inline(__always) subscript(offset: Int) -> UInt8 {
        offset >= 0 && offset < bytes.count ? bytes[offset] : 0
    }

    /// The bytes in `range`, clipped to the file.
    subscript(range: Range<Int>) -> Slice<UnsafeRawBufferPointer> {
        let clipped = range.clamped(to: 0..<bytes.count)
        return bytes[clipped]
    }

    /// Owns the mapping (or the copy) and releases it with the last `FontBytes` that uses it.
    /// `@unchecked Sendable`: immutable after `init`; `deinit` unmaps once no `FontBytes` holds it.
    private final class Storage: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        private let mapped: Bool

        init(path: String) throws(PDFOutputError) {
            func failure(_ what: String) -> PDFOutputError {
                PDFOutputError(operation: "reading font \(path) for embedding", reason: "\(what): \(String(cString: strerror(errno)))")
            }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure("cannot open") }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { throw failure("cannot stat") }
            let size = Int(status.st_size)
            guard size > 0 else {
                throw PDFOutputError(operation: "reading font \(path) for embedding", reason: "the file is empty")
            }
            guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
                throw failure("cannot map")
            }
            bytes = UnsafeRawBufferPointer(start: address, count: size)
            mapped = true
        }

        init(copying data: [UInt8]) {
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, data.count), alignment: 8)
            copy.copyBytes(from: data)
            bytes = UnsafeRawBufferPointer(start: copy.baseAddress, count: data.count)
            mapped = false
        }

        deinit {
            if mapped {
                munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
            } else {
                bytes.deallocate()
            }
        }
    }
}
