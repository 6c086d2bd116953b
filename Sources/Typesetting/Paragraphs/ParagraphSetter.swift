import PageFrames
import TextShaping

/// Sets one paragraph: shape, find break opportunities (UAX #14), choose lines (total fit, first fit
/// as fallback), reorder each line for display (UAX #9 L2), align and justify.
struct ParagraphSetter {
    let typesetter: Typesetter
    let paragraph: Paragraph
    let width: Double

    /// What setting a paragraph needs whatever the width: its spans' styles, the shaped text, the
    /// advance before each byte and the break opportunities.
    struct Prepared: Sendable {
        let styles: [TextStyle]
        let shaped: ShapedParagraph
        let advances: [Double]
        let opportunities: [BreakOpportunities.Kind]
    }

    /// Shapes `paragraph` and finds its break opportunities; nil when it has no text.
    static func prepare(_ paragraph: Paragraph, typesetter: Typesetter) -> Prepared? {
        let source = paragraph.text
        // Most paragraphs (table cells) have neither CR nor tab: skip Foundation's replacing then.
        let needsNormalising = source.utf8.contains { $0 == 0x0D || $0 == 0x09 }
        let text = needsNormalising ? source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: " ") : source
        var spans: [ShapingSpan] = []
        var styles: [TextStyle] = []
        var offset = 0
        var sourceSpans = paragraph.spans
        if needsNormalising, text != source {
            // Normalisation changed lengths: keep span boundaries by normalising each span alike.
            sourceSpans = sourceSpans.map {
                TextSpan($0.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: " "), style: $0.style)
            }
        }
        for span in sourceSpans where !span.text.isEmpty {
            let length = span.text.utf8.count
            spans.append(ShapingSpan(
                range: offset..<(offset + length), fonts: typesetter.fonts(for: span.style), size: span.style.size,
                features: span.style.features, language: span.style.language))
            styles.append(span.style)
            offset += length
        }
        guard !spans.isEmpty else { return nil }
        let shaped = typesetter.shaper.shape(text, spans: spans, direction: paragraph.style.direction)
        return Prepared(
            styles: styles, shaped: shaped, advances: advancePrefix(shaped),
            opportunities: BreakOpportunities.compute(shaped.utf8, language: styles.first?.language))
    }

    func layout() -> ParagraphLayout {
        guard let prepared = typesetter.prepared(paragraph) else { return emptyLayout(style: paragraph.spans.first?.style ?? TextStyle()) }
        let shaped = prepared.shaped, styles = prepared.styles, advances = prepared.advances
        let utf8 = shaped.utf8
        let hyphenation = hyphenationContext(shaped: shaped, advances: advances, opportunities: prepared.opportunities, language: styles.first?.language)
        let items = breakItems(utf8: utf8, advances: advances, opportunities: prepared.opportunities, hyphenation: hyphenation)
        let justified = paragraph.style.alignment == .justified
        let fontSize = styles.map(\.size).max() ?? 10
        let breaker = LineBreaker(
            items: items, firstLineWidth: width - paragraph.style.firstLineIndent, lineWidth: width,
            raggedStretch: justified ? nil : 3 * fontSize, tolerance: paragraph.style.tolerance)

        var chosen: [ChosenLine]
        if width == .infinity {
            chosen = breaker.firstFit()
        } else if paragraph.style.breaking == .totalFit, let best = breaker.totalFit() {
            chosen = best
        } else {
            chosen = breaker.firstFit()
        }
        chosen = chosen.filter { $0.breakIndex >= $0.first }
        return assemble(lines: chosen, items: items, shaped: shaped, styles: styles, justified: justified, hyphenation: hyphenation)
    }

    /// Hyphenation applies to a left-to-right paragraph, in a language with bundled patterns, that
    /// does not fit on one line and either is justified (even spacing needs it) or holds a word
    /// wider than its line (which would otherwise be cut without a hyphen). Ragged text whose words
    /// all fit breaks between words, as invoices are read; and loading patterns costs more than
    /// setting a page, so most documents never load them.
    private func hyphenationContext(
        shaped: ShapedParagraph, advances: [Double], opportunities: [BreakOpportunities.Kind], language: String?
    ) -> DiscretionaryHyphens? {
        let narrowest = width - max(0, paragraph.style.firstLineIndent)
        guard width != .infinity, shaped.baseDirection == .leftToRight, let total = advances.last, total > narrowest else { return nil }
        if paragraph.style.alignment != .justified {
            var segmentStart = 0
            var widest = 0.0
            for boundary in opportunities.indices where opportunities[boundary] != .none || boundary == opportunities.count - 1 {
                var end = boundary + 1
                while end > segmentStart, shaped.utf8[end - 1] == 0x20 || shaped.utf8[end - 1] == 0x0A { end -= 1 }
                widest = max(widest, advances[end] - advances[segmentStart])
                segmentStart = boundary + 1
            }
            guard widest > narrowest else { return nil }
        }
        guard let dictionary = HyphenationDictionary.forLanguage(language) else { return nil }
        return DiscretionaryHyphens(dictionary: dictionary, shaped: shaped, shaper: typesetter.shaper)
    }

    /// `prefix[i]` = total advance of the clusters starting before byte `i`.
    static func advancePrefix(_ shaped: ShapedParagraph) -> [Double] {
        var perByte = [Double](repeating: 0, count: shaped.utf8.count + 1)
        for run in shaped.runs {
            for glyph in run.glyphs { perByte[Int(glyph.cluster)] += glyph.advance }
        }
        var prefix = [Double](repeating: 0, count: perByte.count)
        var total = 0.0
        for index in 0..<perByte.count {
            prefix[index] = total
            total += perByte[index]
        }
        return prefix
    }

    private func breakItems(
        utf8: [UInt8], advances: [Double], opportunities: [BreakOpportunities.Kind], hyphenation: DiscretionaryHyphens?
    ) -> [BreakItem] {
        let justified = paragraph.style.alignment == .justified
        var items: [BreakItem] = []
        items.reserveCapacity(utf8.count / 3)
        func width(_ start: Int, _ end: Int) -> Double { advances[end] - advances[start] }

        var segmentStart = 0
        for boundary in 1...utf8.count {
            let kind = opportunities[boundary - 1]
            guard kind != .none || boundary == utf8.count else { continue }
            var contentEnd = boundary
            let isForced = kind == .mandatory && boundary < utf8.count
            if isForced || boundary == utf8.count {
                while contentEnd > segmentStart, utf8[contentEnd - 1] == 0x0A || utf8[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            }
            var spaceStart = contentEnd
            while spaceStart > segmentStart, utf8[spaceStart - 1] == 0x20 { spaceStart -= 1 }
            if spaceStart > segmentStart {
                var pieceStart = segmentStart
                if let hyphenation {
                    for point in hyphenation.points(in: segmentStart..<spaceStart) {
                        items.append(BreakItem(kind: .box, width: width(pieceStart, point), start: pieceStart, end: point))
                        items.append(BreakItem(
                            kind: .penalty, width: hyphenation.width(at: point), penalty: DiscretionaryHyphens.penalty, flagged: true,
                            hyphenates: true, start: point, end: point))
                        pieceStart = point
                    }
                }
                items.append(BreakItem(kind: .box, width: width(pieceStart, spaceStart), start: pieceStart, end: spaceStart))
            }
            if isForced || boundary == utf8.count {
                items.append(BreakItem(kind: .penalty, width: 0, penalty: BreakItem.forced, start: contentEnd, end: boundary))
            } else if spaceStart < contentEnd {
                let spaceWidth = width(spaceStart, contentEnd)
                items.append(BreakItem(
                    kind: .glue, width: spaceWidth, stretch: justified ? spaceWidth / 2 : 0, shrink: justified ? spaceWidth / 3 : 0,
                    start: spaceStart, end: contentEnd))
            } else {
                let previous = utf8[boundary - 1]
                let afterHyphen = previous == 0x2D
                items.append(BreakItem(kind: .penalty, width: 0, penalty: afterHyphen ? 50 : 0, flagged: afterHyphen, start: boundary, end: boundary))
            }
            segmentStart = boundary
        }
        return splittingOverwideBoxes(items, utf8: utf8, advances: advances)
    }

    /// A word wider than the line is cut between grapheme clusters so no text is ever clipped.
    private func splittingOverwideBoxes(_ items: [BreakItem], utf8: [UInt8], advances: [Double]) -> [BreakItem] {
        guard width != .infinity, items.contains(where: { $0.kind == .box && $0.width > min(width, width - paragraph.style.firstLineIndent) }) else {
            return items
        }
        let limit = min(width, width - paragraph.style.firstLineIndent)
        var result: [BreakItem] = []
        for item in items {
            guard item.kind == .box, item.width > limit else {
                result.append(item)
                continue
            }
            var pieceStart = item.start
            var cursor = item.start
            for clusterEnd in GraphemeClusters.ends(utf8[item.start..<item.end]) {
                let end = item.start + clusterEnd
                if cursor > pieceStart, advances[end] - advances[pieceStart] > limit {
                    result.append(BreakItem(kind: .box, width: advances[cursor] - advances[pieceStart], start: pieceStart, end: cursor))
                    result.append(BreakItem(kind: .penalty, width: 0, penalty: 1000, start: cursor, end: cursor))
                    pieceStart = cursor
                }
                cursor = end
            }
            result.append(BreakItem(kind: .box, width: advances[item.end] - advances[pieceStart], start: pieceStart, end: item.end))
        }
        return result
    }

    private func assemble(
        lines chosen: [ChosenLine], items: [BreakItem], shaped: ShapedParagraph, styles: [TextStyle], justified: Bool,
        hyphenation: DiscretionaryHyphens?
    ) -> ParagraphLayout {
        var lines: [TypesetLine] = []
        var top = 0.0
        var widest = 0.0
        let rightToLeft = shaped.baseDirection == .rightToLeft
        for (number, line) in chosen.enumerated() {
            let start = line.first < line.breakIndex ? items[line.first].start : items[line.breakIndex].start
            var end = start
            var glueDelta: [Int: Double] = [:]  // glue start byte → extra width
            for index in line.first..<line.breakIndex {
                let item = items[index]
                if item.kind == .box || item.kind == .glue { end = max(end, item.end) }
                if item.kind == .glue, justified, line.ratio != 0 {
                    glueDelta[item.start] = line.ratio > 0 ? line.ratio * item.stretch : line.ratio * item.shrink
                }
            }
            let metrics = lineMetrics(start: start, end: end, shaped: shaped, styles: styles)
            var runs = glyphRuns(start: start, end: end, shaped: shaped, styles: styles, glueDelta: glueDelta)
            if let hyphenation, items[line.breakIndex].hyphenates, let hyphen = hyphenation.run(at: items[line.breakIndex].start, styles: styles) {
                var placed = hyphen
                placed.origin.x = runs.last.map { $0.origin.x + $0.width } ?? 0
                runs.append(placed)
            }
            let contentWidth = runs.last.map { $0.origin.x + $0.width } ?? 0
            widest = max(widest, contentWidth + (number == 0 ? paragraph.style.firstLineIndent : 0))
            let available = width == .infinity ? contentWidth : width - (number == 0 ? paragraph.style.firstLineIndent : 0)
            let indent = number == 0 ? paragraph.style.firstLineIndent : 0
            let shift: Double
            switch resolvedAlignment(rightToLeft: rightToLeft, isJustifiedLast: justified) {
            case .left: shift = rightToLeft ? 0 : indent
            case .right: shift = available - contentWidth + (rightToLeft ? 0 : indent)
            case .center: shift = (available - contentWidth) / 2 + (rightToLeft ? 0 : indent)
            }
            let baseline = top + metrics.baselineOffset
            for index in runs.indices {
                runs[index].origin.x += shift
                runs[index].origin.y = baseline
            }
            lines.append(TypesetLine(top: top, height: metrics.height, baseline: baseline, width: contentWidth, runs: runs))
            top += metrics.height
        }
        return ParagraphLayout(lines: lines, width: widest, missingGlyphs: shaped.missingGlyphs)
    }

    private enum HorizontalPlacement { case left, right, center }

    private func resolvedAlignment(rightToLeft: Bool, isJustifiedLast: Bool) -> HorizontalPlacement {
        switch paragraph.style.alignment {
        case .left: .left
        case .right: .right
        case .center: .center
        case .start, .justified: rightToLeft ? .right : .left
        case .end: rightToLeft ? .left : .right
        }
    }

    private func lineMetrics(start: Int, end: Int, shaped: ShapedParagraph, styles: [TextStyle]) -> (height: Double, baselineOffset: Double) {
        var height = 0.0, ascent = 0.0, descent = 0.0
        for (index, span) in shaped.spans.enumerated() where span.range.overlaps(start..<max(end, start + 1)) || shaped.spans.count == 1 {
            let style = styles[index]
            let face = typesetter.registry.face(for: span.fonts.primary)
            height = max(height, style.size * style.lineSpacing)
            ascent = max(ascent, face.ascent(at: style.size))
            descent = max(descent, face.descent(at: style.size))
        }
        if height == 0, let style = styles.first {
            let face = typesetter.registry.face(for: shaped.spans[0].fonts.primary)
            height = style.size * style.lineSpacing
            ascent = face.ascent(at: style.size)
            descent = face.descent(at: style.size)
        }
        return (height, (height - ascent - descent) / 2 + ascent)
    }

    /// Glyph slices of the line in visual order, each a `GlyphRun` with x relative to the line start.
    private func glyphRuns(start: Int, end: Int, shaped: ShapedParagraph, styles: [TextStyle], glueDelta: [Int: Double]) -> [GlyphRun] {
        struct Slice {
            var run: ShapedRun
            var glyphs: ArraySlice<ShapedGlyph>
            var lower: Int
            var upper: Int
        }
        var slices: [Slice] = []
        for run in shaped.runs where run.range.lowerBound < end && run.range.upperBound > start {
            let lower = max(run.range.lowerBound, start)
            let upper = min(run.range.upperBound, end)
            guard let first = run.glyphs.firstIndex(where: { Int($0.cluster) >= lower && Int($0.cluster) < upper }),
                let last = run.glyphs.lastIndex(where: { Int($0.cluster) >= lower && Int($0.cluster) < upper })
            else { continue }
            slices.append(Slice(run: run, glyphs: run.glyphs[first...last], lower: lower, upper: upper))
        }
        // UAX #9 L2: from the highest level down to the lowest odd level, reverse every maximal
        // sequence of slices at that level or higher.
        let levels = slices.map(\.run.level)
        if let highest = levels.max(), let lowestOdd = levels.filter({ $0 & 1 == 1 }).min() {
            var order = Array(slices.indices)
            var level = highest
            while level >= lowestOdd {
                var index = 0
                while index < order.count {
                    if slices[order[index]].run.level >= level {
                        var stop = index
                        while stop < order.count, slices[order[stop]].run.level >= level { stop += 1 }
                        order[index..<stop].reverse()
                        index = stop
                    } else {
                        index += 1
                    }
                }
                if level == 0 { break }
                level -= 1
            }
            slices = order.map { slices[$0] }
        }

        var runs: [GlyphRun] = []
        runs.reserveCapacity(slices.count)
        let hasGlue = !glueDelta.isEmpty
        var pen = 0.0
        for slice in slices {
            let style = styles[slice.run.spanIndex]
            var positioned: [PositionedGlyph] = []
            positioned.reserveCapacity(slice.glyphs.count)
            let runStart = pen
            for glyph in slice.glyphs {
                positioned.append(PositionedGlyph(id: glyph.id, x: pen - runStart + glyph.xOffset, y: glyph.yOffset, advance: glyph.advance))
                pen += glyph.advance + (hasGlue ? glueDelta[Int(glyph.cluster)] ?? 0 : 0)
            }
            let textBytes = shaped.utf8[slice.lower..<slice.upper]
            runs.append(GlyphRun(
                font: slice.run.font, size: slice.run.size, color: style.color, origin: Point(x: runStart, y: 0),
                glyphs: positioned, text: String(decoding: textBytes, as: UTF8.self),
                clusters: Self.clusters(of: slice.glyphs, lower: slice.lower, upper: slice.upper, rightToLeft: slice.run.isRightToLeft),
                clustersBackward: slice.run.isRightToLeft))
        }
        return runs
    }

    /// Cairo's cluster map for a slice: text in logical order, glyphs consumed from the start (LTR)
    /// or from the end (RTL, with the backward flag).
    static func clusters(of glyphs: ArraySlice<ShapedGlyph>, lower: Int, upper: Int, rightToLeft: Bool) -> [TextCluster] {
        // One pass over the glyphs in logical order: a cluster ends where the next one starts (the
        // first at `lower`, the last at `upper`). No intermediate array, no type-erased sequence.
        var clusters: [TextCluster] = []
        guard !glyphs.isEmpty else { return clusters }
        clusters.reserveCapacity(glyphs.count)
        var start = lower
        var current = 0
        var count: Int32 = 0
        func visit(_ cluster: Int) {
            if count > 0, cluster == current {
                count += 1
                return
            }
            if count > 0 {
                clusters.append(TextCluster(byteCount: Int32(cluster - start), glyphCount: count))
                start = cluster
            }
            current = cluster
            count = 1
        }
        if rightToLeft {
            var index = glyphs.endIndex
            while index > glyphs.startIndex {
                index -= 1
                visit(Int(glyphs[index].cluster))
            }
        } else {
            for index in glyphs.indices { visit(Int(glyphs[index].cluster)) }
        }
        clusters.append(TextCluster(byteCount: Int32(upper - start), glyphCount: count))
        return clusters
    }

    private func emptyLayout(style: TextStyle) -> ParagraphLayout {
        // An unknown family stands in with the first fallback family (Noto Sans), as shaping does;
        // `registry.faces` would open every bundled font, the CJK one included.
        let registry = typesetter.registry
        let id = (try? registry.id(family: style.family, style: style.style)) ?? registry.fallbackChain(family: style.family, style: style.style).primary
        let face = registry.face(for: id)
        let height = style.size * style.lineSpacing
        let ascent = face.ascent(at: style.size)
        let baseline = (height - ascent - face.descent(at: style.size)) / 2 + ascent
        return ParagraphLayout(lines: [TypesetLine(top: 0, height: height, baseline: baseline, width: 0, runs: [])], width: 0, missingGlyphs: [])
    }
}
