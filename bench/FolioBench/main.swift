import Folio
import FolioTooling
import Foundation
import Typesetting

// Release-build benchmark harness. Usage:
//   swift run -c release folio-bench specimen [iterations]
//   folio-bench documents ITERATIONS FILE… [--untagged]
//   folio-bench peer SRC OUT [--loop N]          the peers' command line (../shared/bench/peerlib.py):
//                                                SRC is a Folio document or @LIST of them, one a line
//   folio-bench batch WORKERS COPIES FILE…       COPIES documents through FolioRenderer.renderPDFs
//   folio-bench decode ITERATIONS FILE…          DocumentDecoder().decode only (median ms per decode)
//   folio-bench whole-model FILE OUT             FILE decoded whole (FolioRenderer.decode) and rendered from
//                                                the model into OUT: what `render` did before it
//                                                streamed shipments, to compare the two outputs
// Prints one JSON object per measurement (medians in milliseconds, peak RSS in MiB).
// bench/compare.py drives these and the peers in one run.

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


/// Writes `bytes` as the peers do (the C floor's `fopen`/`fwrite`/`fclose`, Python's `open().write`):
/// create or truncate, write, close. `Data.write(to:)` also calls `fsync`, 0.4 ms a file on this
/// machine's ext4, a cost no peer pays and no part of rendering.
func writeLikeThePeers(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        offset += written
    }
}
let arguments = CommandLine.arguments.dropFirst()
/// FOLIO_E_INVOICE=none renders the documents without their Factur-X XML (to measure what it costs).
let renderOptions: RenderOptions = {
    var options = RenderOptions()
    if ProcessInfo.processInfo.environment["FOLIO_E_INVOICE"] == "none" { options.eInvoice = .none }
    return options
}()
let benchmark = arguments.first ?? "specimen"
let iterations = arguments.dropFirst().first.flatMap(Int.init) ?? 200

switch benchmark {
case "specimen":
    let typesetter = try Typesetter.bundled()
    var bytes = 0
    _ = try FolioRenderer.renderSpecimenPDF(typesetter: typesetter)  // warm-up: fonts opened, caches filled
    var pdfTimes: [Double] = []
    for _ in 0..<iterations { pdfTimes.append(try milliseconds { bytes = try FolioRenderer.renderSpecimenPDF(typesetter: typesetter).pdf.count }) }
    var pngTimes: [Double] = []
    for _ in 0..<max(1, iterations / 10) { pngTimes.append(try milliseconds { _ = try FolioRenderer.renderSpecimenPNG(dpi: 80, typesetter: typesetter) }) }
    print(#"{"benchmark":"specimen","iterations":\#(iterations),"pdf_ms_per_page_median":\#(String(format: "%.3f", median(pdfTimes))),"png80_ms_median":\#(String(format: "%.3f", median(pngTimes))),"pdf_bytes":\#(bytes),"peak_rss_mib":\#(String(format: "%.1f", peakResidentMiB()))}"#)
case "documents":
    // folio-bench documents ITERATIONS FILE… : each iteration reads, decodes, lays out and writes
    // one PDF in memory, cycling through the files (the peers' "one timed iteration").
    // `--untagged` compares with tagged PDF off (the issue 16 budget: within 15 %).
    let untagged = arguments.contains("--untagged")
    let files = Array(arguments.dropFirst(2)).filter { $0 != "--untagged" }
    let inputs = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    var options = renderOptions
    options.taggedPDF = !untagged
    _ = try FolioRenderer.renderPDF(json: inputs[0], options: options)
    var times: [Double] = []
    var pages = 0
    var bytes = 0
    for index in 0..<iterations {
        times.append(try milliseconds {
            let result = try FolioRenderer.renderPDF(json: inputs[index % inputs.count], options: options)
            pages = result.pageCount
            bytes = result.pdf.count
        })
    }
    print(#"{"benchmark":"documents","files":\#(files.count),"iterations":\#(iterations),"ms_per_doc_median":\#(String(format: "%.3f", median(times))),"pages_last":\#(pages),"bytes_last":\#(bytes),"peak_rss_mib":\#(String(format: "%.1f", peakResidentMiB()))}"#)
case "peer":
    // Same contract as the peers' render_*.py: one timed iteration reads the JSON file, decodes,
    // lays out and writes the PDF file; with --loop, prints {"times_ms": [...]}.
    var rest = Array(arguments.dropFirst())
    var loop = 0
    if let flag = rest.firstIndex(of: "--loop"), flag + 1 < rest.count {
        loop = Int(rest[flag + 1]) ?? 0
        rest.removeSubrange(flag...(flag + 1))
    }
    guard rest.count == 2 else {
        FileHandle.standardError.write(Data("usage: folio-bench peer SRC|@LIST OUT [--loop N]\n".utf8))
        exit(2)
    }
    let source = rest[0]
    let output = rest[1]
    let files = source.hasPrefix("@")
        ? try String(contentsOfFile: String(source.dropFirst()), encoding: .utf8).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        : [source]
    func renderOnce(_ file: String) throws {
        let result = try FolioRenderer.renderPDF(json: try Data(contentsOf: URL(fileURLWithPath: file)))
        try writeLikeThePeers(result.pdf, to: output)
    }
    if loop == 0 {
        try renderOnce(files[0])
    } else {
        var times: [Double] = []
        for index in 0..<loop { times.append(try milliseconds { try renderOnce(files[index % files.count]) }) }
        print(#"{"times_ms": [\#(times.map { String(format: "%.4f", $0) }.joined(separator: ", "))]}"#)
    }
case "batch":
    // folio-bench batch WORKERS COPIES FILE… : COPIES documents (cycling through the files, read
    // beforehand) rendered by FolioRenderer.renderPDFs on WORKERS workers, after one warm-up document.
    let workers = Int(arguments.dropFirst().first ?? "") ?? 1
    let copies = Int(arguments.dropFirst(2).first ?? "") ?? 1000
    let files = Array(arguments.dropFirst(3))
    let inputs = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let documents = (0..<copies).map { inputs[$0 % inputs.count] }
    _ = try FolioRenderer.renderPDF(json: inputs[0])
    let start = DispatchTime.now().uptimeNanoseconds
    let results = await FolioRenderer.renderPDFs(documents, workers: workers)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let failures = results.filter { if case .failure = $0 { true } else { false } }.count
    print(#"{"benchmark":"batch","workers":\#(workers),"documents":\#(copies),"seconds":\#(String(format: "%.4f", seconds)),"ms_per_doc":\#(String(format: "%.4f", seconds * 1000 / Double(copies))),"failures":\#(failures),"peak_rss_mib":\#(String(format: "%.1f", peakResidentMiB()))}"#)
case "memory":
    // folio-bench memory FILE : renders FILE once, then prints resident memory by mapping (from
    // /proc/self/smaps), largest first: where peak RSS goes.
    let file = arguments.dropFirst().first ?? ""
    _ = try FolioRenderer.renderPDF(json: try Data(contentsOf: URL(fileURLWithPath: file)))
    var residentByMapping: [String: Int] = [:]
    var current = "?"
    // procfs files report no size, so read them line by line rather than as a whole file.
    var lines: [String] = []
    if let stream = fopen("/proc/self/smaps", "r") {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        while getline(&buffer, &capacity, stream) > 0 { lines.append(String(cString: buffer!)) }
        free(buffer)
        fclose(stream)
    }
    for line in lines {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if let first = fields.first, first.contains("-"), fields.count >= 5 {
            current = fields.count >= 6 ? String(fields[5]) : "[anonymous]"
        } else if fields.first == "Rss:", fields.count >= 2, let kilobytes = Int(fields[1]) {
            residentByMapping[current, default: 0] += kilobytes
        }
    }
    for (mapping, kilobytes) in residentByMapping.sorted(by: { $0.value > $1.value }).prefix(25) {
        print("\(String(repeating: " ", count: max(0, 8 - String(kilobytes).count)))\(kilobytes) KiB  \(mapping.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    print(String(format: "peak %.1f MiB", peakResidentMiB()))
case "decode":
    // folio-bench decode ITERATIONS FILE… : DocumentDecoder().decode alone, in process, cycling
    // through the files (read beforehand), after one warm-up decode.
    let files = Array(arguments.dropFirst(2))
    let inputs = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    _ = try DocumentDecoder().decode(inputs[0])
    var times: [Double] = []
    var warnings = 0
    for index in 0..<iterations {
        times.append(try milliseconds { warnings = try DocumentDecoder().decode(inputs[index % inputs.count]).warnings.count })
    }
    print(#"{"benchmark":"decode","files":\#(files.count),"iterations":\#(iterations),"ms_per_decode_median":\#(String(format: "%.4f", median(times))),"warnings_last":\#(warnings),"peak_rss_mib":\#(String(format: "%.1f", peakResidentMiB()))}"#)
case "whole-model":
    // folio-bench whole-model FILE OUT : the document decoded whole (every shipment in memory) and
    // rendered from that model, for compare.py --huge to check the streamed render against.
    let file = arguments.dropFirst().first ?? ""
    let output = arguments.dropFirst(2).first ?? "whole-model.pdf"
    var options = renderOptions
    options.templates.baseDirectory = URL(fileURLWithPath: file).deletingLastPathComponent().path
    var result: RenderResult?
    let elapsed = try milliseconds {
        let decoded = try FolioRenderer.decode(Data(contentsOf: URL(fileURLWithPath: file)))
        result = try FolioRenderer.renderPDF(decoded, options: options)
    }
    try Data(result!.pdf).write(to: URL(fileURLWithPath: output))
    print(#"{"benchmark":"whole-model","pages":\#(result!.pageCount),"ms":\#(String(format: "%.1f", elapsed)),"peak_rss_mib":\#(String(format: "%.1f", peakResidentMiB()))}"#)
default:
    FileHandle.standardError.write(Data("unknown benchmark \(benchmark); known: specimen, documents, peer, batch, memory, decode, whole-model\n".utf8))
    exit(2)
}
