// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Folio",
    // Mutex (Synchronization) and typed throws in the standard library need macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        // Rendering only: programs that turn documents into PDFs link neither GRDB nor SQLite.
        .library(name: "Folio", targets: ["Folio"]),
        // The billing-center rules and their SQLite store (GRDB), for portals and the CLI.
        .library(name: "BillingCenter", targets: ["BillingCenter"]),
        // The engine below the façade, for programs that lay out pages of their own: fonts and
        // shaping, frames, typesetting, images, and the PDF and PNG writers (whose types the
        // façade's page-level entry points take).
        .library(name: "FolioLayout", targets: ["TextShaping", "PageFrames", "Typesetting", "ImageDecoding", "PDFOutput", "CairoOutput"]),
        .executable(name: "render", targets: ["render"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // `swift package generate-documentation --target Folio` (the catalogue is Sources/Folio/Folio.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // System libraries (Debian packages; see Makefile `deps`).
        // Cairo's headers (libcairo2-dev) with a loader: the library is opened on the first PNG page.
        .target(name: "CCairo", dependencies: ["CFreeType"], linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CFriBidi", pkgConfig: "fribidi", providers: [.apt(["libfribidi-dev"])]),
        // ICU's break iterators (UAX #14 lines, UAX #29 grapheme clusters) behind stable C names,
        // from the ICU that Foundation links into every Swift program (no second ICU to load).
        .target(name: "CUnicodeBreaks", linkerSettings: [.linkedLibrary("_FoundationICU")]),
        // libhyphen: the TeX/LibreOffice hyphenation patterns in Hyphenation/ (no pkg-config file).
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),
        // zint ships no pkg-config file; the modulemap links `zint` directly.
        .systemLibrary(name: "CZint", providers: [.apt(["libzint-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // What every module shares: the lock-protected caches and atomic file writing.
        .target(name: "FolioCore"),
        .target(name: "DocumentModel"),
        // EN 16931 CII XML (Factur-X / ZUGFeRD, profile EN 16931) built from the invoice model.
        .target(name: "EInvoice", dependencies: ["DocumentModel"]),
        .target(name: "TextShaping", dependencies: ["FolioCore", "CHarfBuzz", "CFreeType", "CFriBidi"]),
        .target(name: "PageFrames", dependencies: ["TextShaping"]),
        .target(name: "Typesetting", dependencies: ["FolioCore", "TextShaping", "PageFrames", "ImageDecoding", "CUnicodeBreaks", "CHyphen", "CZint"]),
        // PNG and JPEG pixels for both outputs; neither output decodes images itself.
        .target(name: "ImageDecoding", dependencies: ["PageFrames", "CPNG", "CJPEG"]),
        .target(name: "CairoOutput", dependencies: ["PageFrames", "TextShaping", "ImageDecoding", "CCairo", "CFreeType", "CHarfBuzz"]),
        .target(name: "PDFOutput", dependencies: ["FolioCore", "PageFrames", "TextShaping", "ImageDecoding", "CDeflate", "CZlib"]),
        .target(name: "Templates", dependencies: ["DocumentModel", "Typesetting", "PageFrames", "TextShaping"], resources: [.copy("Resources/Labels")]),
        .target(name: "BillingCenter", dependencies: ["FolioCore", "DocumentModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Folio", dependencies: ["FolioCore", "DocumentModel", "EInvoice", "TextShaping", "PageFrames", "Typesetting", "CairoOutput", "PDFOutput", "Templates"]),
        // Samples, the specimen and visual-regression references: tooling for the CLI and the tests,
        // kept out of the rendering library's API.
        .target(name: "FolioTooling", dependencies: ["Folio", "FolioCore", "CairoOutput", "PDFOutput", "PageFrames", "TextShaping", "Typesetting"]),
        .target(name: "RenderCLI", dependencies: ["Folio", "FolioTooling", "FolioCore", "BillingCenter", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "render", dependencies: ["RenderCLI"]),
        // A program of a user who only renders: the `Folio` product and nothing else (no GRDB).
        .executableTarget(name: "rendering-only-example", dependencies: ["Folio"], path: "Examples/RenderingOnly"),
        .executableTarget(name: "folio-bench", dependencies: ["Folio", "FolioTooling", "Typesetting"], path: "bench/FolioBench"),
        // Release benchmark of a 100 000-row table (peak RSS, time per page); see bench/typesetting/main.swift.
        .executableTarget(name: "TableBench", dependencies: ["Typesetting", "PDFOutput", "PageFrames", "TextShaping"], path: "bench/typesetting"),
        .executableTarget(name: "BillingBench", dependencies: ["BillingCenter", .product(name: "GRDB", package: "GRDB.swift")], path: "bench/billing", exclude: ["README.md"]),

        .target(name: "FolioTestSupport", path: "Tests/FolioTestSupport"),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore"]),
        .testTarget(name: "PageFramesTests", dependencies: ["PageFrames", "TextShaping"]),
        .testTarget(name: "ImageDecodingTests", dependencies: ["FolioTestSupport", "ImageDecoding", "PageFrames"]),
        .testTarget(name: "DocumentModelTests", dependencies: ["FolioTestSupport", "DocumentModel", .product(name: "PropertyBased", package: "swift-property-based")], resources: [.copy("Fixtures")]),
        .testTarget(name: "EInvoiceTests", dependencies: ["FolioTestSupport", "EInvoice", "DocumentModel"]),
        .testTarget(name: "TextShapingTests", dependencies: ["FolioTestSupport", "TextShaping", "CHarfBuzz"], exclude: ["Fixtures"]),
        .testTarget(name: "TypesettingTests", dependencies: ["FolioTestSupport", "Typesetting", "PageFrames", "TextShaping", "CairoOutput", "PDFOutput"]),
        .testTarget(name: "CairoOutputTests", dependencies: ["FolioTestSupport", "CairoOutput", "Typesetting", "PageFrames", "TextShaping"]),
        .testTarget(name: "PDFOutputTests", dependencies: ["FolioTestSupport", "PDFOutput", "Typesetting", "PageFrames", "TextShaping"]),
        .testTarget(name: "TemplatesTests", dependencies: ["FolioTestSupport", "Templates", "DocumentModel", "Typesetting", "CairoOutput"]),
        .testTarget(name: "BillingCenterTests", dependencies: ["BillingCenter", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "FolioTests", dependencies: ["FolioTestSupport", "Folio", "FolioTooling", "PDFOutput"]),
        .testTarget(name: "RenderCLITests", dependencies: ["FolioTestSupport", "RenderCLI", "Folio", "BillingCenter", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "VisualRegressionTests", dependencies: ["FolioTestSupport", "Folio", "FolioTooling"]),
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
