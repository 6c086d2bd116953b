import PageFrames
import TextShaping

/// A set paragraph: lines with glyph runs placed relative to the paragraph's top-left corner.
public struct ParagraphLayout: Hashable, Sendable {
    public var lines: [TypesetLine]
    /// Widest line's natural width.
    public var width: Double
    public var missingGlyphs: [MissingGlyph]

    public var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }

    /// Frame items with the paragraph's top-left corner at `origin`.
    public func frames(at origin: Point) -> [FrameItem] {
        var items: [FrameItem] = []
        for line in lines { line.appendFrames(to: &items, offsetX: origin.x, offsetY: origin.y) }
        return items
    }
}

/// One line: its vertical extent and runs in visual order.
public struct TypesetLine: Hashable, Sendable {
    /// Top of the line box, from the paragraph's top.
    public var top: Double
    public var height: Double
    /// Baseline, from the paragraph's top.
    public var baseline: Double
    /// Width the line's content occupies (after justification).
    public var width: Double
    /// Runs with origins relative to the paragraph's top-left corner.
    public var runs: [GlyphRun]

    func appendFrames(to items: inout [FrameItem], offsetX: Double, offsetY: Double) {
        for var run in runs {
            run.origin.x += offsetX
            run.origin.y += offsetY
            items.append(.glyphs(run))
        }
    }

    /// The same line moved so its top is at `top`.
    public func moved(toTop newTop: Double) -> TypesetLine {
        var copy = self
        let shift = newTop - top
        copy.top = newTop
        copy.baseline += shift
        copy.runs = runs.map { run in
            var run = run
            run.origin.y += shift
            return run
        }
        return copy
    }
}
