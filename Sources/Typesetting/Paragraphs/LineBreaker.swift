/// The box/glue/penalty model of Knuth and Plass ("Breaking Paragraphs into Lines", 1981).
struct BreakItem {
    enum Kind { case box, glue, penalty }
    var kind: Kind
    var width: Double
    var stretch: Double = 0
    var shrink: Double = 0
    var penalty: Double = 0
    var flagged = false
    /// A discretionary hyphen: breaking here draws a hyphen (the penalty's width) at the line end.
    var hyphenates = false
    /// UTF-8 byte range the item covers in the paragraph.
    var start: Int
    var end: Int

    static let forced = -Double.infinity
}

/// A chosen line: items `first..<breakIndex`, with its adjustment ratio.
struct ChosenLine {
    var first: Int
    var breakIndex: Int
    var ratio: Double
}

/// Chooses line breaks over box/glue/penalty items, by total fit or first fit.
struct LineBreaker {
    let items: [BreakItem]
    let firstLineWidth: Double
    let lineWidth: Double
    /// Ragged (non-justified) setting: interword glue neither stretches nor shrinks; each line instead
    /// gets this much virtual stretch, so total fit balances ragged edges.
    let raggedStretch: Double?
    let tolerance: Double

    private static let linePenalty = 10.0
    private static let flaggedDemerits = 3000.0
    private static let fitnessDemerits = 100.0

    func width(ofLine line: Int) -> Double { line == 0 ? firstLineWidth : lineWidth }

    // MARK: total fit

    private struct Node {
        var position: Int  // index of the break item; -1 for the paragraph start
        var line: Int
        var fitness: Int
        var width: Double  // sums after the break (breaks discard glue/penalty at the break)
        var stretch: Double
        var shrink: Double
        var demerits: Double
        var previous: Int?  // index into `nodes`
    }

    /// The cheapest way found so far to end a line at the current break, one per fitness class
    /// (tight, decent, loose, very loose): lines after the first all have the same width, so only
    /// the best node of each class can lead to the best paragraph. Inline storage, no allocation.
    private struct BestPerFitness {
        private var demerits = InlineArray<4, Double>(repeating: .infinity)
        private var nodes = InlineArray<4, Int>(repeating: -1)

        /// Keeps `node` for `fitness` unless an earlier node was at least as cheap.
        mutating func offer(_ node: Int, demerits total: Double, fitness: Int) {
            if nodes[fitness] < 0 || total < demerits[fitness] {
                demerits[fitness] = total
                nodes[fitness] = node
            }
        }

        var isEmpty: Bool { nodes[0] < 0 && nodes[1] < 0 && nodes[2] < 0 && nodes[3] < 0 }

        /// The kept node and its total demerits for `fitness`, if any.
        func candidate(_ fitness: Int) -> (node: Int, demerits: Double)? {
            nodes[fitness] < 0 ? nil : (nodes[fitness], demerits[fitness])
        }
    }

    /// Fitness class of a line with adjustment `ratio`: 0 tight, 1 decent, 2 loose, 3 very loose.
    private static func fitness(of ratio: Double) -> Int {
        ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
    }

    /// Demerits of a line from `node` ending at `item` with adjustment `ratio` (Knuth and Plass, eq. 3,
    /// plus the flagged and fitness-class penalties).
    private func demerits(ratio: Double, fitness: Int, item: BreakItem, from node: Node) -> Double {
        let badness = 100 * pow3(abs(ratio))
        var demerits = square(Self.linePenalty + badness)
        if item.penalty >= 0 {
            demerits += square(item.penalty)
        } else if item.penalty != BreakItem.forced {
            demerits -= square(item.penalty)
        }
        if item.flagged, node.position >= 0, items[node.position].flagged { demerits += Self.flaggedDemerits }
        if abs(fitness - node.fitness) > 1 { demerits += Self.fitnessDemerits }
        return demerits
    }

    private func isLegalBreak(at index: Int) -> Bool {
        switch items[index].kind {
        case .box: false
        case .glue: index > 0 && items[index - 1].kind == .box
        case .penalty: items[index].penalty != .infinity
        }
    }

    /// Total-fit breaks, or nil when no set of breaks keeps every line within tolerance.
    func totalFit() -> [ChosenLine]? {
        var nodes: [Node] = [Node(position: -1, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, previous: nil)]
        var active: [Int] = [0]
        var stillActive: [Int] = []
        var sumWidth = 0.0, sumStretch = 0.0, sumShrink = 0.0

        for index in items.indices {
            let item = items[index]
            if isLegalBreak(at: index) {
                var best = BestPerFitness()
                stillActive.removeAll(keepingCapacity: true)
                for nodeIndex in active {
                    let node = nodes[nodeIndex]
                    let ratio = adjustmentRatio(
                        naturalWidth: sumWidth - node.width + (item.kind == .penalty ? item.width : 0),
                        stretch: sumStretch - node.stretch, shrink: sumShrink - node.shrink,
                        line: node.line, isLast: item.penalty == BreakItem.forced)
                    // A node stays active unless its line is already overfull or a forced break ends it.
                    if ratio >= -1 && item.penalty != BreakItem.forced { stillActive.append(nodeIndex) }
                    guard ratio >= -1 && ratio <= tolerance else { continue }
                    let fitness = Self.fitness(of: ratio)
                    best.offer(nodeIndex, demerits: node.demerits + demerits(ratio: ratio, fitness: fitness, item: item, from: node), fitness: fitness)
                }
                swap(&active, &stillActive)
                if !best.isEmpty {
                    let after = sumsAfterBreak(at: index, width: sumWidth, stretch: sumStretch, shrink: sumShrink)
                    for fitness in 0..<4 {
                        guard let (node, demerits) = best.candidate(fitness) else { continue }
                        nodes.append(Node(
                            position: index, line: nodes[node].line + 1, fitness: fitness, width: after.width,
                            stretch: after.stretch, shrink: after.shrink, demerits: demerits, previous: node))
                        active.append(nodes.count - 1)
                    }
                }
                if active.isEmpty { return nil }
            }
            if item.kind == .box || item.kind == .glue {
                sumWidth += item.width
                sumStretch += item.stretch
                sumShrink += item.shrink
            }
        }
        guard let last = active.filter({ nodes[$0].position == items.count - 1 }).min(by: { nodes[$0].demerits < nodes[$1].demerits }) else {
            return nil
        }
        var lines: [ChosenLine] = []
        var cursor: Int? = last
        while let nodeIndex = cursor, let previous = nodes[nodeIndex].previous {
            let start = nodes[previous].position + 1
            lines.append(ChosenLine(first: start, breakIndex: nodes[nodeIndex].position, ratio: 0))
            cursor = previous
        }
        lines.reverse()
        return lines.enumerated().map { line, chosen in
            var chosen = chosen
            chosen.first = firstNonDiscardable(from: chosen.first, upTo: chosen.breakIndex)
            chosen.ratio = ratio(of: chosen, line: line)
            return chosen
        }
    }

    private func sumsAfterBreak(at index: Int, width: Double, stretch: Double, shrink: Double) -> (width: Double, stretch: Double, shrink: Double) {
        var (w, y, z) = (width, stretch, shrink)
        var cursor = index
        while cursor < items.count {
            let item = items[cursor]
            if item.kind == .box { break }
            if item.kind == .penalty, item.penalty == BreakItem.forced, cursor > index { break }
            if item.kind == .glue {
                w += item.width
                y += item.stretch
                z += item.shrink
            }
            cursor += 1
        }
        return (w, y, z)
    }

    private func adjustmentRatio(naturalWidth: Double, stretch: Double, shrink: Double, line: Int, isLast: Bool) -> Double {
        let available = width(ofLine: line)
        if isLast { return naturalWidth <= available ? 0 : -.infinity }
        let difference = available - naturalWidth
        if let raggedStretch {
            if difference >= 0 { return difference / raggedStretch }
            return -.infinity
        }
        if difference > 0 { return stretch > 0 ? difference / stretch : .infinity }
        if difference < 0 { return shrink > 0 ? difference / shrink : -.infinity }
        return 0
    }

    // MARK: first fit

    /// First-fit breaks. Boxes wider than a line are returned on lines of their own (the caller
    /// splits them).
    func firstFit() -> [ChosenLine] {
        var lines: [ChosenLine] = []
        var lineStart = 0
        var width = 0.0
        var lastBreak: Int?
        var index = 0
        while index < items.count {
            let item = items[index]
            let available = self.width(ofLine: lines.count)
            switch item.kind {
            case .box:
                if width + item.width > available, let breakAt = lastBreak {
                    lines.append(ChosenLine(first: lineStart, breakIndex: breakAt, ratio: 0))
                    lineStart = firstNonDiscardable(from: breakAt + 1, upTo: items.count)
                    index = lineStart
                    width = 0
                    lastBreak = nil
                    continue
                }
                width += item.width
            case .glue:
                if index > lineStart, items[index - 1].kind == .box { lastBreak = index }
                width += item.width
            case .penalty:
                if item.penalty == BreakItem.forced {
                    lines.append(ChosenLine(first: lineStart, breakIndex: index, ratio: 0))
                    lineStart = firstNonDiscardable(from: index + 1, upTo: items.count)
                    index = lineStart
                    width = 0
                    lastBreak = nil
                    continue
                }
                if item.penalty != .infinity, width + item.width <= available { lastBreak = index }
            }
            index += 1
        }
        return lines.enumerated().map { line, chosen in
            var chosen = chosen
            chosen.ratio = ratio(of: chosen, line: line)
            return chosen
        }
    }

    /// Glue and penalties after a break are discarded up to the next box or forced break.
    private func firstNonDiscardable(from start: Int, upTo end: Int) -> Int {
        var index = start
        while index < end, items[index].kind != .box, !(items[index].kind == .penalty && items[index].penalty == BreakItem.forced) {
            index += 1
        }
        return index
    }

    /// The adjustment ratio of a chosen line, clamped to what justification may apply.
    private func ratio(of line: ChosenLine, line number: Int) -> Double {
        guard raggedStretch == nil else { return 0 }
        let breakItem = items[line.breakIndex]
        if breakItem.penalty == BreakItem.forced { return 0 }
        var natural = 0.0, stretch = 0.0, shrink = 0.0
        for item in items[line.first..<line.breakIndex] where item.kind != .penalty {
            natural += item.width
            stretch += item.stretch
            shrink += item.shrink
        }
        if breakItem.kind == .penalty { natural += breakItem.width }
        let difference = width(ofLine: number) - natural
        if difference > 0 { return stretch > 0 ? min(difference / stretch, 10) : 0 }
        if difference < 0 { return shrink > 0 ? max(difference / shrink, -1) : 0 }
        return 0
    }
}

@inline(__always) private func square(_ value: Double) -> Double { value * value }
@inline(__always) private func pow3(_ value: Double) -> Double { value * value * value }
