import CCairo
import PageFrames

/// A decoded RGB raster, for comparing rendered pages with reference PNGs.
///
/// ```swift
/// let reference = try RasterImage(png: referenceBytes)
/// let actual = try RasterImage(png: renderedBytes)
/// let difference = actual.difference(from: reference, channelTolerance: 24)
/// if difference.differingShare > 0.0005 { try write(difference.diffImagePNG()) }
/// ```
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Packed 0x00RRGGBB, row-major.
    public let pixels: [UInt32]

    public init(png: [UInt8]) throws(CairoError) {
        try CairoLibrary.open(for: "decoding a PNG")
        let image = try ImageSurface(PlacedImage(rect: .init(x: 0, y: 0, width: 1, height: 1), format: .png, data: png, pixelWidth: 1, pixelHeight: 1))
        let surface = image.pointer
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw CairoError(operation: "reading PNG pixels", reason: "no pixel data")
        }
        var pixels = [UInt32](repeating: 0, count: width * height)
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { words in
            for row in 0..<height {
                for column in 0..<width { pixels[row * width + column] = words[row * stride / 4 + column] & 0x00FF_FFFF }
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Per-pixel comparison: a pixel differs when any channel differs by more than `channelTolerance`.
    public func difference(from reference: RasterImage, channelTolerance: Int) -> RasterDifference {
        guard width == reference.width, height == reference.height else {
            return RasterDifference(sizeMismatch: true, differingPixels: max(pixels.count, reference.pixels.count), totalPixels: max(pixels.count, 1), maximumChannelDelta: 255, diff: nil)
        }
        var differing = 0
        var maximum = 0
        var diff = [UInt32](repeating: 0, count: pixels.count)
        for index in pixels.indices {
            let a = pixels[index], b = reference.pixels[index]
            let delta = max(
                abs(Int((a >> 16) & 0xFF) - Int((b >> 16) & 0xFF)), abs(Int((a >> 8) & 0xFF) - Int((b >> 8) & 0xFF)),
                abs(Int(a & 0xFF) - Int(b & 0xFF)))
            maximum = max(maximum, delta)
            if delta > channelTolerance {
                differing += 1
                diff[index] = 0x00FF_0000  // differing pixels in red
            } else {
                // Faded reference so the red stands out in context.
                let gray = UInt32(200 + Int(b & 0xFF) * 55 / 255)
                diff[index] = gray << 16 | gray << 8 | gray
            }
        }
        return RasterDifference(
            sizeMismatch: false, differingPixels: differing, totalPixels: pixels.count, maximumChannelDelta: maximum,
            diff: RasterImage(width: width, height: height, pixels: diff))
    }

    /// Encodes the raster as PNG.
    public func pngData() throws(CairoError) -> [UInt8] {
        try CairoLibrary.open(for: "encoding a PNG")
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        try CairoError.check(cairo_surface_status(surface), "creating a \(width)×\(height) image")
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { words in
            for row in 0..<height {
                for column in 0..<width { words[row * stride / 4 + column] = pixels[row * width + column] | 0xFF00_0000 }
            }
        }
        cairo_surface_mark_dirty(surface)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, ByteSink.callback, Unmanaged.passUnretained(sink).toOpaque())
        }
        try CairoError.check(status, "encoding a PNG")
        return sink.bytes
    }
}

/// How far a rendered page is from its reference.
public struct RasterDifference: Sendable {
    public var sizeMismatch: Bool
    public var differingPixels: Int
    public var totalPixels: Int
    public var maximumChannelDelta: Int
    /// The reference faded, with differing pixels in red; nil when the sizes differ.
    public var diff: RasterImage?

    public var differingShare: Double { Double(differingPixels) / Double(totalPixels) }
}
