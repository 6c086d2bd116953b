import CHarfBuzz

/// Turns text into shaped runs: bidi levels (FriBidi), script itemisation, per-character font
/// fallback, and HarfBuzz shaping with the OpenType functions of each face.
///
/// A shaper holds no mutable state and may be used from any number of tasks at once.
///
/// ```swift
/// let registry = try FontRegistry.bundled()
/// let shaper = TextShaper(registry: registry)
/// let chain = registry.fallbackChain(family: "Noto Sans")
/// let paragraph = shaper.shape("Total : 1 234,56 €", fonts: chain, size: 10, features: ["tnum"])
/// ```
public struct TextShaper: Sendable {
    public let registry: FontRegistry

    public init(registry: FontRegistry) {
        self.registry = registry
    }

    /// Shapes `text` set in one style.
    public func shape(
        _ text: String, fonts: FontChain, size: Double, features: [String] = [], language: String? = nil,
        direction: TextDirection = .auto
    ) -> ShapedParagraph {
        let span = ShapingSpan(range: 0..<text.utf8.count, fonts: fonts, size: size, features: features, language: language)
        return shape(text, spans: [span], direction: direction)
    }

    /// Shapes `text` whose styles are given by `spans` (sorted, covering the text; gaps take the
    /// nearest span before them).
    public func shape(_ text: String, spans: [ShapingSpan], direction: TextDirection = .auto) -> ShapedParagraph {
        precondition(!spans.isEmpty, "shaping needs at least one span")
        let utf8 = Array(text.utf8)
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar.value)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        let (levels, base) = BidiLevels.resolve(scalars, direction: direction)
        let items = Itemizer(registry: registry, spans: spans).itemize(text: text, scalars: scalars, offsets: offsets, levels: levels)

        var runs: [ShapedRun] = []
        runs.reserveCapacity(items.runs.count)
        let featureLists = spans.map { HarfBuzzFeatures(strings: $0.features) }
        utf8.withUnsafeBufferPointer { bytes in
            let buffer = hb_buffer_create()!
            defer { hb_buffer_destroy(buffer) }
            // The face of the previous item, kept: most paragraphs alternate between one or two fonts,
            // and the registry answers under a lock.
            var last: FontFace?
            for item in items.runs {
                let span = spans[item.spanIndex]
                let face = last?.id == item.font ? last! : registry.face(for: item.font)
                last = face
                hb_buffer_clear_contents(buffer)
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                    hb_buffer_add_utf8(buffer, chars, Int32(bytes.count), UInt32(item.range.lowerBound), Int32(item.range.count))
                }
                // Zero-width joiners, BOMs and bidi marks get no glyph. Left in, HarfBuzz draws them as the
                // space glyph with no advance, and that glyph's text mapping then makes a real space
                // elsewhere on the page extract as the invisible character.
                hb_buffer_set_flags(buffer, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES)
                hb_buffer_set_direction(buffer, item.level & 1 == 1 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
                hb_buffer_set_script(buffer, item.script)
                if let language = span.language {
                    hb_buffer_set_language(buffer, hb_language_from_string(language, -1))
                }
                featureLists[item.spanIndex].withFeatures { features, count in
                    hb_shape(face.hbFont, buffer, features, count)
                }
                runs.append(ShapedRun(
                    font: item.font, size: span.size, level: item.level, range: item.range, spanIndex: item.spanIndex,
                    glyphs: Self.glyphs(of: buffer, scale: face.scale(at: span.size))))
            }
        }
        return ShapedParagraph(text: text, utf8: utf8, baseDirection: base, spans: spans, runs: runs, missingGlyphs: items.missing)
    }

    private static func glyphs(of buffer: OpaquePointer, scale: Double) -> [ShapedGlyph] {
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), count > 0,
            let positions = hb_buffer_get_glyph_positions(buffer, nil)
        else { return [] }
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let info = infos[index]
            let position = positions[index]
            glyphs.append(ShapedGlyph(
                id: info.codepoint, cluster: Int32(info.cluster),
                advance: Double(position.x_advance) * scale,
                xOffset: Double(position.x_offset) * scale,
                // HarfBuzz's y grows upwards; frames use a y-down page.
                yOffset: -Double(position.y_offset) * scale))
        }
        return glyphs
    }
}

/// Parsed OpenType features of one span.
struct HarfBuzzFeatures {
    private var features: [hb_feature_t]

    init(strings: [String]) {
        features = strings.compactMap { string in
            var feature = hb_feature_t()
            return hb_feature_from_string(string, Int32(string.utf8.count), &feature) != 0 ? feature : nil
        }
    }

    func withFeatures<R>(_ body: (UnsafePointer<hb_feature_t>?, UInt32) -> R) -> R {
        features.withUnsafeBufferPointer { body($0.baseAddress, UInt32($0.count)) }
    }
}
