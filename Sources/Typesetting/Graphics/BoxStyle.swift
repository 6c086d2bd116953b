import PageFrames

/// Space inside the four edges of a box.
public struct EdgeInsets: Hashable, Sendable {
    public var top: Double
    public var left: Double
    public var bottom: Double
    public var right: Double
    public init(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }
    public init(all value: Double) { self.init(top: value, left: value, bottom: value, right: value) }
    public init(vertical: Double, horizontal: Double) {
        self.init(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }
    public var horizontal: Double { left + right }
    public var vertical: Double { top + bottom }
}

/// Padding, background and border of ``Block/box(_:_:)``. A box split across pages is drawn open
/// at the cut (side borders continue, top and bottom borders only at the real ends).
public struct BoxStyle: Hashable, Sendable {
    public var padding: EdgeInsets
    public var background: Color?
    public var border: Color?
    public var borderWidth: Double
    public init(padding: EdgeInsets = EdgeInsets(), background: Color? = nil, border: Color? = nil, borderWidth: Double = 0.5) {
        self.padding = padding
        self.background = background
        self.border = border
        self.borderWidth = borderWidth
    }
}
