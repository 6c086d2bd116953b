import FolioTestSupport
import Foundation
import Testing
import TextShaping
@testable import PDFOutput

/// A subset kept by a font for later documents must serve them exactly as a fresh one would: the
/// same glyph numbers, the same compressed font file, the same bytes in the PDF.
@Suite struct CompressedSubsetTests {
    /// A program of its own, so its memo of subsets starts empty (the shared one is process-wide).
    let program: FontProgram

    init() throws {
        program = try FontProgram(path: try FontRegistry.bundled().face(family: "Noto Sans").path)
    }

    private func glyphSet(seed: UInt64, count: Int) -> [Int] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % program.glyphCount
        }
    }

    @Test func glyphNumbersAreTheSubsetsOwn() throws {
        for seed in 1...5 as ClosedRange<UInt64> {
            let glyphs = glyphSet(seed: seed, count: 40 * Int(seed))
            let subset = TrueTypeSubsetter.subset(program, glyphs: glyphs)
            let compressed = CompressedSubset(subset, deflater: try Deflater())
            #expect(compressed.length == subset.font.count)
            let mismatched = (0..<program.glyphCount).filter { compressed.newGlyph(for: UInt16($0)) != subset.newGlyph[$0] }
            #expect(mismatched.isEmpty, "seed \(seed): \(mismatched.prefix(5))")
        }
    }

    @Test func theCompressedFontInflatesToTheSubset() throws {
        let subset = TrueTypeSubsetter.subset(program, glyphs: glyphSet(seed: 9, count: 120))
        let compressed = CompressedSubset(subset, deflater: try Deflater())
        let inflate = "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"
        let inflated = try ExternalTool.run("python3", ["-c", inflate], input: Data(compressed.compressed))
        #expect(inflated.status == 0, "\(inflated.standardError)")
        #expect(Array(inflated.standardOutputBytes) == subset.font)
    }

    /// Writes a font whose CIDs stand for `glyphs` in that order.
    private func written(_ glyphs: [Int]) throws -> [UInt8] {
        let file = try PDFObjectFile(target: .memory)
        var font = EmbeddedFont(program: program, resourceName: "F1", objectNumber: file.allocate())
        for (index, glyph) in glyphs.enumerated() {
            let text = Array("\(index)".utf8)
            _ = text.withUnsafeBufferPointer { font.cid(glyph: UInt32(glyph), text: $0) }
        }
        font.write(to: file)
        return try file.finish(catalog: 1, info: 1)
    }

    @Test func aKeptSubsetWritesTheSameBytesAsANewOne() throws {
        let glyphs = glyphSet(seed: 3, count: 80)
        let first = try written(glyphs)
        #expect(program.subsets.count == 1)
        let second = try written(glyphs)
        #expect(program.subsets.count == 1, "the second document found the subset")
        #expect(first == second)
        // Another order of first use: other CIDs, the same subset.
        _ = try written(glyphs.reversed())
        #expect(program.subsets.count == 1)
    }

    /// Glyphs asked for count .notdef, which every font holds as CID 0.
    @Test func aLargeSubsetIsNotKept() throws {
        _ = try written(Array(1...FontProgram.keptSubsetGlyphs))
        #expect(program.subsets.count == 0, "a subset of more than \(FontProgram.keptSubsetGlyphs) glyphs is made for its document only")
        _ = try written(Array(1..<FontProgram.keptSubsetGlyphs))
        #expect(program.subsets.count == 1)
    }
}
