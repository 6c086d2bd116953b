import ImageDecoding
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
            do {
                let frame = try JPEGFrame(parsing: bytes)
                (width, height) = (frame.width, frame.height)
            } catch {
                throw invalid(error.reason)
            }
        } else {
            throw invalid("neither PNG nor JPEG data")
        }
        guard width > 0, height > 0 else { throw invalid("\(format.rawValue.uppercased()) with a zero size (\(width)×\(height))") }
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        var value = 0
        for byte in bytes[offset..<(offset + count)] { value = value << 8 | Int(byte) }
        return value
    }
}
