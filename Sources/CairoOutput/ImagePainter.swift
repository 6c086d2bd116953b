import CCairo
import Foundation
import ImageDecoding
import PageFrames

/// Draws a ``PlacedImage`` scaled into its rectangle.
enum ImagePainter {
    static func paint(_ image: PlacedImage, on context: OpaquePointer) throws(CairoError) {
        let surface = try ImageSurface(image)
        let rect = image.rect
        cairo_save(context)
        cairo_translate(context, rect.minX, rect.minY)
        cairo_scale(context, rect.width / Double(image.pixelWidth), rect.height / Double(image.pixelHeight))
        cairo_set_source_surface(context, surface.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
        cairo_paint(context)
        cairo_restore(context)
        try CairoError.check(cairo_status(context), "drawing a \(image.format.rawValue.uppercased()) image")
    }
}

/// An owned `cairo_surface_t` holding an image's pixels, decoded below both outputs
/// (`ImageDecoding`) and packed as Cairo wants them: RGB24 when opaque, premultiplied ARGB32 otherwise.
final class ImageSurface {
    let pointer: OpaquePointer

    convenience init(_ image: PlacedImage) throws(CairoError) {
        try CairoLibrary.open(for: "drawing an image")
        let decoded: DecodedImage
        do { decoded = try DecodedImage(image) } catch { throw CairoError(operation: error.operation, reason: error.reason) }
        try self.init(decoded)
    }

    init(_ image: DecodedImage) throws(CairoError) {
        let format = image.alpha == nil ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
        let surface = cairo_image_surface_create(format, Int32(image.width), Int32(image.height))!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CairoError(operation: "creating a \(image.width)×\(image.height) image surface", status: status)
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * image.height) { words in
            for row in 0..<image.height {
                for column in 0..<image.width {
                    let index = row * image.width + column
                    var red = UInt32(image.rgb[index * 3]), green = UInt32(image.rgb[index * 3 + 1]), blue = UInt32(image.rgb[index * 3 + 2])
                    var opacity: UInt32 = 0
                    if let alpha = image.alpha {
                        opacity = UInt32(alpha[index])
                        red = Self.premultiply(red, opacity)
                        green = Self.premultiply(green, opacity)
                        blue = Self.premultiply(blue, opacity)
                    }
                    words[row * stride / 4 + column] = opacity << 24 | red << 16 | green << 8 | blue
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        pointer = surface
    }

    /// Cairo's own rounding when it loads a PNG (`multiply_alpha` in cairo-png.c), so pixels match.
    private static func premultiply(_ color: UInt32, _ alpha: UInt32) -> UInt32 {
        let product = alpha * color + 0x80
        return (product + (product >> 8)) >> 8
    }

    deinit { cairo_surface_destroy(pointer) }
}
