/// What a JPEG's start-of-frame segment says: size, colour components, and whether an Adobe
/// segment marks its CMYK as inverted. Read from the markers without decoding the image.
///
/// ```swift
/// let frame = try JPEGFrame(parsing: bytes)
/// (frame.width, frame.height, frame.components)   // (640, 480, 3)
/// ```
public struct JPEGFrame: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var components: Int
    public var adobeInverted: Bool

    public init(width: Int, height: Int, components: Int, adobeInverted: Bool) {
        self.width = width
        self.height = height
        self.components = components
        self.adobeInverted = adobeInverted
    }

    /// The frame of `bytes`, or nil when it has none that can be read.
    public init?(_ bytes: [UInt8]) {
        guard let frame = try? JPEGFrame(parsing: bytes) else { return nil }
        self = frame
    }

    /// Walks the markers up to the first start-of-frame (SOF0…SOF15 except DHT, JPG and DAC),
    /// naming the byte where the data stops making sense.
    public init(parsing bytes: [UInt8]) throws(ImageDecodingError) {
        func invalid(_ reason: String) -> ImageDecodingError { ImageDecodingError(operation: "reading a JPEG header", reason: reason) }
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw invalid("no JPEG signature") }
        var index = 2
        var adobe = false
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { throw invalid("JPEG marker expected at byte \(index)") }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            if marker == 0xD9 || marker == 0xDA { break }
            let length = Self.bigEndian(bytes, index + 2, 2)
            guard length >= 2, index + 2 + length <= bytes.count else { throw invalid("truncated JPEG segment at byte \(index)") }
            if marker == 0xEE, length >= 7, bytes[(index + 4)..<(index + 9)].elementsEqual("Adobe".utf8) { adobe = true }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard length >= 8 else { throw invalid("JPEG frame header too short") }
                height = Self.bigEndian(bytes, index + 5, 2)
                width = Self.bigEndian(bytes, index + 7, 2)
                components = Int(bytes[index + 9])
                adobeInverted = adobe
                return
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
