import CZint
import PageFrames

/// A barcode: Code 128 (tracking numbers) or QR (payment data such as EPC/SEPA QR), drawn from
/// libzint's vector output as filled rectangles, with the text under 1-D codes set by Folio's own
/// typesetter (so it is real, extractable text in the PDF). Quiet zones are part of the block.
///
/// ```swift
/// let tracking: Block = .barcode(Barcode(.code128, "1Z999AA10123456784"))
/// let payment: Block = .barcode(Barcode(.qr, "BCD\n002\n1\nSCT\n\nFolio SA\nFR7630006000011234567890189\nEUR12.30"))
/// ```
public struct Barcode: Sendable {
    public enum Symbology: Sendable, Hashable { case code128, qr }
    public var symbology: Symbology
    public var content: String
    /// Width of one module (narrowest bar / QR cell) in points.
    public var moduleSize: Double
    /// Bar height for 1-D codes.
    public var barHeight: Double
    /// Style of the text under 1-D codes (nil: none). Ignored for QR.
    public var caption: TextStyle?

    public init(
        _ symbology: Symbology, _ content: String, moduleSize: Double? = nil, barHeight: Double = 36,
        caption: TextStyle? = TextStyle(size: 8)
    ) {
        self.symbology = symbology
        self.content = content
        self.moduleSize = moduleSize ?? (symbology == .qr ? 2.4 : 1.2)
        self.barHeight = barHeight
        self.caption = symbology == .qr ? nil : caption
    }

    /// Quiet zone on each side, in modules (ISO/IEC 15417: 10 for Code 128; ISO/IEC 18004: 4 for QR).
    var quietModules: Double { symbology == .qr ? 4 : 10 }

    func layout(width: Double, owner: String, layouter: BlockLayouter) throws -> BlockLayout {
        let symbol = try ZintVector(self, owner: owner)
        let quiet = quietModules * moduleSize
        let codeWidth = Double(symbol.modules) * moduleSize
        let codeHeight = symbology == .qr ? codeWidth : barHeight
        let totalWidth = codeWidth + 2 * quiet
        let top = symbology == .qr ? quiet : 0
        var items: [FrameItem] = []
        items.reserveCapacity(symbol.rectangles.count + 1)
        let scaleX = codeWidth / symbol.width
        let scaleY = codeHeight / symbol.height
        for rect in symbol.rectangles {
            items.append(.rectangle(FilledRectangle(
                rect: Rect(x: quiet + rect.x * scaleX, y: top + rect.y * scaleY, width: rect.width * scaleX, height: rect.height * scaleY),
                fill: .black)))
        }
        var slices = [LayoutSlice(height: top + codeHeight + (symbology == .qr ? quiet : 0), items: items, breakAfter: .avoid, owner: owner)]
        if let caption {
            let text = layouter.paragraphLayout(
                Paragraph(content, style: caption, paragraph: ParagraphStyle(alignment: .center)), width: totalWidth, keeping: .none, owner: owner)
            slices += text.slices
        }
        slices[slices.count - 1].breakAfter = .allowed
        if totalWidth > width + BlockLayout.tolerance {
            throw LayoutError(.doesNotFit, block: owner, reason: "the barcode is \(Int(totalWidth.rounded(.up))) pt wide with its quiet zones; \(Int(width)) pt available")
        }
        // Keep-together: a barcode is never split from its text.
        for index in slices.indices.dropLast() { slices[index].breakAfter = .avoid }
        return BlockLayout(width: totalWidth, slices: slices)
    }
}

/// libzint's vector rendering of a barcode, copied out of the C structure (which is freed at once).
struct ZintVector {
    struct Bar {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    var rectangles: [Bar] = []
    /// Extent of the vector drawing, in zint's units.
    var width: Double
    var height: Double
    /// Symbol width in modules.
    var modules: Int

    init(_ barcode: Barcode, owner: String) throws {
        guard let symbol = ZBarcode_Create() else { throw LayoutError(.barcode, block: owner, reason: "libzint could not allocate a symbol") }
        defer { ZBarcode_Delete(symbol) }
        symbol.pointee.symbology = barcode.symbology == .qr ? BARCODE_QRCODE : BARCODE_CODE128
        symbol.pointee.input_mode = DATA_MODE
        symbol.pointee.show_hrt = 0
        symbol.pointee.scale = 1
        if barcode.symbology == .code128 { symbol.pointee.height = Float(barcode.barHeight / barcode.moduleSize) }
        let bytes = Array(barcode.content.utf8)
        guard !bytes.isEmpty else { throw LayoutError(.barcode, block: owner, reason: "empty barcode content") }
        let status = bytes.withUnsafeBufferPointer { buffer in
            ZBarcode_Encode_and_Buffer_Vector(symbol, buffer.baseAddress, Int32(buffer.count), 0)
        }
        if status >= ZINT_ERROR {
            let message = withUnsafeBytes(of: symbol.pointee.errtxt) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw LayoutError(.barcode, block: owner, reason: "libzint: \(message)")
        }
        guard let vector = symbol.pointee.vector else { throw LayoutError(.barcode, block: owner, reason: "libzint produced no vector output") }
        width = Double(vector.pointee.width)
        height = Double(vector.pointee.height)
        modules = Int(symbol.pointee.width)
        var next = vector.pointee.rectangles
        while let rect = next {
            let value = rect.pointee
            if value.colour == -1 || value.colour == 7 {  // foreground or black
                rectangles.append(Bar(x: Double(value.x), y: Double(value.y), width: Double(value.width), height: Double(value.height)))
            }
            next = value.next
        }
        guard width > 0, height > 0, modules > 0 else { throw LayoutError(.barcode, block: owner, reason: "libzint produced an empty symbol") }
    }
}
