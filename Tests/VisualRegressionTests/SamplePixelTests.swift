import CairoOutput
import Folio
import FolioTooling
import Foundation
import Testing

/// Every `Samples/<case>` rendered to PNG must match its committed pages within the manifest's
/// tolerance. On a mismatch the actual page and a diff image are written under
/// `Tests/VisualRegressionTests/Failures/` and named in the failure. `FOLIO_RECORD=1` re-records the
/// references instead, and fails so that a recording is never mistaken for a pass.
@Suite struct SamplePixelTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = SampleSet(root: repository.appendingPathComponent("Samples").path)
    static let failures = repository.appendingPathComponent("Tests/VisualRegressionTests/Failures")
    static let recording = ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1"

    /// The cases, or one that fails when `Samples/` is missing or empty: a run of zero cases would
    /// pass while checking nothing.
    static var caseNames: [String] {
        let names = (try? samples.caseNames()) ?? []
        return names.isEmpty ? ["(no case found in \(repository.appendingPathComponent("Samples").path))"] : names
    }

    @Test(arguments: caseNames)
    func renderedPagesMatchTheReferences(_ name: String) throws {
        let manifest = try Self.samples.manifest()
        let rendering = try Self.samples.rendering(case: name, dpi: manifest.dpi)
        if Self.recording {
            try Self.samples.render(case: name)
            Issue.record("FOLIO_RECORD=1: re-recorded \(rendering.pages.count) page(s) of \(name); run again without it to compare")
            return
        }
        #expect(rendering.pages.count == manifest.pages[name], "page count of \(name)")
        for (index, png) in rendering.pages.enumerated() {
            let referencePath = Self.samples.referencePath(case: name, page: index + 1)
            guard let reference = FileManager.default.contents(atPath: referencePath) else {
                Issue.record("missing reference \(referencePath); record it with FOLIO_RECORD=1")
                continue
            }
            let difference = try RasterImage(png: png).difference(from: RasterImage(png: Array(reference)), channelTolerance: manifest.tolerance.channelDelta)
            if !manifest.tolerance.accepts(difference) {
                let written = try Self.writeFailure(name: name, page: index + 1, actual: png, difference: difference)
                Issue.record("""
                    \(name) page \(index + 1) differs from its reference: \(difference.differingPixels) of \(difference.totalPixels) pixels \
                    (max channel delta \(difference.maximumChannelDelta)); actual: \(written.actual), diff: \(written.diff)
                    """)
            }
        }
    }

    @Test func oneChangedDigitFailsTheComparison() throws {
        // The specimen's amount 1 111,11 € becomes 1 111,17 €: one digit, a few dozen pixels at 80 dpi.
        let manifest = try Self.samples.manifest()
        let reference = try RasterImage(png: Array(FileManager.default.contents(atPath: Self.samples.referencePath(case: "specimen", page: 1))!))
        let changed = try SpecimenVariant.png(replacing: "1 111,11 €", with: "1 111,17 €", dpi: manifest.dpi)
        let difference = try RasterImage(png: changed).difference(from: reference, channelTolerance: manifest.tolerance.channelDelta)
        #expect(!manifest.tolerance.accepts(difference), "a changed digit must not pass: \(difference.differingPixels) pixels differ")
        #expect(difference.differingPixels > 0)
    }

    @Test func identicalRenderIsAccepted() throws {
        let manifest = try Self.samples.manifest()
        let first = try RasterImage(png: FolioRenderer.renderSpecimenPNG(dpi: manifest.dpi))
        let second = try RasterImage(png: FolioRenderer.renderSpecimenPNG(dpi: manifest.dpi))
        #expect(manifest.tolerance.accepts(second.difference(from: first, channelTolerance: manifest.tolerance.channelDelta)))
    }

    static func writeFailure(name: String, page: Int, actual: [UInt8], difference: RasterDifference) throws -> (actual: String, diff: String) {
        try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
        let actualPath = failures.appendingPathComponent("\(name)-page-\(page)-actual.png").path
        let diffPath = failures.appendingPathComponent("\(name)-page-\(page)-diff.png").path
        try Data(actual).write(to: URL(fileURLWithPath: actualPath))
        if let diff = difference.diff { try Data(diff.pngData()).write(to: URL(fileURLWithPath: diffPath)) }
        return (actualPath, difference.diff == nil ? "(sizes differ, no diff image)" : diffPath)
    }
}
