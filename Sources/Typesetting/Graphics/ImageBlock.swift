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
