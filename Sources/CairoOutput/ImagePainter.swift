import CCairo
import CJPEG
import Foundation
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

/// An owned `cairo_surface_t` decoded from an image's bytes.
final class ImageSurface {
    let pointer: OpaquePointer

    init(_ image: PlacedImage) throws(CairoError) {
        switch image.format {
        case .png:
            let reader = ByteReader(bytes: image.data)
            let surface = withExtendedLifetime(reader) {
                cairo_image_surface_create_from_png_stream({ closure, data, length in
                    let reader = Unmanaged<ByteReader>.fromOpaque(closure!).takeUnretainedValue()
                    return reader.read(into: data!, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
                }, Unmanaged.passUnretained(reader).toOpaque())!
            }
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(surface)
                throw CairoError(operation: "decoding a PNG image", status: status)
            }
            pointer = surface
        case .jpeg:
            pointer = try Self.jpegSurface(image)
        }
    }

    /// Decodes the JPEG into an RGB surface for raster output.
    private static func jpegSurface(_ image: PlacedImage) throws(CairoError) -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.pixelWidth), Int32(image.pixelHeight))!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CairoError(operation: "creating a \(image.pixelWidth)×\(image.pixelHeight) JPEG surface", status: status)
        }
        cairo_surface_flush(surface)
        var message = [CChar](repeating: 0, count: 200)
        let failed = image.data.withUnsafeBufferPointer { bytes in
            folio_jpeg_decode_rgb24(
                bytes.baseAddress, UInt(bytes.count), cairo_image_surface_get_data(surface), cairo_image_surface_get_stride(surface),
                Int32(image.pixelWidth), Int32(image.pixelHeight), &message, message.count)
        }
        guard failed == 0 else {
            cairo_surface_destroy(surface)
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CairoError(operation: "decoding a JPEG image", reason: reason)
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// Feeds a byte array to Cairo's PNG reader.
final class ByteReader {
    private let bytes: [UInt8]
    private var position = 0
    init(bytes: [UInt8]) { self.bytes = bytes }

    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard count <= bytes.count - position else { return false }
        bytes.withUnsafeBufferPointer { source in
            destination.update(from: source.baseAddress! + position, count: count)
        }
        position += count
        return true
    }
}
