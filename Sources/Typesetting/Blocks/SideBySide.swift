/// Merges columns of slices set side by side into one sequence of slices.
///
/// A page may only end where no column has a line crossing the cut: at heights that are slice
/// boundaries in every column that is still running. Each merged slice holds the column slices
/// between two such cuts.
enum SideBySide {
    struct Lane {
        var x: Double
        var slices: [LayoutSlice]
    }

    /// `inner` is the break rule between merged slices (tables use `.avoid`: a row moves whole to
    /// the next page unless taller than a page). The last slice gets `.allowed`.
    static func merge(_ lanes: [Lane], inner: BreakRule, owner: String) -> [LayoutSlice] {
        if let single = mergeSingleSlices(lanes, owner: owner) { return [single] }
        let totals = lanes.map { $0.slices.reduce(0) { $0 + $1.height } }
        let total = totals.max() ?? 0
        // Boundaries after each slice, per lane.
        var boundaries: [[Double]] = []
        boundaries.reserveCapacity(lanes.count)
        for lane in lanes {
            var y = 0.0
            var lanePoints: [Double] = []
            lanePoints.reserveCapacity(lane.slices.count)
            for slice in lane.slices {
                y += slice.height
                lanePoints.append(y)
            }
            boundaries.append(lanePoints)
        }
        let epsilon = 1e-6
        var cuts: [Double] = []
        if lanes.count == 1 {
            cuts = boundaries[0]
        } else {
            var candidates = boundaries.flatMap { $0 }.filter { $0 < total - epsilon }
            candidates.sort()
            for candidate in candidates where cuts.last.map({ candidate - $0 > epsilon }) ?? true {
                var valid = true
                for (laneIndex, points) in boundaries.enumerated() where totals[laneIndex] > candidate + epsilon {
                    if !points.contains(where: { abs($0 - candidate) <= epsilon }) {
                        valid = false
                        break
                    }
                }
                if valid { cuts.append(candidate) }
            }
            cuts.append(total)
        }
        if cuts.isEmpty || cuts.last! < total - epsilon { cuts.append(total) }

        var merged: [LayoutSlice] = []
        merged.reserveCapacity(cuts.count)
        var cursors = [Int](repeating: 0, count: lanes.count)
        var laneTops = [Double](repeating: 0, count: lanes.count)
        var previousCut = 0.0
        for (cutIndex, cut) in cuts.enumerated() {
            var slice = LayoutSlice(height: cut - previousCut, breakAfter: cutIndex == cuts.count - 1 ? .allowed : inner, owner: owner)
            var avoid = false
            for (laneIndex, lane) in lanes.enumerated() {
                while cursors[laneIndex] < lane.slices.count, laneTops[laneIndex] < cut - epsilon {
                    let part = lane.slices[cursors[laneIndex]]
                    let dy = laneTops[laneIndex] - previousCut
                    slice.items.append(contentsOf: part.items, dx: lane.x, dy: dy)
                    for var entry in part.outline {
                        entry.y += dy
                        slice.outline.append(entry)
                    }
                    slice.events += part.events
                    laneTops[laneIndex] += part.height
                    cursors[laneIndex] += 1
                    if laneTops[laneIndex] >= cut - epsilon, part.breakAfter == .avoid, cursors[laneIndex] < lane.slices.count { avoid = true }
                }
            }
            if avoid, slice.breakAfter == .allowed { slice.breakAfter = .avoid }
            merged.append(slice)
            previousCut = cut
        }
        if lanes.count == 1, inner == .allowed, merged.count == lanes[0].slices.count {
            // One lane: keep its own break rules and flags.
            for index in merged.indices {
                merged[index].breakAfter = lanes[0].slices[index].breakAfter
                merged[index].discardableAtPageTop = lanes[0].slices[index].discardableAtPageTop
            }
        }
        return merged
    }

    /// The common table row: several lanes of one slice each (one-line cells). The only cut is the
    /// tallest lane's height, so the general merge gives one slice holding every lane's slice at
    /// its top, ending in an allowed break; this is that slice, without the cut search.
    private static func mergeSingleSlices(_ lanes: [Lane], owner: String) -> LayoutSlice? {
        guard lanes.count > 1 else { return nil }
        var total = 0.0
        var itemCount = 0
        for lane in lanes {
            guard lane.slices.count == 1 else { return nil }
            total = max(total, lane.slices[0].height)
            itemCount += lane.slices[0].items.count
        }
        guard total > 1e-6 else { return nil }
        var slice = LayoutSlice(height: total - 0.0, breakAfter: .allowed, owner: owner)
        slice.items.reserveCapacity(itemCount + LayoutSlice.enclosureRoom)
        for lane in lanes {
            let part = lane.slices[0]
            slice.items.append(contentsOf: part.items, dx: lane.x, dy: 0)
            for var entry in part.outline {
                entry.y += 0.0
                slice.outline.append(entry)
            }
            slice.events += part.events
        }
        return slice
    }
}
