import Folio
import Foundation
import Testing

/// Any text a customer can type renders: every assigned code point of Unicode 15 (but controls,
/// surrogates and private use, which the decoder or Unicode rule out) placed in invoice notes
/// ends in a qpdf-clean PDF, with warnings for characters no bundled font has — never a crash.
@Suite struct EveryCodePointTests {
    static let chunkLength = 400
    static let scalarsPerDocument = 20_000

    /// Assigned code points of Unicode ≤ 15.0 that a text field may hold.
    static let sweep: [Unicode.Scalar] = {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0x20)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            guard let age = properties.age, age.major < 15 || (age.major == 15 && age.minor == 0) else { continue }
            switch properties.generalCategory {
            case .control, .surrogate, .privateUse, .unassigned: continue
            default: scalars.append(scalar)
            }
        }
        return scalars
    }()

    @Test func theSweepCoversUnicode15() {
        // 149,186 with the standard library's Unicode data: every graphic, format and separator
        // code point of Unicode 15.0 (controls, surrogates and private use left out).
        #expect(Self.sweep.count > 140_000, "\(Self.sweep.count) code points")
        #expect(Self.sweep.contains("\u{1FAF8}"))  // RIGHTWARDS PUSHING HAND, new in 15.0
    }

    static let documentCount = (sweep.count + scalarsPerDocument - 1) / scalarsPerDocument

    @Test(arguments: 0..<documentCount)
    func everyCodePointRendersOrWarns(document index: Int) throws {
        let scalars = Self.sweep[(index * Self.scalarsPerDocument)..<min(Self.sweep.count, (index + 1) * Self.scalarsPerDocument)]
        var notes: [String] = []
        var start = scalars.startIndex
        while start < scalars.endIndex {
            let end = min(scalars.endIndex, start + Self.chunkLength)
            var note = String(String.UnicodeScalarView(scalars[start..<end]))
            // A note may not be only white space; a letter in front keeps each chunk printable.
            note = "N" + note
            notes.append(note)
            start = end
        }
        let json = HostileDocuments.invoice(extraMembers: #","notes":"# + Self.jsonArray(notes))
        let result = try FolioRenderer.renderPDF(json: json)
        #expect(result.pageCount >= 1)
        try PDFChecks.expectValid(result.pdf, containing: ["N"], name: "code points from U+\(String(scalars.first!.value, radix: 16, uppercase: true))")
    }

    static func jsonArray(_ strings: [String]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: strings, options: [.withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
