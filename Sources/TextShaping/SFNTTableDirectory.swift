/// The table directory of an sfnt font file (TrueType or OpenType): each table's tag and byte range,
/// checked against the file's size, so that a truncated or damaged file is refused with the table
/// named instead of being read past its end.
///
/// ```swift
/// let directory = try SFNTTableDirectory(fileSize: bytes.count) { range in Array(bytes[range]) }
/// directory.tables["glyf"]   // 1234..<56789
/// ```
package struct SFNTTableDirectory: Sendable {
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let reason: String
        package var description: String { reason }
    }

    /// The version tag of the file: 0x00010000 or 'true' for TrueType outlines, 'OTTO' for CFF.
    package let version: UInt32
    package let tables: [String: Range<Int>]

    /// Reads the directory through `read`, which returns the bytes of a range of the file or nil
    /// when the file ends before it.
    package init(fileSize: Int, read: (Range<Int>) -> [UInt8]?) throws(Failure) {
        guard fileSize >= 12, let header = read(0..<12), header.count == 12 else {
            throw Failure(reason: "only \(fileSize) bytes, too short for a font")
        }
        version = Self.u32(header, 0)
        let tableCount = Int(header[4]) << 8 | Int(header[5])
        guard let records = read(12..<(12 + tableCount * 16)), records.count == tableCount * 16 else {
            throw Failure(reason: "truncated inside its table directory (\(fileSize) bytes)")
        }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<tableCount {
            let record = index * 16
            let tag = String(decoding: records[record..<(record + 4)], as: UTF8.self)
            let offset = Int(Self.u32(records, record + 8))
            let length = Int(Self.u32(records, record + 12))
            guard offset <= fileSize, length <= fileSize - offset else {
                throw Failure(reason: "truncated: table '\(tag)' ends at byte \(offset + length) but the file has \(fileSize) bytes")
            }
            tables[tag] = offset..<(offset + length)
        }
        self.tables = tables
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
