import PageFrames

extension StructureRole {
    /// The PDF name, without its slash, as static bytes: written once per element and per
    /// marked-content sequence, so no string is made each time.
    var pdfName: StaticString {
        switch self {
        case .document: "Document"
        case .part: "Part"
        case .section: "Sect"
        case .division: "Div"
        case .heading1: "H1"
        case .heading2: "H2"
        case .heading3: "H3"
        case .paragraph: "P"
        case .label: "Lbl"
        case .caption: "Caption"
        case .list: "L"
        case .listItem: "LI"
        case .listBody: "LBody"
        case .table: "Table"
        case .tableHead: "THead"
        case .tableBody: "TBody"
        case .tableFoot: "TFoot"
        case .tableRow: "TR"
        case .tableHeader: "TH"
        case .tableData: "TD"
        case .figure: "Figure"
        case .link: "Link"
        case .span: "Span"
        }
    }
}

extension HeaderScope {
    var pdfName: StaticString {
        switch self {
        case .column: "Column"
        case .row: "Row"
        case .both: "Both"
        }
    }
}
