import Folio
import FolioCore
import Foundation

/// The `Samples/` folder: one sub-folder per case, rendered to `document.pdf` and `page-N.png`
/// references that the visual regression tests compare against.
///
/// ```swift
/// let samples = SampleSet(root: "Samples")
/// for name in try samples.caseNames() { _ = try samples.render(case: name) }
/// ```
public struct SampleSet: Sendable {
    public let root: String
    /// Resolution of the reference pages.
    public static let dpi = 80.0
    /// The built-in case that has no input document.
    public static let specimenCase = "specimen"

    public init(root: String) { self.root = root }

    public func caseNames() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root)
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = (root as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                && (name == Self.specimenCase || FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("input.json")))
        }.sorted()
    }

    public func folder(of name: String) -> String { (root as NSString).appendingPathComponent(name) }

    /// One case rendered in memory: the PDF and its pages as PNG at ``dpi``.
    public struct Rendering: Sendable {
        public var result: RenderResult
        public var pages: [[UInt8]]
    }

    /// Renders one case without writing anything.
    public func rendering(case name: String, dpi: Double = SampleSet.dpi) throws -> Rendering {
        if name == Self.specimenCase {
            return Rendering(result: try FolioRenderer.renderSpecimenPDF(), pages: [try FolioRenderer.renderSpecimenPNG(dpi: dpi)])
        }
        let input = inputPath(case: name)
        let decoded = try FolioRenderer.decode(try Data(contentsOf: URL(fileURLWithPath: input)))
        let rendered = try FolioRenderer.renderPDFAndPNG(decoded, dpi: dpi, options: RenderOptions(baseDirectory: folder(of: name)))
        return Rendering(result: rendered, pages: rendered.pngPages)
    }

    /// Renders one case to `document.pdf` and `page-N.png`, each written atomically; stale
    /// `page-N.png` beyond the new page count are removed.
    @discardableResult
    public func render(case name: String) throws -> RenderResult {
        let folder = folder(of: name)
        let rendering = try rendering(case: name)
        try AtomicFileWriter.write(rendering.result.pdf, to: (folder as NSString).appendingPathComponent("document.pdf"))
        for (index, png) in rendering.pages.enumerated() {
            try AtomicFileWriter.write(png, to: referencePath(case: name, page: index + 1))
        }
        var stale = rendering.pages.count + 1
        while FileManager.default.fileExists(atPath: referencePath(case: name, page: stale)) {
            try? FileManager.default.removeItem(atPath: referencePath(case: name, page: stale))
            stale += 1
        }
        return rendering.result
    }

    public func inputPath(case name: String) -> String {
        (folder(of: name) as NSString).appendingPathComponent("input.json")
    }

    public func referencePath(case name: String, page: Int) -> String {
        (folder(of: name) as NSString).appendingPathComponent("page-\(page).png")
    }

    /// Writes `manifest.json`: resolution, tolerance, library versions and page counts.
    public func writeManifest(pageCounts: [String: Int]) throws {
        let manifest = SampleManifest(
            dpi: Self.dpi, tolerance: .standard, libraries: LibraryVersions.current, pages: pageCounts)
        try AtomicFileWriter.write(Array(try manifest.encoded()), to: (root as NSString).appendingPathComponent("manifest.json"))
    }

    public func manifest() throws -> SampleManifest {
        let data = try Data(contentsOf: URL(fileURLWithPath: (root as NSString).appendingPathComponent("manifest.json")))
        return try JSONDecoder().decode(SampleManifest.self, from: data)
    }
}
