import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The elements of an XML document as (path of local names, attributes, text), read back with
/// Foundation's parser so a test checks what a receiver would see, not the writer's own strings.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element { let path: String; let attributes: [String: String]; var text: String }
    private(set) var elements: [Element] = []
    private var stack: [String] = []
    private var open: [Int] = []

    static func read(_ data: Data) -> XMLElements? {
        let reader = XMLElements()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(String(name.split(separator: ":").last ?? Substring(name)))
        open.append(elements.count)
        elements.append(Element(path: stack.joined(separator: "/"), attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        if let index = open.popLast() { elements[index].text = elements[index].text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Texts of the elements whose path ends with `suffix` (`"ExchangedDocument/ID"`), in document order.
    func texts(_ suffix: String) -> [String] { elements.filter { $0.path.hasSuffix("/" + suffix) }.map(\.text) }
    func text(_ suffix: String) -> String? { texts(suffix).first }
    func all(_ suffix: String) -> [Element] { elements.filter { $0.path.hasSuffix("/" + suffix) } }
}
