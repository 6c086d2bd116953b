import Foundation

/// Repairs the cross-reference table Cairo 1.16 writes when a page has links.
///
/// `CAIRO_TAG_LINK` makes Cairo reserve objects for a structure tree it never writes; their
/// cross-reference entries still say "in use" at a stale offset, so `qpdf --check` reports a damaged
/// file. This watches Cairo's output go by, remembers where each `N 0 obj` really starts, holds back
/// the tail written by `cairo_surface_finish` (fonts, xref, trailer), and marks every entry that
/// points to no such header as free. Entries keep their 20 bytes, so no offset moves; references
/// to a free object read as `null`, which PDF allows.
struct CrossReferenceRepair {
    private var objectStarts: [Int: Int] = [:]
    private var position = 0
    /// Bytes from the first line start near the end of the previous chunk whose header may go on
    /// in this one, and where that byte sits in the stream.
    private var carry: [UInt8] = []
    private var carryStart = 0
    /// Stream positions of those line starts.
    private var pendingLineStarts: [Int] = []
    private var previousByteEndsLine = true
    private(set) var held: [UInt8] = []
    var holding = false

    /// Longest header looked for: ten digits, space, generation, space, "obj".
    private static let longestHeader = 32

    /// Records object headers in `chunk`; returns true when the chunk was held back.
    ///
    /// Looks only at line starts, in place: most of a PDF is compressed stream data, and copying
    /// every chunk to scan it cost more than the rest of the repair.
    mutating func observe(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if !pendingLineStarts.isEmpty {
            let joined = carry + chunk.prefix(Self.longestHeader)
            joined.withUnsafeBufferPointer { bytes in
                for start in pendingLineStarts {
                    if let number = Self.objectNumber(in: bytes, at: start - carryStart) { objectStarts[number] = start }
                }
            }
            pendingLineStarts.removeAll(keepingCapacity: true)
            carry.removeAll(keepingCapacity: true)
        }
        let count = chunk.count
        guard count > 0, let base = chunk.baseAddress else { return holding }
        func lineStart(at index: Int) {
            if index + Self.longestHeader <= count {
                if let number = Self.objectNumber(in: chunk, at: index) { objectStarts[number] = position + index }
            } else {
                if pendingLineStarts.isEmpty {
                    carry.append(contentsOf: chunk[index...])
                    carryStart = position + index
                }
                pendingLineStarts.append(position + index)
            }
        }
        if previousByteEndsLine { lineStart(at: 0) }
        // Line ends found with memchr: most bytes are compressed stream data, never looked at one
        // by one. A carriage return is rare, so its next position is searched once and kept.
        func next(_ byte: UInt8, from index: Int) -> Int {
            guard index < count, let found = memchr(base + index, Int32(byte), count - index) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        var nextFeed = next(0x0A, from: 0)
        var nextReturn = next(0x0D, from: 0)
        while true {
            let end = min(nextFeed, nextReturn)
            guard end < count else { break }
            if end + 1 < count { lineStart(at: end + 1) }
            if end == nextFeed { nextFeed = next(0x0A, from: end + 1) } else { nextReturn = next(0x0D, from: end + 1) }
        }
        previousByteEndsLine = base[count - 1] == 0x0A || base[count - 1] == 0x0D
        position += count
        if holding { held.append(contentsOf: chunk) }
        return holding
    }

    /// The object number of an `N G obj` header starting at `index`, or nil.
    private static func objectNumber(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var cursor = index
        var number = 0
        var digits = 0
        while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 10 {
            number = number * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
            digits += 1
        }
        guard digits > 0, cursor + 6 <= bytes.count, bytes[cursor] == 0x20 else { return nil }
        cursor += 1
        while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        guard cursor + 4 <= bytes.count, bytes[cursor] == 0x20, bytes[cursor + 1] == 0x6F, bytes[cursor + 2] == 0x62, bytes[cursor + 3] == 0x6A
        else { return nil }
        return number
    }

    /// The held tail with stale cross-reference entries marked free.
    func repairedTail() -> [UInt8] {
        var tail = held
        let marker = Array("\nxref\n".utf8)
        guard let xref = Self.lastIndex(of: marker, in: tail) else { return tail }
        var cursor = xref + marker.count
        // Subsections: "first count\n" then count entries of 20 bytes.
        while cursor < tail.count, tail[cursor] >= 0x30, tail[cursor] <= 0x39 {
            guard let lineEnd = tail[cursor...].firstIndex(of: 0x0A) else { break }
            let fields = String(decoding: tail[cursor..<lineEnd], as: UTF8.self).split(separator: " ")
            guard fields.count == 2, let first = Int(fields[0]), let count = Int(fields[1]) else { break }
            cursor = lineEnd + 1
            for entry in 0..<count {
                let start = cursor + entry * 20
                guard start + 20 <= tail.count else { return tail }
                let number = first + entry
                guard tail[start + 17] == 0x6E,  // "n"
                    let offset = Int(String(decoding: tail[start..<(start + 10)], as: UTF8.self))
                else { continue }
                if objectStarts[number] != offset {
                    tail.replaceSubrange(start..<(start + 18), with: Array("0000000000 00001 f".utf8))
                }
            }
            cursor += count * 20
        }
        return tail
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }
}
