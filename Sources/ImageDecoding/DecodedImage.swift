import CJPEG
import CPNG
import PageFrames

/// An image's pixels as straight (not premultiplied) 8-bit RGB and, when any pixel is not opaque,
/// an alpha channel: what a PDF image and its soft mask hold, and what a raster backend paints.
/// PNG through libpng, JPEG through libjpeg; decoding a JPEG whole also proves it is readable
/// beyond its header.
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

    public init(width: Int, height: Int, rgb: [UInt8], alpha: [UInt8]?) {
        self.width = width
        self.height = height
        self.rgb = rgb
        self.alpha = alpha
    }

    public init(_ image: PlacedImage) throws(ImageDecodingError) {
        switch image.format {
        case .png: self = try Self.png(image.data)
        case .jpeg: self = try Self.jpeg(image.data, width: image.pixelWidth, height: image.pixelHeight)
        }
    }

    /// Decodes PNG bytes with libpng's simplified API (every colour type and bit depth to 8-bit RGBA).
    public static func png(_ bytes: [UInt8]) throws(ImageDecodingError) -> DecodedImage {
        func failure(_ image: png_image) -> ImageDecodingError {
            var message = image.message
            let reason = withUnsafeBytes(of: &message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            return ImageDecodingError(operation: "decoding a PNG image", reason: reason.isEmpty ? "unreadable PNG data" : reason)
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard began != 0 else { throw failure(image) }
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA
        let width = Int(image.width), height = Int(image.height)
        guard width > 0, height > 0, width * height <= 100_000_000 else {
            png_image_free(&image)
            throw ImageDecodingError(operation: "decoding a PNG image", reason: "\(width)×\(height) pixels is too large to decode")
        }
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        let finished = rgba.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else {
            let error = failure(image)
            png_image_free(&image)
            throw error
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        var alpha = [UInt8](repeating: 255, count: width * height)
        var translucent = false
        for index in 0..<(width * height) {
            rgb[index * 3] = rgba[index * 4]
            rgb[index * 3 + 1] = rgba[index * 4 + 1]
            rgb[index * 3 + 2] = rgba[index * 4 + 2]
            let opacity = rgba[index * 4 + 3]
            alpha[index] = opacity
            if opacity < 255 { translucent = true }
        }
        return DecodedImage(width: width, height: height, rgb: rgb, alpha: translucent ? alpha : nil)
    }

    /// Decodes JPEG bytes to RGB; `width` × `height` must be the size its header states.
    public static func jpeg(_ bytes: [UInt8], width: Int, height: Int) throws(ImageDecodingError) -> DecodedImage {
        guard width > 0, height > 0, width * height <= 100_000_000 else {
            throw ImageDecodingError(operation: "decoding a JPEG image", reason: "\(width)×\(height) pixels is too large to decode")
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        var message = [CChar](repeating: 0, count: 200)
        let failed = bytes.withUnsafeBufferPointer { source in
            rgb.withUnsafeMutableBufferPointer { pixels in
                folio_jpeg_decode_rgb(source.baseAddress, UInt(source.count), pixels.baseAddress, Int32(width), Int32(height), &message, message.count)
            }
        }
        guard failed == 0 else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImageDecodingError(operation: "decoding a JPEG image", reason: reason)
        }
        return DecodedImage(width: width, height: height, rgb: rgb, alpha: nil)
    }
}
