import CCairo
import PageFrames
import TextShaping

/// Rasterises pages to PNG at a chosen resolution, from the same frames as the PDF.
///
/// ```swift
/// let png: [UInt8] = try PNGRenderer(registry: registry, dpi: 80).render(page)
/// ```
public struct PNGRenderer: Sendable {
    public let registry: FontRegistry
    public let dpi: Double

    /// Largest raster side accepted, in pixels, so a huge page size or DPI cannot exhaust memory.
    public static let maximumPixelSide = 20_000

    public init(registry: FontRegistry, dpi: Double = 150) {
        self.registry = registry
        self.dpi = dpi
    }

    public func render(_ page: Page) throws(CairoError) -> [UInt8] {
        let scale = dpi / 72
        let width = Int((page.size.width * scale).rounded(.up))
        let height = Int((page.size.height * scale).rounded(.up))
        guard dpi > 0, width > 0, height > 0, width <= Self.maximumPixelSide, height <= Self.maximumPixelSide else {
            throw CairoError(operation: "creating a \(width)×\(height) PNG page", reason: "size out of range (1…\(Self.maximumPixelSide) pixels per side)")
        }
        try CairoLibrary.open(for: "creating a \(width)×\(height) PNG page")
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        try CairoError.check(cairo_surface_status(surface), "creating a \(width)×\(height) PNG page")
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        Self.applyFontOptions(to: context)
        let fonts = try CairoFontPool.shared.take(registry: registry)
        defer { CairoFontPool.shared.giveBack(fonts, registry: registry) }
        try PageDrawer(context: context, fonts: fonts).draw(page)
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, ByteSink.callback, Unmanaged.passUnretained(sink).toOpaque())
        }
        try CairoError.check(status, "encoding the PNG")
        return sink.bytes
    }

    /// Unhinted outlines at exact metrics: the same glyph shapes and positions as the PDF.
    static func applyFontOptions(to context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }
}
