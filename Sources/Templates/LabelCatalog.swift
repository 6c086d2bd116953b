import Foundation

/// The fixed texts of every template, per language, from `Resources/Labels/<lang>.json`.
///
/// Every language file has the same keys (a test enforces it). Looking up a key that does not exist
/// is a programming error caught by tests, so `subscript` falls back to English and then to the key
/// itself rather than crashing a render.
///
/// ```swift
/// let labels = try LabelCatalog.shared.labels(for: "fr-FR")
/// labels["invoice.title"]                          // "Facture"
/// labels.format("invoice.page", ["page": "2", "pages": "5"])   // "Page 2 sur 5"
/// ```
public final class LabelCatalog: Sendable {
    public let languages: [String: [String: String]]

    public init(directory: String) throws {
        var languages: [String: [String: String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
            languages[String(name.dropLast(5))] = try JSONDecoder().decode([String: String].self, from: data)
        }
        guard languages["en"] != nil else { throw LabelError.missingEnglish(directory) }
        self.languages = languages
    }

    nonisolated(unsafe) private static var cached: LabelCatalog?
    private static let lock = NSLock()

    /// The catalog shipped with Folio.
    public static func bundled() throws -> LabelCatalog {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let catalog = try LabelCatalog(directory: try bundledDirectory())
        cached = catalog
        return catalog
    }

    /// Labels for a locale such as `fr-FR` or `en`: its language, falling back to English.
    public func labels(for locale: String) -> Labels {
        let language = String(locale.split(separator: "-").first ?? "en").lowercased()
        return Labels(language: languages[language] != nil ? language : "en", table: languages[language] ?? [:], fallback: languages["en"]!)
    }

    static func bundledDirectory() throws -> String {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/Labels")
        var candidates: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["FOLIO_LABELS"] { candidates.append(fromEnvironment) }
        candidates.append(executable.appendingPathComponent("Folio_Templates.resources/Labels").path)
        candidates.append(executable.appendingPathComponent("../share/folio/Labels").standardized.path)
        candidates.append(source.path)
        for candidate in candidates where FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("en.json")) {
            return candidate
        }
        throw LabelError.notFound(candidates)
    }
}

/// One language's labels.
public struct Labels: Sendable {
    public let language: String
    let table: [String: String]
    let fallback: [String: String]

    public subscript(key: String) -> String { table[key] ?? fallback[key] ?? key }

    /// The label with `{name}` placeholders replaced.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}

public enum LabelError: Error, CustomStringConvertible {
    case notFound([String])
    case missingEnglish(String)
    public var description: String {
        switch self {
        case .notFound(let places): "label files not found (looked in \(places.joined(separator: ", "))); set FOLIO_LABELS"
        case .missingEnglish(let directory): "\(directory) has no en.json, the fallback language"
        }
    }
}
