import Foundation

/// The sRGB ICC profile of the PDF/A output intent (ICC v2.3, class `mntr`, from Debian's
/// `icc-profiles-free`, zlib licence: ColorProfiles/README.md), compiled in so no resource file has
/// to be found at run time.
///
/// With this intent DeviceRGB and DeviceGray are allowed in a PDF/A file; DeviceCMYK is not.
enum SRGBProfile {
    /// The profile's bytes.
    static let bytes: [UInt8] = Array(Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data())

    /// Compressed once per process at the best level: every PDF/A file carries the same stream.
    static let compressed: [UInt8] = {
        guard let deflater = try? Deflater(level: 12) else { return [] }
        return bytes.withUnsafeBytes { Array(deflater.compress($0)) }
    }()

    static let outputConditionIdentifier = "sRGB IEC61966-2.1"

    /// Writes the ICC stream and the `/GTS_PDFA1` output intent; returns the intent's object number.
    static func writeOutputIntent(to file: PDFObjectFile) -> Int {
        let profile = file.allocate()
        if compressed.isEmpty {
            bytes.withUnsafeBytes { file.stream(profile, data: $0, compress: false) { pdf in pdf.append("/N 3") } }
        } else {
            file.stream(profile, compressed: compressed) { pdf in pdf.append("/N 3") }
        }
        let intent = file.allocate()
        file.object(intent) { pdf in
            pdf.append("<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier")
            pdf.appendLiteralString(Array(outputConditionIdentifier.utf8))
            pdf.append("/Info")
            pdf.appendLiteralString(Array(outputConditionIdentifier.utf8))
            pdf.append("/RegistryName(http://www.color.org)/DestOutputProfile ")
            pdf.appendReference(profile)
            pdf.append(">>")
        }
        return intent
    }
}
