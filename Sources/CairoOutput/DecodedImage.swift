import CCairo
import PageFrames

/// An image's pixels as straight (not premultiplied) 8-bit RGB and, when any pixel is not opaque,
/// an alpha channel: what a PDF image and its soft mask hold. Decoding a JPEG this way also proves
/// it is readable beyond its header.
///
/// ```swift
/// let pixels = try DecodedImage(placedImage)
/// pixels.alpha == nil   // opaque
/// ```
public struct DecodedImage: Sendable {
    public let width: Int
    public let height: Int
    /// Three bytes per pixel, rows top to bottom.
    public let rgb: [UInt8]
    /// One byte per pixel; nil when every pixel is opaque.
    public let alpha: [UInt8]?

    public init(_ image: PlacedImage) throws(CairoError) {
        let surface = try ImageSurface(image)
        let pointer = surface.pointer
        cairo_surface_flush(pointer)
        let width = Int(cairo_image_surface_get_width(pointer))
        let height = Int(cairo_image_surface_get_height(pointer))
        let stride = Int(cairo_image_surface_get_stride(pointer))
        let hasAlpha = cairo_image_surface_get_format(pointer) == CAIRO_FORMAT_ARGB32
        guard let pixels = cairo_image_surface_get_data(pointer), width > 0, height > 0 else {
            throw CairoError(operation: "decoding a \(image.format.rawValue.uppercased()) image", reason: "no pixel data")
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        var alpha = [UInt8](repeating: 255, count: hasAlpha ? width * height : 0)
        var translucent = false
        pixels.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { words in
            for row in 0..<height {
                for column in 0..<width {
                    let word = words[row * stride / 4 + column]
                    var red = Int((word >> 16) & 0xFF), green = Int((word >> 8) & 0xFF), blue = Int(word & 0xFF)
                    let index = row * width + column
                    if hasAlpha {
                        let opacity = Int(word >> 24)
                        alpha[index] = UInt8(opacity)
                        if opacity < 255 {
                            translucent = true
                            // Cairo premultiplies; undo it so colour and mask stay separate.
                            if opacity > 0 {
                                red = min(255, (red * 255 + opacity / 2) / opacity)
                                green = min(255, (green * 255 + opacity / 2) / opacity)
                                blue = min(255, (blue * 255 + opacity / 2) / opacity)
                            }
                        }
                    }
                    rgb[index * 3] = UInt8(red)
                    rgb[index * 3 + 1] = UInt8(green)
                    rgb[index * 3 + 2] = UInt8(blue)
                }
            }
        }
        self.width = width
        self.height = height
        self.rgb = rgb
        self.alpha = translucent ? alpha : nil
    }
}
