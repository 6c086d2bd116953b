import Testing
@testable import TextShaping

@Suite struct FontRegistryTests {
    let registry = try! FontRegistry.bundled()

    @Test func bundledFontsAreNotoPlusCJKSymbolAndEmojiFallbacks() {
        #expect(registry.count == 17)
        #expect(Set(registry.familyNames) == [
            "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Mono", "Noto Sans Thai", "Noto Sans Devanagari",
            "Droid Sans Fallback", "Symbola", "Unifont Upper",
        ])
    }

    @Test func aLatinParagraphOpensNoFallbackFont() throws {
        // A registry of its own: the shared one may have been used by other tests.
        let fresh = try FontRegistry(directory: try FontLocator.bundledFontsDirectory())
        let shaper = TextShaper(registry: fresh)
        let chain = fresh.fallbackChain(family: "Noto Sans")
        #expect((0..<fresh.count).allSatisfy { !fresh.isOpen(FontID(rawValue: $0)) })
        _ = shaper.shape("Facture n° 0000F2501087 — Total TTC : 1 234,56 € (TVA 20 %) «Œuvre»", fonts: chain, size: 10)
        let opened = (0..<fresh.count).map { FontID(rawValue: $0) }.filter(fresh.isOpen).map(fresh.familyName(of:))
        #expect(opened == ["Noto Sans"])
        let cjk = try fresh.id(family: "Droid Sans Fallback")
        _ = shaper.shape("运费 😀", fonts: chain, size: 10)
        #expect(fresh.isOpen(cjk))
        #expect(fresh.isOpen(try fresh.id(family: "Symbola")))
    }

    @Test func aFontThatDiffersFromItsManifestLineIsOpenedNotTrusted() throws {
        let bundled = try FontLocator.bundledFontsDirectory()
        let folder = NSTemporaryDirectory() + "folio-fonts-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["manifest.tsv", "NotoSansThai-Regular.ttf", "NotoSansHebrew-Regular.ttf"] {
            try FileManager.default.copyItem(atPath: bundled + "/" + name, toPath: folder + "/" + name)
        }
        // Replaced by a file of another size (a padded copy): its line no longer describes it.
        let hebrew = folder + "/NotoSansHebrew-Regular.ttf"
        try (Data(contentsOf: URL(fileURLWithPath: hebrew)) + Data([0, 0, 0, 0])).write(to: URL(fileURLWithPath: hebrew))
        let registry = try FontRegistry(directory: folder)
        #expect(registry.count == 2)
        let thai = try registry.id(family: "Noto Sans Thai"), replaced = try registry.id(family: "Noto Sans Hebrew")
        #expect(!registry.isOpen(thai))
        #expect(registry.isOpen(replaced))
        // A character outside its manifest ranges is answered without opening it.
        #expect(!registry.hasGlyph(thai, for: "中"))
        #expect(!registry.isOpen(thai))
        #expect(registry.hasGlyph(thai, for: "ก"))
        #expect(registry.isOpen(thai))
    }

    @Test func facesAreChosenByWeightAndSlant() throws {
        #expect(try registry.face(family: "Noto Sans", style: .bold).path.hasSuffix("NotoSans-Bold.ttf"))
        #expect(try registry.face(family: "noto sans", style: .boldItalic).path.hasSuffix("NotoSans-BoldItalic.ttf"))
        #expect(try registry.face(family: "Noto Sans", style: FontStyle(weight: 500)).path.hasSuffix("NotoSans-Regular.ttf"))
        // Hebrew has no italic: the upright face of the nearest weight stands in.
        #expect(try registry.face(family: "Noto Sans Hebrew", style: .boldItalic).path.hasSuffix("NotoSansHebrew-Bold.ttf"))
    }

    @Test func unknownFamilyIsAnErrorNamingIt() {
        #expect(throws: FontError.noSuchFamily("Comic Sans")) { try registry.face(family: "Comic Sans") }
    }

    @Test func fallbackChainStartsWithTheRequestedFamily() throws {
        let chain = registry.fallbackChain(family: "Noto Sans Mono", style: .bold)
        #expect(registry.face(for: chain.primary).path.hasSuffix("NotoSansMono-Bold.ttf"))
        #expect(chain.fonts.map { registry.familyName(of: $0) } == [
            "Noto Sans Mono", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Thai", "Noto Sans Devanagari",
            "Symbola", "Unifont Upper", "Droid Sans Fallback",
        ])
    }

    @Test func extraFontsRegisterByExplicitPath() throws {
        let extra = registry.path(of: FontID(rawValue: 0))
        let extended = try FontRegistry.bundled(adding: [extra])
        #expect(extended.count == 18)
        #expect(extended.path(of: FontID(rawValue: 17)) == extra)
        // An extra file is opened when registered (no manifest describes it).
        #expect(extended.isOpen(FontID(rawValue: 17)))
    }

    @Test func missingAndCorruptFontFilesAreClearErrors() throws {
        #expect(throws: FontError.fileMissing(path: "/nonexistent/font.ttf")) {
            try FontFace(id: FontID(rawValue: 0), path: "/nonexistent/font.ttf")
        }
        let garbage = "/tmp/folio-not-a-font-\(getpid()).ttf"
        FileManager.default.createFile(atPath: garbage, contents: Data("not a font at all".utf8))
        defer { try? FileManager.default.removeItem(atPath: garbage) }
        #expect(throws: FontError.notAFont(path: garbage)) { try FontFace(id: FontID(rawValue: 0), path: garbage) }
    }

    @Test func metricsComeFromTheFont() throws {
        let face = try registry.face(family: "Noto Sans")
        #expect(face.metrics.unitsPerEm == 1000)
        #expect(face.ascent(at: 10) > 9 && face.ascent(at: 10) < 12)
        #expect(face.postScriptName == "NotoSans-Regular")
    }
}

import Foundation

@Suite struct FamilyNameComparisonTests {
    @Test(arguments: [
        ("Noto Sans", "noto sans"), ("Noto Sans", "NOTO SANS"), ("Noto Sans", "Noto Sans Mono"), ("Noto Sans", "Noto Sanz"),
        ("", ""), ("a", ""), ("Noto@Sans", "noto`sans"), ("[x]", "{x}"), ("Straße", "STRASSE"), ("Ĳssel", "ĳssel"), ("é", "É"),
        ("e\u{301}", "é"), ("Noto Sans", "Noto Sans\u{0}"),
    ])
    func sameFamilyAgreesWithCaseInsensitiveCompare(_ pair: (String, String)) {
        #expect(FontRegistry.sameFamily(pair.0, pair.1) == (pair.0.caseInsensitiveCompare(pair.1) == .orderedSame))
        #expect(FontRegistry.sameFamily(pair.1, pair.0) == (pair.1.caseInsensitiveCompare(pair.0) == .orderedSame))
    }
}
