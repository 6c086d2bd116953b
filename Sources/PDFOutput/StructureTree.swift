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
    }

    private struct ChildKey: Hashable {
        var parent: Int
        var role: StructureRole
        var key: Int
    }

    /// Node 0 is the `Document` root.
    private(set) var nodes: [Node] = [Node(element: StructureElement(.document), parent: -1)]
    private var children: [ChildKey: Int] = [:]
    /// Page object numbers, by struct-parents key.
    private(set) var pageObjects: [Int: Int] = [:]
    /// ParentTree entries in key order: a page's elements by MCID, or an annotation's element.
    private(set) var parentTree: [(key: Int, entry: ParentEntry)] = []

    enum ParentEntry {
        case page([Int])
        case annotation(Int)
    }

    var nextKey: Int { parentTree.count }

    /// The node for `element` under `parent`, made the first time it is met.
    mutating func node(_ element: StructureElement, under parent: Int) -> Int {
        let key = ChildKey(parent: parent, role: element.role, key: element.key)
        if let known = children[key] { return known }
        let index = nodes.count
        nodes.append(Node(element: element, parent: parent))
        nodes[parent].kids.append(.element(index))
        children[key] = index
        return index
    }

    /// Records a page's marked content (`owners[mcid]` is the node of each sequence); returns the
    /// page's /StructParents key.
    mutating func addPage(object: Int, owners: [Int]) -> Int {
        let key = nextKey
        pageObjects[key] = object
        for (mcid, owner) in owners.enumerated() { nodes[owner].kids.append(.content(page: key, mcid: mcid)) }
        parentTree.append((key, .page(owners)))
        return key
    }

    /// Records a link annotation belonging to `owner`; returns its /StructParent key.
    mutating func addAnnotation(object: Int, owner: Int, pageKey: Int) -> Int {
        let key = nextKey
        nodes[owner].kids.append(.annotation(object: object, page: pageKey))
        parentTree.append((key, .annotation(owner)))
        return key
    }

    /// Writes the elements and the StructTreeRoot; returns the root's object number.
    func write(to file: PDFObjectFile) -> Int {
        let root = file.allocate()
        let objects = nodes.map { _ in file.allocate() }
        for (index, node) in nodes.enumerated() {
            file.object(objects[index]) { pdf in write(node, objects: objects, root: root, to: &pdf) }
        }
        let parentTreeObject = file.allocate()
        file.object(parentTreeObject) { pdf in
            // One leaf holds every key; keys were given in increasing order.
            pdf.append("<</Nums[")
            for (index, item) in parentTree.enumerated() {
                if index > 0 { pdf.append(UInt8(ascii: " ")) }
                pdf.append(item.key)
                pdf.append(UInt8(ascii: " "))
                switch item.entry {
                case .page(let owners):
                    pdf.append("[")
                    for (position, owner) in owners.enumerated() {
                        if position > 0 { pdf.append(UInt8(ascii: " ")) }
                        pdf.appendReference(objects[owner])
                    }
                    pdf.append("]")
                case .annotation(let owner):
                    pdf.appendReference(objects[owner])
                }
            }
            pdf.append("]>>")
        }
        file.object(root) { pdf in
            pdf.append("<</Type/StructTreeRoot/K ")
            pdf.appendReference(objects[0])
            pdf.append("/ParentTree ")
            pdf.appendReference(parentTreeObject)
            pdf.append("/ParentTreeNextKey ")
            pdf.append(nextKey)
            pdf.append(">>")
        }
        return root
    }

    private func write(_ node: Node, objects: [Int], root: Int, to pdf: inout PDFBuffer) {
        pdf.append("<</Type/StructElem/S/")
        pdf.append(Array(node.element.role.rawValue.utf8))
        pdf.append("/P ")
        pdf.appendReference(node.parent < 0 ? root : objects[node.parent])
        // The page of the first marked content: MCRs on it are written as bare MCIDs.
        var defaultPage: Int?
        for kid in node.kids {
            if case .content(let page, _) = kid {
                defaultPage = page
                break
            }
        }
        if let defaultPage, let object = pageObjects[defaultPage] {
            pdf.append("/Pg ")
            pdf.appendReference(object)
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
            pdf.append(Array(scope.rawValue.utf8))
            pdf.append(">>")
        }
        pdf.append("/K[")
        for (index, kid) in node.kids.enumerated() {
            if index > 0 { pdf.append(UInt8(ascii: " ")) }
            switch kid {
            case .element(let child):
                pdf.appendReference(objects[child])
            case .content(let page, let mcid):
                if page == defaultPage {
                    pdf.append(mcid)
                } else {
                    pdf.append("<</Type/MCR/Pg ")
                    pdf.appendReference(pageObjects[page] ?? 0)
                    pdf.append("/MCID ")
                    pdf.append(mcid)
                    pdf.append(">>")
                }
            case .annotation(let object, let page):
                pdf.append("<</Type/OBJR/Obj ")
                pdf.appendReference(object)
                pdf.append("/Pg ")
                pdf.appendReference(pageObjects[page] ?? 0)
                pdf.append(">>")
            }
        }
        pdf.append("]>>")
    }
}
