/// One font as a document uses it: the character codes (CIDs) handed out for its glyphs, each
/// with the text it stands for, written at the end as a Type 0 font with an embedded TrueType
/// subset, widths, and a ToUnicode map.
///
/// A CID is a (glyph, text) pair, not a glyph: the same glyph standing for different text (a
/// space for U+0020 and for U+00A0, a ligature) gets a CID per text, so every CID extracts exactly
/// as the source text it was shaped from.
///
/// A value, mutated in place through the writer's array: CIDs are looked up once per glyph, and
/// a class's stored properties would pay a dynamic exclusivity check on every access.
struct EmbeddedFont {
    let program: FontProgram
    /// `/F1`, `/F2`… in page resources.
    let resourceName: [UInt8]
    /// The Type 0 font object, allocated when the font is first used and written by ``write(to:)``.
    let objectNumber: Int
    /// Glyph and text by CID; CID 0 is `.notdef` with no text.
    private var glyphs: [UInt16] = [0]
    private var texts: [[UInt8]] = [[]]
    /// Each CID's text packed into an integer (see ``pack(_:)``), for a comparison per glyph
    /// instead of an array comparison.
    private var packedTexts: [UInt64] = [EmbeddedFont.unpackable]
    /// Widths by CID in thousandths of an em, as written in `/W` and used for positioning.
    private(set) var widths: [Double] = [0]
    /// The CID of each glyph with the first text seen for it (the usual case: one text per glyph).
    private var firstCID: [UInt16]
    /// CIDs of further (glyph, text) pairs.
    private var otherCIDs: [OtherKey: UInt16] = [:]
    private let widthScale: Double

    private struct OtherKey: Hashable {
        var glyph: UInt16
        var text: [UInt8]
    }

    private static let unpackable = UInt64.max

    init(program: FontProgram, resourceName: String, objectNumber: Int) {
        self.program = program
        self.resourceName = Array(resourceName.utf8)
        self.objectNumber = objectNumber
        firstCID = [UInt16](repeating: 0, count: program.glyphCount)
        widthScale = 1000 / Double(program.unitsPerEm)
        // CID 0 is glyph 0: its /W entry is that glyph's advance like every other (PDF/A compares
        // /W with the embedded hmtx).
        widths[0] = Self.width(program.advance(of: 0), scale: widthScale)
    }

    /// Up to seven UTF-8 bytes and their count in one integer; texts are rarely longer than one
    /// character, so almost every glyph is matched by one integer comparison.
    @inline(__always) private static func pack(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard text.count <= 7 else { return unpackable }
        var packed = UInt64(text.count) << 56
        for index in 0..<text.count { packed |= UInt64(text[index]) << UInt64(8 * index) }
        return packed
    }

    /// The CID that shows `glyph` and extracts as `text` (UTF-8).
    mutating func cid(glyph: UInt32, text: UnsafeBufferPointer<UInt8>) -> UInt16 {
        let glyph = glyph < UInt32(program.glyphCount) ? UInt16(glyph) : 0
        let packed = Self.pack(text)
        let first = firstCID[Int(glyph)]
        if first == 0 {
            // Two-byte codes run out after 65,535 pairs (only possible with tens of thousands of
            // distinct characters, e.g. all drawn as .notdef): a new glyph then gets code 0 and a
            // known glyph its first code, so nothing crashes and the page stays drawable.
            guard glyphs.count < 0xFFFF else { return 0 }
            let cid = add(glyph: glyph, text: Array(text), packed: packed)
            firstCID[Int(glyph)] = cid
            return cid
        }
        if packed != Self.unpackable, packedTexts[Int(first)] == packed { return first }
        if packed == Self.unpackable, texts[Int(first)].elementsEqual(text) { return first }
        let key = OtherKey(glyph: glyph, text: Array(text))
        if let other = otherCIDs[key] { return other }
        guard glyphs.count < 0xFFFF else { return first }
        let cid = add(glyph: glyph, text: key.text, packed: packed)
        otherCIDs[key] = cid
        return cid
    }

    private mutating func add(glyph: UInt16, text: [UInt8], packed: UInt64) -> UInt16 {
        glyphs.append(glyph)
        texts.append(text)
        packedTexts.append(packed)
        // Whole-unit widths are exact for 1000-unit fonts; others keep a tenth of a unit.
        widths.append(Self.width(program.advance(of: Int(glyph)), scale: widthScale))
        return UInt16(glyphs.count - 1)
    }

    private static func width(_ advance: Int, scale: Double) -> Double {
        (Double(advance) * scale * 10).rounded() / 10
    }

    /// Writes the Type 0 font, its descendant CIDFontType2, descriptor, font file, CID-to-glyph
    /// map and ToUnicode CMap.
    func write(to file: PDFObjectFile) {
        // A glyph standing for two texts has two CIDs; the subset wants it once.
        var requested: [UInt16] = []
        requested.reserveCapacity(glyphs.count)
        for glyph in glyphs.sorted() where glyph != requested.last { requested.append(glyph) }
        func make() -> CompressedSubset {
            CompressedSubset(TrueTypeSubsetter.subset(program, glyphs: requested.lazy.map { Int($0) }), deflater: file.deflater)
        }
        // Large subsets (a page of CJK text) are not kept: 32 of them could hold tens of megabytes
        // for the life of the process, and they rarely recur.
        let subset = requested.count <= FontProgram.keptSubsetGlyphs ? program.subsets.value(for: requested, make) : make()
        let name = subsetTag() + "+" + program.postScriptName
        let descendant = file.allocate(), descriptor = file.allocate(), fontFile = file.allocate()
        let cidMap = file.allocate(), toUnicode = file.allocate()

        file.object(objectNumber) { pdf in
            pdf.append("<</Type/Font/Subtype/Type0/BaseFont")
            pdf.appendName(name)
            pdf.append("/Encoding/Identity-H/DescendantFonts[")
            pdf.appendReference(descendant)
            pdf.append("]/ToUnicode ")
            pdf.appendReference(toUnicode)
            pdf.append(">>")
        }
        file.object(descendant) { pdf in
            pdf.append("<</Type/Font/Subtype/CIDFontType2/BaseFont")
            pdf.appendName(name)
            pdf.append("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ")
            pdf.appendReference(descriptor)
            pdf.append("/DW 0/W[0[")
            for (index, width) in widths.enumerated() {
                if index > 0 { pdf.append(UInt8(ascii: " ")) }
                pdf.append(width)
            }
            pdf.append("]]/CIDToGIDMap ")
            pdf.appendReference(cidMap)
            pdf.append(">>")
        }
        let scale = widthScale
        file.object(descriptor) { pdf in
            pdf.append("<</Type/FontDescriptor/FontName")
            pdf.appendName(name)
            // Symbolic (4): the font's own glyphs, addressed by CID, not a standard encoding.
            pdf.append("/Flags ")
            pdf.append(program.isFixedPitch ? 5 : 4)
            pdf.append("/FontBBox[")
            let box = program.boundingBox
            for (index, value) in [box.0, box.1, box.2, box.3].enumerated() {
                if index > 0 { pdf.append(UInt8(ascii: " ")) }
                pdf.append((Double(value) * scale).rounded())
            }
            pdf.append("]/ItalicAngle ")
            pdf.append(program.italicAngle)
            pdf.append("/Ascent ")
            pdf.append((Double(program.ascender) * scale).rounded())
            pdf.append("/Descent ")
            pdf.append((Double(program.descender) * scale).rounded())
            pdf.append("/CapHeight ")
            pdf.append((Double(program.capHeight) * scale).rounded())
            pdf.append("/StemV 80/FontFile2 ")
            pdf.appendReference(fontFile)
            pdf.append(">>")
        }
        file.stream(fontFile, compressed: subset.compressed) { pdf in
            pdf.append("/Length1 ")
            pdf.append(subset.length)
        }
        var map: [UInt8] = []
        map.reserveCapacity(glyphs.count * 2)
        for glyph in glyphs {
            let new = subset.newGlyph(for: glyph)
            map.append(UInt8(new >> 8))
            map.append(UInt8(new & 0xFF))
        }
        map.withUnsafeBytes { file.stream(cidMap, data: $0) }
        let cmap = toUnicodeCMap()
        cmap.bytes.withUnsafeBytes { file.stream(toUnicode, data: $0) }
    }

    /// Six capital letters derived from the glyph set: the same subset gets the same name, so the
    /// output is reproducible, and different subsets of one font differ.
    private func subsetTag() -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for glyph in glyphs {
            hash = (hash ^ UInt64(glyph)) &* 0x100_0000_01b3
        }
        hash ^= UInt64(resourceName.count)
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(hash % 26))))
            hash /= 26
        }
        return tag
    }

    private func toUnicodeCMap() -> PDFBuffer {
        var cmap = PDFBuffer(capacity: 256 + texts.count * 16)
        cmap.append("""
            /CIDInit/ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def
            /CMapName/Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000><FFFF>
            endcodespacerange

            """)
        let mapped = texts.indices.filter { !texts[$0].isEmpty }
        var start = 0
        while start < mapped.count {
            let block = mapped[start..<min(mapped.count, start + 100)]
            cmap.append(block.count)
            cmap.append(" beginbfchar\n")
            for cid in block {
                cmap.append(UInt8(ascii: "<"))
                cmap.appendHex16(UInt16(cid))
                cmap.append("><")
                for unit in String(decoding: texts[cid], as: UTF8.self).utf16 { cmap.appendHex16(unit) }
                cmap.append(">\n")
            }
            cmap.append("endbfchar\n")
            start += 100
        }
        cmap.append("""
            endcmap
            CMapName currentdict/CMap defineresource pop
            end
            end
            """)
        return cmap
    }
}
