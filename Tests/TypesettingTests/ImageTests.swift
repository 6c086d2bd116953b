import CairoOutput
import PDFOutput
import Foundation
import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// Image headers, fitting, limits, and JPEG output through Cairo.
@Suite struct ImageTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    func placed(_ layout: BlockLayout) -> PlacedImage? {
        for case .image(let image) in layout.frames(at: .zero) { return image }
        return nil
    }

    @Test func pngAndJPEGSizesComeFromTheirHeaders() throws {
        let png = try ImageBlock(data: ImageFixtures.redPNG, height: 50)
        #expect(png.format == .png)
        #expect(png.pixelWidth == 200 && png.pixelHeight == 100)
        let jpeg = try ImageBlock(data: ImageFixtures.qrJPEG, height: 50)
        #expect(jpeg.format == .jpeg)
        #expect(jpeg.pixelWidth == 168 && jpeg.pixelHeight == 168)
    }

    @Test func imagesScaleToFitTheirBoxWithAspectKept() throws {
        // 200 × 100 px into 100 × 100 pt: 100 × 50, centred vertically.
        let wide = try BlockLayouter(typesetter: typesetter).layout(.image(ImageBlock(data: ImageFixtures.redPNG, width: 100, height: 100)), width: 400)
        #expect(placed(wide)?.rect == Rect(x: 0, y: 25, width: 100, height: 50))
        #expect(wide.height == 100)
        // Into 300 × 60 pt: height-bound, 120 × 60, centred horizontally.
        let tall = try BlockLayouter(typesetter: typesetter).layout(.image(ImageBlock(data: ImageFixtures.redPNG, width: 300, height: 60)), width: 400)
        #expect(placed(tall)?.rect == Rect(x: 90, y: 0, width: 120, height: 60))
        // The box never exceeds the available width.
        let narrow = try BlockLayouter(typesetter: typesetter).layout(.image(ImageBlock(data: ImageFixtures.redPNG, width: 300, height: 300)), width: 80)
        #expect(placed(narrow)?.rect.width == 80)
    }

    static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func be(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + Array("IHDR".utf8) + be(width) + be(height) + [8, 2, 0, 0, 0] + be(0)
    }

    @Test func oversizedImagesAreRejected() throws {
        // 10 000 × 6 000 = 60 megapixels.
        #expect {
            try ImageBlock(data: Self.pngHeader(width: 10_000, height: 6_000), height: 50, name: "scan")
        } throws: { error in
            (error as? LayoutError).map { $0.kind == .imageTooLarge && $0.block == "scan" && $0.reason.contains("10000×6000") } ?? false
        }
        // A JPEG whose frame header claims 9 000 × 9 000.
        var jpeg = ImageFixtures.qrJPEG
        let sof = try #require((2..<(jpeg.count - 9)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg[sof + 5] = 0x23; jpeg[sof + 6] = 0x28; jpeg[sof + 7] = 0x23; jpeg[sof + 8] = 0x28
        #expect(throws: LayoutError.self) { try ImageBlock(data: jpeg, height: 50) }
        // 50 megapixels exactly is accepted.
        #expect(try ImageBlock(data: Self.pngHeader(width: 10_000, height: 5_000), height: 50).pixelWidth == 10_000)
    }

    @Test func corruptImagesAreClearErrors() throws {
        for bytes: [UInt8] in [[], Array("GIF89a".utf8), Array(ImageFixtures.redPNG.prefix(20)), Array(ImageFixtures.qrJPEG.prefix(30))] {
            #expect {
                try ImageBlock(data: bytes, height: 10, name: "logo")
            } throws: { error in
                (error as? LayoutError).map { $0.kind == .invalidImage && $0.block == "logo" } ?? false
            }
        }
    }

    @Test func jpegIsEmbeddedAsIsInPDFs() throws {
        let layout = try BlockLayouter(typesetter: typesetter).layout(.image(ImageBlock(data: ImageFixtures.qrJPEG, width: 150, height: 150)), width: 400)
        let page = Page(size: Size(width: 300, height: 300), items: layout.frames(at: Point(x: 50, y: 50)))
        let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata())
        try writer.add(page)
        try writer.add(page)
        let pdf = try writer.finish()
        // The original JPEG bytes appear verbatim in the file, once for both pages.
        let data = Data(pdf)
        let first = try #require(data.range(of: Data(ImageFixtures.qrJPEG)))
        #expect(data.range(of: Data(ImageFixtures.qrJPEG), in: first.upperBound..<data.count) == nil)
    }

    @Test(.enabled(if: ExternalTools.zbarimg != nil, "zbarimg (zbar-tools) is not installed: JPEG raster output not checked"))
    func jpegIsDecodedForRasterOutput() throws {
        let layout = try BlockLayouter(typesetter: typesetter).layout(.image(ImageBlock(data: ImageFixtures.qrJPEG, width: 150, height: 150)), width: 400)
        let page = Page(size: Size(width: 250, height: 250), items: layout.frames(at: Point(x: 50, y: 50)))
        let text = try ExternalTools.decodeBarcodes(png: PNGRenderer(registry: typesetter.registry, dpi: 150).render(page))
        #expect(text == "FOLIO JPEG 42")
    }

    @Test func aJPEGCorruptBeyondItsHeaderIsAnOutputErrorNotACrash() throws {
        var jpeg = ImageFixtures.qrJPEG
        // Break the first Huffman table: libjpeg fails while decoding, after layout accepted the header.
        let table = try #require((2..<(jpeg.count - 30)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC4 })
        for index in (table + 5)..<(table + 21) { jpeg[index] = 0xFF }
        let layout = try BlockLayouter(typesetter: typesetter).layout(.image(ImageBlock(data: jpeg, width: 50, height: 50)), width: 100)
        let page = Page(size: Size(width: 100, height: 100), items: layout.frames(at: .zero))
        #expect {
            try PNGRenderer(registry: typesetter.registry, dpi: 72).render(page)
        } throws: { error in
            (error as? CairoError)?.operation == "decoding a JPEG image"
        }
    }
}
