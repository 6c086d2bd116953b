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
    /// After how many runs of a face its left-to-right runs in a script HarfBuzz shapes with its default
    /// shaper go word by word through the face's kept words, when the face allows it
    /// (``FontFace/spaceSeparatesShaping``); nil for never. Tests set it, to compare both ways.
    let keepsWordsAfterRuns: Int?

    public init(registry: FontRegistry) {
        self.init(registry: registry, keepsWordsAfterRuns: FontFace.runsBeforeKeepingWords)
    }

    init(registry: FontRegistry, keepsWordsAfterRuns: Int?) {
        self.registry = registry
        self.keepsWordsAfterRuns = keepsWordsAfterRuns
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
                let scale = face.scale(at: span.size)
                let glyphs: [ShapedGlyph]
                if let keepsWordsAfterRuns, item.level & 1 == 0, Self.hasTheDefaultShaper(item.script),
                    face.shapesWordsApart(after: keepsWordsAfterRuns)
                {
                    glyphs = Self.glyphsWordByWord(
                        bytes, range: item.range, script: item.script, span: span, features: featureLists[item.spanIndex], face: face,
                        buffer: buffer, scale: scale)
                } else {
                    Self.shape(
                        bytes, range: item.range, level: item.level, script: item.script, language: span.language,
                        features: featureLists[item.spanIndex], face: face, buffer: buffer)
                    glyphs = Self.glyphs(of: buffer, scale: scale)
                }
                runs.append(ShapedRun(
                    font: item.font, size: span.size, level: item.level, range: item.range, spanIndex: item.spanIndex, glyphs: glyphs))
            }
        }
        return ShapedParagraph(text: text, utf8: utf8, baseDirection: base, spans: spans, runs: runs, missingGlyphs: items.missing)
    }

    /// Shapes `range` of `text` into `buffer`, the rest of `text` being its context.
    private static func shape(
        _ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, level: UInt8, script: hb_script_t, language: String?,
        features: HarfBuzzFeatures, face: FontFace, buffer: OpaquePointer
    ) {
        hb_buffer_clear_contents(buffer)
        text.baseAddress!.withMemoryRebound(to: CChar.self, capacity: text.count) { chars in
            hb_buffer_add_utf8(buffer, chars, Int32(text.count), UInt32(range.lowerBound), Int32(range.count))
        }
        // Zero-width joiners, BOMs and bidi marks get no glyph. Left in, HarfBuzz draws them as the
        // space glyph with no advance, and that glyph's text mapping then makes a real space
        // elsewhere on the page extract as the invisible character.
        hb_buffer_set_flags(buffer, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES)
        hb_buffer_set_direction(buffer, level & 1 == 1 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, script)
        if let language {
            hb_buffer_set_language(buffer, hb_language_from_string(language, -1))
        }
        features.withFeatures { features, count in
            hb_shape(face.hbFont, buffer, features, count)
        }
    }

    /// Scripts HarfBuzz shapes with its default shaper, which uses no context outside the text it is
    /// given (unlike Arabic joining or Indic syllables): in these a word shaped alone is the word shaped
    /// in its sentence, when the face's lookups leave the space alone.
    private static func hasTheDefaultShaper(_ script: hb_script_t) -> Bool {
        script == HB_SCRIPT_LATIN || script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_GREEK
            || script == HB_SCRIPT_CYRILLIC
    }

    /// The glyphs of a left-to-right run shaped word by word, each word with the spaces after it, through
    /// the face's kept words (``WordShapes``).
    private static func glyphsWordByWord(
        _ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, script: hb_script_t, span: ShapingSpan, features: HarfBuzzFeatures,
        face: FontFace, buffer: OpaquePointer, scale: Double
    ) -> [ShapedGlyph] {
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(range.count)
        var start = range.lowerBound
        while start < range.upperBound {
            let end = wordEnd(text, from: start, before: range.upperBound)
            let word = UnsafeBufferPointer(rebasing: text[start..<end])
            func shapeAlone() -> [WordShapes.Glyph] {
                shape(word, range: 0..<word.count, level: 0, script: script, language: span.language, features: features, face: face, buffer: buffer)
                return wordGlyphs(of: buffer)
            }
            let shaped: [WordShapes.Glyph]
            if word.count <= WordShapes.longestKeptWord {
                let key = WordShapes.Key(bytes: word, script: script.rawValue, language: span.language, features: span.features)
                shaped = face.words.glyphs(for: key, shapeAlone)
            } else {
                shaped = shapeAlone()
            }
            let offset = Int32(start)
            for glyph in shaped { glyphs.append(placed(glyph, from: offset, scale: scale)) }
            start = end
        }
        return glyphs
    }

    /// Where the word starting at `start` ends: after its next spaces, when a printable ASCII
    /// character other than a space follows them (after a space, a combining mark or any other
    /// non-ASCII character could belong to the space's cluster, so the word goes on); else at `end`.
    static func wordEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int {
        var index = start
        while index < end {
            guard text[index] == 0x20 else {
                index += 1
                continue
            }
            var after = index + 1
            while after < end && text[after] == 0x20 { after += 1 }
            if after < end && text[after] > 0x20 && text[after] < 0x7F { return after }
            index = after
        }
        return end
    }

    private static func glyphs(of buffer: OpaquePointer, scale: Double) -> [ShapedGlyph] {
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), count > 0,
            let positions = hb_buffer_get_glyph_positions(buffer, nil)
        else { return [] }
        return (0..<Int(count)).map { placed(rawGlyph(infos[$0], positions[$0]), from: 0, scale: scale) }
    }

    private static func wordGlyphs(of buffer: OpaquePointer) -> [WordShapes.Glyph] {
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count), count > 0,
            let positions = hb_buffer_get_glyph_positions(buffer, nil)
        else { return [] }
        return (0..<Int(count)).map { rawGlyph(infos[$0], positions[$0]) }
    }

    @inline(__always) private static func rawGlyph(_ info: hb_glyph_info_t, _ position: hb_glyph_position_t) -> WordShapes.Glyph {
        WordShapes.Glyph(
            id: info.codepoint, cluster: Int32(info.cluster), xAdvance: position.x_advance, xOffset: position.x_offset,
            yOffset: position.y_offset)
    }

    /// A glyph in font units, its cluster counted from `offset`, in points at `scale`: the one
    /// conversion both ways of shaping use, so they give the same numbers.
    @inline(__always) private static func placed(_ glyph: WordShapes.Glyph, from offset: Int32, scale: Double) -> ShapedGlyph {
        ShapedGlyph(
            id: glyph.id, cluster: offset + glyph.cluster, advance: Double(glyph.xAdvance) * scale,
            xOffset: Double(glyph.xOffset) * scale,
            // HarfBuzz's y grows upwards; frames use a y-down page.
            yOffset: -Double(glyph.yOffset) * scale)
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
