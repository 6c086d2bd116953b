import FolioTestSupport
import Foundation
import Testing
@testable import Folio

/// A whole document through decoding, layout, line breaking and the PDF writer, with notes in
/// every script the bundled fonts cover and emoji sequences: no missing-glyph warning, every note
/// extracted as written.
@Suite struct MultiScriptDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Emoji sequences of each kind, flags included (libunibreak 1.1 aborted on regional indicators;
    /// ICU breaks them as pairs).
    static let emojiNote = "Emoji: 😀 👍🏽 👨‍👩‍👧‍👦 1️⃣ ❤️ 🫠 🧑🏿‍🤝‍🧑🏻 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🇫🇷 🇺🇸 🇯🇵"

    @Test func notesInEveryScriptAndEmojiRenderAndExtract() throws {
        let input = Self.repository.appendingPathComponent("Samples/invoice-delivery-fr/input.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: input)) as! [String: Any]
        let notes = ScriptSamples.all.map(\.text) + [Self.emojiNote]
        json["notes"] = notes
        let decoded = try FolioRenderer.decode(try JSONSerialization.data(withJSONObject: json))
        let result = try FolioRenderer.renderPDF(decoded, options: RenderOptions())
        #expect(result.warnings.filter { $0.message.contains("no bundled font") }.isEmpty, "\(result.warnings)")
        let marks: Set<Unicode.Scalar> = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}"]
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: try ExternalTool.pdfText(result.pdf).unicodeScalars.filter { !marks.contains($0) })
        let text = ExternalTool.foldingWhitespace(String(scalars))
        for note in notes {
            #expect(text.contains(ExternalTool.foldingWhitespace(note)), "“\(note)” not in the PDF text")
        }
    }
}
