import CCairo
import PageFrames
import TextShaping

/// Paints one page's frame items on a Cairo context. The only place that turns frames into Cairo
/// calls; it decides no position.
struct PageDrawer {
    let context: OpaquePointer
    let fonts: CairoFontSet
    /// Outputs that cannot carry links (PNG) skip them.
    let drawsLinks: Bool
    /// PDF only: consecutive left-to-right runs of one font, size and colour go to Cairo as one
    /// `cairo_show_text_glyphs` call. Glyph positions are absolute, so the page is the same; Cairo's
    /// PDF surface records, analyses and replays one operation instead of one per table cell, which
    /// was most of its cost per page. Raster output keeps one call per run, so its pixels (and the
    /// recorded sample pages) cannot move.
    var batchesRuns = false

    func draw(_ page: Page) throws(CairoError) {
        let items = page.items
        var batch = GlyphBatch()
        var index = 0
        while index < items.count {
            let item = items[index]
            index += 1
            switch item {
            case .glyphs(let run):
                guard batchesRuns, !run.clustersBackward, !run.glyphs.isEmpty else {
                    try draw(run)
                    continue
                }
                batch.start(run)
                while index < items.count, case .glyphs(let next) = items[index], batch.accepts(next) {
                    batch.append(next)
                    index += 1
                }
                try draw(batch)
            case .rule(let rule): draw(rule)
            case .rectangle(let rectangle): draw(rectangle)
            case .image(let image): try ImagePainter.paint(image, on: context)
            case .link(let link): if drawsLinks { draw(link) }
            }
        }
        try CairoError.check(cairo_status(context), "drawing a page")
    }

    private func setColor(_ color: Color) {
        if color.alpha >= 1 {
            cairo_set_source_rgb(context, color.red, color.green, color.blue)
        } else {
            cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
        }
    }

    private func draw(_ run: GlyphRun) throws(CairoError) {
        guard !run.glyphs.isEmpty else { return }
        cairo_set_font_face(context, try fonts.fontFace(for: run.font))
        cairo_set_font_size(context, run.size)
        setColor(run.color)
        var glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt($0.id), x: run.origin.x + $0.x, y: run.origin.y + $0.y)
        }
        var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: $0.byteCount, num_glyphs: $0.glyphCount) }
        let flags: cairo_text_cluster_flags_t = run.clustersBackward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0)
        var text = run.clustersBackward ? Self.visualOrderLigatureText(run) : run.text
        text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(
                    context, chars.baseAddress, Int32(chars.count), &glyphs, Int32(glyphs.count), &clusters,
                    Int32(clusters.count), flags)
            }
        }
    }

    private func draw(_ batch: GlyphBatch) throws(CairoError) {
        cairo_set_font_face(context, try fonts.fontFace(for: batch.font))
        cairo_set_font_size(context, batch.size)
        setColor(batch.color)
        batch.text.withUnsafeBufferPointer { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(
                    context, chars.baseAddress, Int32(chars.count), batch.glyphs, Int32(batch.glyphs.count), batch.clusters,
                    Int32(batch.clusters.count), cairo_text_cluster_flags_t(0))
            }
        }
    }

    /// In a right-to-left run, a glyph that stands for several characters (the lam–alef ligature) gets
    /// its characters written in visual order. PDF readers such as poppler spread a glyph's characters
    /// left to right across its width and then read right-to-left text from the right, so only this
    /// order extracts as the logical text (لا rather than ال). Single-character clusters are unchanged.
    static func visualOrderLigatureText(_ run: GlyphRun) -> String {
        guard run.clusters.contains(where: { $0.glyphCount == 1 && $0.byteCount > 1 }) else { return run.text }
        let bytes = Array(run.text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var offset = 0
        for cluster in run.clusters {
            let piece = bytes[offset..<min(bytes.count, offset + Int(cluster.byteCount))]
            let scalars = String(decoding: piece, as: UTF8.self).unicodeScalars
            if cluster.glyphCount == 1, scalars.count > 1 {
                for scalar in scalars.reversed() { result.append(contentsOf: String(scalar).utf8) }
            } else {
                result.append(contentsOf: piece)
            }
            offset += Int(cluster.byteCount)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func draw(_ rule: Rule) {
        setColor(rule.color)
        cairo_set_line_width(context, rule.thickness)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        if !rule.dash.isEmpty {
            cairo_set_dash(context, rule.dash, Int32(rule.dash.count), 0)
        }
        cairo_move_to(context, rule.from.x, rule.from.y)
        cairo_line_to(context, rule.to.x, rule.to.y)
        cairo_stroke(context)
        if !rule.dash.isEmpty { cairo_set_dash(context, nil, 0, 0) }
    }

    private func draw(_ rectangle: FilledRectangle) {
        let rect = rectangle.rect
        if let fill = rectangle.fill {
            setColor(fill)
            cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height)
            cairo_fill(context)
        }
        if let stroke = rectangle.stroke {
            setColor(stroke)
            cairo_set_line_width(context, rectangle.strokeWidth)
            cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height)
            cairo_stroke(context)
        }
    }

    private func draw(_ link: Link) {
        let rect = link.rect
        let escaped = link.uri.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        let attributes = "rect=[\(rect.minX) \(rect.minY) \(rect.width) \(rect.height)] uri='\(escaped)'"
        cairo_tag_begin(context, CAIRO_TAG_LINK, attributes)
        cairo_tag_end(context, CAIRO_TAG_LINK)
    }
}

/// Consecutive left-to-right glyph runs of one font, size and colour, gathered for one Cairo call:
/// glyphs at absolute positions, texts and clusters concatenated in order. The buffers are reused
/// from batch to batch.
struct GlyphBatch {
    private(set) var font = FontID(rawValue: 0)
    private(set) var size = 0.0
    private(set) var color = Color.black
    private(set) var glyphs: [cairo_glyph_t] = []
    private(set) var clusters: [cairo_text_cluster_t] = []
    private(set) var text: [UInt8] = []

    mutating func start(_ run: GlyphRun) {
        font = run.font
        size = run.size
        color = run.color
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        append(run)
    }

    func accepts(_ run: GlyphRun) -> Bool {
        !run.clustersBackward && !run.glyphs.isEmpty && run.font == font && run.size == size && run.color == color
    }

    mutating func append(_ run: GlyphRun) {
        let origin = run.origin
        for glyph in run.glyphs {
            glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: origin.x + glyph.x, y: origin.y + glyph.y))
        }
        for cluster in run.clusters {
            clusters.append(cairo_text_cluster_t(num_bytes: cluster.byteCount, num_glyphs: cluster.glyphCount))
        }
        text.append(contentsOf: run.text.utf8)
    }
}
