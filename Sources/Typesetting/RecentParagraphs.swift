/// A small memo of set paragraphs for table cells, keyed by paragraph and width.
///
/// Layout is a pure function of both, so a hit is exactly what setting the text again would give.
/// The memo is bounded (cleared when full), so memory stays flat however long the table.
final class RecentParagraphs {
    private struct Key: Hashable {
        var paragraph: Paragraph
        var width: Double
    }

    private var entries: [Key: ParagraphLayout] = [:]
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    func layout(_ paragraph: Paragraph, width: Double, typesetter: Typesetter) -> ParagraphLayout {
        let key = Key(paragraph: paragraph, width: width)
        if let hit = entries[key] { return hit }
        let set = typesetter.layout(paragraph, width: width)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = set
        return set
    }
}
