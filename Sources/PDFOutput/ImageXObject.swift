import CairoOutput
import PageFrames

/// An image as a PDF image XObject: JPEG bytes embedded as they are (`DCTDecode`), PNG decoded to
/// 8-bit RGB with its alpha channel as a soft mask, both compressed.
enum ImageXObject {
    /// Writes `image` as object `number` (and its soft mask, if any). Without `allowsCMYK` (PDF/A
    /// with an sRGB output intent forbids DeviceCMYK) a CMYK JPEG is written as its decoded RGB
    /// pixels instead of its own bytes.
    static func write(_ image: PlacedImage, as number: Int, to file: PDFObjectFile, allowsCMYK: Bool = true) throws(PDFOutputError) {
        switch image.format {
        case .jpeg:
            if !allowsCMYK, let frame = JPEGFrame(image.data), frame.components == 4 {
                try writeDecoded(image, as: number, to: file)
            } else {
                try writeJPEG(image, as: number, to: file)
            }
        case .png: try writeDecoded(image, as: number, to: file)
        }
    }

    private static func writeJPEG(_ image: PlacedImage, as number: Int, to file: PDFObjectFile) throws(PDFOutputError) {
        guard let frame = JPEGFrame(image.data) else {
            throw PDFOutputError(operation: "decoding a JPEG image", reason: "no frame header (SOF) found")
        }
        _ = try decode(image)
        let colorSpace: StaticString
        switch frame.components {
        case 1: colorSpace = "/DeviceGray"
        case 3: colorSpace = "/DeviceRGB"
        case 4: colorSpace = "/DeviceCMYK"
        default: throw PDFOutputError(operation: "decoding a JPEG image", reason: "\(frame.components) colour components")
        }
        image.data.withUnsafeBytes { bytes in
            file.stream(number, data: bytes, compress: false) { pdf in
                pdf.append("/Type/XObject/Subtype/Image/Width ")
                pdf.append(frame.width)
                pdf.append("/Height ")
                pdf.append(frame.height)
                pdf.append("/ColorSpace")
                pdf.append(colorSpace)
                // Adobe's CMYK JPEGs store inverted components.
                if frame.components == 4, frame.adobeInverted { pdf.append("/Decode[1 0 1 0 1 0 1 0]") }
                pdf.append("/BitsPerComponent 8/Filter/DCTDecode")
            }
        }
    }

    /// Pixels through CairoOutput's decoders; decoding a JPEG whole also proves that a file corrupt
    /// beyond its header is an error here rather than a PDF whose image no viewer can show.
    private static func decode(_ image: PlacedImage) throws(PDFOutputError) -> DecodedImage {
        do {
            return try DecodedImage(image)
        } catch {
            throw PDFOutputError(operation: error.operation, reason: error.reason)
        }
    }

    private static func writeDecoded(_ image: PlacedImage, as number: Int, to file: PDFObjectFile) throws(PDFOutputError) {
        let pixels = try decode(image)
        var mask: Int?
        if let alpha = pixels.alpha {
            let maskNumber = file.allocate()
            alpha.withUnsafeBytes { bytes in
                file.stream(maskNumber, data: bytes) { pdf in
                    pdf.append("/Type/XObject/Subtype/Image/Width ")
                    pdf.append(pixels.width)
                    pdf.append("/Height ")
                    pdf.append(pixels.height)
                    pdf.append("/ColorSpace/DeviceGray/BitsPerComponent 8")
                }
            }
            mask = maskNumber
        }
        pixels.rgb.withUnsafeBytes { bytes in
            file.stream(number, data: bytes) { pdf in
                pdf.append("/Type/XObject/Subtype/Image/Width ")
                pdf.append(pixels.width)
                pdf.append("/Height ")
                pdf.append(pixels.height)
                pdf.append("/ColorSpace/DeviceRGB/BitsPerComponent 8")
                if let mask {
                    pdf.append("/SMask ")
                    pdf.appendReference(mask)
                }
            }
        }
    }
}

/// Size and components from a JPEG's frame header.
struct JPEGFrame {
    var width: Int
    var height: Int
    var components: Int
    var adobeInverted: Bool

    init?(_ data: [UInt8]) {
        guard data.count > 4, data[0] == 0xFF, data[1] == 0xD8 else { return nil }
        var offset = 2
        var adobe = false
        while offset + 4 <= data.count {
            guard data[offset] == 0xFF else { return nil }
            let marker = data[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                offset += 2
                continue
            }
            let length = Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            guard length >= 2, offset + 2 + length <= data.count else { return nil }
            if marker == 0xEE, length >= 7, data[offset + 4..<offset + 9].elementsEqual("Adobe".utf8) { adobe = true }
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                guard length >= 8 else { return nil }
                height = Int(data[offset + 5]) << 8 | Int(data[offset + 6])
                width = Int(data[offset + 7]) << 8 | Int(data[offset + 8])
                components = Int(data[offset + 9])
                adobeInverted = adobe
                guard width > 0, height > 0 else { return nil }
                return
            }
            offset += 2 + length
        }
        return nil
    }
}
