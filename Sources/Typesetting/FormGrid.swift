import PageFrames

/// Boxes on an absolute grid (official forms).
public struct FormGrid: Sendable {
    public var size: Size
    public init(size: Size) { self.size = size }
    func layout(width: Double, owner: String, layouter: BlockLayouter) throws -> BlockLayout {
        BlockLayout(width: size.width, slices: [LayoutSlice(height: size.height, owner: owner)])
    }
}
