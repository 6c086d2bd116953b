// 100 000-row table benchmark: repeated header, carried subtotals, "page X of Y" footer, streamed
// page by page into a PDF file. Run the release build under `/usr/bin/time -v` for peak RSS:
//
//   swift build -c release --product TableBench
//   /usr/bin/time -v .build/release/TableBench 100000 /tmp/table-bench.pdf
//
// A third argument `no-count` drops "of Y" from the footer; `counting` finds Y by a counting pass
// and lays the table out again (what a raster output does). By default the footers are deferred
// and filled in at the end (form XObjects): one layout pass, as `render` writes a long invoice.
import PDFOutput
import Foundation
import PageFrames
import TextShaping
import Typesetting

let arguments = CommandLine.arguments
let rowCount = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let path = arguments.count > 2 ? arguments[2] : "/tmp/table-bench.pdf"
let countsPages = !(arguments.count > 3 && arguments[3] == "no-count")
let countingPass = arguments.count > 3 && arguments[3] == "counting"

func cents(_ index: Int) -> Int { (index * 7919) % 250_000 + 99 }

func format(_ cents: Int) -> String {
    let fraction = cents % 100
    var units = String(cents / 100)
    var grouped = ""
    while units.count > 3 {
        grouped = "\u{202F}" + units.suffix(3) + grouped
        units.removeLast(3)
    }
    return units + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
}

let body = TextStyle(size: 8, features: ["tnum"])
let bold = TextStyle(style: .bold, size: 8)
let services = ["Express 12:00", "Economy", "Standard", "Express Saver", "Freight"]
let table = Table(
    columns: [
        TableColumn(.auto, alignment: .end), TableColumn(.auto), TableColumn(.fraction(1)), TableColumn(.auto),
        TableColumn(.fixed(70), alignment: .decimal(",")),
    ],
    header: [TableRow(texts: ["No.", "Date", "Shipment", "Weight", "Amount €"], style: bold)],
    rows: TableRows(count: rowCount) { index in
        let amount = cents(index)
        return TableRow(
            texts: [
                String(index + 1), "2025-03-\(index % 28 + 1 < 10 ? "0" : "")\(index % 28 + 1)",
                "1Z999AA1\(String(100_000_000 + index)) \(services[index % services.count]) → Lyon",
                "\(index % 40 + 1),\(index % 10) kg", format(amount),
            ], style: body, payload: amount)
    },
    footer: [TableRow(texts: ["", "", "Total", "", format((0..<rowCount).reduce(0) { $0 + cents($1) })], style: bold)],
    subtotals: CarriedSubtotals(
        zero: 0, add: { total, row in total + (row.payload as? Int ?? 0) }, cells: { [4: format($0)] },
        carriedOutLabel: "À reporter", broughtForwardLabel: "Report", labelColumn: 2, style: bold))

let template = PageTemplate(
    size: .a4, margins: EdgeInsets(all: millimetres(15)),
    header: PageRegion(height: 12) { page in
        .text(page.isFirst ? "Invoice 123 — shipments" : "Invoice 123 — continued", style: bold)
    },
    footer: PageRegion(height: 12, usesPageCount: countsPages) { page in
        .text(page.count.map { "Page \(page.number) of \($0)" } ?? "Page \(page.number)", style: TextStyle(size: 8), paragraph: ParagraphStyle(alignment: .end))
    })

let clock = ContinuousClock()
let start = clock.now
let typesetter = try Typesetter.bundled()
let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
guard descriptor >= 0 else { fatalError("cannot open \(path)") }
let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Table benchmark"), fileDescriptor: descriptor)
let paginator = Paginator(typesetter: typesetter, template: template)
let pages = try paginator.paginate([.table(table)], into: { page in try writer.add(page) }, deferred: countingPass ? nil : { content, items in
    try writer.fillDeferred(content, with: items)
})
try writer.finish()
close(descriptor)
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("rows: \(rowCount)  pages: \(pages)  time: \(String(format: "%.2f", seconds)) s  (\(String(format: "%.2f", seconds * 1000 / Double(pages))) ms/page)  → \(path)")
