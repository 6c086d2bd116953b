import PageFrames

/// A laid-out block: a vertical sequence of slices, not yet placed on a page.
///
/// Measuring a block is laying it out (`width: .infinity` for its natural width); splitting it
/// across pages returns the part that fits and the remainder as values, without laying out again.
///
/// ```swift
/// let layout = try BlockLayouter(typesetter: typesetter).layout(block, width: 400)
/// let (head, rest) = layout.split(fittingHeight: 120)
/// ```
public struct BlockLayout: Sendable {
    /// Natural width of the content (the widest line), not the width it was set in.
    public var width: Double
    public var slices: [LayoutSlice]

    public init(width: Double, slices: [LayoutSlice]) {
        self.width = width
        self.slices = slices
    }

    public var height: Double { slices.reduce(0) { $0 + $1.height } }

    /// The longest prefix ending at an allowed break that fits `height`, and the rest (nil when
    /// everything fits). When no allowed break fits, the head is empty: the caller decides whether
    /// to move on to a fresh page or split by force with ``splitAnywhere(fittingHeight:)``.
    public func split(fittingHeight height: Double) -> (head: BlockLayout, remainder: BlockLayout?) {
        divided(at: cut(fitting: height, honouringAvoid: true))
    }

    /// Like ``split(fittingHeight:)`` but ignoring `.avoid`: for content taller than an empty page.
    public func splitAnywhere(fittingHeight height: Double) -> (head: BlockLayout, remainder: BlockLayout?) {
        divided(at: cut(fitting: height, honouringAvoid: false))
    }

    /// Number of leading slices that fit `height` and end at a permitted break.
    private func cut(fitting height: Double, honouringAvoid: Bool) -> Int {
        var used = 0.0
        var cut = 0
        for (index, slice) in slices.enumerated() {
            used += slice.height
            if used > height + Self.tolerance { break }
            if !honouringAvoid || slice.breakAfter != .avoid || index == slices.count - 1 { cut = index + 1 }
            if slice.breakAfter == .forced { break }
        }
        return cut
    }

    private func divided(at cut: Int) -> (head: BlockLayout, remainder: BlockLayout?) {
        let head = BlockLayout(width: width, slices: Array(slices[..<cut]))
        return (head, cut < slices.count ? BlockLayout(width: width, slices: Array(slices[cut...])) : nil)
    }

    /// Frame items with the block's top-left corner at `origin`.
    public func frames(at origin: Point) -> [FrameItem] {
        var items: [FrameItem] = []
        var y = origin.y
        for slice in slices {
            items.append(contentsOf: slice.items, dx: origin.x, dy: y)
            y += slice.height
        }
        return items
    }

    /// Heights are sums of doubles; comparisons allow for rounding.
    static let tolerance = 1e-6
}
