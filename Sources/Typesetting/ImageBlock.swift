import PageFrames

/// A PNG or JPEG image scaled to fit a box, aspect ratio kept, centred in it.
///
/// The pixel size is read from the PNG `IHDR` or JPEG `SOF` header here, without decoding; JPEG
/// bytes go to the output untouched (embedded as-is in PDFs).
///
/// ```swift
/// let logo = try ImageBlock(data: pngBytes, width: 120, height: 40)
/// let block: Block = .image(logo)
/// ```
public struct ImageBlock: Sendable {
    public var data: [UInt8]
    public var format: PlacedImage.Format
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// The box the image is fitted into; nil width = the available width.
    public var width: Double?
    public var height: Double

    /// Images above 50 megapixels are refused: decoding them would take hundreds of megabytes.
    public static let maximumPixelCount = 50_000_000

    /// Reads the header of `data`; throws ``LayoutError`` (`.invalidImage`, `.imageTooLarge`).
    public init(data: [UInt8], width: Double? = nil, height: Double, name: String = "image") throws {
        let header = try ImageHeader(data, name: name)
        guard header.width * header.height <= Self.maximumPixelCount else {
            throw LayoutError(
                .imageTooLarge, block: name,
                reason: "\(header.width)×\(header.height) pixels is more than \(Self.maximumPixelCount / 1_000_000) megapixels")
        }
        self.data = data
        format = header.format
        pixelWidth = header.width
        pixelHeight = header.height
        self.width = width
        self.height = height
    }

    /// The image's rectangle inside a `boxWidth` × `boxHeight` box: as large as fits, aspect kept, centred.
    public func fitted(boxWidth: Double, boxHeight: Double) -> Rect {
        let scale = min(boxWidth / Double(pixelWidth), boxHeight / Double(pixelHeight))
        let width = Double(pixelWidth) * scale
        let height = Double(pixelHeight) * scale
        return Rect(x: (boxWidth - width) / 2, y: (boxHeight - height) / 2, width: width, height: height)
    }

    func layout(width available: Double, owner: String) throws -> BlockLayout {
        let boxWidth = min(width ?? available, available)
        guard boxWidth.isFinite else {
            // Measuring: the natural width is the width that fills the box height.
            let natural = height * Double(pixelWidth) / Double(pixelHeight)
            return BlockLayout(width: width ?? natural, slices: [LayoutSlice(height: height, owner: owner)])
        }
        let rect = fitted(boxWidth: boxWidth, boxHeight: height)
        let image = PlacedImage(rect: rect, format: format, data: data, pixelWidth: pixelWidth, pixelHeight: pixelHeight)
        return BlockLayout(width: boxWidth, slices: [LayoutSlice(height: height, items: [.image(image)], owner: owner)])
    }
}

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
