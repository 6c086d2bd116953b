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

    /// Total-fit breaks, or nil when no set of breaks keeps every line within tolerance.
    func totalFit() -> [ChosenLine]? {
        var nodes: [Node] = [Node(position: -1, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, previous: nil)]
        var active: [Int] = [0]
        var stillActive: [Int] = []
        var sumWidth = 0.0, sumStretch = 0.0, sumShrink = 0.0

        for index in items.indices {
            let item = items[index]
            var isLegalBreak = false
            switch item.kind {
            case .box: break
            case .glue: isLegalBreak = index > 0 && items[index - 1].kind == .box
            case .penalty: isLegalBreak = item.penalty != .infinity
            }
            if isLegalBreak {
                // Best candidate per fitness class (lines after the first all have the same width):
                // the first one found, replaced only by a strictly better one.
                var best: (Double, Int, Double, Int, Double, Int, Double, Int) = (.infinity, -1, .infinity, -1, .infinity, -1, .infinity, -1)
                var found = 0
                stillActive.removeAll(keepingCapacity: true)
                for nodeIndex in active {
                    let node = nodes[nodeIndex]
                    let ratio = adjustmentRatio(
                        naturalWidth: sumWidth - node.width + (item.kind == .penalty ? item.width : 0),
                        stretch: sumStretch - node.stretch, shrink: sumShrink - node.shrink,
                        line: node.line, isLast: item.penalty == BreakItem.forced)
                    if ratio < -1 || item.penalty == BreakItem.forced {
                        // Deactivate: the line from this node is overfull, or a forced break ends it.
                    } else {
                        stillActive.append(nodeIndex)
                    }
                    if ratio >= -1 && ratio <= tolerance {
                        let badness = 100 * pow3(abs(ratio))
                        var demerits: Double
                        if item.penalty >= 0 {
                            demerits = square(Self.linePenalty + badness) + square(item.penalty)
                        } else if item.penalty != BreakItem.forced {
                            demerits = square(Self.linePenalty + badness) - square(item.penalty)
                        } else {
                            demerits = square(Self.linePenalty + badness)
                        }
                        if item.flagged, node.position >= 0, items[node.position].flagged { demerits += Self.flaggedDemerits }
                        let fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
                        if abs(fitness - node.fitness) > 1 { demerits += Self.fitnessDemerits }
                        let total = node.demerits + demerits
                        let bit = 1 << fitness
                        switch fitness {
                        case 0: if found & bit == 0 || total < best.0 { (best.0, best.1) = (total, nodeIndex) }
                        case 1: if found & bit == 0 || total < best.2 { (best.2, best.3) = (total, nodeIndex) }
                        case 2: if found & bit == 0 || total < best.4 { (best.4, best.5) = (total, nodeIndex) }
                        default: if found & bit == 0 || total < best.6 { (best.6, best.7) = (total, nodeIndex) }
                        }
                        found |= bit
                    }
                }
                swap(&active, &stillActive)
                if found != 0 {
                    let after = sumsAfterBreak(at: index, width: sumWidth, stretch: sumStretch, shrink: sumShrink)
                    for fitness in 0..<4 where found & (1 << fitness) != 0 {
                        let (demerits, node): (Double, Int)
                        switch fitness {
                        case 0: (demerits, node) = (best.0, best.1)
                        case 1: (demerits, node) = (best.2, best.3)
                        case 2: (demerits, node) = (best.4, best.5)
                        default: (demerits, node) = (best.6, best.7)
                        }
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
