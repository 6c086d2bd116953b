// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Folio", targets: ["Folio"]),
        .executable(name: "render", targets: ["render"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // System libraries (Debian packages; see Makefile `deps`).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CFriBidi", pkgConfig: "fribidi", providers: [.apt(["libfribidi-dev"])]),
        .systemLibrary(name: "CUnibreak", pkgConfig: "libunibreak", providers: [.apt(["libunibreak-dev"])]),
        // zint ships no pkg-config file; the modulemap links `zint` directly.
        .systemLibrary(name: "CZint", providers: [.apt(["libzint-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),

        .target(name: "DocumentModel"),
        // EN 16931 CII XML (Factur-X / ZUGFeRD, profile EN 16931) built from the invoice model.
        .target(name: "EInvoice", dependencies: ["DocumentModel"]),
        .target(name: "TextShaping", dependencies: ["CHarfBuzz", "CFreeType", "CFriBidi", "CUnibreak"]),
        .target(name: "PageFrames", dependencies: ["TextShaping"]),
        .target(name: "Typesetting", dependencies: ["TextShaping", "PageFrames", "CUnibreak", "CZint"]),
        .target(name: "CairoOutput", dependencies: ["PageFrames", "TextShaping", "CCairo", "CFreeType", "CHarfBuzz", "CJPEG"]),
        .target(name: "PDFOutput", dependencies: ["PageFrames", "TextShaping", "CairoOutput", "CDeflate"]),
        .target(name: "Templates", dependencies: ["DocumentModel", "Typesetting"], resources: [.copy("Resources/Labels")]),
        .target(name: "BillingCenter", dependencies: ["DocumentModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Folio", dependencies: ["DocumentModel", "EInvoice", "TextShaping", "PageFrames", "Typesetting", "CairoOutput", "PDFOutput", "Templates", "BillingCenter"]),
        .target(name: "RenderCLI", dependencies: ["Folio", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "render", dependencies: ["RenderCLI"]),
        .executableTarget(name: "folio-bench", dependencies: ["Folio", "Typesetting"], path: "bench/FolioBench"),
        // Release benchmark of a 100 000-row table (peak RSS, time per page); see bench/typesetting/main.swift.
        .executableTarget(name: "TableBench", dependencies: ["Typesetting", "PDFOutput", "PageFrames", "TextShaping"], path: "bench/typesetting"),
        .executableTarget(name: "BillingBench", dependencies: ["BillingCenter", .product(name: "GRDB", package: "GRDB.swift")], path: "bench/billing", exclude: ["README.md"]),

        .target(name: "FolioTestSupport", path: "Tests/FolioTestSupport"),
        .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel", .product(name: "PropertyBased", package: "swift-property-based")], resources: [.copy("Fixtures")]),
        .testTarget(name: "EInvoiceTests", dependencies: ["FolioTestSupport", "EInvoice", "DocumentModel"]),
        .testTarget(name: "TextShapingTests", dependencies: ["FolioTestSupport", "TextShaping"]),
        .testTarget(name: "TypesettingTests", dependencies: ["FolioTestSupport", "Typesetting", "PageFrames", "TextShaping", "CairoOutput", "PDFOutput"]),
        .testTarget(name: "CairoOutputTests", dependencies: ["FolioTestSupport", "CairoOutput", "Typesetting", "PageFrames", "TextShaping"]),
        .testTarget(name: "PDFOutputTests", dependencies: ["FolioTestSupport", "PDFOutput", "Typesetting", "PageFrames", "TextShaping"]),
        .testTarget(name: "TemplatesTests", dependencies: ["FolioTestSupport", "Templates", "DocumentModel", "Typesetting", "CairoOutput"]),
        .testTarget(name: "BillingCenterTests", dependencies: ["BillingCenter", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "FolioTests", dependencies: ["FolioTestSupport", "Folio"]),
        .testTarget(name: "RenderCLITests", dependencies: ["FolioTestSupport", "RenderCLI", "Folio", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "VisualRegressionTests", dependencies: ["FolioTestSupport", "Folio"]),
        // Hostile documents and faults: every input ends in a valid PDF or an error naming the path.
        .testTarget(
            name: "HostileInputTests", dependencies: ["FolioTestSupport", "Folio", "RenderCLI"],
            exclude: ["make-corpus.py"], resources: [.copy("Corpus")]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Scripts/fuzz.sh, `swift build --sanitize fuzzer`): libFuzzer supplies their
// `main`, so without that sanitizer they cannot link; they are declared only when FOLIO_FUZZ is set
// and never break a plain `swift build`.
if Context.environment["FOLIO_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "DocumentDecodingFuzzer", dependencies: ["Folio"], path: "Fuzz/DocumentDecodingFuzzer"),
        .executableTarget(name: "DocumentRenderingFuzzer", dependencies: ["Folio"], path: "Fuzz/DocumentRenderingFuzzer"),
        .executableTarget(name: "BillingRequestFuzzer", dependencies: ["BillingCenter"], path: "Fuzz/BillingRequestFuzzer", exclude: ["Seeds"]),
    ]
}
