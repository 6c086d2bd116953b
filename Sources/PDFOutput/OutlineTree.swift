import PageFrames

/// The document outline (bookmarks) built from the flat, levelled entries pages carry.
struct OutlineTree {
    private struct Node {
        var title: String
        var page: Int
        var top: Double
        var children: [Int] = []
        var parent: Int?
    }

    private var nodes: [Node] = []
    private var roots: [Int] = []

    /// `entries` in document order: (entry, page object, page height).
    init(_ entries: [(OutlineEntry, Int, Double)]) {
        var open: [(level: Int, node: Int)] = []
        for (entry, page, height) in entries {
            while let last = open.last, last.level >= entry.level { open.removeLast() }
            let index = nodes.count
            nodes.append(Node(title: entry.title, page: page, top: height - max(0, entry.y), parent: open.last?.node))
            if let parent = open.last?.node { nodes[parent].children.append(index) } else { roots.append(index) }
            open.append((entry.level, index))
        }
    }

    /// Writes the outline dictionary and its items; nil when there are no entries.
    func write(to file: PDFObjectFile) -> Int? {
        guard !roots.isEmpty else { return nil }
        let root = file.allocate()
        let objects = nodes.map { _ in file.allocate() }
        file.object(root) { pdf in
            pdf.append("<</Type/Outlines/First ")
            pdf.appendReference(objects[roots.first!])
            pdf.append("/Last ")
            pdf.appendReference(objects[roots.last!])
            pdf.append("/Count ")
            pdf.append(nodes.count)
            pdf.append(">>")
        }
        for (index, node) in nodes.enumerated() {
            let siblings = node.parent.map { nodes[$0].children } ?? roots
            let position = siblings.firstIndex(of: index)!
            file.object(objects[index]) { pdf in
                pdf.append("<</Title")
                // PDF/A caps strings at 32,767 bytes; a bookmark needs far less.
                pdf.appendTextString(InfoEntries.capped(node.title))
                pdf.append("/Parent ")
                pdf.appendReference(node.parent.map { objects[$0] } ?? root)
                if position > 0 {
                    pdf.append("/Prev ")
                    pdf.appendReference(objects[siblings[position - 1]])
                }
                if position + 1 < siblings.count {
                    pdf.append("/Next ")
                    pdf.appendReference(objects[siblings[position + 1]])
                }
                if let first = node.children.first, let last = node.children.last {
                    pdf.append("/First ")
                    pdf.appendReference(objects[first])
                    pdf.append("/Last ")
                    pdf.appendReference(objects[last])
                    pdf.append("/Count ")
                    pdf.append(descendants(of: index))
                }
                pdf.append("/Dest[")
                pdf.appendReference(node.page)
                pdf.append("/XYZ 0 ")
                pdf.append(node.top)
                pdf.append(" null]>>")
            }
        }
        return root
    }

    private func descendants(of index: Int) -> Int {
        nodes[index].children.reduce(nodes[index].children.count) { $0 + descendants(of: $1) }
    }
}
