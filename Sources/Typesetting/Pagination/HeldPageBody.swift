import PageFrames

/// A laid-out page body the paginator holds until it knows the page count.
///
/// Held as it was laid out while the document is short; packed (``PackedFrameItems``) once the
/// paginator holds more than ``Paginator/unpackedPageLimit`` pages. A 1,000-shipment invoice holds
/// its 44 pages at once, and as values their items were a quarter of the render's heap; packing and
/// unpacking cost about 5 % of its layout, which an invoice of a few pages does not pay.
enum HeldPageBody {
    case laidOut(PageBody)
    case packed(number: Int, items: PackedFrameItems, outline: [OutlineEntry], firstMark: String?, lastMark: String?)

    /// The body as it was laid out.
    var body: PageBody {
        switch self {
        case .laidOut(let body):
            body
        case .packed(let number, let items, let outline, let firstMark, let lastMark):
            PageBody(number: number, items: items.items, outline: outline, firstMark: firstMark, lastMark: lastMark)
        }
    }

    mutating func pack() {
        guard case .laidOut(let body) = self else { return }
        self = .packed(
            number: body.number, items: PackedFrameItems(body.items), outline: body.outline, firstMark: body.firstMark,
            lastMark: body.lastMark)
    }
}
