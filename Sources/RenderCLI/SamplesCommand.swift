import ArgumentParser
import Foundation
import Folio
import FolioTooling

/// `render samples`: renders every `Samples/<case>` to `document.pdf` and `page-N.png`.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Render every Samples/<case>/input.json (and the built-in specimen) to document.pdf and page-N.png.")

    @Option(name: .long, help: "The samples folder.")
    var root: String = "Samples"

    @Option(name: .long, help: "Render only these cases (repeatable).")
    var only: [String] = []

    func run() throws {
        let samples = SampleSet(root: root)
        let cases: [String]
        do { cases = try samples.caseNames() } catch {
            FileHandle.standardError.write(Data("render: \(error)\n".utf8))
            throw ExitStatus.usageOrIO
        }
        var failures = 0
        var pageCounts = (try? samples.manifest().pages) ?? [:]
        for name in cases where only.isEmpty || only.contains(name) {
            do {
                let outcome = try samples.render(case: name)
                pageCounts[name] = outcome.pageCount
                print("\(name): \(outcome.pageCount) page(s)\(outcome.warnings.isEmpty ? "" : ", \(outcome.warnings.count) warning(s)")")
                for warning in outcome.warnings { FileHandle.standardError.write(Data("\(name): warning: \(warning)\n".utf8)) }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            }
        }
        pageCounts = pageCounts.filter { cases.contains($0.key) }
        do { try samples.writeManifest(pageCounts: pageCounts) } catch {
            FileHandle.standardError.write(Data("render: cannot write the manifest: \(error)\n".utf8))
            throw ExitStatus.usageOrIO
        }
        if failures > 0 { throw ExitStatus.invalidDocument }
    }
}
