import PageFrames

/// Turns one page's frame items into a content stream, in painting order. Decides no position:
/// every coordinate comes from the frames; this only picks the shortest operators that draw them.
///
/// The stream starts by flipping the y axis (`1 0 0 -1 0 H cm`), so frame coordinates (origin top
/// left, y down) are used as they are; text matrices flip back so glyphs stand upright.
struct PageContent {
    private(set) var stream = PDFBuffer(capacity: 1 << 14)
    private(set) var resources = PageResources()
    private var inText = false
    /// Start of the current text line (as written, rounded) inside a text object.
    private var textLine: Point?
    private var font: Int = -1
    private var fontSize = 0.0
    private var fill = Color.black
    private var stroke = Color.black
    private var lineWidth = 1.0
    private var dashed = false
    /// Per-glyph scratch, reused from run to run.
    private var cids: [UInt16] = []
    private var spans: [ActualTextSpan] = []
    /// Whether glyph 0 (.notdef, a character no font has) is left out of text-showing operators,
    /// as PDF/A requires; its advance stays as a gap.
    private let omitsNotdef: Bool

    struct ActualTextSpan {
        var first: Int
        var last: Int
        var text: ArraySlice<UInt8>
    }

    init(height: Double, omitsNotdef: Bool = false) {
        self.omitsNotdef = omitsNotdef
        stream.append("1 0 0 -1 0 ")
        stream.append(height)
        stream.append(" cm\n")
    }

    // MARK: Text

    mutating func draw(_ run: GlyphRun, font embedded: inout EmbeddedFont, alphaState: (Double, Bool) -> (name: [UInt8], object: Int)) {
        guard !run.glyphs.isEmpty else { return }
        resources.use(font: embedded)
        if !inText {
            stream.append("BT\n")
            inText = true
        }
        if embedded.objectNumber != font || run.size != fontSize {
            stream.append(UInt8(ascii: "/"))
            stream.append(embedded.resourceName)
            stream.append(UInt8(ascii: " "))
            stream.append(run.size)
            stream.append(" Tf\n")
            font = embedded.objectNumber
            fontSize = run.size
        }
        setFill(run.color, alphaState: alphaState)
        moveTextLine(to: run.origin)
        assignCIDs(run, font: &embedded)
        showGlyphs(run, widths: embedded.widths)
    }

    /// Starts the run's line: a full text matrix at the first run of a text object, then `Td` by
    /// the difference from the previous line, measured from the rounded position actually written
    /// so rounding never accumulates along a page.
    private mutating func moveTextLine(to origin: Point) {
        let x = (origin.x * 1000).rounded() / 1000
        let y = (origin.y * 1000).rounded() / 1000
        if let line = textLine {
            // Text space runs up where the page runs down: the y difference changes sign.
            stream.append(x - line.x)
            stream.append(UInt8(ascii: " "))
            stream.append(line.y - y)
            stream.append(" Td\n")
        } else {
            stream.append("1 0 0 -1 ")
            stream.append(x)
            stream.append(UInt8(ascii: " "))
            stream.append(y)
            stream.append(" Tm\n")
        }
        textLine = Point(x: x, y: y)
    }

    /// Gives every glyph its CID from the cluster map, and gathers the clusters that need
    /// `/ActualText` (several glyphs for one piece of text).
    ///
    /// With ``omitsNotdef`` a .notdef glyph keeps CID 0 (not shown) and its text joins the
    /// previous shown cluster's (or, at the start of the run, the next one's), so the character
    /// still extracts where it stood.
    private mutating func assignCIDs(_ run: GlyphRun, font: inout EmbeddedFont) {
        let glyphs = run.glyphs
        cids.removeAll(keepingCapacity: true)
        cids.append(contentsOf: repeatElement(0, count: glyphs.count))
        spans.removeAll(keepingCapacity: true)
        var text = run.text
        text.withUTF8 { utf8 in
            var byte = 0
            var glyphCursor = run.clustersBackward ? glyphs.count : 0
            let empty = UnsafeBufferPointer<UInt8>(start: utf8.baseAddress, count: 0)
            func assign(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
                if run.clustersBackward, bytes.count > 1, let visual = Self.visualOrder(bytes) {
                    cids[index] = visual.withUnsafeBufferPointer { font.cid(glyph: glyphs[index].id, text: $0) }
                } else {
                    cids[index] = font.cid(glyph: glyphs[index].id, text: bytes)
                }
            }
            // The last shown cluster (its glyph, or its span) and where its text starts.
            var previous: (glyph: Int?, span: Int?, start: Int)?
            var carriedStart: Int?
            for cluster in run.clusters {
                let byteCount = Int(cluster.byteCount), glyphCount = Int(cluster.glyphCount)
                let start = min(byte, utf8.count)
                byte += byteCount
                let end = min(utf8.count, byte)
                let first: Int
                if run.clustersBackward {
                    glyphCursor -= glyphCount
                    first = glyphCursor
                } else {
                    first = glyphCursor
                    glyphCursor += glyphCount
                }
                guard glyphCount > 0, first >= 0, first + glyphCount <= glyphs.count else { continue }
                if omitsNotdef, glyphCount == 1, glyphs[first].id == 0 {
                    if let previous {
                        let merged = UnsafeBufferPointer(rebasing: utf8[previous.start..<end])
                        if let glyph = previous.glyph { assign(glyph, merged) }
                        if let span = previous.span { spans[span].text = ArraySlice(merged) }
                    } else if carriedStart == nil {
                        carriedStart = start
                    }
                    continue
                }
                let textStart = carriedStart ?? start
                carriedStart = nil
                let bytes = UnsafeBufferPointer(rebasing: utf8[textStart..<end])
                if glyphCount == 1 {
                    assign(first, bytes)
                    previous = (first, nil, textStart)
                } else {
                    for index in first..<first + glyphCount { cids[index] = font.cid(glyph: glyphs[index].id, text: empty) }
                    if !bytes.isEmpty {
                        spans.append(ActualTextSpan(first: first, last: first + glyphCount - 1, text: ArraySlice(bytes)))
                        previous = (nil, spans.count - 1, textStart)
                    } else {
                        previous = nil
                    }
                }
            }
            // Glyphs no cluster reached (malformed map) still get drawn.
            for index in glyphs.indices where cids[index] == 0 && glyphs[index].id != 0 {
                cids[index] = font.cid(glyph: glyphs[index].id, text: empty)
            }
        }
    }

    /// A right-to-left ligature's characters in visual order: readers spread a glyph's characters
    /// left to right, then read right-to-left text from the right, so only this order extracts as
    /// the logical text (لا rather than ال). Nil when the cluster is one character.
    private static func visualOrder(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        guard scalars.count > 1 else { return nil }
        var result: [UInt8] = []
        for scalar in scalars.reversed() { result.append(contentsOf: String(scalar).utf8) }
        return result
    }

    /// One `TJ` array per stretch of glyphs (codes as two bytes in literal strings, half the size
    /// of hexadecimal), with kerning as position adjustments, a text rise for
    /// glyphs set above or below the baseline, and `/ActualText` spans.
    private mutating func showGlyphs(_ run: GlyphRun, widths: [Double]) {
        let glyphs = run.glyphs
        let size = run.size
        let unitsPerPoint = 1000 / size
        var pen = 0.0
        var rise = 0.0
        var inArray = false
        var inString = false
        var spanIndex = 0
        for index in glyphs.indices {
            let glyph = glyphs[index]
            let spanStarts = spanIndex < spans.count && spans[spanIndex].first == index
            let glyphRise = -glyph.y
            if omitsNotdef, glyph.id == 0 || cids[index] == 0 {
                // Not shown; the next glyph's position adjustment covers its advance.
                if spanIndex < spans.count, spans[spanIndex].first == index { spans[spanIndex].first += 1 }
                if spanIndex < spans.count, spans[spanIndex].last == index {
                    if spans[spanIndex].first > index {
                        spanIndex += 1
                    } else {
                        closeSpan(inString: &inString, inArray: &inArray)
                        spanIndex += 1
                    }
                }
                continue
            }
            if spanStarts || glyphRise != rise {
                if inString { stream.append(UInt8(ascii: ")")); inString = false }
                if inArray { stream.append("]TJ\n"); inArray = false }
                if glyphRise != rise {
                    stream.append(glyphRise)
                    stream.append(" Ts\n")
                    rise = glyphRise
                }
                if spanStarts {
                    stream.append("/Span<</ActualText<FEFF")
                    for unit in String(decoding: spans[spanIndex].text, as: UTF8.self).utf16 { stream.appendHex16(unit) }
                    stream.append(">>>BDC\n")
                }
            }
            if !inArray {
                stream.append(UInt8(ascii: "["))
                inArray = true
            }
            let adjustment = ((pen - glyph.x) * unitsPerPoint * 10).rounded() / 10
            if adjustment != 0 {
                if inString { stream.append(UInt8(ascii: ")")); inString = false }
                stream.append(adjustment)
                pen -= adjustment / unitsPerPoint
            }
            if !inString {
                stream.append(UInt8(ascii: "("))
                inString = true
            }
            let cid = cids[index]
            stream.appendStringCode(cid)
            pen += widths[Int(cid)] / unitsPerPoint
            if spanIndex < spans.count, spans[spanIndex].last == index {
                closeSpan(inString: &inString, inArray: &inArray)
                spanIndex += 1
            }
        }
        if inString { stream.append(UInt8(ascii: ")")) }
        if inArray { stream.append("]TJ\n") }
        if rise != 0 { stream.append("0 Ts\n") }
    }

    private mutating func closeSpan(inString: inout Bool, inArray: inout Bool) {
        if inString { stream.append(UInt8(ascii: ")")) }
        if inArray { stream.append("]TJ\n") }
        stream.append("EMC\n")
        inString = false
        inArray = false
    }

    private mutating func endText() {
        if inText {
            stream.append("ET\n")
            inText = false
            textLine = nil
        }
    }

    // MARK: Graphics

    mutating func draw(_ rule: Rule, alphaState: (Double, Bool) -> (name: [UInt8], object: Int)) {
        endText()
        setStroke(rule.color, alphaState: alphaState)
        setLineWidth(rule.thickness)
        if !rule.dash.isEmpty {
            stream.append(UInt8(ascii: "["))
            for (index, length) in rule.dash.enumerated() {
                if index > 0 { stream.append(UInt8(ascii: " ")) }
                stream.append(length)
            }
            stream.append("]0 d\n")
            dashed = true
        } else if dashed {
            stream.append("[]0 d\n")
            dashed = false
        }
        point(rule.from)
        stream.append(" m ")
        point(rule.to)
        stream.append(" l S\n")
    }

    mutating func draw(_ rectangle: FilledRectangle, alphaState: (Double, Bool) -> (name: [UInt8], object: Int)) {
        endText()
        if let fill = rectangle.fill {
            setFill(fill, alphaState: alphaState)
            rect(rectangle.rect)
            stream.append(" re f\n")
        }
        if let strokeColor = rectangle.stroke {
            setStroke(strokeColor, alphaState: alphaState)
            setLineWidth(rectangle.strokeWidth)
            if dashed {
                stream.append("[]0 d\n")
                dashed = false
            }
            rect(rectangle.rect)
            stream.append(" re S\n")
        }
    }

    /// Draws a form XObject whose content was made by a `PageContent` of the same height: in the
    /// page's default space (this content's flip undone) and from the default graphics state that
    /// every `PageContent` starts from (colours, alpha, line width and dash reset where they
    /// differ), all inside `q … Q` so the state tracked here still holds after it.
    mutating func drawForm(named name: [UInt8], object: Int, pageHeight: Double, alphaState: (Double, Bool) -> (name: [UInt8], object: Int)) {
        endText()
        resources.use(image: name, object: object)
        stream.append("q 1 0 0 -1 0 ")
        stream.append(pageHeight)
        stream.append(" cm\n")
        let (savedFill, savedStroke, savedWidth, savedDash) = (fill, stroke, lineWidth, dashed)
        setFill(.black, alphaState: alphaState)
        setStroke(.black, alphaState: alphaState)
        setLineWidth(1)
        if dashed { stream.append("[]0 d\n") }
        stream.append(UInt8(ascii: "/"))
        stream.append(name)
        stream.append(" Do Q\n")
        (fill, stroke, lineWidth, dashed) = (savedFill, savedStroke, savedWidth, savedDash)
    }

    mutating func drawImage(named name: [UInt8], object: Int, in rect: Rect) {
        endText()
        resources.use(image: name, object: object)
        // The image space's unit square, scaled to the rectangle and flipped upright again.
        stream.append("q ")
        stream.append(rect.width)
        stream.append(" 0 0 ")
        stream.append(-rect.height)
        stream.append(UInt8(ascii: " "))
        stream.append(rect.minX)
        stream.append(UInt8(ascii: " "))
        stream.append(rect.maxY)
        stream.append(" cm /")
        stream.append(name)
        stream.append(" Do Q\n")
    }

    // MARK: Marked content

    /// Opens a text object unless one is open, so that a sequence of text can begin inside it and
    /// successive sequences of text share it.
    mutating func beginTextObject() {
        if !inText {
            stream.append("BT\n")
            inText = true
        }
    }

    /// Opens a marked-content sequence `/Tag <</MCID n>> BDC` owned by a structure element. A
    /// sequence and a text object must nest: unless `insideText` (a sequence of text only, which
    /// may open and close inside the current text object), the text object ends first.
    mutating func beginMarkedContent(_ role: StructureRole, mcid: Int, insideText: Bool = false) {
        if !insideText { endText() }
        stream.append(UInt8(ascii: "/"))
        stream.append(role.pdfName)
        stream.append("<</MCID ")
        stream.append(mcid)
        stream.append(">>BDC\n")
    }

    /// Opens an artifact sequence: `/Artifact <</Type/Pagination/Subtype/Footer>> BDC`.
    mutating func beginArtifact(_ kind: ArtifactKind, insideText: Bool = false) {
        if !insideText { endText() }
        switch kind {
        case .pagination(let subtype?):
            stream.append("/Artifact<</Type/Pagination/Subtype/")
            stream.append(Array(subtype.rawValue.utf8))
            stream.append(">>BDC\n")
        case .pagination(nil):
            stream.append("/Artifact<</Type/Pagination>>BDC\n")
        case .layout:
            stream.append("/Artifact<</Type/Layout>>BDC\n")
        }
    }

    /// Closes the sequence; `insideText` when it was opened inside the text object still open.
    mutating func endMarkedContent(insideText: Bool = false) {
        if !insideText { endText() }
        stream.append("EMC\n")
    }

    mutating func finish() { endText() }

    private mutating func point(_ point: Point) {
        stream.append(point.x)
        stream.append(UInt8(ascii: " "))
        stream.append(point.y)
    }

    private mutating func rect(_ rect: Rect) {
        stream.append(rect.minX)
        stream.append(UInt8(ascii: " "))
        stream.append(rect.minY)
        stream.append(UInt8(ascii: " "))
        stream.append(rect.width)
        stream.append(UInt8(ascii: " "))
        stream.append(rect.height)
    }

    private mutating func setFill(_ color: Color, alphaState: (Double, Bool) -> (name: [UInt8], object: Int)) {
        setColor(color, stroking: false, alphaState: alphaState)
    }

    private mutating func setStroke(_ color: Color, alphaState: (Double, Bool) -> (name: [UInt8], object: Int)) {
        setColor(color, stroking: true, alphaState: alphaState)
    }

    /// Emits only what changed: the colour operator when the colour does, a graphics state when the
    /// alpha does (fill and stroke alpha are separate entries of a state).
    private mutating func setColor(_ color: Color, stroking: Bool, alphaState: (Double, Bool) -> (name: [UInt8], object: Int)) {
        let current = stroking ? stroke : fill
        if color.red != current.red || color.green != current.green || color.blue != current.blue {
            colorOperands(color)
            stream.append(stroking ? " RG\n" : " rg\n")
        }
        if color.alpha != current.alpha { useState(alphaState(color.alpha, stroking)) }
        if stroking { stroke = color } else { fill = color }
    }

    private mutating func useState(_ state: (name: [UInt8], object: Int)) {
        resources.use(state: state.name, object: state.object)
        stream.append(UInt8(ascii: "/"))
        stream.append(state.name)
        stream.append(" gs\n")
    }

    private mutating func colorOperands(_ color: Color) {
        stream.append(color.red)
        stream.append(UInt8(ascii: " "))
        stream.append(color.green)
        stream.append(UInt8(ascii: " "))
        stream.append(color.blue)
    }

    private mutating func setLineWidth(_ width: Double) {
        if width != lineWidth {
            stream.append(width)
            stream.append(" w\n")
            lineWidth = width
        }
    }
}
