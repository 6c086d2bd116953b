import CCairo
import PageFrames
import TextShaping

/// Paints one page's frame items on a Cairo context. The only place that turns frames into Cairo
/// calls; it decides no position.
struct PageDrawer {
    let context: OpaquePointer
    let fonts: CairoFontSet
    func draw(_ page: Page) throws(CairoError) {
        for item in page.items {
            switch item {
            case .glyphs(let run): try draw(run)
            case .rule(let rule): draw(rule)
            case .rectangle(let rectangle): draw(rectangle)
            case .image(let image): try ImagePainter.paint(image, on: context)
            case .link: break  // a raster cannot carry links
            case .structure: break  // structure is for PDF readers, not pixels
            case .deferred:
                // Pixels are drawn once: a page to rasterise must be complete.
                throw CairoError(operation: "drawing a page", reason: "part of the page is not laid out yet (deferred content)")
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
}
