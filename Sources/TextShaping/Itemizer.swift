import CHarfBuzz

/// Splits a paragraph into items of one bidi level, script, span and font: the units HarfBuzz shapes.
struct Itemizer {
    struct Item {
        var range: Range<Int>
        var level: UInt8
        var script: hb_script_t
        var spanIndex: Int
        var font: FontID
    }

    let registry: FontRegistry
    let spans: [ShapingSpan]

    /// Fonts are chosen per grapheme cluster (UAX #29, as Swift's `Character`), not per character:
    /// an emoji ZWJ sequence, a flag, a skin-tone or keycap sequence, or a letter with combining
    /// marks goes whole to the first font that has all its visible characters, so HarfBuzz sees the
    /// sequence in one font and forms its ligature. A cluster no single font covers falls back to
    /// the choice per character.
    func itemize(text: String, scalars: [UInt32], offsets: [Int], levels: [UInt8]) -> (runs: [Item], missing: [MissingGlyph]) {
        let count = scalars.count
        guard count > 0 else { return ([], []) }
        if let item = asciiItem(scalars: scalars, offsets: offsets, levels: levels) { return ([item], []) }
        let scripts = resolvedScripts(scalars)
        let clusterEnds = Self.clusterEnds(text, scalars: scalars)
        var glyphs = GlyphLookup(registry: registry)
        var items: [Item] = []
        var missing: [MissingGlyph] = []
        var spanCursor = 0
        var current: Item?
        var clusterIndex = 0
        var clusterEnd = 0
        var clusterFont: FontID?
        for index in 0..<count {
            let byteOffset = offsets[index]
            while spanCursor + 1 < spans.count, spans[spanCursor + 1].range.lowerBound <= byteOffset { spanCursor += 1 }
            if index >= clusterEnd {
                clusterFont = nil
                clusterEnd = index + 1
                if let clusterEnds {
                    while clusterEnds[clusterIndex] <= index { clusterIndex += 1 }
                    clusterEnd = clusterEnds[clusterIndex]
                    if clusterEnd - index > 1 {
                        let running = current?.spanIndex == spanCursor ? current?.font : nil
                        clusterFont = chooseFont(
                            forCluster: scalars[index..<clusterEnd], chain: spans[spanCursor].fonts, keeping: running, &glyphs)
                    }
                }
            }
            // A cluster crossing a span boundary keeps one font: its characters are shaped together.
            let font = clusterFont ?? {
                let scalar = Unicode.Scalar(scalars[index]) ?? "\u{FFFD}"
                let running = current?.spanIndex == spanCursor ? current?.font : nil
                if let font = chooseFont(for: scalar, chain: spans[spanCursor].fonts, keeping: running, &glyphs) { return font }
                if Self.isVisible(scalar) {
                    missing.append(MissingGlyph(scalar: scalar, offset: byteOffset, context: context(scalars, around: index)))
                }
                return running ?? spans[spanCursor].fonts.primary
            }()
            let byteEnd = offsets[index + 1]
            if var run = current, run.level == levels[index], run.script == scripts[index], run.spanIndex == spanCursor, run.font == font {
                run.range = run.range.lowerBound..<byteEnd
                current = run
            } else {
                if let run = current { items.append(run) }
                current = Item(range: byteOffset..<byteEnd, level: levels[index], script: scripts[index], spanIndex: spanCursor, font: font)
            }
        }
        if let run = current { items.append(run) }
        return (items, missing)
    }

    /// The scalar index after each grapheme cluster, or nil when every cluster is one scalar as far
    /// as font choice goes (most invoice text: walking the text by `Character` costs more than the
    /// rest of itemization).
    static func clusterEnds(_ text: String, scalars: [UInt32]) -> [Int]? {
        var mayJoin = false
        for value in scalars where mayJoinACluster(value) {
            mayJoin = true
            break
        }
        guard mayJoin else { return nil }
        var ends: [Int] = []
        ends.reserveCapacity(scalars.count)
        var position = 0
        for character in text {
            position += character.unicodeScalars.count
            ends.append(position)
        }
        return ends
    }

    /// False for characters that never extend a grapheme cluster nor join the next one: below
    /// U+0300 (only CR LF join there, both invisible), precomposed Latin (U+1E00–U+1EFF),
    /// punctuation, spaces and currency signs (U+2000–U+20CF but the joiners U+200C and U+200D),
    /// and the symbol blocks U+2100–U+2BFF (an emoji there is joined only by a following variation
    /// selector, modifier or ZWJ, which this answers true for). A superset of the real joiners is
    /// fine: it only costs the walk by `Character`.
    @inline(__always) static func mayJoinACluster(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        switch value {
        case 0x1E00...0x1EFF, 0x2000...0x200B, 0x200E...0x20CF, 0x2100...0x2BFF: return false
        default: return true
        }
    }

    /// The font for a cluster of several scalars: the running font when the cluster starts with a
    /// neutral character and the running font has all of it, else the first font of the chain with
    /// all its visible characters; nil when no single font has them all.
    private func chooseFont(forCluster cluster: ArraySlice<UInt32>, chain: FontChain, keeping running: FontID?, _ glyphs: inout GlyphLookup) -> FontID? {
        let visible = cluster.compactMap { Unicode.Scalar($0) }.filter(Self.isVisible)
        if visible.isEmpty { return running ?? chain.primary }
        func hasAll(_ id: FontID) -> Bool { visible.allSatisfy { glyphs.has(id, $0) } }
        if let running, Self.isNeutral(visible[0]), hasAll(running) { return running }
        return firstFont(in: chain, for: visible[0], where: hasAll)
    }

    /// The first font of the chain satisfying `accepts`; for a letter, symbol fonts come last.
    private func firstFont(in chain: FontChain, for scalar: Unicode.Scalar, where accepts: (FontID) -> Bool) -> FontID? {
        guard let first = chain.fonts.firstIndex(where: accepts) else { return nil }
        // The letter test (a property lookup) only when a symbol font would win.
        guard registry.isSymbolFont(chain.fonts[first]), scalar.properties.isAlphabetic else { return chain.fonts[first] }
        return chain.fonts[(first + 1)...].first { !registry.isSymbolFont($0) && accepts($0) } ?? chain.fonts[first]
    }

    /// One span of printable ASCII at level 0 that its primary font covers (amounts, codes, most
    /// table cells) is one item: every scalar is Latin or Common (resolved to Latin), and the
    /// per-scalar font choice below keeps the primary font throughout.
    private func asciiItem(scalars: [UInt32], offsets: [Int], levels: [UInt8]) -> Item? {
        guard spans.count == 1 else { return nil }
        let primary = spans[0].fonts.primary
        let face = registry.face(for: primary)  // shaped anyway: opening it here costs nothing more
        for index in scalars.indices {
            let value = scalars[index]
            guard value < 0x80, levels[index] == 0 else { return nil }
            if value >= 0x20, value != 0x7F, !face.hasGlyph(for: Unicode.Scalar(UInt8(value))) { return nil }
        }
        return Item(range: offsets[0]..<offsets[scalars.count], level: 0, script: HB_SCRIPT_LATIN, spanIndex: 0, font: primary)
    }

    /// The first font of the chain with the character; neutral characters (spaces, digits,
    /// punctuation, marks) stay in the running font when it has them, so a run is not split needlessly.
    private func chooseFont(for scalar: Unicode.Scalar, chain: FontChain, keeping running: FontID?, _ glyphs: inout GlyphLookup) -> FontID? {
        if let running, Self.isNeutral(scalar), glyphs.has(running, scalar) || !Self.isVisible(scalar) {
            return running
        }
        if !Self.isVisible(scalar) { return running ?? chain.primary }
        // Written out rather than through firstFont(in:for:where:): this runs for every letter of
        // every paragraph that is not plain ASCII, and the closure calls showed in callgrind profiles.
        let fonts = chain.fonts
        for index in fonts.indices where glyphs.has(fonts[index], scalar) {
            guard registry.isSymbolFont(fonts[index]), scalar.properties.isAlphabetic else { return fonts[index] }
            for later in fonts[(index + 1)...] where !registry.isSymbolFont(later) && glyphs.has(later, scalar) { return later }
            return fonts[index]
        }
        return nil
    }

    /// Characters with no glyph of their own: controls and default-ignorables (ZWJ, bidi marks, …).
    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII without a Unicode property lookup (most of an invoice): only C0 controls and DEL
        // are invisible there.
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value != 0x7F }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint { return false }
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return false
        default: return true
        }
    }

    static func isNeutral(_ scalar: Unicode.Scalar) -> Bool {
        // In ASCII every character but the Latin letters is a space, digit, punctuation, symbol or
        // control: the categories below, answered without a property lookup.
        if scalar.value < 0x80 {
            let value = scalar.value | 0x20
            return !(value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .decimalNumber, .otherPunctuation, .dashPunctuation, .openPunctuation,
            .closePunctuation, .initialPunctuation, .finalPunctuation, .connectorPunctuation,
            .mathSymbol, .currencySymbol, .nonspacingMark, .enclosingMark, .spacingMark, .modifierSymbol:
            return true
        default:
            return !isVisible(scalar)
        }
    }

    /// Script per scalar with Common/Inherited resolved to the surrounding real script.
    private func resolvedScripts(_ scalars: [UInt32]) -> [hb_script_t] {
        let functions = hb_unicode_funcs_get_default()
        var scripts = scalars.map { hb_unicode_script(functions, $0) }
        var last: hb_script_t?
        for index in scripts.indices {
            if Self.isReal(scripts[index]) { last = scripts[index] } else if let last { scripts[index] = last }
        }
        // Leading neutrals take the first real script that follows them.
        if let firstReal = scripts.firstIndex(where: Self.isReal) {
            for index in 0..<firstReal { scripts[index] = scripts[firstReal] }
        } else {
            for index in scripts.indices { scripts[index] = HB_SCRIPT_LATIN }
        }
        return scripts
    }

    private static func isReal(_ script: hb_script_t) -> Bool {
        script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INHERITED && script != HB_SCRIPT_UNKNOWN
    }

    private func context(_ scalars: [UInt32], around index: Int) -> String {
        let lower = max(0, index - 12)
        let upper = min(scalars.count, index + 13)
        var text = String.UnicodeScalarView()
        for value in scalars[lower..<upper] { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
        return String(text)
    }
}

/// Glyph questions of one paragraph: the last two fonts found to have a character are kept at
/// hand (a paragraph rarely needs more), so later questions go straight to their cmaps instead of
/// through the registry's lock. A value on the stack: a per-paragraph table cost more than it saved.
struct GlyphLookup {
    private let registry: FontRegistry
    private var recent: (id: Int, face: FontFace)?
    private var older: (id: Int, face: FontFace)?

    init(registry: FontRegistry) {
        self.registry = registry
    }

    @inline(__always) mutating func has(_ id: FontID, _ scalar: Unicode.Scalar) -> Bool {
        if let recent, recent.id == id.rawValue { return recent.face.hasGlyph(for: scalar) }
        if let older, older.id == id.rawValue { return older.face.hasGlyph(for: scalar) }
        guard let face = registry.face(id, having: scalar) else { return false }
        older = recent
        recent = (id.rawValue, face)
        return true
    }
}
