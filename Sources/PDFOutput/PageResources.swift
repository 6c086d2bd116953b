/// What one page's content refers to by name: fonts, images, transparency states.
struct PageResources {
    var fonts: [(name: [UInt8], object: Int)] = []
    var images: [(name: [UInt8], object: Int)] = []
    var states: [(name: [UInt8], object: Int)] = []

    mutating func use(font: EmbeddedFont) {
        if !fonts.contains(where: { $0.object == font.objectNumber }) { fonts.append((font.resourceName, font.objectNumber)) }
    }

    mutating func use(image name: [UInt8], object: Int) {
        if !images.contains(where: { $0.object == object }) { images.append((name, object)) }
    }

    mutating func use(state name: [UInt8], object: Int) {
        if !states.contains(where: { $0.object == object }) { states.append((name, object)) }
    }

    func write(to pdf: inout PDFBuffer) {
        pdf.append("<<")
        for (key, entries) in [("Font", fonts), ("XObject", images), ("ExtGState", states)] where !entries.isEmpty {
            pdf.append(UInt8(ascii: "/"))
            pdf.append(Array(key.utf8))
            pdf.append("<<")
            for entry in entries {
                pdf.append(UInt8(ascii: "/"))
                pdf.append(entry.name)
                pdf.append(UInt8(ascii: " "))
                pdf.appendReference(entry.object)
            }
            pdf.append(">>")
        }
        pdf.append(">>")
    }
}
