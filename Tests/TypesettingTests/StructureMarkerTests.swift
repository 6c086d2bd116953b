import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// The structure markers layout puts among frame items: balanced on every page, every text run in
/// an element or an artifact, repeated headers as artifacts, carried subtotals as rows.
@Suite struct StructureMarkerTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    /// What each glyph run of a page sits in: the element path (roles) or the artifact it is part of.
    struct PlacedText {
        var text: String
        var path: [StructureElement]
        var artifact: ArtifactKind?
    }

    static func texts(of page: Page) -> (texts: [PlacedText], balanced: Bool) {
        var stack: [StructureMarker] = []
        var texts: [PlacedText] = []
        var balanced = true
        for item in page.items {
            switch item {
            case .structure(.end):
                if stack.popLast() == nil { balanced = false }
            case .structure(let marker):
                stack.append(marker)
            case .glyphs(let run):
                var path: [StructureElement] = []
                var artifact: ArtifactKind?
                for marker in stack {
                    switch marker {
                    case .begin(let element): path.append(element)
                    case .beginArtifact(let kind): artifact = artifact ?? kind
                    case .end: break
                    }
                }
                texts.append(PlacedText(text: run.text, path: path, artifact: artifact))
            default:
                break
            }
        }
        return (texts, balanced && stack.isEmpty)
    }

    @Test func tablesAreTaggedOnceAndRepeatedHeadersAreArtifacts() throws {
        let table = TablePaginationTests.amountTable(rows: 200)
        let pages = try Paginator(typesetter: typesetter, template: TablePaginationTests.template()).pages([
            .tagged(.heading2, .text("Shipments")), .table(table),
        ])
        #expect(pages.count > 2)
        var headerCells = 0
        var carriedRows = Set<Int>()
        for (number, page) in pages.enumerated() {
            let (texts, balanced) = Self.texts(of: page)
            #expect(balanced, "page \(number + 1): markers not balanced")
            for text in texts {
                // Running header and footer of the page template.
                if text.text.hasPrefix("Invoice 123") || text.text.hasPrefix("Page ") {
                    #expect(text.artifact == .pagination(text.text.hasPrefix("Page ") ? .footer : .header))
                    continue
                }
                if ["No.", "Shipment", "Amount"].contains(text.text) {
                    if text.artifact == nil {
                        headerCells += 1
                        #expect(text.path.map(\.role) == [.table, .tableHead, .tableRow, .tableHeader], "\(text.path)")
                        #expect(text.path.last?.scope == .column)
                    } else {
                        #expect(number > 0, "the first header is content, not an artifact")
                        #expect(text.artifact == .pagination(.header))
                    }
                    continue
                }
                #expect(text.artifact == nil, "page \(number + 1): “\(text.text)” is an artifact")
                if text.text == "Shipments" { #expect(text.path.map(\.role) == [.heading2]) }
                if text.text.hasPrefix("Row ") || text.text == "Report" || text.text == "À reporter" {
                    #expect(text.path.map(\.role) == [.table, .tableBody, .tableRow, .tableData], "“\(text.text)”: \(text.path.map(\.role))")
                }
                if text.text == "Report" || text.text == "À reporter", let row = text.path.dropLast().last {
                    carriedRows.insert(row.key)
                }
            }
        }
        // Tagged once: the three header cells of page 1 only.
        #expect(headerCells == 3)
        // Every carried-out and brought-forward row is a row of its own.
        #expect(carriedRows.count == 2 * (pages.count - 1))
    }

    @Test func keysFollowReadingOrderAndLooseParagraphsBecomeParagraphs() throws {
        let flow = StructureKeys.assigned(to: [
            .tagged(.heading1, .stack([.text("Title")])),
            .columns([Column(.fraction(1), .text("Left")), Column(.fraction(1), .text("Right"))]),
            .link("https://example.org", .text("Pay online")),
            .figure("Logo of ACME", .spacer(10)),
        ])
        var found: [(StructureRole, Int)] = []
        func collect(_ block: Block) {
            switch block {
            case .tagged(let element, let content):
                found.append((element.role, element.key))
                collect(content)
            case .stack(let children, _): children.forEach(collect)
            case .columns(let columns, _): columns.forEach { collect($0.content) }
            case .link(_, let content), .keepWithNext(let content), .keepTogether(let content), .named(_, let content), .box(let content, _):
                collect(content)
            default: break
            }
        }
        flow.forEach(collect)
        // The heading's paragraph is not wrapped again; the link stands in a paragraph of its own.
        #expect(found.map(\.0) == [.heading1, .paragraph, .paragraph, .paragraph, .link, .figure])
        #expect(found.map(\.1) == found.map(\.1).sorted() && Set(found.map(\.1)).count == found.count)
    }

    @Test func aParagraphSplitAcrossPagesIsOneElementInTwoParts() throws {
        let long = Array(repeating: "A sentence that fills the line and then some more words to wrap.", count: 120).joined(separator: " ")
        let pages = try Paginator(typesetter: typesetter, template: TablePaginationTests.template()).pages([.text(long)])
        #expect(pages.count >= 2)
        var keys = Set<Int>()
        for page in pages {
            let (texts, balanced) = Self.texts(of: page)
            #expect(balanced)
            for text in texts where text.artifact == nil {
                #expect(text.path.map(\.role) == [.paragraph])
                keys.insert(text.path[0].key)
            }
        }
        #expect(keys.count == 1)
    }

    @Test func formBoxesAreDivisionsWithTheirCaptions() throws {
        let grid = FormGrid(size: Size(width: 300, height: 40), boxes: [
            FormBox(number: "1", caption: "Entry number", value: "ABC-123", frame: Rect(x: 0, y: 0, width: 150, height: 40)),
            FormBox(number: "2", caption: "Entry type", value: "01", frame: Rect(x: 150, y: 0, width: 150, height: 40)),
        ])
        let page = try #require(try Paginator(typesetter: typesetter, template: TablePaginationTests.template()).pages([.formGrid(grid)]).first)
        let (texts, balanced) = Self.texts(of: page)
        #expect(balanced)
        let value = try #require(texts.first { $0.text == "ABC-123" })
        #expect(value.path.map(\.role) == [.division, .division, .paragraph])
        let caption = try #require(texts.first { $0.text.contains("Entry number") })
        #expect(caption.path.map(\.role) == [.division, .division, .label])
        #expect(caption.path[1].key == value.path[1].key)
    }
}
