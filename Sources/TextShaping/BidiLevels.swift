import CFriBidi

/// Bidi embedding levels of a paragraph (UAX #9 rules P2–I2), one per Unicode scalar, from FriBidi.
enum BidiLevels {
    /// Returns the levels and the resolved base direction. Paragraphs with no right-to-left character
    /// and no explicit bidi control skip FriBidi: they are all level 0 (or level 1 for forced RTL
    /// handled by FriBidi as usual).
    static func resolve(_ scalars: [UInt32], direction: TextDirection) -> (levels: [UInt8], base: TextDirection) {
        if direction != .rightToLeft, !scalars.contains(where: needsBidi) {
            return ([UInt8](repeating: 0, count: scalars.count), .leftToRight)
        }
        let count = scalars.count
        guard count > 0 else { return ([], direction == .rightToLeft ? .rightToLeft : .leftToRight) }
        var types = [FriBidiCharType](repeating: FriBidiCharType(0), count: count)
        var brackets = [FriBidiBracketType](repeating: FriBidiBracketType(0), count: count)
        var levels = [FriBidiLevel](repeating: 0, count: count)
        var base: FriBidiParType
        switch direction {
        case .leftToRight: base = folio_fribidi_par_ltr()
        case .rightToLeft: base = folio_fribidi_par_rtl()
        case .auto: base = folio_fribidi_par_on()
        }
        scalars.withUnsafeBufferPointer { text in
            fribidi_get_bidi_types(text.baseAddress, FriBidiStrIndex(count), &types)
            fribidi_get_bracket_types(text.baseAddress, FriBidiStrIndex(count), types, &brackets)
        }
        let result = fribidi_get_par_embedding_levels_ex(types, brackets, FriBidiStrIndex(count), &base, &levels)
        guard result != 0 else {
            // Allocation failure inside FriBidi: fall back to the base direction for every character.
            let level: UInt8 = direction == .rightToLeft ? 1 : 0
            return ([UInt8](repeating: level, count: count), level == 1 ? .rightToLeft : .leftToRight)
        }
        let resolvedBase: TextDirection = base == folio_fribidi_par_rtl() ? .rightToLeft : .leftToRight
        return (levels.map { UInt8(bitPattern: $0) }, resolvedBase)
    }

    /// Right-to-left scripts and explicit directional formatting characters.
    @inline(__always) static func needsBidi(_ value: UInt32) -> Bool {
        switch value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
