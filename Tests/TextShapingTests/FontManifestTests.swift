import Foundation
import Testing
@testable import TextShaping

/// `Fonts/manifest.tsv` lets the registry list and choose fonts without opening them: every line
/// must say what the opened font says, or fallback would skip a font that has a character.
@Suite struct FontManifestTests {
    let directory = try! FontLocator.bundledFontsDirectory()

    @Test func everyBundledFontHasALineWithItsSize() throws {
        let manifest = try #require(FontManifest(directory: directory))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".ttf") }
        #expect(files.count == 17)
        #expect(Set(manifest.entries.keys) == Set(files))
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: directory + "/" + file)[.size] as? Int
            #expect(manifest.entries[file]?.byteCount == size, "\(file)")
        }
    }

    @Test(arguments: try! FileManager.default.contentsOfDirectory(atPath: try! FontLocator.bundledFontsDirectory())
        .filter { $0.hasSuffix(".ttf") }.sorted())
    func lineAgreesWithTheOpenedFont(_ file: String) throws {
        let entry = try #require(FontManifest(directory: directory)?.entries[file])
        let face = try FontFace(id: FontID(rawValue: 0), path: directory + "/" + file)
        let coverage = try #require(CodePointCoverage(hexRanges: entry.coverageText[...]))
        #expect(entry.family == face.familyName)
        #expect(entry.style == face.style)
        // Every code point, so the coverage is exactly the font's cmap (surrogates are no scalars).
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if coverage.contains(value) != face.hasGlyph(for: scalar), disagreements.count < 5 {
                disagreements.append(String(value, radix: 16))
            }
        }
        #expect(disagreements.isEmpty, "\(file): \(disagreements)")
    }

    @Test func coverageParsesRangesAndRejectsDisorder() throws {
        let coverage = try #require(CodePointCoverage(hexRanges: "20-7E,A0,4E00-9FA5"))
        #expect(coverage.contains(0x41) && coverage.contains(0xA0) && coverage.contains(0x4E00) && coverage.contains(0x9FA5))
        #expect(!coverage.contains(0x1F) && !coverage.contains(0x7F) && !coverage.contains(0xA1) && !coverage.contains(0x9FA6))
        #expect(CodePointCoverage(hexRanges: "100,20") == nil)
        #expect(CodePointCoverage(hexRanges: "7E-20") == nil)
        #expect(CodePointCoverage(hexRanges: "zz") == nil)
    }
}
