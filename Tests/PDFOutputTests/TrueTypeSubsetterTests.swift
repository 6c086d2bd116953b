import Foundation
import Testing
import TextShaping
@testable import PDFOutput

/// The subset font must be a valid TrueType font on its own: dense glyph numbers, composite
/// components kept and renumbered, hinting dropped, correct table checksums.
@Suite struct TrueTypeSubsetterTests {
    let program: FontProgram

    init() throws {
        let registry = try FontRegistry.bundled()
        program = try FontProgram(path: registry.face(family: "Noto Sans").path)
    }

    func u16(_ bytes: [UInt8], _ offset: Int) -> Int { Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) }
    func u16(_ bytes: FontBytes, _ offset: Int) -> Int { Int(FontProgram.u16(bytes, offset)) }

    /// The first composite glyph of the font and its components.
    func compositeGlyph() throws -> (glyph: Int, components: [Int]) {
        for glyph in 1..<program.glyphCount {
            let outline = program.outline(of: glyph)
            guard outline.count > 10, FontProgram.i16(program.data, outline.lowerBound) < 0 else { continue }
            var components: [Int] = []
            var offset = outline.lowerBound + 10
            while true {
                let flags = u16(program.data, offset)
                components.append(u16(program.data, offset + 2))
                offset += 4 + (flags & 1 != 0 ? 4 : 2) + (flags & 8 != 0 ? 2 : flags & 0x40 != 0 ? 4 : flags & 0x80 != 0 ? 8 : 0)
                if flags & 0x20 == 0 { break }
            }
            return (glyph, components)
        }
        throw PDFOutputError(operation: "test", reason: "no composite glyph")
    }

    @Test func compositeGlyphsBringTheirComponentsRenumbered() throws {
        let (composite, components) = try compositeGlyph()
        let subset = TrueTypeSubsetter.subset(program, glyphs: [composite, 36])
        let font = try FontProgram(data: subset.font, origin: "subset")
        let kept = Set([0, 36, composite] + components)
        #expect(font.glyphCount == kept.count)
        #expect(subset.newGlyph[0] == 0)
        // Dense, in the original order.
        #expect(kept.sorted().map { Int(subset.newGlyph[$0]) } == Array(0..<kept.count))
        let outline = font.outline(of: Int(subset.newGlyph[composite]))
        #expect(FontProgram.i16(font.data, outline.lowerBound) < 0)
        #expect(u16(font.data, outline.lowerBound + 12) == Int(subset.newGlyph[components[0]]))
        for component in components {
            #expect(font.advance(of: Int(subset.newGlyph[component])) == program.advance(of: component))
        }
        #expect(font.advance(of: Int(subset.newGlyph[36])) == program.advance(of: 36))
    }

    @Test func hintingIsKeptAndOnlyTheNeededTablesRemain() throws {
        let subset = TrueTypeSubsetter.subset(program, glyphs: Array(36..<90))
        let font = try FontProgram(data: subset.font, origin: "subset")
        #expect(font.tables.keys.sorted() == ["cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post", "prep"])
        for tag in ["cvt ", "fpgm", "prep"] {
            #expect(font.tables[tag]?.count == program.tables[tag]?.count, "\(tag) copied whole")
        }
        // Every glyph keeps its outline and instructions byte for byte (simple glyphs need no renumbering).
        for glyph in 36..<90 where FontProgram.i16(program.data, program.outline(of: glyph).lowerBound) >= 0 {
            let original = Array(program.data[program.outline(of: glyph)])
            let kept = Array(font.data[font.outline(of: Int(subset.newGlyph[glyph]))])
            #expect(kept.prefix(original.count).elementsEqual(original), "glyph \(glyph)")
        }
        #expect(subset.font.count < 40_000, "54 glyphs of a 512 KB font: \(subset.font.count) bytes")
    }

    @Test func tableChecksumsAndTheWholeFontChecksumAreRight() throws {
        let font = TrueTypeSubsetter.subset(program, glyphs: [36, 37, 38]).font
        func sum(_ range: Range<Int>) -> UInt32 {
            var total: UInt32 = 0
            for start in stride(from: range.lowerBound, to: range.upperBound, by: 4) {
                var word: UInt32 = 0
                for index in 0..<4 { word = word << 8 | UInt32(start + index < range.upperBound ? font[start + index] : 0) }
                total = total &+ word
            }
            return total
        }
        let tables = u16(font, 4)
        for index in 0..<tables {
            let record = 12 + index * 16
            let tag = String(decoding: font[record..<record + 4], as: UTF8.self)
            let stored = UInt32(u16(font, record + 4)) << 16 | UInt32(u16(font, record + 6))
            let offset = UInt32(u16(font, record + 8)) << 16 | UInt32(u16(font, record + 10))
            let length = UInt32(u16(font, record + 12)) << 16 | UInt32(u16(font, record + 14))
            var expected = sum(Int(offset)..<Int(offset + length))
            if tag == "head" {
                let adjustment = UInt32(u16(font, Int(offset) + 8)) << 16 | UInt32(u16(font, Int(offset) + 10))
                expected = expected &- adjustment
            }
            #expect(stored == expected, "checksum of \(tag)")
        }
        #expect(sum(0..<font.count) == 0xB1B0_AFBA)
    }

    @Test func aDamagedFontIsAnErrorOrADamagedSubsetNeverACrash() throws {
        let original = Array(program.data.bytes)
        #expect {
            try FontProgram(data: Array(original.prefix(original.count / 2)), origin: "half.ttf")
        } throws: { error in
            (error as? PDFOutputError).map { $0.operation == "embedding font half.ttf" && $0.reason.contains("truncated: table") } ?? false
        }
        // Scramble the glyph data: outlines become garbage, composite component indices wild.
        var scrambled = original
        let glyf = try #require(program.tables["glyf"])
        var seed: UInt32 = 12345
        for index in stride(from: glyf.lowerBound, to: glyf.upperBound, by: 7) {
            seed = seed &* 1_103_515_245 &+ 12345
            scrambled[index] = UInt8(truncatingIfNeeded: seed >> 16)
        }
        let damaged = try FontProgram(data: scrambled, origin: "scrambled.ttf")
        let subset = TrueTypeSubsetter.subset(damaged, glyphs: Array(1..<damaged.glyphCount))
        #expect(subset.font.count > 0)
    }
}
