import Foundation
import FolioTestSupport

/// Runs Scripts/validate-facturx.py once over a batch of XML files (XSD, EN 16931 rules, French CTC
/// rules) and reads its JSON lines. A missing tool or rules file is a failure, never a skip.
struct FacturXValidator {
    struct Verdict: Sendable {
        let file: String
        let xsd: String
        let fatal: [[String]]
        let warnings: [String]
        let frenchFatal: [[String]]
    }

    /// The repository root (this file is Tests/EInvoiceTests/FacturXValidator.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// shared/ sits beside the repository (a work tree and the CI clone alike); FOLIO_SHARED overrides.
    static var sharedFolder: URL {
        if let given = ProcessInfo.processInfo.environment["FOLIO_SHARED"] { return URL(fileURLWithPath: given) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var rulesXSLT: URL { sharedFolder.appendingPathComponent("validation/en16931-cii/EN16931-CII-validation.xslt") }

    struct ToolFailure: Error, CustomStringConvertible {
        let description: String
    }

    static func validate(_ files: [String], frenchRules: Bool) throws -> [String: Verdict] {
        guard FileManager.default.fileExists(atPath: rulesXSLT.path) else {
            throw ToolFailure(description: "EN 16931 rules not found at \(rulesXSLT.path) (shared/ beside the repository, or FOLIO_SHARED)")
        }
        let script = repositoryRoot.appendingPathComponent("Scripts/validate-facturx.py").path
        let output = try ExternalTool.run("python3", [script, "--rules", rulesXSLT.path] + (frenchRules ? ["--fr-ctc"] : []) + files)
        guard output.status == 0 else {
            throw ToolFailure(description: "validate-facturx.py exited \(output.status): \(output.standardError)")
        }
        var verdicts: [String: Verdict] = [:]
        for line in output.standardOutput.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            let file = object["file"] as? String ?? ""
            verdicts[file] = Verdict(file: file, xsd: object["xsd"] as? String ?? "missing",
                                     fatal: object["fatal"] as? [[String]] ?? [], warnings: object["warnings"] as? [String] ?? [],
                                     frenchFatal: object["fr_fatal"] as? [[String]] ?? [])
        }
        return verdicts
    }
}
