import CZlib

/// zlib's streaming compressor (zlib framing, as FlateDecode wants), for data that arrives in
/// pieces and is too large to hold whole before compressing it.
///
/// Owns its `z_stream` (on the heap: zlib keeps a pointer back to it) and ends it in `deinit`.
final class StreamingDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Level 1, as the whole-buffer compressor uses (see ``Deflater``).
    init(level: Int32 = 1) throws(PDFOutputError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard deflateInit_(stream, level, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw PDFOutputError(operation: "starting the stream compressor", reason: "zlib could not start")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes` onto what was given before.
    func append(_ bytes: UnsafeRawBufferPointer) throws(PDFOutputError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        try run(flush: Z_NO_FLUSH)
    }

    /// Ends the stream and returns every compressed byte.
    func finish() throws(PDFOutputError) -> [UInt8] {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(flush: Z_FINISH)
        return output
    }

    private func run(flush: Int32) throws(PDFOutputError) {
        while true {
            let (status, produced) = chunk.withUnsafeMutableBytes { space -> (Int32, Int) in
                stream.pointee.next_out = space.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(space.count)
                let status = deflate(stream, flush)
                return (status, space.count - Int(stream.pointee.avail_out))
            }
            output.append(contentsOf: chunk[..<produced])
            if status == Z_STREAM_END { return }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                throw PDFOutputError(operation: "compressing an embedded file", reason: "zlib status \(status)")
            }
            // More input is consumed only while zlib has room to write; done when it had room to spare.
            if flush == Z_NO_FLUSH, stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { return }
        }
    }
}
