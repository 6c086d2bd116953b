/// The sRGB ICC profile of the PDF/A output intent (ICC v2.3, class `mntr`, from Debian's
/// `icc-profiles-free`, zlib licence: ColorProfiles/README.md), compiled in — already compressed,
/// see `SRGBProfile+Data.swift` — so no resource file has to be found and no process decodes or
/// compresses it.
///
/// With this intent DeviceRGB and DeviceGray are allowed in a PDF/A file; DeviceCMYK is not.
enum SRGBProfile {
    static let outputConditionIdentifier = "sRGB IEC61966-2.1"

    /// Writes the ICC stream and the `/GTS_PDFA1` output intent; returns the intent's object number.
    static func writeOutputIntent(to file: PDFObjectFile) -> Int {
        let profile = file.allocate()
        file.stream(profile, compressed: compressed) { pdf in pdf.append("/N 3") }
        let intent = file.allocate()
        file.object(intent) { pdf in
            pdf.append("<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)")
            pdf.append("/Info(sRGB IEC61966-2.1)/RegistryName(http://www.color.org)/DestOutputProfile ")
            pdf.appendReference(profile)
            pdf.append(">>")
        }
        return intent
    }
}
