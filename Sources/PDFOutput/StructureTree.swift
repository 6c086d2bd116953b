import PageFrames

/// The logical structure of a tagged PDF (ISO 32000-1 § 14.7, PDF/UA-1), built page by page from
/// the frames' ``StructureMarker``s: the structure elements, the StructTreeRoot under a single
/// `Document` element, and the ParentTree mapping every page's marked-content ids and every link
/// annotation back to its element.
///
/// Parts of one element on several slices or pages arrive as separate begin/end pairs with the
/// same role and key under the same parent; they are joined here, and children keep the order in
/// which they are first met, which is the reading order of the flow.
///
/// A document's elements are kept until the end and written there, numbered in the order they
/// were met — until there are ``retainedElementLimit`` of them (10,000; the longest sample has
/// 7,292). A table of thousands of rows then switches to writing as it goes: every element gets
/// its object number when it is made, and one not touched on the last two pages is written (into object streams) and forgotten, so memory
/// holds the elements of the pages around the one being drawn, not the document's.
struct StructureTree {
    enum Kid {
        case element(Int)
        /// Marked content `mcid` on the page with struct-parents key `page`.
        case content(page: Int, mcid: Int)
        /// A link annotation (object number) on page `page`.
        case annotation(object: Int, page: Int)
    }

    struct Node {
        var element: StructureElement
        var parent: Int
        var kids: [Kid] = []
        /// The greatest key among the element children.
        var greatestKey = Int.min
        /// The struct-parents key of the page being drawn when the element was last touched.
        var touched = 0
    }

    /// Elements kept before the tree starts writing as it goes (``StructureTreeLimits``).
    static var retainedElementLimit: Int { StructureTreeLimits.retainedElements }
    /// Pages an untouched element is kept for, once writing as it goes: a row continued on the next
    /// page is found again.
    static let retainedPages = 2
    /// How far back among its parent's children an element is looked for, once writing as it goes
    /// (a table body has a child per row).
    static let searchWindow = 512

    /// The elements, by index (node 0 is the `Document` root); once writing as it goes, only those
    /// not written yet.
    private var store = NodeStore()
    /// Page object numbers, by struct-parents key (-1 for an annotation's key).
    private(set) var pageObjects: [Int] = []
    /// ParentTree entries in key order: a page's elements by MCID, or an annotation's element.
    private(set) var parentTree: [(key: Int, entry: ParentEntry)] = []
    /// Writing as it goes: the file, the root's number and the object stream being filled.
    private var streaming: Streaming?
    /// Where elements go once the tree writes as it goes (nil: kept to the end, as for `empty`).
    private let file: PDFObjectFile?
    private let elementLimit: Int

    init(file: PDFObjectFile? = nil) {
        self.file = file
        elementLimit = Self.retainedElementLimit
    }

    enum ParentEntry {
        case page([Int])
        /// A page's array of elements, written as an object of its own (while writing as it goes).
        case pageArray(object: Int)
        case annotation(Int)
    }

    private struct Streaming {
        let file: PDFObjectFile
        let root: Int
        var pending: [(number: Int, offset: Int)] = []
        var bodies = PDFBuffer(capacity: 1 << 16)
    }

    var nextKey: Int { parentTree.count }

    /// A placeholder for untagged output (never written).
    static var empty: StructureTree { StructureTree() }

    /// The node for `element` under `parent`, made the first time it is met.
    ///
    /// Keys grow in reading order, so most lookups need no search: the element continues the
    /// parent's last child (a table, its body: begun again on every row), or its key is above
    /// every key the parent has seen (a new row, a new paragraph). Only the rest — columns side by
    /// side taking turns, carried-subtotal rows — search the parent's children, newest first.
    mutating func node(_ element: StructureElement, under requestedParent: Int) -> Int {
        let page = nextKey
        // Every element of the page's open chain was touched on this page and is never written
        // before it ends; should one be missing all the same, the element goes under the root
        // rather than nowhere.
        let parent = store.holds(requestedParent) ? requestedParent : 0
        if let found = existingNode(element, under: parent) {
            store.touch(found, page: page)
            return found
        }
        let index = store.count
        if streaming == nil, index >= elementLimit, let file { startStreaming(into: file) }
        store.append(Node(element: element, parent: parent, touched: page), number: streaming?.file.allocate())
        store.adopt(.element(index), into: parent, key: element.key, page: page)
        return index
    }

    private func existingNode(_ element: StructureElement, under parent: Int) -> Int? {
        // The store answers with fields, not nodes: a copy of a node (its element's strings, its
        // children) for each look made this 2,300 instructions a marked sequence.
        if case .element(let last)? = store.lastKid(of: parent), store.isElement(last, role: element.role, key: element.key) {
            return last
        }
        guard element.key <= store.greatestKey(of: parent) else { return nil }
        let kids = store.kids(of: parent)
        // Retained, the whole list is searched; written as it goes, the last children only (a
        // written element cannot take more children: a match beyond is a new element).
        let lowest = streaming == nil ? kids.startIndex : max(kids.startIndex, kids.endIndex - Self.searchWindow)
        for position in (lowest..<kids.endIndex).reversed() {
            if case .element(let index) = kids[position], store.isElement(index, role: element.role, key: element.key) {
                return index
            }
        }
        return nil
    }

    /// Records a page's marked content (`owners[mcid]` is the node of each sequence); returns the
    /// page's /StructParents key. Once writing as it goes, elements left untouched for
    /// ``retainedPages`` pages are written.
    mutating func addPage(object: Int, owners: [Int]) -> Int {
        let key = nextKey
        pageObjects.append(object)
        for (mcid, owner) in owners.enumerated() where store.holds(owner) {
            store.adopt(.content(page: key, mcid: mcid), into: owner, key: nil, page: key)
        }
        if var streaming {
            // Written as the pages go too: the ParentTree keeps one reference per page.
            self.streaming = nil
            let array = streaming.file.allocate()
            streaming.pending.append((array, streaming.bodies.count))
            appendReferences(owners, to: &streaming.bodies)
            if streaming.pending.count == Self.objectsPerStream { flush(&streaming) }
            self.streaming = streaming
            parentTree.append((key, .pageArray(object: array)))
            writeUntouched(before: key - Self.retainedPages)
        } else {
            parentTree.append((key, .page(owners)))
        }
        return key
    }

    /// Records a link annotation belonging to `owner`; returns its /StructParent key.
    mutating func addAnnotation(object: Int, owner: Int, pageKey: Int) -> Int {
        let key = nextKey
        pageObjects.append(-1)
        if store.holds(owner) {
            store.adopt(.annotation(object: object, page: pageKey), into: owner, key: nil, page: pageKey)
        }
        parentTree.append((key, .annotation(owner)))
        return key
    }

    /// Elements per object stream: small enough for a reader to find one quickly.
    static let objectsPerStream = 400

    // MARK: - Writing as it goes

    private mutating func startStreaming(into file: PDFObjectFile) {
        let root = file.allocate()
        // Elements untouched for the last pages are written now; only the others are kept.
        let page = nextKey
        let written = store.number(from: file.allocate(count: store.count)) { index, node in index != 0 && node.touched < page - Self.retainedPages }
        streaming = Streaming(file: file, root: root)
        for (index, node) in written { queue(node, number: store.number(of: index)) }
    }

    /// Writes every element (but the root) last touched before page key `page`, and forgets it.
    private mutating func writeUntouched(before page: Int) {
        guard page > 0 else { return }
        for index in store.liveIndices where index != 0 && store.touched(index) < page {
            let node = store.remove(index)
            queue(node, number: store.number(of: index))
        }
    }

    private mutating func queue(_ node: Node, number: Int) {
        guard var streaming else { return }
        self.streaming = nil
        streaming.pending.append((number, streaming.bodies.count))
        write(node, root: streaming.root, to: &streaming.bodies)
        if streaming.pending.count == Self.objectsPerStream { flush(&streaming) }
        self.streaming = streaming
    }

    private func flush(_ streaming: inout Streaming) {
        streaming.file.objectStream(streaming.pending, bodies: streaming.bodies)
        streaming.pending.removeAll(keepingCapacity: true)
        streaming.bodies.removeAll()
    }

    // MARK: - The end

    /// Writes the elements not written yet and the StructTreeRoot, in compressed object streams;
    /// returns the root's object number.
    mutating func write(to file: PDFObjectFile) -> Int {
        if streaming == nil {
            // Retained: numbered now, in the order met.
            let root = file.allocate()
            let all = store.number(from: file.allocate(count: store.count)) { _, _ in true }
            streaming = Streaming(file: file, root: root)
            for (index, node) in all { queue(node, number: store.number(of: index)) }
        }
        for index in store.liveIndices { queue(store.remove(index), number: store.number(of: index)) }
        guard var streaming else { preconditionFailure("streaming was just set") }
        self.streaming = nil
        let parentTreeObject = file.allocate()
        streaming.pending.append((parentTreeObject, streaming.bodies.count))
        // One leaf holds every key; keys were given in increasing order.
        streaming.bodies.append("<</Nums[")
        for (index, item) in parentTree.enumerated() {
            if index > 0 { streaming.bodies.append(UInt8(ascii: " ")) }
            streaming.bodies.append(item.key)
            streaming.bodies.append(UInt8(ascii: " "))
            switch item.entry {
            case .page(let owners):
                appendReferences(owners, to: &streaming.bodies)
            case .pageArray(let object):
                streaming.bodies.appendReference(object)
            case .annotation(let owner):
                streaming.bodies.appendReference(store.number(of: owner))
            }
        }
        streaming.bodies.append("]>>")
        streaming.pending.append((streaming.root, streaming.bodies.count))
        streaming.bodies.append("<</Type/StructTreeRoot/K ")
        streaming.bodies.appendReference(store.number(of: 0))
        streaming.bodies.append("/ParentTree ")
        streaming.bodies.appendReference(parentTreeObject)
        streaming.bodies.append("/ParentTreeNextKey ")
        streaming.bodies.append(nextKey)
        streaming.bodies.append(">>")
        flush(&streaming)
        return streaming.root
    }

    /// `[a b c]`: the elements' references.
    private func appendReferences(_ owners: [Int], to pdf: inout PDFBuffer) {
        pdf.append("[")
        for (position, owner) in owners.enumerated() {
            if position > 0 { pdf.append(UInt8(ascii: " ")) }
            pdf.appendReference(store.number(of: owner))
        }
        pdf.append("]")
    }

    private func write(_ node: Node, root: Int, to pdf: inout PDFBuffer) {
        // /Type /StructElem is optional (ISO 32000-1 table 323): left out, thousands of times.
        pdf.append("<</S/")
        pdf.append(node.element.role.pdfName)
        pdf.append("/P ")
        pdf.appendReference(node.parent < 0 ? root : store.number(of: node.parent))
        // The page of the first marked content: MCRs on it are written as bare MCIDs.
        var defaultPage: Int?
        for kid in node.kids {
            if case .content(let page, _) = kid {
                defaultPage = page
                break
            }
        }
        if let defaultPage {
            pdf.append("/Pg ")
            pdf.appendReference(pageObjects[defaultPage])
        }
        if let alternate = node.element.alternateText {
            pdf.append("/Alt")
            pdf.appendTextString(alternate)
        }
        if let language = node.element.language {
            pdf.append("/Lang")
            pdf.appendTextString(language)
        }
        if let scope = node.element.scope {
            pdf.append("/A<</O/Table/Scope/")
            pdf.append(scope.pdfName)
            pdf.append(">>")
        }
        guard !node.kids.isEmpty else {
            pdf.append(">>")
            return
        }
        // A single kid needs no array.
        pdf.append(node.kids.count == 1 ? "/K " : "/K[")
        for (index, kid) in node.kids.enumerated() {
            if index > 0 { pdf.append(UInt8(ascii: " ")) }
            switch kid {
            case .element(let child):
                pdf.appendReference(store.number(of: child))
            case .content(let page, let mcid):
                if page == defaultPage {
                    pdf.append(mcid)
                } else {
                    pdf.append("<</Type/MCR/Pg ")
                    pdf.appendReference(pageObjects[page])
                    pdf.append("/MCID ")
                    pdf.append(mcid)
                    pdf.append(">>")
                }
            case .annotation(let object, let page):
                pdf.append("<</Type/OBJR/Obj ")
                pdf.appendReference(object)
                pdf.append("/Pg ")
                pdf.appendReference(pageObjects[page])
                pdf.append(">>")
            }
        }
        pdf.append(node.kids.count == 1 ? ">>" : "]>>")
    }
}

extension StructureTree {
    /// The elements by index and their object numbers: an array while every element is kept, a
    /// dictionary of those not yet written once the tree writes as it goes.
    struct NodeStore {
        private var retained: [Node] = [Node(element: StructureElement(.document), parent: -1)]
        private var live: [Int: Node]?
        /// How many elements were ever made.
        private(set) var count = 1
        /// Object numbers: `first + index` for the elements made before numbering started, then one
        /// allocated per element.
        private var first = -1
        private var numbered = 0
        private var laterNumbers: [Int32] = []

        // Fields are read and changed by plain methods, not a yielding subscript: its coroutines
        // were not inlined (about 200 instructions an access, several per marked sequence).
        // Elements are `retained` until the tree writes as it goes, `live` after.

        /// Whether the element at `index` is still held (not written).
        func holds(_ index: Int) -> Bool {
            guard let live else { return true }
            return live.index(forKey: index) != nil
        }

        /// Whether `index` is a held element with this role and key.
        func isElement(_ index: Int, role: StructureRole, key: Int) -> Bool {
            guard let live else { return retained[index].element.key == key && retained[index].element.role == role }
            guard let node = live[index] else { return false }
            return node.element.key == key && node.element.role == role
        }

        func lastKid(of index: Int) -> Kid? {
            guard let live else { return retained[index].kids.last }
            return live[index]?.kids.last
        }

        func kids(of index: Int) -> [Kid] {
            guard let live else { return retained[index].kids }
            return live[index]?.kids ?? []
        }

        func greatestKey(of index: Int) -> Int {
            guard let live else { return retained[index].greatestKey }
            return live[index]?.greatestKey ?? .min
        }

        func touched(_ index: Int) -> Int {
            guard let live else { return retained[index].touched }
            return live[index]?.touched ?? .min
        }

        /// Marks the element at `index` as touched on page key `page`.
        mutating func touch(_ index: Int, page: Int) {
            if live == nil {
                retained[index].touched = page
            } else {
                live![index]?.touched = page
            }
        }

        /// Gives the element at `parent` a new last child, touched on `page`; `key` is the child's
        /// key when it is an element.
        mutating func adopt(_ kid: Kid, into parent: Int, key: Int?, page: Int) {
            func update(_ node: inout Node) {
                node.kids.append(kid)
                if let key { node.greatestKey = max(node.greatestKey, key) }
                node.touched = page
            }
            if live == nil {
                update(&retained[parent])
            } else if live![parent] != nil {
                update(&live![parent]!)
            }
        }

        mutating func append(_ node: Node, number: Int?) {
            if live != nil {
                live![count] = node
                laterNumbers.append(Int32(number ?? 0))
            } else {
                retained.append(node)
            }
            count += 1
        }

        /// Numbers the elements made so far `first`, `first + 1`, …; later ones bring their own.
        /// Once numbered, the store keeps only the elements not yet written: those `leaving` picks
        /// are returned, in index order, for the caller to write.
        mutating func number(from first: Int, leaving: (_ index: Int, _ node: Node) -> Bool) -> [(index: Int, node: Node)] {
            self.first = first
            numbered = count
            var left: [(index: Int, node: Node)] = []
            if live == nil {
                var live: [Int: Node] = [:]
                for (index, node) in retained.enumerated() {
                    if leaving(index, node) { left.append((index, node)) } else { live[index] = node }
                }
                self.live = live
                retained = []
            }
            return left
        }

        func number(of index: Int) -> Int {
            index < numbered ? first + index : Int(laterNumbers[index - numbered])
        }

        /// The elements not written yet, in index order.
        var liveIndices: [Int] {
            guard let live else { return Array(retained.indices) }
            return live.keys.sorted()
        }

        mutating func remove(_ index: Int) -> Node {
            live!.removeValue(forKey: index)!
        }
    }
}

/// How many structure elements a tagged PDF keeps before it writes them as the pages go: above
/// every sample document's count (7,292 at most: their PDFs are written at the end, as they
/// always were), low enough that the elements kept stay a few megabytes. A
/// task-local value so that tests can make a short document write as it goes.
///
/// ```swift
/// let pdf = try StructureTreeLimits.$retainedElements.withValue(300) { try render() }
/// ```
package enum StructureTreeLimits {
    @TaskLocal package static var retainedElements = 10_000
}
