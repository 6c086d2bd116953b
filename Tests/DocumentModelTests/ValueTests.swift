import Foundation
import Testing
@testable import DocumentModel

@Suite("Values, computations and warnings")
struct ValueTests {
    @Test func currencyTable() {
        #expect(Currency("EUR")?.minorUnitExponent == 2)
        #expect(Currency("JPY")?.minorUnitExponent == 0)
        #expect(Currency("KWD")?.minorUnitExponent == 3)
        #expect(Currency("BHD")?.minorUnitExponent == 3)
        #expect(Currency("TND")?.minorUnitExponent == 3)
        #expect(Currency("CLF")?.minorUnitExponent == 4)
        #expect(Currency("XAU") == nil)
        #expect(Currency("XXX") == nil)
        #expect(iso4217Exponents.count > 150)
        #expect(iso3166Alpha2Codes.count == 249)
    }

    /// The tables are searched by bisection in their text: every entry must keep its width and order,
    /// and every code in them must be found again.
    @Test func codeTablesAreSortedAndFound() {
        #expect(iso4217Exponents.isWellFormed)
        #expect(iso3166Alpha2Codes.isWellFormed)
        for index in 0..<iso4217Exponents.count {
            let code = String(iso4217Exponents.code(at: index))
            #expect(Currency(code)?.minorUnitExponent == Int(iso4217Exponents.payload(at: index)), "\(code)")
        }
        for index in 0..<iso3166Alpha2Codes.count {
            #expect(isAssignedCountryCode(String(iso3166Alpha2Codes.code(at: index))))
        }
        for absent in ["", "E", "EU", "UK", "XK", "AA", "ZZ", "fr", "FRA", "F\u{0}"] { #expect(!isAssignedCountryCode(absent), "\(absent)") }
        for absent in ["", "EU", "EURO", "AAA", "ZZZ", "eur", "XAU", "XXX", "ZWL"] { #expect(Currency(absent) == nil, "\(absent)") }
        let unsorted = SortedCodeTable(text: "FR 2 AD 1", codeLength: 2, entryLength: 5)
        #expect(!unsorted.isWellFormed)
        let misaligned = SortedCodeTable(text: "AD 1 FR 12", codeLength: 2, entryLength: 5)
        #expect(!misaligned.isWellFormed)
    }

    @Test func moneyParsing() {
        #expect(Money("12.3", currency: .eur)?.minorUnits == 1230)
        #expect(Money("-0.05", currency: .eur)?.minorUnits == -5)
        #expect(Money("12.345", currency: .eur) == nil)
        #expect(Money("12", currency: .jpy)?.plainText == "12")
        #expect(Money("12.5", currency: .jpy) == nil)
        #expect(Money("1.5", currency: Currency("KWD")!)?.plainText == "1.500")
        #expect(Money("99999999999999999999", currency: .eur) == nil)
        #expect(Money(minorUnits: -5, currency: .eur).plainText == "-0.05")
        #expect(Money("12345.50", currency: .usd)!.roundedToWholeUnits().plainText == "12346.00")
        #expect(Money("-12345.50", currency: .usd)!.roundedToWholeUnits().plainText == "-12346.00")
    }

    @Test func exactDecimals() {
        #expect(ExactDecimal(parsing: "20") == ExactDecimal(parsing: "20.00"))
        #expect(ExactDecimal(parsing: "1e3") == nil)
        #expect(ExactDecimal(parsing: "0.3464")!.value == Decimal(string: "0.3464"))
        #expect(ExactDecimal(parsing: ".5") == nil)
        #expect(ExactDecimal(parsing: "5.") == nil)
    }

    @Test func datesAndInstants() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("2024-12-31")!.adding(days: 1) == CalendarDate("2025-01-01"))
        #expect(CalendarDate("1970-01-01")!.daysSinceEpoch == 0)
        #expect(Instant("2025-02-24T10:00:00-08:00")?.secondsSince1970 == 1_740_420_000)
        #expect(Instant("2025-02-24T18:00:00.5Z")?.secondsSince1970 == 1_740_420_000)
        #expect(Instant("2025-02-24t10:00:00Z") == nil)
        #expect(Instant("2025-02-24T10:00:00+24:00") == nil)
    }

    @Test func mpfFiscalYears() {
        #expect(MPFSchedule.fiscalYear(of: CalendarDate("2024-09-30")!) == 2024)
        #expect(MPFSchedule.fiscalYear(of: CalendarDate("2024-10-01")!) == 2025)
        #expect(MPFSchedule.fiscalYear(containing: CalendarDate("2025-10-01")!)?.maximum.plainText == "651.50")
        #expect(MPFSchedule.fiscalYear(containing: CalendarDate("2023-10-01")!)?.minimum.plainText == "31.67")
        #expect(MPFSchedule.fiscalYear(containing: CalendarDate("2023-09-30")!) == nil)
    }

    /// The 7501 example with other values: clamping, HMF threshold, specific and compound rates.
    @Test func cbp7501Variants() throws {
        var object = try jsonObject(try Fixture.example("cbp-7501"))
        object.removeValue(forKey: "totals")
        var lines = object["lines"] as! [[String: Any]]
        for i in lines.indices { lines[i].removeValue(forKey: "dutyAmount") }
        var fees = object["fees"] as! [[String: Any]]
        for i in fees.indices { fees[i].removeValue(forKey: "amount") }
        object["fees"] = fees

        // Small entry: MPF clamps to the FY2025 minimum, HMF is due since MPF is.
        lines = [lines[1]]
        lines[0]["enteredValue"] = "1000.00"
        lines[0]["htsRate"] = ["adValorem": "2.5", "specific": ["amount": "0.012", "per": "DOZ"]]
        object["lines"] = lines
        var c = try #require(try DocumentDecoder().decode(try jsonData(object)).cbp7501)
        #expect(c.mpf.plainText == "32.71")
        #expect(c.hmf.plainText == "1.25")
        #expect(c.duty.plainText == "28.72") // 25.00 + 310 × 0.012 = 3.72
        #expect(c.total.plainText == "62.68")

        // Huge entry: MPF clamps to the maximum; entry in FY2026.
        lines[0]["enteredValue"] = "500000.00"
        lines[0]["htsRate"] = "Free"
        object["lines"] = lines
        object["entryDate"] = "2025-10-15"
        c = try #require(try DocumentDecoder().decode(try jsonData(object)).cbp7501)
        #expect(c.mpf.plainText == "651.50")
        #expect(c.hmf.plainText == "625.00")

        // Only HMF ≤ 3.00 due and nothing else: reported as 0.00.
        object["fees"] = [["classCode": "501"]]
        lines[0]["enteredValue"] = "2000.00"
        object["lines"] = lines
        let decoded = try DocumentDecoder().decode(try jsonData(object))
        #expect(decoded.cbp7501?.hmf.plainText == "0.00")
        #expect(decoded.cbp7501?.total.plainText == "0.00")
        #expect(decoded.warnings.map(\.path) == ["$.fees"])
    }

    @Test func b3WithExciseAndSIMA() throws {
        var object = try jsonObject(try Fixture.example("cbsa-b3"))
        object.removeValue(forKey: "totals")
        var line = (object["lines"] as! [[String: Any]])[0]
        line["exciseTaxRate"] = "10"
        line["exciseTax"] = "11.50"
        line["simaAssessment"] = "2.00"
        line["valueForTax"] = "133.10"
        line["gst"] = "6.66"
        let second: [String: Any] = ["lineNumber": 2, "description": "Spatulas", "weightKg": "1", "classificationNumber": "8215990000",
                                     "quantity": "10", "unitOfMeasure": "NMB", "vfdCode": "13", "dutyRate": "6.5", "gstRate": "5",
                                     "valueForCurrencyConversion": "33.33"]
        object["lines"] = [line, second]
        object["totalValueForDuty"] = "153"
        let c = try #require(try DocumentDecoder().decode(try jsonData(object)).cbsaB3)
        #expect(c.lines[1].valueForDuty.plainText == "38.33") // 33.33 × 1.15 = 38.3295
        #expect(c.lines[1].customsDuties.plainText == "2.49")  // 6.5 % of 38.33 = 2.49145
        #expect(c.totalValueForDuty.plainText == "153.00")     // 115.00 + 38.33 = 153.33 → 153
        #expect(c.total == c.customsDuties + c.simaAssessment + c.exciseTax + c.gst)
    }

    @Test func warnings() throws {
        var object = try jsonObject(try Fixture.example("invoice-delivery-fr"))
        object["dueDate"] = "2025-05-08"
        var decoded = try DocumentDecoder().decode(try jsonData(object))
        #expect(decoded.warnings.map(\.path) == ["$.dueDate"])
        #expect(decoded.warnings[0].message.hasPrefix("payment term of 61 days exceeds the 30 days"))

        var credit = try jsonObject(try Fixture.example("credit-note-fr"))
        credit.removeValue(forKey: "totals")
        var adjustments = credit["adjustments"] as! [[String: Any]]
        adjustments[1]["publishedAmount"] = "25.00"
        adjustments[0]["publishedAmount"] = "14.60"
        adjustments[0]["incentiveAmount"] = "3.65"
        credit["adjustments"] = adjustments
        decoded = try DocumentDecoder().decode(try jsonData(credit))
        #expect(decoded.warnings.map(\.path) == ["$.type"])
        #expect(decoded.warnings[0].message.hasPrefix("credit note with a positive amount due (43.14)"))
    }

    @Test func documentsBuiltInCodeValidate() throws {
        let invoice = makeInvoice([(3, "20"), (3, "20"), (3, "20")])
        let checked = try DocumentDecoder().validate(.invoice(invoice))
        #expect(checked.invoiceTotals?.vatGroups.first?.amount.plainText == "0.02")
        #expect(invoice.computeTotals().amountDue.plainText == "0.11")
    }

    @Test func partsDecodeThroughCodableWithACurrency() throws {
        let decoder = JSONDecoder()
        decoder.userInfo[.folioCurrency] = Currency.eur
        let charge = try decoder.decode(Charge.self, from: Data(#"{"code":"FRT","description":"T","publishedAmount":"1.50"}"#.utf8))
        #expect(charge.netAmount.plainText == "1.50")
        #expect(throws: DocumentDecodingError.self) {
            try decoder.decode(Charge.self, from: Data(#"{"code":"FRT","description":"T","publishedAmount":"1.505"}"#.utf8))
        }
    }
}

@Suite("Theme resources")
struct ThemeResourceTests {
    @Test func logoMustStayInsideAndBeAnImage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("img"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).write(to: folder.appendingPathComponent("img/logo.png"))
        try Data("GIF89a".utf8).write(to: folder.appendingPathComponent("img/logo.gif"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("img/escape.png"), withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        #expect(try Theme(logo: "img/logo.png").resolveLogo(relativeTo: folder)?.lastPathComponent == "logo.png")
        #expect(throws: DocumentDecodingError(issues: [DocumentIssue(path: "$.theme.logo", reason: #""img/logo.gif" is neither a PNG nor a JPEG file"#)])) {
            try Theme(logo: "img/logo.gif").resolveLogo(relativeTo: folder)
        }
        #expect(throws: DocumentDecodingError(issues: [DocumentIssue(path: "$.theme.logo", reason: #""img/escape.png" leads outside the folder of the JSON file"#)])) {
            try Theme(logo: "img/escape.png").resolveLogo(relativeTo: folder)
        }
        #expect(throws: DocumentDecodingError.self) { try Theme(fontFamily: "Comic Sans").checkFontFamily(bundled: ["Noto Sans"]) }
        try Theme(fontFamily: "Noto Sans").checkFontFamily(bundled: ["Noto Sans"])
    }

    @Test func zeroExchangeRateIsRejected() throws {
        var b3 = try jsonObject(try Fixture.example("cbsa-b3"))
        b3["exchangeRate"] = "0"
        #expect(issues(of: try jsonData(b3)) == [DocumentIssue(path: "$.exchangeRate", reason: #"an exchange rate must be positive, found "0""#)])
    }
}
