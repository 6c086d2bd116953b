import DocumentModel
import Foundation
import Synchronization
import TextShaping

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
    /// The folder of `<lang>.json` files.
    public let directory: String
    /// `en.json`, the fallback of every other language.
    private let english: FallbackLabels

    private struct State {
        /// Languages read so far (English is `english`'s, and here too once every file is read);
        /// nil marks a language without a file.
        var tables: [String: [String: String]?]
        /// Whether every file of the folder has been read.
        var complete = false
    }

    private let state: Mutex<State>

    /// Reads every `<lang>.json` of `directory`; `en.json` is required.
    public convenience init(directory: String) throws {
        try self.init(directory: directory, readingEveryLanguage: true)
    }

    /// Reads every language now, or, unless `readingEveryLanguage`, each the first time it is asked
    /// for: a render reads only the language of its document (English too only when a label is
    /// missing from it; every bundled file has the same keys). `en.json` must exist either way.
    init(directory: String, readingEveryLanguage: Bool) throws {
        self.directory = directory
        if readingEveryLanguage {
            guard let english = try Self.readTable(directory: directory, language: "en") else { throw LabelError.missingEnglish(directory) }
            self.english = FallbackLabels(directory: directory, table: english)
            self.state = Mutex(State(tables: ["en": english]))
            try state.withLock { try Self.readEveryLanguage(directory: directory, into: &$0) }
        } else {
            guard access(Self.path(directory: directory, language: "en"), F_OK) == 0 else { throw LabelError.missingEnglish(directory) }
            self.english = FallbackLabels(directory: directory, table: nil)
            self.state = Mutex(State(tables: [:]))
        }
    }

    /// Every language of the folder and its labels, keyed by language (`"fr"`).
    ///
    /// A catalog made by ``bundled()`` reads here the files it has not read yet; a file that cannot be
    /// read is left out (``labels(checkingFor:)`` reports it).
    public var languages: [String: [String: String]] {
        state.withLock { state in
            if !state.complete { try? Self.readEveryLanguage(directory: directory, into: &state) }
            return state.tables.compactMapValues { $0 }
        }
    }

    private static func readEveryLanguage(directory: String, into state: inout State) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".json") {
            let language = String(name.dropLast(5))
            if case .some(.some) = state.tables[language] { continue }
            state.tables[language] = try readTable(directory: directory, language: language)
        }
        state.complete = true
    }

    private static let cached = Mutex<LabelCatalog?>(nil)

    /// The catalog shipped with Folio. Languages other than English are read on first use.
    public static func bundled() throws -> LabelCatalog {
        try cached.withLock { cached in
            if let cached { return cached }
            let catalog = try LabelCatalog(directory: try bundledDirectory(), readingEveryLanguage: false)
            cached = catalog
            return catalog
        }
    }

    /// Labels for a locale such as `fr-FR` or `en`: its language, falling back to English (also when
    /// the language's file cannot be read; ``labels(checkingFor:)`` throws then).
    public func labels(for locale: String) -> Labels {
        (try? labels(checkingFor: locale)) ?? Labels(language: "en", table: english.table, fallback: english)
    }

    /// Labels for a locale such as `fr-FR` or `en`: its language, or English when the folder has no
    /// file for it. Throws when the language's file exists but cannot be read or is not a JSON object
    /// of strings.
    public func labels(checkingFor locale: String) throws -> Labels {
        let language = String(locale.split(separator: "-").first ?? "en").lowercased()
        guard let table = try table(for: language) else { return Labels(language: "en", table: [:], fallback: english) }
        return Labels(language: language, table: table, fallback: english)
    }

    /// The labels of `language`, read on first use; nil when the folder has no file for it.
    private func table(for language: String) throws -> [String: String]? {
        if language == "en" { return try english.load() }
        return try state.withLock { state in
            if let known = state.tables[language] { return known }
            // Only a file of the folder is a language: a name with a slash or NUL is none.
            guard !state.complete, !language.isEmpty, !language.contains("/"), !language.contains("\0") else { return nil }
            let table = try Self.readTable(directory: directory, language: language)
            state.tables[language] = .some(table)
            return table
        }
    }

    /// The contents of `<directory>/<language>.json`, or nil when there is no such file.
    static func readTable(directory: String, language: String) throws -> [String: String]? {
        let path = path(directory: directory, language: language)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw LabelError.unreadable(path, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                // A folder named `<lang>.json` is no language file either.
                if errno == EISDIR { return nil }
                throw LabelError.unreadable(path, String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        do {
            return try LabelTable.parse(bytes)
        } catch {
            throw LabelError.malformed(path, error.description)
        }
    }

    static func path(directory: String, language: String) -> String {
        directory.isEmpty || directory.hasSuffix("/") ? "\(directory)\(language).json" : "\(directory)/\(language).json"
    }

    static func bundledDirectory() throws -> String {
        var candidates: [String] = []
        if let fromEnvironment = getenv("FOLIO_LABELS") { candidates.append(String(cString: fromEnvironment)) }
        let executable = BundledResourceLocator.executableDirectory
        candidates.append(executable + "/Folio_Templates.resources/Labels")
        candidates.append(BundledResourceLocator.parent(of: executable) + "/share/folio/Labels")
        candidates.append(BundledResourceLocator.parent(of: #filePath) + "/Resources/Labels")
        for candidate in candidates where access(candidate + "/en.json", F_OK) == 0 {
            return candidate
        }
        throw LabelError.notFound(candidates)
    }
}

/// One label file: a JSON object whose values are all strings, read with the document model's
/// strict parser (duplicate keys, trailing commas and ill-formed UTF-8 are errors, with the byte
/// offset), so there is one JSON parser in Folio.
enum LabelTable {
    struct SyntaxError: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> [String: String] {
        let (root, problems) = bytes.withUnsafeBufferPointer { StrictJSONParser.parse($0, limits: .default) }
        if let problem = problems.first { throw SyntaxError(reason: problem.reason) }
        guard let root, case .object(let members) = root.value else { throw SyntaxError(reason: "not a JSON object") }
        var table: [String: String] = Dictionary(minimumCapacity: members.count)
        for member in members {
            guard case .string(let text) = member.value.value else {
                throw SyntaxError(reason: "the value of \(member.key) is not a string")
            }
            table[member.key] = text
        }
        return table
    }
}

/// English labels, the fallback of every language, read on first use (a French or German render
/// never needs them: every bundled file has the same keys, and reading one costs ~1.2 M
/// instructions).
final class FallbackLabels: Sendable {
    private let directory: String
    /// The outcome of reading `en.json`, kept either way: a file that cannot be read is not read
    /// again at every missing label.
    private let loaded: Mutex<Result<[String: String], any Error>?>

    init(directory: String, table: [String: String]?) {
        self.directory = directory
        self.loaded = Mutex(table.map { .success($0) })
    }

    /// `en.json`, read the first time; empty when it cannot be read (then ``load()`` throws).
    var table: [String: String] { (try? load()) ?? [:] }

    func load() throws -> [String: String] {
        try loaded.withLock { loaded in
            if let loaded { return try loaded.get() }
            let outcome = Result { () throws -> [String: String] in
                guard let table = try LabelCatalog.readTable(directory: directory, language: "en") else { throw LabelError.missingEnglish(directory) }
                return table
            }
            loaded = outcome
            return try outcome.get()
        }
    }
}

/// One language's labels.
public struct Labels: Sendable {
    public let language: String
    let table: [String: String]
    let fallback: FallbackLabels
    /// The language's CLDR plural rule, choosing among `<key>.one`, `<key>.other`… in ``count(_:_:formatted:)``.
    public let plural: PluralRule

    init(language: String, table: [String: String], fallback: FallbackLabels) {
        self.language = language
        self.table = table
        self.fallback = fallback
        self.plural = PluralRule(language: language)
    }

    public subscript(key: String) -> String { table[key] ?? fallback.table[key] ?? key }

    /// What stands between a label and its value: French typography puts a no-break space before
    /// the colon (U+00A0, as the templates' other French mentions); English and German put none.
    ///
    /// ```swift
    /// LabelCatalog.bundled().labels(for: "fr-FR").colon // "\u{00A0}: "
    /// LabelCatalog.bundled().labels(for: "de-DE").colon // ": "
    /// ```
    public var colon: String { language == "fr" ? "\u{00A0}: " : ": " }

    /// The label of `key`, the language's colon, then `value`.
    ///
    /// ```swift
    /// labels.labelled("vat.exemption", "Article 262 ter I du CGI") // "Exonération\u{00A0}: Article 262 ter I du CGI"
    /// ```
    public func labelled(_ key: String, _ value: String) -> String { self[key] + colon + value }

    /// A counted phrase: the form `<key>.<category>` for the plural category of the count (falling
    /// back to `<key>.other`), with `{count}` replaced by `formatted`, the count as printed.
    ///
    /// ```swift
    /// labels.count("shipments.packageCount", 1, formatted: "1") // "1\u{00A0}Paket" (de), "1\u{00A0}package" (en)
    /// labels.count("shipments.packageCount", 2, formatted: "2") // "2\u{00A0}Pakete", "2\u{00A0}packages"
    /// ```
    public func count(_ key: String, _ count: Int, formatted: String) -> String {
        countedPhrase(key).string(count, formatted: formatted)
    }

    /// The forms of a counted phrase, looked up once for many counts (a table row each).
    ///
    /// ```swift
    /// let packages = labels.countedPhrase("shipments.packageCount")
    /// packages.string(3, formatted: "3") // "3\u{00A0}colis" (fr)
    /// ```
    public func countedPhrase(_ key: String) -> CountedPhrase {
        var forms: [PluralRule.Category: (String, String)] = [:]
        for category in PluralRule.Category.allCases {
            guard let form = table["\(key).\(category.rawValue)"] ?? (category == .other ? self["\(key).other"] : nil) else { continue }
            forms[category] = CountedPhrase.split(form)
        }
        return CountedPhrase(rule: plural, forms: forms)
    }

    /// The label with `{name}` placeholders replaced.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = Self.replacing("{\(name)}", with: value, in: text) }
        return text
    }

    /// `text.replacingOccurrences(of: placeholder, with: value)`. When all three are ASCII, where
    /// Foundation's comparison is plain byte equality, the bytes are replaced here: Foundation's
    /// version bridges to NSString and costs thousands of instructions a call.
    static func replacing(_ placeholder: String, with value: String, in text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }), placeholder.utf8.allSatisfy({ $0 < 0x80 }), value.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.replacingOccurrences(of: placeholder, with: value)
        }
        let source = Array(text.utf8), pattern = Array(placeholder.utf8)
        guard !pattern.isEmpty, source.count >= pattern.count else { return text }
        var result: [UInt8] = []
        var index = 0
        var replaced = false
        while index < source.count {
            if index + pattern.count <= source.count, source[index] == pattern[0], source[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: value.utf8)
                index += pattern.count
                replaced = true
            } else {
                result.append(source[index])
                index += 1
            }
        }
        return replaced ? String(decoding: result, as: UTF8.self) : text
    }
}

public enum LabelError: Error, CustomStringConvertible {
    case notFound([String])
    case missingEnglish(String)
    case unreadable(String, String)
    case malformed(String, String)
    public var description: String {
        switch self {
        case .notFound(let places): "label files not found (looked in \(places.joined(separator: ", "))); set FOLIO_LABELS"
        case .missingEnglish(let directory): "\(directory) has no en.json, the fallback language"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .malformed(let path, let reason): "\(path) is not a JSON object of strings: \(reason)"
        }
    }
}
