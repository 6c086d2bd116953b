import ImageDecoding
import Testing

/// The start-of-frame of a JPEG, read from its markers without decoding.
@Suite struct JPEGFrameTests {
    /// SOI, an APP14 "Adobe" segment, then SOF0 for a `width` × `height` image of `components`.
    func header(width: Int, height: Int, components: UInt8, adobe: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        if adobe { bytes += [0xFF, 0xEE, 0x00, 0x0E] + Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 2] }
        bytes += [0xFF, 0xC0, 0x00, 0x11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), components]
        bytes += Array(repeating: 0, count: 9)
        return bytes
    }

    @Test func sizeAndComponentsComeFromTheFrameHeader() throws {
        let frame = try JPEGFrame(parsing: header(width: 640, height: 480, components: 3))
        #expect(frame == JPEGFrame(width: 640, height: 480, components: 3, adobeInverted: false))
        #expect(try JPEGFrame(parsing: header(width: 2, height: 1, components: 4, adobe: true)).adobeInverted)
    }

    @Test func aTruncatedSegmentNamesItsByte() {
        var bytes = header(width: 640, height: 480, components: 3)
        bytes.removeLast(12)
        #expect(throws: ImageDecodingError(operation: "reading a JPEG header", reason: "truncated JPEG segment at byte 2")) {
            try JPEGFrame(parsing: bytes)
        }
        #expect(JPEGFrame(bytes) == nil)
    }
}
