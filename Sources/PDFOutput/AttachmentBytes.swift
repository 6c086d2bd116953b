import CZlib

/// The bytes of a file to embed, collected piece by piece: kept as they are while they are small,
/// deflated as they arrive once past `plainLimit`, so that a file of tens of megabytes — the
/// e-invoice XML of 50,000 shipments — is never held whole.
///
/// Bytes kept whole can be compressed at once when collected (``finish(compressing:)``), with the
/// compressor and level the PDF writer uses for every other stream: the PDF is the same bytes as
/// for an attachment given whole, and a render does not hold the plain file (2 MB for an invoice of
/// 1,000 shipments) while it lays out its pages.
///
/// ```swift
/// let collected = try AttachmentBytes()
/// try FacturX.write(for: invoice, totals: totals) { try? collected.append($0) }
/// let attachment = PDFAttachment(fileName: "factur-x.xml", description: "…", modificationDate: date,
///                                content: try collected.finish(compressing: true))
/// ```
package final class AttachmentBytes {
    private let plainLimit: Int
    private var plain: [UInt8] = []
    private var deflater: StreamingDeflater?
    private var size = 0

    package init(plainLimit: Int = 1 << 20) {
        self.plainLimit = plainLimit
    }

    package func append(_ bytes: UnsafeRawBufferPointer) throws(PDFOutputError) {
        size += bytes.count
        if let deflater {
            try deflater.append(bytes)
            return
        }
        plain.append(contentsOf: bytes)
        guard plain.count > plainLimit else { return }
        let started = try StreamingDeflater()
        let failure = plain.withUnsafeBytes { bytes -> PDFOutputError? in
            do throws(PDFOutputError) { try started.append(bytes) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        plain = []
        deflater = started
    }

    /// What was collected: the bytes themselves, or their deflated form with their size. With
    /// `compressing`, bytes that were kept whole are deflated now, exactly as the PDF writer would.
    package func finish(compressing: Bool = false) throws(PDFOutputError) -> PDFAttachment.Content {
        guard let deflater else {
            guard compressing else { return .bytes(plain) }
            let compressor = try Deflater()
            let compressed = plain.withUnsafeBytes { Array(compressor.compress($0)) }
            return .deflated(DeflatedBytes(compressed: compressed, size: size))
        }
        return .deflated(DeflatedBytes(compressed: try deflater.finish(), size: size))
    }
}

/// A file's bytes already in FlateDecode form, with the size of the file they stand for.
package struct DeflatedBytes: Hashable, Sendable {
    package let compressed: [UInt8]
    package let size: Int

    /// The file's bytes again (zlib), for a caller who asks for the file after it was compressed.
    package func inflated() throws(PDFOutputError) -> [UInt8] {
        guard size > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: size)
        var length = uLongf(size)
        let status = bytes.withUnsafeMutableBufferPointer { output in
            compressed.withUnsafeBufferPointer { input in
                uncompress(output.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(length) == size else {
            throw PDFOutputError(operation: "inflating an attachment", reason: "zlib status \(status), \(length) of \(size) bytes")
        }
        return bytes
    }
}
