import Folio
import Foundation
import Typesetting

// Release-build benchmark harness. Usage:
//   swift run -c release folio-bench specimen [iterations]
// Prints one JSON object per measurement (medians in milliseconds, peak RSS in MiB).

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let arguments = CommandLine.arguments.dropFirst()
let benchmark = arguments.first ?? "specimen"
let iterations = arguments.dropFirst().first.flatMap(Int.init) ?? 200

switch benchmark {
case "specimen":
    let typesetter = try Typesetter.bundled()
    var bytes = 0
    _ = try Folio.renderSpecimenPDF(typesetter: typesetter)  // warm-up: fonts opened, caches filled
    var pdfTimes: [Double] = []
    for _ in 0..<iterations { pdfTimes.append(try milliseconds { bytes = try Folio.renderSpecimenPDF(typesetter: typesetter).pdf.count }) }
    var pngTimes: [Double] = []
    for _ in 0..<max(1, iterations / 10) { pngTimes.append(try milliseconds { _ = try Folio.renderSpecimenPNG(dpi: 80, typesetter: typesetter) }) }
    print(#"{"benchmark":"specimen","iterations":\#(iterations),"pdf_ms_per_page_median":\#(String(format: "%.3f", median(pdfTimes))),"png80_ms_median":\#(String(format: "%.3f", median(pngTimes))),"pdf_bytes":\#(bytes),"peak_rss_mib":\#(String(format: "%.1f", peakResidentMiB()))}"#)
case "documents":
    // folio-bench documents ITERATIONS FILE… : each iteration reads, decodes, lays out and writes
    // one PDF in memory, cycling through the files (the peers' "one timed iteration").
    let files = Array(arguments.dropFirst(2))
    let inputs = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    _ = try Folio.renderPDF(json: inputs[0])
    var times: [Double] = []
    var pages = 0
    var bytes = 0
    for index in 0..<iterations {
        times.append(try milliseconds {
            let result = try Folio.renderPDF(json: inputs[index % inputs.count])
            pages = result.pageCount
            bytes = result.pdf.count
        })
    }
    print(#"{"benchmark":"documents","files":\#(files.count),"iterations":\#(iterations),"ms_per_doc_median":\#(String(format: "%.3f", median(times))),"pages_last":\#(pages),"bytes_last":\#(bytes),"peak_rss_mib":\#(String(format: "%.1f", peakResidentMiB()))}"#)
default:
    FileHandle.standardError.write(Data("unknown benchmark \(benchmark); known: specimen, documents\n".utf8))
    exit(2)
}
