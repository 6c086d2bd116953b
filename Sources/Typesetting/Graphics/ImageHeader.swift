import PageFrames

/// Format and pixel size from the first bytes of a PNG or JPEG.
struct ImageHeader {
    var format: PlacedImage.Format
    var width: Int
    var height: Int

    init(_ bytes: [UInt8], name: String) throws {
        func invalid(_ reason: String) -> LayoutError { LayoutError(.invalidImage, block: name, reason: reason) }
        let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if bytes.count >= 8, Array(bytes[0..<8]) == pngSignature {
            // Signature, then the IHDR chunk: length (13), "IHDR", width, height (big-endian).
            guard bytes.count >= 33, Array(bytes[12..<16]) == Array("IHDR".utf8) else { throw invalid("PNG without an IHDR header") }
            format = .png
            width = Self.bigEndian(bytes, 16, 4)
            height = Self.bigEndian(bytes, 20, 4)
        } else if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            format = .jpeg
            (width, height) = try Self.jpegSize(bytes, invalid: invalid)
        } else {
            throw invalid("neither PNG nor JPEG data")
        }
        guard width > 0, height > 0 else { throw invalid("\(format.rawValue.uppercased()) with a zero size (\(width)×\(height))") }
    }

    /// Walks the JPEG markers up to the first start-of-frame (SOF0…SOF15 except DHT, JPG, DAC).
    private static func jpegSize(_ bytes: [UInt8], invalid: (String) -> LayoutError) throws -> (Int, Int) {
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { throw invalid("JPEG marker expected at byte \(index)") }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            if marker == 0xD9 || marker == 0xDA { break }
            let length = bigEndian(bytes, index + 2, 2)
            guard length >= 2, index + 2 + length <= bytes.count else { throw invalid("truncated JPEG segment at byte \(index)") }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard length >= 7 else { throw invalid("JPEG frame header too short") }
                return (bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2))
            }
            index += 2 + length
        }
        throw invalid("JPEG without a frame header (SOF)")
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        var value = 0
        for byte in bytes[offset..<(offset + count)] { value = value << 8 | Int(byte) }
        return value
    }
}
