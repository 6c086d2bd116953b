import ImageDecoding
import FolioTestSupport
import PageFrames
import Testing

/// Pixels for PDF images: straight colour beside an alpha channel, opaque images without one.
@Suite struct DecodedImageTests {
    func placed(_ png: [UInt8], width: Int, height: Int) -> PlacedImage {
        PlacedImage(rect: Rect(x: 0, y: 0, width: 10, height: 10), format: .png, data: png, pixelWidth: width, pixelHeight: height)
    }

    @Test func translucentPixelsKeepTheirStraightColour() throws {
        // Opaque red, half-transparent green, fully transparent blue, opaque white.
        let png = TinyPNG.rgba(width: 2, height: 2, pixels: [255, 0, 0, 255, 0, 200, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255])
        let image = try DecodedImage(placed(png, width: 2, height: 2))
        #expect(image.width == 2 && image.height == 2)
        #expect(image.alpha == [255, 128, 0, 255])
        #expect(Array(image.rgb[0..<3]) == [255, 0, 0])
        // libpng gives straight colour: no premultiplied round trip, the green comes back exactly.
        #expect(Array(image.rgb[3..<6]) == [0, 200, 0])
        #expect(Array(image.rgb[9..<12]) == [255, 255, 255])
    }

    @Test func anOpaqueImageHasNoAlphaChannel() throws {
        let png = TinyPNG.rgba(width: 1, height: 2, pixels: [10, 20, 30, 255, 40, 50, 60, 255])
        let image = try DecodedImage(placed(png, width: 1, height: 2))
        #expect(image.alpha == nil)
        #expect(image.rgb == [10, 20, 30, 40, 50, 60])
    }

    @Test func aTruncatedPNGIsAnErrorNamingTheFormat() {
        let png = Array(TinyPNG.rgba(width: 1, height: 1, pixels: [0, 0, 0, 255]).prefix(30))
        #expect {
            try DecodedImage(placed(png, width: 1, height: 1))
        } throws: { error in
            (error as? ImageDecodingError)?.operation == "decoding a PNG image"
        }
    }
}
