import CairoOutput
import Foundation
import PageFrames
import Testing
import TextShaping
import Typesetting
@testable import Folio

@Test func writeSpecimenForInspection() throws {
    let typesetter = try Typesetter.bundled()
    let (page, missing) = Specimen.page(typesetter: typesetter)
    let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Specimen"))
    try writer.add(page)
    let bytes = try writer.finish()
    try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/specimen.pdf"))
    let png = try PNGRenderer(registry: typesetter.registry, dpi: 80).render(page)
    try Data(png).write(to: URL(fileURLWithPath: "/tmp/specimen.png"))
    #expect(missing.isEmpty)
}
