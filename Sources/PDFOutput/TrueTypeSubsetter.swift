/// Cuts a TrueType font down to the glyphs a document uses, for embedding as `/FontFile2`.
///
/// Glyphs are renumbered densely (0 stays `.notdef`; components of composite glyphs are pulled
/// in). Hinting is kept — glyph instructions and `cvt `, `fpgm`, `prep`, `gasp` — because
/// rasterisers that render without anti-aliasing (Ghostscript by default, printer RIPs at low
/// resolution) drop thin strokes of unhinted small text. Only the tables a PDF viewer reads for a
/// CIDFontType2 are written besides: `glyf`, `head`, `hhea`, `hmtx`, `loca`, `maxp`, `post`.
///
/// ```swift
/// let subset = TrueTypeSubsetter.subset(program, glyphs: [0, 36, 68])
/// subset.newGlyph[36]   // 1 (0 for glyphs not kept)
/// ```
enum TrueTypeSubsetter {
    struct Subset {
        var font: [UInt8]
        /// New glyph index by old glyph index (0 for glyphs not kept).
        var newGlyph: [UInt16]
        /// The old index of each glyph kept, by new index: ascending, `.notdef` first.
        var kept: [UInt16]
    }

    private static let argumentsAreWords: UInt16 = 0x0001
    private static let hasScale: UInt16 = 0x0008
    private static let moreComponents: UInt16 = 0x0020
    private static let hasXYScale: UInt16 = 0x0040
    private static let hasTwoByTwo: UInt16 = 0x0080

    static func subset(_ program: FontProgram, glyphs: some Sequence<Int>) -> Subset {
        let data = program.data
        var keep = [Bool](repeating: false, count: program.glyphCount)
        keep[0] = true
        var pending: [Int] = []
        for glyph in glyphs where glyph > 0 && glyph < program.glyphCount && !keep[glyph] {
            keep[glyph] = true
            pending.append(glyph)
        }
        while let glyph = pending.popLast() {
            forEachComponent(of: program.outline(of: glyph), in: data) { offset in
                let component = Int(FontProgram.u16(data, offset))
                if component < program.glyphCount, !keep[component] {
                    keep[component] = true
                    pending.append(component)
                }
            }
        }
        var order: [Int] = []
        var newGlyph = [UInt16](repeating: 0, count: program.glyphCount)
        for glyph in keep.indices where keep[glyph] {
            newGlyph[glyph] = UInt16(order.count)
            order.append(glyph)
        }

        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        var hmtx: [UInt8] = []
        loca.reserveCapacity((order.count + 1) * 4)
        hmtx.reserveCapacity(order.count * 4)
        for glyph in order {
            appendU32(&loca, UInt32(glyf.count))
            appendU16(&hmtx, UInt16(program.advance(of: glyph)))
            appendU16(&hmtx, UInt16(bitPattern: program.leftSideBearing(of: glyph)))
            appendGlyph(program.outline(of: glyph), of: data, renumbering: newGlyph, to: &glyf)
            if glyf.count % 2 == 1 { glyf.append(0) }
        }
        appendU32(&loca, UInt32(glyf.count))

        func copy(_ tag: String, count: Int? = nil) -> [UInt8] {
            let range = program.tables[tag]!
            return Array(data[range.lowerBound..<range.lowerBound + min(range.count, count ?? range.count)])
        }
        var head = copy("head", count: 54)
        put32(&head, 8, 0)  // checkSumAdjustment, set below
        put16(&head, 50, 1)  // long loca offsets
        var hhea = copy("hhea", count: 36)
        put16(&hhea, 34, UInt16(order.count))
        var maxp = copy("maxp")
        put16(&maxp, 4, UInt16(order.count))
        var post = program.tables["post"].map { _ in copy("post", count: 32) } ?? [UInt8](repeating: 0, count: 32)
        if post.count < 32 { post += [UInt8](repeating: 0, count: 32 - post.count) }
        put32(&post, 0, 0x0003_0000)  // no glyph names

        var tables = [("glyf", glyf), ("head", head), ("hhea", hhea), ("hmtx", hmtx), ("loca", loca), ("maxp", maxp), ("post", post)]
        for tag in ["cvt ", "fpgm", "gasp", "prep"] where program.tables[tag] != nil { tables.append((tag, copy(tag))) }
        tables.sort { $0.0 < $1.0 }  // the table directory is sorted by tag
        var font = assemble(tables)
        let headRecord = 12 + 16 * tables.firstIndex { $0.0 == "head" }!
        let headOffset = Int(font[headRecord + 8]) << 24 | Int(font[headRecord + 9]) << 16 | Int(font[headRecord + 10]) << 8 | Int(font[headRecord + 11])
        put32(&font, headOffset + 8, 0xB1B0_AFBA &- checksum(font[...]))
        return Subset(font: font, newGlyph: newGlyph, kept: order.map { UInt16($0) })
    }

    /// Calls `body` with the offset of each component's glyph index in a composite glyph.
    private static func forEachComponent(of outline: Range<Int>, in data: FontBytes, _ body: (Int) -> Void) {
        guard outline.count >= 10, FontProgram.i16(data, outline.lowerBound) < 0 else { return }
        var offset = outline.lowerBound + 10
        while offset + 4 <= outline.upperBound {
            let flags = FontProgram.u16(data, offset)
            body(offset + 2)
            offset += 4 + componentArgumentsLength(flags)
            if flags & moreComponents == 0 { break }
        }
    }

    private static func componentArgumentsLength(_ flags: UInt16) -> Int {
        var length = flags & argumentsAreWords != 0 ? 4 : 2
        if flags & hasScale != 0 {
            length += 2
        } else if flags & hasXYScale != 0 {
            length += 4
        } else if flags & hasTwoByTwo != 0 {
            length += 8
        }
        return length
    }

    /// Appends the outline as it is; composite glyphs get their component indices renumbered.
    private static func appendGlyph(_ outline: Range<Int>, of data: FontBytes, renumbering newGlyph: [UInt16], to glyf: inout [UInt8]) {
        guard outline.count >= 10 else { return }
        let start = glyf.count
        glyf.append(contentsOf: data[outline])
        guard FontProgram.i16(data, outline.lowerBound) < 0 else { return }
        var position = start + 10
        while position + 4 <= glyf.count {
            let flags = UInt16(glyf[position]) << 8 | UInt16(glyf[position + 1])
            let old = Int(UInt16(glyf[position + 2]) << 8 | UInt16(glyf[position + 3]))
            put16(&glyf, position + 2, old < newGlyph.count ? newGlyph[old] : 0)
            position += 4 + componentArgumentsLength(flags)
            if flags & moreComponents == 0 { break }
        }
    }

    private static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        var power = 1, selector = 0
        while power * 2 <= tables.count {
            power *= 2
            selector += 1
        }
        var font: [UInt8] = []
        font.reserveCapacity(12 + tables.count * 16 + tables.reduce(0) { $0 + $1.1.count + 3 })
        appendU32(&font, 0x0001_0000)
        appendU16(&font, UInt16(tables.count))
        appendU16(&font, UInt16(power * 16))
        appendU16(&font, UInt16(selector))
        appendU16(&font, UInt16(tables.count * 16 - power * 16))
        var offset = 12 + tables.count * 16
        for (tag, bytes) in tables {
            font.append(contentsOf: tag.utf8)
            appendU32(&font, checksum(bytes[...]))
            appendU32(&font, UInt32(offset))
            appendU32(&font, UInt32(bytes.count))
            offset += (bytes.count + 3) & ~3
        }
        for (_, bytes) in tables {
            font.append(contentsOf: bytes)
            while font.count % 4 != 0 { font.append(0) }
        }
        return font
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var sum: UInt32 = 0
            let whole = buffer.count & ~3
            var index = 0
            while index < whole {
                sum = sum &+ (UInt32(buffer[index]) << 24 | UInt32(buffer[index + 1]) << 16 | UInt32(buffer[index + 2]) << 8 | UInt32(buffer[index + 3]))
                index += 4
            }
            var last: UInt32 = 0
            for (position, byte) in buffer[whole...].enumerated() { last |= UInt32(byte) << UInt32(24 - 8 * position) }
            return sum &+ last
        }
    }

    private static func appendU16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    private static func appendU32(_ bytes: inout [UInt8], _ value: UInt32) {
        appendU16(&bytes, UInt16(value >> 16))
        appendU16(&bytes, UInt16(value & 0xFFFF))
    }

    private static func put16(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(value & 0xFF)
    }

    private static func put32(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt32) {
        put16(&bytes, offset, UInt16(value >> 16))
        put16(&bytes, offset + 2, UInt16(value & 0xFFFF))
    }
}
