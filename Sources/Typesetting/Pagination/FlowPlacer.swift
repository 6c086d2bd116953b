import PageFrames

/// A page's flow content before its header and footer are drawn.
struct PageBody {
    var number: Int
    var items: [FrameItem]
    var outline: [OutlineEntry]
    var firstMark: String?
    var lastMark: String?
}

/// Places slices on pages one unit at a time (a unit: slices joined by `.avoid`). Holds one page
/// at a time; finished pages go to `emit` at once.
///
/// Progress: a unit that does not fit moves to a fresh page; on a fresh page it is split between
/// slices; a single slice taller than a fresh page is an error naming its block.
final class FlowPlacer {
    let template: PageTemplate
    private let emit: (PageBody) throws -> Void
    private(set) var pageNumber = 0
    private var body = Rect(x: 0, y: 0, width: 0, height: 0)
    private var cursor = 0.0
    private var items: [FrameItem] = []
    private var outline: [OutlineEntry] = []
    private var firstMark: String?
    private var lastMark: String?
    private var carriedMark: String?
    /// Flow slices with height placed on this page (hook content such as repeated headers excluded).
    private var placedOnPage = 0
    private var pending: [LayoutSlice] = []
    private var breakPending = false
    /// The next table to flow, armed before its first slice arrives.
    var upcomingTable: TableFlow?
    private var activeTable: TableFlow?

    init(template: PageTemplate, emit: @escaping (PageBody) throws -> Void) throws {
        self.template = template
        self.emit = emit
        try startPage()
    }

    /// Width of the body on the current page.
    var bodyWidth: Double { body.width }

    /// Left edge of the body on the current page.
    var bodyLeft: Double { body.minX }

    /// Top of the last slice placed, in page coordinates.
    private(set) var lastPlacedTop = 0.0

    /// Slices placed at the top of every new page until ``endRegion()`` (a form's continuation header).
    private var continuationHeader: [LayoutSlice] = []

    /// Flows into `area` of the current page, then into the template body of following pages, each
    /// headed by `header`. Pending slices are placed first.
    func beginRegion(_ area: Rect, continuationHeader header: [LayoutSlice]) throws {
        try flush()
        body = area
        cursor = area.minY
        placedOnPage = 0
        continuationHeader = header
    }

    /// Back to the page body; on the page where the region began, below it.
    func endRegion(resumingBelow bottom: Double?) throws {
        try flush()
        continuationHeader = []
        let page = template.body(ofPage: pageNumber)
        if let bottom { cursor = max(cursor, bottom) }
        body = page
    }

    /// Whether the last slice added asked to stay with the next one.
    var isHoldingUnit: Bool { !pending.isEmpty }

    func add(_ slices: [LayoutSlice]) throws {
        for slice in slices {
            pending.append(slice)
            if slice.breakAfter != .avoid { try flush() }
        }
    }

    /// Places what is pending and emits the last page.
    func finish() throws -> Int {
        try flush()
        try finishPage()
        return pageNumber
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        var unit = pending
        pending = []
        let forced = unit.last?.breakAfter == .forced
        if breakPending {
            try finishPage()
            try startPage()
        }
        try place(&unit)
        if forced { breakPending = true }
    }

    private func reservation(for unit: [LayoutSlice]) -> Double {
        let table = activeTable ?? (unit.contains { $0.events.contains(.tableStart) } ? upcomingTable : nil)
        guard let table, !unit.contains(where: { $0.events.contains(.tableEnd) }) else { return 0 }
        return table.carriedReserve
    }

    private var remaining: Double { body.maxY - cursor }

    /// Room for flow on the next page: its body less the repeated table header and brought-forward
    /// row. A unit taller than this is split from where it stands rather than moved.
    private var freshPageCapacity: Double {
        var capacity = template.body(ofPage: pageNumber + 1).height - continuationHeader.reduce(0) { $0 + $1.height }
        if let table = activeTable {
            capacity -= table.header.reduce(0) { $0 + $1.height } + (table.subtotals == nil ? 0 : table.carriedReserve)
        }
        return capacity
    }

    private func place(_ unit: inout [LayoutSlice]) throws {
        while true {
            if placedOnPage == 0 {
                while let first = unit.first, first.discardableAtPageTop { unit.removeFirst() }
            }
            let height = unit.reduce(0) { $0 + $1.height }
            if height + reservation(for: unit) <= remaining + BlockLayout.tolerance {
                for slice in unit { try placeSlice(slice) }
                return
            }
            if placedOnPage > 0, height + reservation(for: unit) <= freshPageCapacity + BlockLayout.tolerance {
                try finishPage()
                try startPage()
                continue
            }
            // Taller than a fresh page: split between slices, page after page, from here if at
            // least its lead (a table's header with the first line of its first row) fits.
            if placedOnPage > 0, leadHeight(of: unit) + reservation(for: unit) > remaining + BlockLayout.tolerance {
                try finishPage()
                try startPage()
            }
            var index = 0
            while index < unit.count {
                let slice = unit[index]
                let rest = unit[index...]
                let restFits = rest.reduce(0) { $0 + $1.height } <= remaining + BlockLayout.tolerance
                let reserve = restFits ? 0 : (activeTable ?? upcomingTable)?.carriedReserve ?? 0
                if slice.height + reserve <= remaining + BlockLayout.tolerance {
                    try placeSlice(slice)
                    index += 1
                } else if placedOnPage > 0 {
                    try finishPage()
                    try startPage()
                } else {
                    throw LayoutError(
                        .doesNotFit, block: slice.owner,
                        reason: "a \(Self.points(slice.height)) pt high part does not fit on an empty page (\(Self.points(remaining - reserve)) pt available)")
                }
            }
            return
        }
    }

    /// What must not be left alone at the foot of a page: the first slice, or for a table its
    /// header down to the first slice of its first row.
    private func leadHeight(of unit: [LayoutSlice]) -> Double {
        var end = 0
        if unit.contains(where: { $0.events.contains(.tableStart) }) {
            end = unit.firstIndex { slice in slice.events.contains { if case .tableRow = $0 { true } else { false } } } ?? unit.count - 1
        }
        while end < unit.count - 1, unit[end].height == 0 { end += 1 }
        return unit[...end].reduce(0) { $0 + $1.height }
    }

    private func placeSlice(_ slice: LayoutSlice, countsAsFlow: Bool = true) throws {
        lastPlacedTop = cursor
        items.append(contentsOf: slice.items, dx: body.minX, dy: cursor)
        for var entry in slice.outline {
            entry.y += cursor
            outline.append(entry)
        }
        for event in slice.events {
            switch event {
            case .tableStart:
                activeTable = upcomingTable
                upcomingTable = nil
            case .tableRow(let index): activeTable?.rowPlaced(index)
            case .tableEnd: activeTable = nil
            case .mark(let text):
                if firstMark == nil { firstMark = text }
                lastMark = text
            }
        }
        cursor += slice.height
        if countsAsFlow, slice.height > 0 { placedOnPage += 1 }
    }

    private func startPage() throws {
        pageNumber += 1
        body = template.body(ofPage: pageNumber)
        cursor = body.minY
        items = []
        outline = []
        firstMark = nil
        lastMark = nil
        placedOnPage = 0
        breakPending = false
        // What repeats on every page is said once: the continuation header and the repeated
        // table header are pagination artifacts here, tagged only where they first appear.
        for var slice in continuationHeader {
            slice.enclose(in: .beginArtifact(.pagination(.header)))
            try placeSlice(slice, countsAsFlow: false)
        }
        if let table = activeTable {
            for var slice in table.header {
                slice.enclose(in: .beginArtifact(.pagination(.header)))
                try placeSlice(slice, countsAsFlow: false)
            }
            for slice in try table.subtotalSlices(label: \.broughtForwardLabel) { try placeSlice(slice, countsAsFlow: false) }
        }
    }

    private func finishPage() throws {
        if let table = activeTable {
            let carried = try table.subtotalSlices(label: \.carriedOutLabel)
            let height = carried.reduce(0) { $0 + $1.height }
            guard height <= remaining + BlockLayout.tolerance else {
                throw LayoutError(.doesNotFit, block: table.layouter.owner, reason: "the carried-subtotal row grew taller than the room kept for it")
            }
            for slice in carried { try placeSlice(slice, countsAsFlow: false) }
        }
        let first = firstMark ?? carriedMark
        let last = lastMark ?? carriedMark
        carriedMark = last
        try emit(PageBody(number: pageNumber, items: items, outline: outline, firstMark: first, lastMark: last))
        items = []
        outline = []
    }

    private static func points(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
