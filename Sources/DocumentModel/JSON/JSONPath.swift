/// One step of a JSON path: an object key or an array index.
package enum PathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// Renders path components as `$.shipments[3].charges[0].publishedAmount`; keys that are not
/// plain identifiers use bracket notation (`$['odd key']`) so every path can be read back unambiguously.
func renderPath(_ components: [PathComponent]) -> String {
    var out = "$"
    for component in components {
        switch component {
        case .index(let i): out += "[\(i)]"
        case .key(let key):
            if isPlainIdentifier(key) {
                out += "." + key
            } else {
                out += "['" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "']"
            }
        }
    }
    return out
}

private func isPlainIdentifier(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first, !key.isEmpty else { return false }
    func isStart(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" || s == "$" }
    guard isStart(first) else { return false }
    return key.unicodeScalars.allSatisfy { isStart($0) || ($0 >= "0" && $0 <= "9") }
}

import Foundation

/// The path of a value being decoded, kept as its parent's components plus a last step that is not yet
/// appended: most values are leaves whose path is only spelled out if they have an issue, so the array
/// is built (`components`) only then, or when decoding goes one level deeper.
struct FieldPath: ExpressibleByArrayLiteral {
    let base: [PathComponent]
    let last: PathComponent?

    init(_ base: [PathComponent], last: PathComponent? = nil) {
        self.base = base
        self.last = last
    }

    init(arrayLiteral elements: PathComponent...) { self.init(elements) }

    var components: [PathComponent] {
        guard let last else { return base }
        return base + [last]
    }

    static func + (path: FieldPath, more: [PathComponent]) -> [PathComponent] { path.components + more }
}
