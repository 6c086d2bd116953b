import Folio
import CairoOutput
import Foundation

/// `Samples/manifest.json`: how the reference pages were made and how closely renders must match.
public struct SampleManifest: Codable, Sendable, Equatable {
    public var dpi: Double
    public var tolerance: VisualTolerance
    /// Versions of the libraries the references were rendered with.
    public var libraries: LibraryVersions
    /// Pages per case.
    public var pages: [String: Int]

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

/// What counts as "the same page": a pixel differs when a channel moves by more than
/// `channelDelta`; a page matches when at most `differingShare` of its pixels differ. Tight enough
/// that a single changed digit of an amount fails (a test proves it), loose enough for anti-aliasing.
public struct VisualTolerance: Codable, Sendable, Equatable {
    public var channelDelta: Int
    public var differingShare: Double

    public static let standard = VisualTolerance(channelDelta: 40, differingShare: 0.000_01)

    public func accepts(_ difference: RasterDifference) -> Bool {
        !difference.sizeMismatch && difference.differingShare <= differingShare
    }
}

/// Library versions as reported at run time.
public struct LibraryVersions: Codable, Sendable, Equatable {
    public var cairo: String
    public var freetype: String
    public var harfbuzz: String

    public static var current: LibraryVersions {
        let versions = OutputLibraries.versions
        return LibraryVersions(cairo: versions.cairo, freetype: versions.freetype, harfbuzz: versions.harfbuzz)
    }
}
