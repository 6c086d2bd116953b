import PageFrames
import Typesetting

/// Text of a page as lines: glyph runs grouped by baseline, sorted left to right, cells joined by " | ".
func lines(of page: Page) -> [String] {
    var byBaseline: [Int: [(x: Double, text: String)]] = [:]
    for item in page.items {
        guard case .glyphs(let run) = item else { continue }
        byBaseline[Int((run.origin.y * 10).rounded()), default: []].append((run.origin.x, run.text))
    }
    return byBaseline.keys.sorted().map { key in
        byBaseline[key]!.sorted { $0.x < $1.x }.map(\.text).joined(separator: " | ")
    }
}

/// Baselines (y) of the runs whose text is `text`.
func baselines(of text: String, in page: Page) -> [Double] {
    page.items.compactMap { item in
        guard case .glyphs(let run) = item, run.text == text else { return nil }
        return run.origin.y
    }
}

/// The formatted amount for `cents`, like "1234,56".
func formatCents(_ cents: Int) -> String {
    let fraction = cents % 100
    return "\(cents / 100),\(fraction < 10 ? "0" : "")\(fraction)"
}

func parseCents(_ text: String) -> Int? {
    let parts = text.split(separator: ",")
    guard parts.count == 2, let units = Int(parts[0]), let fraction = Int(parts[1]) else { return nil }
    return units * 100 + fraction
}
