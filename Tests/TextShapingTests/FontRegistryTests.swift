import Testing
@testable import TextShaping

@Suite struct FontRegistryTests {
    let registry = try! FontRegistry.bundled()

    @Test func bundledFontsAreTheTenNotoFaces() {
        #expect(registry.faces.count == 10)
        #expect(Set(registry.familyNames) == ["Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Mono"])
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
        #expect(chain.fonts.map { registry.face(for: $0).familyName } == ["Noto Sans Mono", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew"])
    }

    @Test func extraFontsRegisterByExplicitPath() throws {
        let extra = registry.faces[0].path
        let extended = try FontRegistry.bundled(adding: [extra])
        #expect(extended.faces.count == 11)
        #expect(extended.faces.last?.path == extra)
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
