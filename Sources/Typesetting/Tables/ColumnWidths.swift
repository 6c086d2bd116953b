/// Resolves ``ColumnWidth`` specs to points; shared by side-by-side blocks and tables.
enum ColumnWidths {
    /// Fixed columns get their width, content-sized ones their natural width, fractions share what
    /// is left. When fixed + natural widths exceed `available`, content-sized columns shrink
    /// proportionally (their text then wraps; it is never clipped). With unlimited `available`
    /// (measuring) fractions take their natural width.
    /// Fixed columns (and gaps) wider than `available` are an error naming `owner`: the content
    /// would run off the page.
    static func resolve(_ specs: [ColumnWidth], available: Double, gap: Double, owner: String, natural: (Int) throws -> Double) throws -> [Double] {
        var widths = [Double](repeating: 0, count: specs.count)
        let usable = available - gap * Double(max(0, specs.count - 1))
        var fixedTotal = 0.0
        var autoTotal = 0.0
        var fractionTotal = 0.0
        for (index, spec) in specs.enumerated() {
            switch spec {
            case .fixed(let width):
                widths[index] = width
                fixedTotal += width
            case .auto:
                widths[index] = try natural(index)
                autoTotal += widths[index]
            case .fraction(let share):
                if available == .infinity { widths[index] = try natural(index) }
                fractionTotal += max(0, share)
            }
        }
        guard available != .infinity else { return widths }
        guard fixedTotal <= usable + BlockLayout.tolerance else {
            throw LayoutError(
                .doesNotFit, block: owner,
                reason: "fixed columns and gaps need \(Int((fixedTotal + available - usable).rounded(.up))) pt; \(Int(available)) pt available")
        }
        let room = max(0, usable - fixedTotal)
        if autoTotal > room, autoTotal > 0 {
            let factor = room / autoTotal
            for (index, spec) in specs.enumerated() where spec == .auto { widths[index] *= factor }
            autoTotal = room
        }
        let left = max(0, room - autoTotal)
        for (index, spec) in specs.enumerated() {
            if case .fraction(let share) = spec { widths[index] = fractionTotal > 0 ? left * max(0, share) / fractionTotal : 0 }
        }
        return widths
    }

    /// Left edges of columns of `widths`, mirrored (first column on the right) for right-to-left.
    static func offsets(_ widths: [Double], gap: Double, total: Double, rightToLeft: Bool) -> [Double] {
        var x = 0.0
        var offsets: [Double] = []
        offsets.reserveCapacity(widths.count)
        for width in widths {
            offsets.append(rightToLeft ? total - x - width : x)
            x += width + gap
        }
        return offsets
    }
}
