import PageFrames

/// The logical structure of a tagged PDF (ISO 32000-1 § 14.7, PDF/UA-1), built page by page from
/// the frames' ``StructureMarker``s and written at the end: the structure elements, the
/// StructTreeRoot under a single `Document` element, and the ParentTree mapping every page's
/// marked-content ids and every link annotation back to its element.
///
/// Parts of one element on several slices or pages arrive as separate begin/end pairs with the
/// same role and key under the same parent; they are joined here, and children keep the order in
/// which they are first met, which is the reading order of the flow.
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
    }


    /// Node 0 is the `Document` root.
    private(set) var nodes: [Node] = [Node(element: StructureElement(.document), parent: -1)]
    /// Page object numbers, by struct-parents key (-1 for an annotation's key).
    private(set) var pageObjects: [Int] = []
    /// ParentTree entries in key order: a page's elements by MCID, or an annotation's element.
    private(set) var parentTree: [(key: Int, entry: ParentEntry)] = []

    enum ParentEntry {
        case page([Int])
        case annotation(Int)
    }

    var nextKey: Int { parentTree.count }

    /// A placeholder for untagged output (never written).
    static let empty = StructureTree()

    /// The node for `element` under `parent`, made the first time it is met.
    ///
    /// Keys grow in reading order, so most lookups need no search: the element continues the
    /// parent's last child (a table, its body: begun again on every row), or its key is above
    /// every key the parent has seen (a new row, a new paragraph). Only the rest — columns side by
    /// side taking turns, carried-subtotal rows — search the parent's children, newest first.
    mutating func node(_ element: StructureElement, under parent: Int) -> Int {
        // No local copy of the children: appending to them below must not copy the array.
        if case .element(let last)? = nodes[parent].kids.last, nodes[last].element.role == element.role, nodes[last].element.key == element.key {
            return last
        }
        if element.key <= nodes[parent].greatestKey {
            for position in nodes[parent].kids.indices.reversed() {
                if case .element(let index) = nodes[parent].kids[position], nodes[index].element.key == element.key,
                    nodes[index].element.role == element.role
                {
                    return index
                }
            }
        }
        let index = nodes.count
        nodes.append(Node(element: element, parent: parent))
        nodes[parent].kids.append(.element(index))
        nodes[parent].greatestKey = max(nodes[parent].greatestKey, element.key)
        return index
    }

    /// Records a page's marked content (`owners[mcid]` is the node of each sequence); returns the
    /// page's /StructParents key.
    mutating func addPage(object: Int, owners: [Int]) -> Int {
        let key = nextKey
        pageObjects.append(object)
        for (mcid, owner) in owners.enumerated() { nodes[owner].kids.append(.content(page: key, mcid: mcid)) }
        parentTree.append((key, .page(owners)))
        return key
    }

    /// Records a link annotation belonging to `owner`; returns its /StructParent key.
    mutating func addAnnotation(object: Int, owner: Int, pageKey: Int) -> Int {
        let key = nextKey
        pageObjects.append(-1)
        nodes[owner].kids.append(.annotation(object: object, page: pageKey))
        parentTree.append((key, .annotation(owner)))
        return key
    }

    /// Elements per object stream: small enough for a reader to find one quickly.
    static let objectsPerStream = 400

    /// Writes the elements and the StructTreeRoot, in compressed object streams; returns the
    /// root's object number.
    func write(to file: PDFObjectFile) -> Int {
        let root = file.allocate()
        let first = file.allocate(count: nodes.count)
        // Every body goes into one buffer; an object stream is a run of it.
        var bodies = PDFBuffer(capacity: nodes.count * 48 + 64)
        var pending: [(number: Int, offset: Int)] = []
        pending.reserveCapacity(min(nodes.count + 2, Self.objectsPerStream))
        func flush() {
            file.objectStream(pending, bodies: bodies)
            pending.removeAll(keepingCapacity: true)
            bodies.removeAll()
        }
        for index in nodes.indices {
            pending.append((first + index, bodies.count))
            write(nodes[index], first: first, root: root, to: &bodies)
            if pending.count == Self.objectsPerStream { flush() }
        }
        let parentTreeObject = file.allocate()
        pending.append((parentTreeObject, bodies.count))
        // One leaf holds every key; keys were given in increasing order.
        bodies.append("<</Nums[")
        for (index, item) in parentTree.enumerated() {
            if index > 0 { bodies.append(UInt8(ascii: " ")) }
            bodies.append(item.key)
            bodies.append(UInt8(ascii: " "))
            switch item.entry {
            case .page(let owners):
                bodies.append("[")
                for (position, owner) in owners.enumerated() {
                    if position > 0 { bodies.append(UInt8(ascii: " ")) }
                    bodies.appendReference(first + owner)
                }
                bodies.append("]")
            case .annotation(let owner):
                bodies.appendReference(first + owner)
            }
        }
        bodies.append("]>>")
        pending.append((root, bodies.count))
        bodies.append("<</Type/StructTreeRoot/K ")
        bodies.appendReference(first)
        bodies.append("/ParentTree ")
        bodies.appendReference(parentTreeObject)
        bodies.append("/ParentTreeNextKey ")
        bodies.append(nextKey)
        bodies.append(">>")
        flush()
        return root
    }

    /// Element `i` is object `first + i`.
    private func write(_ node: Node, first: Int, root: Int, to pdf: inout PDFBuffer) {
        // /Type /StructElem is optional (ISO 32000-1 table 323): left out, thousands of times.
        pdf.append("<</S/")
        pdf.append(node.element.role.pdfName)
        pdf.append("/P ")
        pdf.appendReference(node.parent < 0 ? root : first + node.parent)
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
                pdf.appendReference(first + child)
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
