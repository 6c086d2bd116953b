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

    /// Renders one case: the PDF and one PNG per page, each written atomically; stale `page-N.png`
    /// beyond the new page count are removed.
    @discardableResult
    public func render(case name: String) throws -> RenderResult {
        let folder = folder(of: name)
        let result: RenderResult
        let pngs: [[UInt8]]
        if name == Self.specimenCase {
            result = try Folio.renderSpecimenPDF()
            pngs = [try Folio.renderSpecimenPNG(dpi: Self.dpi)]
        } else {
            throw SampleError.unsupported(name)
        }
        try AtomicFileWriter.write(result.pdf, to: (folder as NSString).appendingPathComponent("document.pdf"))
        for (index, png) in pngs.enumerated() {
            try AtomicFileWriter.write(png, to: (folder as NSString).appendingPathComponent("page-\(index + 1).png"))
        }
        var stale = pngs.count + 1
        while FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("page-\(stale).png")) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("page-\(stale).png"))
            stale += 1
        }
        return result
    }
}

enum SampleError: Error, CustomStringConvertible {
    case unsupported(String)
    var description: String {
        switch self {
        case .unsupported(let name): "\(name): document rendering is not available in this build"
        }
    }
}
