import Foundation

/// The object layer of a PDF file: numbered objects written in order, their byte offsets for the
/// cross-reference table, and the trailer. Bytes go to memory or, in chunks, to a file descriptor,
/// so a long document never holds more than its pending objects.
final class PDFObjectFile {
    enum Target {
        case memory
        case fileDescriptor(Int32)
    }

    private let target: Target
    /// Bytes not yet delivered to the target (all of them for `.memory`).
    private(set) var buffer = PDFBuffer(capacity: 1 << 16)
    /// Bytes already delivered to a file descriptor.
    private var delivered = 0
    /// Offsets by object number; index 0 is the free-list head. -1: allocated, not yet written;
    /// -2 or less: stored in an object stream, as `-2 - (stream << 10 | index)` (one number per
    /// object, however many structure elements a long document has).
    private var offsets: [Int] = [0]
    /// Whether any object went into an object stream (the file then needs a cross-reference stream).
    private var hasObjectStreams = false
    /// Objects per object stream at most: the index inside a stream takes 10 bits of `offsets`.
    static let maximumObjectsPerStream = 1 << 10
    private var fingerprint = Fingerprint()
    let deflater: Deflater

    /// `version` is the header's minor version: 5 for plain files, 7 for PDF/A-3 (based on PDF 1.7).
    init(target: Target, version: Int = 5) throws(PDFOutputError) {
        self.target = target
        deflater = try Deflater()
        buffer.append("%PDF-1.")
        buffer.append(version)
        // The binary comment marks the file as binary for transfer programs (PDF/A: at least four
        // bytes above 127; these are eight, the UTF-8 form of âãÏÓ).
        buffer.append("\n%\u{E2}\u{E3}\u{CF}\u{D3}\n")
    }

    var position: Int { delivered + buffer.count }

    /// A new object number; the object itself may be written later.
    func allocate() -> Int {
        offsets.append(-1)
        return offsets.count - 1
    }

    /// `count` consecutive object numbers; returns the first.
    func allocate(count: Int) -> Int {
        let first = offsets.count
        offsets.append(contentsOf: repeatElement(-1, count: count))
        return first
    }

    /// Starts writing object `number` (`N 0 obj`); close it with ``endObject()``.
    func beginObject(_ number: Int) {
        offsets[number] = position
        buffer.append(number)
        buffer.append(" 0 obj\n")
    }

    func endObject() { buffer.append("\nendobj\n") }

    /// Writes a whole object whose body `body` appends.
    func object(_ number: Int, _ body: (inout PDFBuffer) -> Void) {
        beginObject(number)
        body(&buffer)
        endObject()
    }

    /// Writes a stream object, compressed unless told otherwise; `dictionary` appends the entries
    /// besides `/Length` and `/Filter`.
    func stream(_ number: Int, data: UnsafeRawBufferPointer, compress: Bool = true, dictionary: (inout PDFBuffer) -> Void = { _ in }) {
        beginObject(number)
        buffer.append("<<")
        dictionary(&buffer)
        if compress {
            let compressed = deflater.compress(data)
            buffer.append("/Filter/FlateDecode/Length ")
            buffer.append(compressed.count)
            buffer.append(">>\nstream\n")
            compressed.withUnsafeBytes { buffer.append(contentsOf: $0) }
        } else {
            buffer.append("/Length ")
            buffer.append(data.count)
            buffer.append(">>\nstream\n")
            buffer.append(contentsOf: data)
        }
        buffer.append("\nendstream")
        endObject()
    }

    /// Writes a stream object whose data is already Flate-compressed.
    func stream(_ number: Int, compressed: [UInt8], dictionary: (inout PDFBuffer) -> Void = { _ in }) {
        beginObject(number)
        buffer.append("<<")
        dictionary(&buffer)
        buffer.append("/Filter/FlateDecode/Length ")
        buffer.append(compressed.count)
        buffer.append(">>\nstream\n")
        buffer.append(compressed)
        buffer.append("\nendstream")
        endObject()
    }

    /// Writes small non-stream objects (number, body) into one compressed object stream (PDF 1.5,
    /// allowed in PDF/A-2 and -3): thousands of structure elements cost a tenth of their size as
    /// separate objects. The file then ends with a cross-reference stream instead of a table.
    ///
    /// `objects` gives each object's number and where its body starts in `bodies` (bodies follow
    /// one another in that order).
    func objectStream(_ objects: [(number: Int, offset: Int)], bodies: PDFBuffer) {
        guard !objects.isEmpty else { return }
        precondition(objects.count <= Self.maximumObjectsPerStream, "at most \(Self.maximumObjectsPerStream) objects per object stream")
        hasObjectStreams = true
        let number = allocate()
        var header = PDFBuffer(capacity: objects.count * 12 + bodies.count)
        for (index, object) in objects.enumerated() {
            if index > 0 { header.append(UInt8(ascii: " ")) }
            header.append(object.number)
            header.append(UInt8(ascii: " "))
            header.append(object.offset)
            offsets[object.number] = -2 - (number << 10 | index)
        }
        header.append(UInt8(ascii: "\n"))
        let first = header.count
        header.append(bodies.bytes)
        header.bytes.withUnsafeBytes { data in
            stream(number, data: data) { pdf in
                pdf.append("/Type/ObjStm/N ")
                pdf.append(objects.count)
                pdf.append("/First ")
                pdf.append(first)
            }
        }
    }

    /// Sends pending bytes to a file descriptor once enough have gathered.
    func flushIfLarge() throws(PDFOutputError) {
        if case .fileDescriptor = target, buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(PDFOutputError) {
        guard case .fileDescriptor(let descriptor) = target, buffer.count > 0 else { return }
        fingerprint.add(buffer.bytes)
        let failure: String? = buffer.bytes.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += result
            }
            return nil
        }
        if let failure { throw PDFOutputError(operation: "writing the PDF", reason: failure) }
        delivered += buffer.count
        buffer.removeAll()
    }

    /// Writes the cross-reference table and trailer; returns the whole file for `.memory`.
    func finish(catalog: Int, info: Int) throws(PDFOutputError) -> [UInt8] {
        for (number, offset) in offsets.enumerated().dropFirst() where offset == -1 {
            // An allocated number never written becomes a null object, so the table stays valid.
            object(number) { $0.append("null") }
        }
        let identifier = fingerprint.adding(buffer.bytes).hexadecimal
        guard !hasObjectStreams else { return try finishWithCrossReferenceStream(catalog: catalog, info: info, identifier: identifier) }
        let start = position
        buffer.append("xref\n0 ")
        buffer.append(offsets.count)
        buffer.append("\n0000000000 65535 f \n")
        for offset in offsets.dropFirst() {
            var digits = String(offset)
            digits = String(repeating: "0", count: max(0, 10 - digits.count)) + digits
            buffer.append(Array(digits.utf8))
            buffer.append(" 00000 n \n")
        }
        buffer.append("trailer\n<<")
        Self.appendTrailerEntries(size: offsets.count, catalog: catalog, info: info, identifier: identifier, to: &buffer)
        buffer.append(">>\nstartxref\n")
        buffer.append(start)
        return try finishFile()
    }

    /// /Size, /Root, /Info and /ID: the trailer's entries, in a trailer or a cross-reference stream.
    private static func appendTrailerEntries(size: Int, catalog: Int, info: Int, identifier: String, to pdf: inout PDFBuffer) {
        pdf.append("/Size ")
        pdf.append(size)
        pdf.append("/Root ")
        pdf.appendReference(catalog)
        pdf.append("/Info ")
        pdf.appendReference(info)
        pdf.append("/ID[<")
        pdf.append(Array(identifier.utf8))
        pdf.append("><")
        pdf.append(Array(identifier.utf8))
        pdf.append(">]")
    }

    private func finishFile() throws(PDFOutputError) -> [UInt8] {
        buffer.append("\n%%EOF\n")
        switch target {
        case .memory:
            return buffer.bytes
        case .fileDescriptor:
            try flush()
            return []
        }
    }

    private static var wholeCrossReferenceLimit: Int { CrossReferenceLimits.wholeEntries }

    /// The entries of `objects` (1 + 4 + 2 bytes each) from the start of `entries`.
    private func fillCrossReferenceEntries(_ objects: Range<Int>, into entries: inout [UInt8]) {
        entries.withUnsafeMutableBufferPointer { entries in
            func put(_ position: Int, _ type: UInt8, _ field: Int, _ second: Int) {
                let base = position * 7
                entries[base] = type
                entries[base + 1] = UInt8(truncatingIfNeeded: field >> 24)
                entries[base + 2] = UInt8(truncatingIfNeeded: field >> 16)
                entries[base + 3] = UInt8(truncatingIfNeeded: field >> 8)
                entries[base + 4] = UInt8(truncatingIfNeeded: field)
                entries[base + 5] = UInt8(truncatingIfNeeded: second >> 8)
                entries[base + 6] = UInt8(truncatingIfNeeded: second)
            }
            for object in objects {
                let position = object - objects.lowerBound
                let offset = offsets[object]
                if object == 0 {
                    put(position, 0, 0, 0xFFFF)
                } else if offset >= 0 {
                    put(position, 1, offset, 0)
                } else {
                    let location = -2 - offset
                    put(position, 2, location >> 10, location & 0x3FF)
                }
            }
        }
    }

    /// The cross-reference stream (ISO 32000-1 § 7.5.8) that objects in object streams need:
    /// entries of 1 + 4 + 2 bytes (type, offset or stream number, generation or index), the
    /// trailer's entries in its dictionary.
    private func finishWithCrossReferenceStream(catalog: Int, info: Int, identifier: String) throws(PDFOutputError) -> [UInt8] {
        let number = allocate()
        let start = position
        offsets[number] = start
        func dictionary(_ pdf: inout PDFBuffer) {
            pdf.append("/Type/XRef/W[1 4 2]")
            Self.appendTrailerEntries(size: offsets.count, catalog: catalog, info: info, identifier: identifier, to: &pdf)
        }
        if offsets.count > Self.wholeCrossReferenceLimit {
            // Hundreds of thousands of entries (a long tagged document): deflated a slice at a
            // time instead of built whole and compressed at once.
            let deflater = try StreamingDeflater()
            let slice = 1 << 13
            var entries = [UInt8](repeating: 0, count: slice * 7)
            for first in stride(from: 0, to: offsets.count, by: slice) {
                let objects = first..<min(offsets.count, first + slice)
                fillCrossReferenceEntries(objects, into: &entries)
                let failure = entries.withUnsafeBytes { bytes -> PDFOutputError? in
                    do throws(PDFOutputError) { try deflater.append(UnsafeRawBufferPointer(rebasing: bytes[..<(objects.count * 7)])) } catch { return error }
                    return nil
                }
                if let failure { throw failure }
            }
            stream(number, compressed: try deflater.finish(), dictionary: dictionary)
        } else {
            var entries = [UInt8](repeating: 0, count: offsets.count * 7)
            fillCrossReferenceEntries(0..<offsets.count, into: &entries)
            entries.withUnsafeBytes { data in stream(number, data: data, dictionary: dictionary) }
        }
        buffer.append("startxref\n")
        buffer.append(start)
        return try finishFile()
    }
}

/// A 128-bit digest of the file's bytes, for the trailer's `/ID`: the same content gives the same
/// identifier, so output stays reproducible. Bytes are mixed eight at a time (a byte-at-a-time
/// FNV-1a was 2.5 % of a small invoice); bytes short of a word wait for the next call, so the
/// digest does not depend on where the writer flushed.
struct Fingerprint {
    private var low: UInt64 = 0xcbf2_9ce4_8422_2325
    private var high: UInt64 = 0x6c62_272e_07bb_0142
    /// Bytes not yet making a whole word, the first in the lowest byte.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length: UInt64 = 0

    mutating func add(_ bytes: [UInt8]) {
        length &+= UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var index = 0
            while pendingCount != 0, index < raw.count {
                takePending(raw[index])
                index += 1
            }
            while index + 8 <= raw.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            while index < raw.count {
                takePending(raw[index])
                index += 1
            }
        }
    }

    func adding(_ bytes: [UInt8]) -> Fingerprint {
        var copy = self
        copy.add(bytes)
        return copy
    }

    @inline(__always) private mutating func takePending(_ byte: UInt8) {
        pending |= UInt64(byte) << UInt64(8 * pendingCount)
        pendingCount += 1
        if pendingCount == 8 {
            mix(pending)
            pending = 0
            pendingCount = 0
        }
    }

    @inline(__always) private mutating func mix(_ word: UInt64) {
        low = (low ^ word) &* 0x9E37_79B9_7F4A_7C15
        low ^= low >> 32
        high = ((high ^ word) &* 0xC2B2_AE3D_27D4_EB4F) &+ (low >> 29)
        high ^= high >> 31
    }

    /// The digest of everything added: the last partial word and the length are mixed in last.
    private var final: (UInt64, UInt64) {
        var copy = self
        copy.mix(pending)
        copy.mix(length)
        return (copy.high, copy.low)
    }

    var hexadecimal: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        let (high, low) = final
        return hex(high) + hex(low)
    }
}

/// Cross-reference entries are built whole and compressed in one call up to this many objects
/// (every sample, so their bytes stay as they were); beyond, deflated a slice at a time. A
/// task-local value so that tests can make a short document take the long way.
package enum CrossReferenceLimits {
    @TaskLocal package static var wholeEntries = 100_000
}
