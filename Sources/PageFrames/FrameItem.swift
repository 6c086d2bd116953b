import TextShaping

/// Everything a page can hold. Backends switch over it exhaustively: adding a case is a compile
/// error in every backend until it draws the new item.
public enum FrameItem: Hashable, Sendable {
    case glyphs(GlyphRun)
    case rule(Rule)
    case rectangle(FilledRectangle)
    case image(PlacedImage)
    case link(Link)
    /// Start or end of logical structure (tagged PDF); draws nothing.
    case structure(StructureMarker)
    /// Content made only once the whole document is laid out (a running footer that states the
    /// page count), drawn where this item stands. A backend that writes pages as they come leaves
    /// a placeholder that it fills in later; one that cannot (a raster) refuses the page.
    case deferred(DeferredContent)
}

/// Names content that a page shows but that is made later (``FrameItem/deferred(_:)``): the
/// paginator hands the items over under the same key once it knows them, in page coordinates.
///
/// ```swift
/// page.items += [.structure(.beginArtifact(.pagination(.footer))), .deferred(DeferredContent(key: 7)), .structure(.end)]
/// // … once the page count is known:
/// try writer.fillDeferred(DeferredContent(key: 7), with: footerItems)
/// ```
public struct DeferredContent: Hashable, Sendable {
    public var key: Int
    public init(key: Int) { self.key = key }
}

/// Glyphs of one font and size drawn from a baseline origin, with the text they stand for.
///
/// `clusters` maps `text` (UTF-8, logical order) onto `glyphs` (visual order) in the form of Cairo's
/// cluster maps (`cairo_show_text_glyphs`); the PDF writer turns it into one code per (glyph, text)
/// pair, so PDF text extraction returns the source text, ligatures and right-to-left runs included.
public struct GlyphRun: Hashable, Sendable {
    public var font: FontID
    public var size: Double
    public var color: Color
    /// Baseline start of the run on the page.
    public var origin: Point
    public var glyphs: [PositionedGlyph]
    public var text: String
    public var clusters: [TextCluster]
    /// True for right-to-left runs: clusters are then read from the last glyph backwards.
    public var clustersBackward: Bool

    public init(
        font: FontID, size: Double, color: Color, origin: Point, glyphs: [PositionedGlyph], text: String,
        clusters: [TextCluster], clustersBackward: Bool
    ) {
        self.font = font
        self.size = size
        self.color = color
        self.origin = origin
        self.glyphs = glyphs
        self.text = text
        self.clusters = clusters
        self.clustersBackward = clustersBackward
    }

    /// Horizontal extent of the run (sum of advances).
    public var width: Double { glyphs.last.map { $0.x + $0.advance } ?? 0 }
}

/// A glyph placed relative to its run's origin.
public struct PositionedGlyph: Hashable, Sendable {
    public var id: UInt32
    public var x: Double
    public var y: Double
    public var advance: Double
    public init(id: UInt32, x: Double, y: Double, advance: Double) {
        self.id = id
        self.x = x
        self.y = y
        self.advance = advance
    }
}

/// `byteCount` UTF-8 bytes of text drawn by `glyphCount` glyphs.
public struct TextCluster: Hashable, Sendable {
    public var byteCount: Int32
    public var glyphCount: Int32
    public init(byteCount: Int32, glyphCount: Int32) {
        self.byteCount = byteCount
        self.glyphCount = glyphCount
    }
}

/// A straight line.
public struct Rule: Hashable, Sendable {
    public var from: Point
    public var to: Point
    public var thickness: Double
    public var color: Color
    /// On/off lengths in points; empty for a solid line.
    public var dash: [Double]
    public init(from: Point, to: Point, thickness: Double, color: Color = .black, dash: [Double] = []) {
        self.from = from
        self.to = to
        self.thickness = thickness
        self.color = color
        self.dash = dash
    }
}

/// A rectangle filled, stroked, or both.
public struct FilledRectangle: Hashable, Sendable {
    public var rect: Rect
    public var fill: Color?
    public var stroke: Color?
    public var strokeWidth: Double
    public init(rect: Rect, fill: Color? = nil, stroke: Color? = nil, strokeWidth: Double = 0.5) {
        self.rect = rect
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
    }
}

/// An encoded image (PNG or JPEG bytes, validated by layout) drawn into `rect`.
public struct PlacedImage: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable { case png, jpeg }
    public var rect: Rect
    public var format: Format
    public var data: [UInt8]
    public var pixelWidth: Int
    public var pixelHeight: Int
    public init(rect: Rect, format: Format, data: [UInt8], pixelWidth: Int, pixelHeight: Int) {
        self.rect = rect
        self.format = format
        self.data = data
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }
}

/// A clickable area opening a URI.
public struct Link: Hashable, Sendable {
    public var rect: Rect
    public var uri: String
    public init(rect: Rect, uri: String) {
        self.rect = rect
        self.uri = uri
    }
}
