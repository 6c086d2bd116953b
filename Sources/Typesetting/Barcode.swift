import PageFrames

/// A barcode: Code 128 (tracking numbers) or QR (payment data such as EPC/SEPA QR), drawn from
/// libzint's vector output as filled rectangles, with the text under 1-D codes.
public struct Barcode: Sendable {
    public enum Symbology: Sendable, Hashable { case code128, qr }
    public var symbology: Symbology
    public var content: String
    /// Width of one module (narrowest bar / QR cell) in points.
    public var moduleSize: Double
    /// Bar height for 1-D codes.
    public var barHeight: Double
    /// Text under 1-D codes (nil: none).
    public var caption: TextStyle?

    public init(_ symbology: Symbology, _ content: String, moduleSize: Double? = nil, barHeight: Double = 36, caption: TextStyle? = TextStyle(size: 8)) {
        self.symbology = symbology
        self.content = content
        self.moduleSize = moduleSize ?? (symbology == .qr ? 2.4 : 1.2)
        self.barHeight = barHeight
        self.caption = symbology == .qr ? nil : caption
    }

    func layout(width: Double, owner: String, layouter: BlockLayouter) throws -> BlockLayout {
        throw LayoutError(.barcode, block: owner, reason: "not yet")
    }
}
