import Foundation

/// Text in each script the bundled fonts must draw, and the real list of RGI emoji sequences:
/// shared by the shaping tests and the PDF extraction tests.
public enum ScriptSamples {
    public struct Sample: Sendable, CustomStringConvertible {
        public var script: String
        public var text: String
        /// The family that must draw its letters and marks.
        public var family: String
        public var description: String { script }
    }

    /// Invoice wording in each script (letters of the script, its punctuation and digits).
    public static let all: [Sample] = [
        Sample(script: "Thai", text: "ใบแจ้งหนี้ค่าขนส่งสินค้า เลขที่ ๑๒๓", family: "Noto Sans Thai"),
        Sample(script: "Devanagari", text: "चालान संख्या और भुगतान की तिथि", family: "Noto Sans Devanagari"),
        Sample(script: "Chinese (Simplified)", text: "发票号码：运费合计，请按时付款。", family: "Droid Sans Fallback"),
        Sample(script: "Chinese (Traditional)", text: "發票號碼：運費總計，請準時繳費。", family: "Droid Sans Fallback"),
        Sample(script: "Japanese", text: "請求書番号：配送料金のお支払いについて", family: "Droid Sans Fallback"),
        Sample(script: "Korean", text: "송장 번호: 배송비 합계를 납부해 주십시오", family: "Droid Sans Fallback"),
        Sample(script: "Greek", text: "Τιμολόγιο μεταφοράς, σύνολο πληρωμής", family: "Noto Sans"),
        Sample(script: "Cyrillic", text: "Счёт-фактура за доставку, итого к оплате", family: "Noto Sans"),
        Sample(script: "Arabic", text: "فاتورة الشحن والمبلغ الإجمالي", family: "Noto Sans Arabic"),
        Sample(script: "Hebrew", text: "חשבונית משלוח וסכום לתשלום", family: "Noto Sans Hebrew"),
    ]

    /// One RGI emoji sequence of the list, with the Emoji version and name given there.
    public struct Emoji: Sendable, CustomStringConvertible {
        public var text: String
        public var scalars: [Unicode.Scalar]
        public var comment: String
        public var description: String { comment }
    }

    /// The 3,655 fully-qualified RGI emoji sequences of Emoji 15.0 (Tests/TextShapingTests/Fixtures/
    /// emoji-rgi-15.0.txt, made by make-emoji-list.py from the PyPI `emoji` package's data).
    public static func rgiEmoji() throws -> [Emoji] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TextShapingTests/Fixtures/emoji-rgi-15.0.txt").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: "#", maxSplits: 1)
            let scalars = parts[0].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return Emoji(text: String(view), scalars: scalars, comment: parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
        }
    }
}
