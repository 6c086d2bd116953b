/// The bytes of a file to embed, collected piece by piece: kept as they are while they are small
/// (compressed when the PDF is written, like every other stream, so the PDF is the same as for an
/// attachment given whole), deflated as they arrive once past `plainLimit`, so that a file of tens
/// of megabytes — the e-invoice XML of 50,000 shipments — is never held whole.
///
/// ```swift
/// let collected = try AttachmentBytes()
/// try FacturX.write(for: invoice, totals: totals) { try? collected.append($0) }
/// let attachment = PDFAttachment(fileName: "factur-x.xml", description: "…", modificationDate: date, content: try collected.finish())
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

    /// What was collected: the bytes themselves, or their deflated form with their size.
    package func finish() throws(PDFOutputError) -> PDFAttachment.Content {
        guard let deflater else { return .bytes(plain) }
        return .deflated(DeflatedBytes(compressed: try deflater.finish(), size: size))
    }
}

/// A file's bytes already in FlateDecode form, with the size of the file they stand for.
package struct DeflatedBytes: Hashable, Sendable {
    package let compressed: [UInt8]
    package let size: Int
}
