import CairoOutput
import Foundation
import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// Barcodes drawn by Folio decode back to their input (zbarimg on a 150 dpi PNG render).
@Suite struct BarcodeTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    /// Renders `block` on a small page at 150 dpi and returns what zbarimg reads.
    func decode(_ block: Block) throws -> String {
        let layout = try BlockLayouter(typesetter: typesetter).layout(block, width: 500)
        let page = Page(size: Size(width: 560, height: layout.height + 60), items: layout.frames(at: Point(x: 30, y: 30)))
        return try ExternalTools.decodeBarcodes(png: PNGRenderer(registry: typesetter.registry, dpi: 150).render(page))
    }

    @Test(.enabled(if: ExternalTools.zbarimg != nil, "zbarimg (zbar-tools) is not installed: barcode decoding not checked"))
    func code128DecodesToItsInput() throws {
        let tracking = "1Z999AA10123456784"
        #expect(try decode(.barcode(Barcode(.code128, tracking))) == tracking)
    }

    @Test(.enabled(if: ExternalTools.zbarimg != nil, "zbarimg (zbar-tools) is not installed: barcode decoding not checked"))
    func qrWithEPCPaymentDataDecodesToItsInput() throws {
        let epc = "BCD\n002\n1\nSCT\nBNPAFRPP\nFolio Transport SA\nFR7630004000031234567890143\nEUR1234.56\n\n\nInvoice 2025-0412"
        #expect(try decode(.barcode(Barcode(.qr, epc))) == epc)
    }

    @Test func code128HasItsTextUnderTheBars() throws {
        let layout = try BlockLayouter(typesetter: typesetter).layout(.barcode(Barcode(.code128, "ABC-123")), width: 500)
        let items = layout.frames(at: .zero)
        let bars = items.compactMap { item -> Rect? in if case .rectangle(let bar) = item { bar.rect } else { nil } }
        let text = items.compactMap { item -> GlyphRun? in if case .glyphs(let run) = item { run } else { nil } }
        #expect(!bars.isEmpty)
        #expect(text.map(\.text) == ["ABC-123"])
        #expect(text[0].origin.y > bars.map(\.maxY).max()!)
        // Bars start after the quiet zone of 10 modules.
        #expect(abs(bars.map(\.minX).min()! - 12) < 0.01)
    }

    @Test func badContentIsAnErrorNamingTheBlock() throws {
        #expect {
            try BlockLayouter(typesetter: typesetter).layout(.named("payment QR", .barcode(Barcode(.qr, String(repeating: "x", count: 8000)))), width: 500)
        } throws: { error in
            (error as? LayoutError).map { $0.kind == .barcode && $0.block == "payment QR" } ?? false
        }
    }
}
