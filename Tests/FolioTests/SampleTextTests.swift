import FolioTestSupport
import Foundation
import Testing
@testable import Folio
import FolioTooling

/// For every sample: the PDF's text (pdftotext) holds every amount exactly as the locale prints
/// it, the document number and every tracking number, and the page count matches the manifest.
@Suite struct SampleTextTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = SampleSet(root: repository.appendingPathComponent("Samples").path)
    static var documentCases: [String] { ((try? samples.caseNames()) ?? []).filter { $0 != SampleSet.specimenCase } }

    @Test(arguments: documentCases)
    func textHoldsEveryPrintedFigure(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.samples.inputPath(case: name)))
        let decoded = try FolioRenderer.decode(data)
        let result = try FolioRenderer.renderPDF(decoded, options: RenderOptions(baseDirectory: Self.samples.folder(of: name)))
        let text = SearchableText(ExternalTool.foldingWhitespace(try ExternalTool.pdfText(result.pdf)))
        let expected = ExpectedText.strings(for: decoded)
        #expect(expected.count > 3)
        for string in expected {
            #expect(text.contains(ExternalTool.foldingWhitespace(string)), "\(name): “\(string)” not in the PDF text")
        }
        if let pages = try Self.samples.manifest().pages[name] {
            #expect(result.pageCount == pages, "\(name): \(result.pageCount) pages, manifest says \(pages)")
        }
        #expect(result.warnings.filter { $0.message.contains("no bundled font") }.isEmpty, "\(name): \(result.warnings)")
    }
}

/// The France 2026 mentions, as the French labels print them, on the samples that carry them.
@Suite struct FranceMentionsTextTests {
    @Test(arguments: [
        ("invoice-delivery-fr", ["Nature des opérations", "Prestations de services", "Option pour le paiement de la taxe d’après les débits",
                                 "ADRESSE DE LIVRAISON", "Vénissieux", "SIREN 528719347"]),
        ("credit-note-fr", ["Date de la facture rectifiée", "08/03/2025", "Prestations de services"]),
    ])
    func mentionsArePrinted(_ name: String, _ mentions: [String]) throws {
        let samples = SampleTextTests.samples
        let result = try FolioRenderer.renderPDF(json: Data(contentsOf: URL(fileURLWithPath: samples.inputPath(case: name))),
                                         options: RenderOptions(baseDirectory: samples.folder(of: name)))
        let text = SearchableText(ExternalTool.foldingWhitespace(try ExternalTool.pdfText(result.pdf)))
        for mention in mentions { #expect(text.contains(mention), "\(name): “\(mention)” not in the PDF text") }
    }
}

/// The strings a document must show, derived from the model (never from the PDF).
enum ExpectedText {
    static func strings(for decoded: DecodedDocument) -> [String] {
        switch (decoded.document, decoded.computation) {
        case (.invoice(let invoice), .invoice(let totals)): invoiceStrings(invoice, totals)
        case (.cbp7501(let entry), .cbp7501(let computation)): entryStrings(entry, computation)
        case (.cbsaB3(let declaration), .cbsaB3(let computation)): b3Strings(declaration, computation)
        default: []
        }
    }

    static func invoiceStrings(_ invoice: Invoice, _ totals: ComputedInvoice) -> [String] {
        let money = MoneyFormatter(locale: FormattingLocale.bestMatch(for: invoice.locale))
        let zero = Money.zero(invoice.currency)
        var strings = [invoice.number, money.string(totals.amountDue), money.string(totals.net)]
        if !totals.vatGroups.isEmpty { strings += [money.string(totals.totalVat), money.string(totals.totalInclVat)] }
        for group in totals.vatGroups { strings += [money.amountString(group.base), money.amountString(group.amount)] }
        for line in totals.chargeSummary { strings += [money.amountString(line.published), money.amountString(line.net)] }
        for shipment in invoice.shipments ?? [] {
            strings.append(shipment.trackingNumber)
            for charge in shipment.charges {
                strings += [money.amountString(charge.publishedAmount), money.amountString(charge.netAmount)]
                strings.append(money.amountString(-(charge.incentiveAmount ?? zero)))
            }
        }
        for adjustment in invoice.adjustments ?? [] {
            strings += [money.amountString(adjustment.publishedAmount), money.amountString(adjustment.netAmount)]
            if let tracking = adjustment.originalTrackingNumber { strings.append(tracking) }
        }
        for charge in invoice.importCharges ?? [] { strings.append(money.amountString(charge.amount)) }
        if let original = invoice.originalInvoiceNumber { strings.append(original) }
        if let siren = invoice.billTo.siren { strings.append(siren) }
        if let delivery = invoice.deliveryAddress { strings += [delivery.name, delivery.city] }
        return strings
    }

    static func entryStrings(_ entry: CBP7501Entry, _ computation: CBP7501Computation) -> [String] {
        let money = MoneyFormatter(locale: .enUS)
        let decimals = DecimalFormatter(locale: .enUS)
        var strings = [entry.entryNumber, money.amountString(computation.duty), money.amountString(computation.tax),
                       money.amountString(computation.other), money.amountString(computation.total),
                       decimals.string(computation.totalEnteredValue.decimalValue, fractionDigits: 0)]
        for line in computation.lines {
            strings += [money.amountString(line.duty), decimals.string(line.enteredValue.decimalValue, fractionDigits: 0), String(format: "%03d", line.lineNumber)]
        }
        for fee in computation.fees { strings.append(money.amountString(fee.amount)) }
        return strings
    }

    static func b3Strings(_ declaration: CBSAB3Declaration, _ computation: B3Computation) -> [String] {
        let money = MoneyFormatter(locale: FormattingLocale.bestMatch(for: declaration.locale))
        var strings = [declaration.transactionNumber]
        for line in computation.lines {
            strings += [money.amountString(line.valueForDuty), money.amountString(line.customsDuties), money.amountString(line.gst)]
        }
        strings += [money.amountString(computation.customsDuties), money.amountString(computation.gst), money.amountString(computation.total)]
        return strings
    }
}
