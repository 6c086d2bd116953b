import Foundation

/// An instant (seconds since 1970 UTC) in the two date syntaxes a PDF/A file must agree on: PDF
/// date strings (Info dictionary, `/Params /ModDate`) and XMP dates. Always UTC, with the offset
/// spelled out in both, since a validator compares them as instants and some read a missing or
/// `Z` offset as "local time".
///
/// ```swift
/// PDFDate.pdf(946_684_800)   // "D:20000101000000+00'00'"
/// PDFDate.xmp(946_684_800)   // "2000-01-01T00:00:00+00:00"
/// ```
enum PDFDate {
    /// `D:YYYYMMDDHHmmSS+00'00'`.
    static func pdf(_ seconds: Int64) -> String {
        let parts = fields(seconds)
        return "D:" + parts.year + parts.month + parts.day + parts.hour + parts.minute + parts.second + "+00'00'"
    }

    /// `D:YYYYMMDDHHmmSSZ`, the plain PDF's form.
    static func pdfUTC(_ seconds: Int64) -> String {
        let parts = fields(seconds)
        return "D:" + parts.year + parts.month + parts.day + parts.hour + parts.minute + parts.second + "Z"
    }

    /// `YYYY-MM-DDTHH:mm:SS+00:00`.
    static func xmp(_ seconds: Int64) -> String {
        let parts = fields(seconds)
        return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute + ":" + parts.second + "+00:00"
    }

    private static func fields(_ seconds: Int64) -> (year: String, month: String, day: String, hour: String, minute: String, second: String) {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func digits(_ value: Int32, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return (
            digits(parts.tm_year + 1900, 4), digits(parts.tm_mon + 1, 2), digits(parts.tm_mday, 2), digits(parts.tm_hour, 2),
            digits(parts.tm_min, 2), digits(parts.tm_sec, 2)
        )
    }
}
