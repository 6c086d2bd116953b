import CCairo
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
            throw CairoError(operation: "drawing a JPEG image", reason: "JPEG images are not supported by this build")
        }
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
