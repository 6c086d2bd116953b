import PageFrames

/// The state of a top-level table while its rows flow: repeated header, running subtotal.
final class TableFlow {
    let layouter: TableLayouter
    let header: [LayoutSlice]
    let subtotals: CarriedSubtotals?
    /// Height kept free at the foot of each page for the carried-out row.
    let carriedReserve: Double
    var total: (any Sendable)?
    /// Rows laid out and handed to the placer but not yet placed (at most a few).
    var inFlight: [Int: TableRow] = [:]
    /// Carried-out and brought-forward rows made so far: each is its own row in the structure tree.
    private var subtotalRowsMade = 0

    init(layouter: TableLayouter) throws {
        self.layouter = layouter
        header = try layouter.headerSlices()
        subtotals = layouter.table.subtotals
        total = subtotals?.zero
        if let subtotals {
            let probe = subtotals.row(label: subtotals.carriedOutLabel, total: subtotals.zero, columnCount: layouter.table.columns.count)
            carriedReserve = try layouter.rowSlices(probe, kind: .subtotal(serial: 0)).reduce(0) { $0 + $1.height }
        } else {
            carriedReserve = 0
        }
    }

    func rowPlaced(_ index: Int) {
        guard let row = inFlight.removeValue(forKey: index), let subtotals, let total else { return }
        self.total = subtotals.add(total, row)
    }

    func subtotalSlices(label: KeyPath<CarriedSubtotals, String>) throws -> [LayoutSlice] {
        guard let subtotals, let total else { return [] }
        let row = subtotals.row(label: subtotals[keyPath: label], total: total, columnCount: layouter.table.columns.count)
        subtotalRowsMade += 1
        return try layouter.rowSlices(row, kind: .subtotal(serial: subtotalRowsMade))
    }
}
