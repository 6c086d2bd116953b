// A program that only renders invoices: it depends on the `Folio` library product alone, so it
// links neither GRDB nor SQLite (the billing center is a product of its own).
// Tests/FolioTests/RenderingProductTests builds on it: it runs this binary and reads its symbols.
//
//     rendering-only-example invoice.json invoice.pdf
import Folio
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let input = arguments.first, let output = arguments.last else {
    FileHandle.standardError.write(Data("usage: rendering-only-example INPUT.json OUTPUT.pdf\n".utf8))
    exit(64)
}
do {
    // `Folio.` names the module: no type of the library is called `Folio`.
    let result = try Folio.FolioRenderer.renderPDF(contentsOf: URL(fileURLWithPath: input), to: URL(fileURLWithPath: output))
    print("\(result.pageCount) page(s)")
} catch {
    FileHandle.standardError.write(Data("\(input): \(error.localizedDescription)\n".utf8))
    exit(1)
}
