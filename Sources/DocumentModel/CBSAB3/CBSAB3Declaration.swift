/// CBSA B3-3 Canada Customs Coding Form (kind `cbsa-b3`); amounts in CAD except fields 19 and 36,
/// which are in the vendor currency of field 17.
///
/// ```swift
/// if case .cbsaB3(let b3) = try DocumentDecoder().decode(data).document {
///     let c = b3.compute()
///     print(c.customsDuties + c.gst) // 10.58 CAD
/// }
/// ```
public struct CBSAB3Declaration: Sendable, Hashable, Codable {
    /// Always `cbsa-b3`.
    public private(set) var kind = DocumentKind.cbsaB3
    /// BCP 47 locale.
    public var locale: String
    /// PDF metadata.
    public var pdf: PDFMetadata?
    /// Visual theme.
    public var theme: Theme?
    /// Always CAD.
    public private(set) var currency = Currency.cad
    /// Field 1 — importer.
    public var importer: Party
    /// Field 1 — business number with RM account.
    public var businessNumber: String
    /// Field 2 — transaction number.
    public var transactionNumber: String
    /// Field 3 — type.
    public var type: String
    /// Field 4 — office number.
    public var officeNumber: String
    /// Field 5 — GST registration number.
    public var gstRegistration: String?
    /// Field 6 — payment code.
    public var paymentCode: String
    /// Field 7 — mode of transport.
    public var modeOfTransport: String
    /// Field 8 — port of unlading.
    public var portOfUnlading: String
    /// Field 9 — total VFD as stated (checked), in whole dollars.
    public var totalValueForDuty: Money?
    /// Field 10 — sub-header number; default 1.
    public var subHeaderNumber: Int?
    /// Field 11 — vendor.
    public var vendor: Party
    /// Field 11 — vendor number.
    public var vendorNumber: String?
    /// Field 12 — country of origin (ISO or CBSA U.S.-state code).
    public var countryOfOrigin: String
    /// Field 13 — place of export.
    public var placeOfExport: String
    /// Field 14 — tariff treatment.
    public var tariffTreatment: String
    /// Field 15 — U.S. port of exit.
    public var usPortOfExit: String?
    /// Field 16 — direct shipment date.
    public var directShipmentDate: CalendarDate
    /// Field 17 — currency of fields 19 and 36.
    public var currencyCode: Currency
    /// CAD per unit of field 17 (required unless field 17 is CAD).
    public var exchangeRate: ExactDecimal?
    /// Field 18 — time limit.
    public var timeLimit: String?
    /// Field 19 — freight, in field 17's currency.
    public var freight: Money?
    /// Field 20 — release date.
    public var releaseDate: CalendarDate
    /// Fields 21–42 — lines.
    public var lines: [CBSAB3Line]
    /// Declaration block.
    public var declarant: CBSAB3Declarant?
    /// Field 43 — deposit.
    public var deposit: Money?
    /// Field 44 — warehouse number.
    public var warehouseNumber: String?
    /// Field 45 — cargo control number.
    public var cargoControlNumber: String
    /// Field 46 — carrier code.
    public var carrierCode: String?
    /// Fields 47–51 as stated (checked).
    public var totals: CBSAB3Totals?

    /// Creates a B3.
    ///
    /// ```swift
    /// let b3 = CBSAB3Declaration(locale: "en-CA", importer: importer, businessNumber: "874219365RM0001",
    ///     transactionNumber: "11487201453326", type: "AB", officeNumber: "497", paymentCode: "I", modeOfTransport: "2",
    ///     portOfUnlading: "497", vendor: vendor, countryOfOrigin: "TW", placeOfExport: "UNY", tariffTreatment: "2",
    ///     directShipmentDate: day, currencyCode: .usd, exchangeRate: "1.15", releaseDate: day, lines: [line],
    ///     cargoControlNumber: "8056ABC250310007")
    /// ```
    public init(locale: String, pdf: PDFMetadata? = nil, theme: Theme? = nil, importer: Party, businessNumber: String,
                transactionNumber: String, type: String, officeNumber: String, gstRegistration: String? = nil, paymentCode: String,
                modeOfTransport: String, portOfUnlading: String, totalValueForDuty: Money? = nil, subHeaderNumber: Int? = nil,
                vendor: Party, vendorNumber: String? = nil, countryOfOrigin: String, placeOfExport: String, tariffTreatment: String,
                usPortOfExit: String? = nil, directShipmentDate: CalendarDate, currencyCode: Currency, exchangeRate: ExactDecimal? = nil,
                timeLimit: String? = nil, freight: Money? = nil, releaseDate: CalendarDate, lines: [CBSAB3Line],
                declarant: CBSAB3Declarant? = nil, deposit: Money? = nil, warehouseNumber: String? = nil, cargoControlNumber: String,
                carrierCode: String? = nil, totals: CBSAB3Totals? = nil) {
        self.locale = locale; self.pdf = pdf; self.theme = theme; self.importer = importer; self.businessNumber = businessNumber
        self.transactionNumber = transactionNumber; self.type = type; self.officeNumber = officeNumber
        self.gstRegistration = gstRegistration; self.paymentCode = paymentCode; self.modeOfTransport = modeOfTransport
        self.portOfUnlading = portOfUnlading; self.totalValueForDuty = totalValueForDuty; self.subHeaderNumber = subHeaderNumber
        self.vendor = vendor; self.vendorNumber = vendorNumber; self.countryOfOrigin = countryOfOrigin; self.placeOfExport = placeOfExport
        self.tariffTreatment = tariffTreatment; self.usPortOfExit = usPortOfExit; self.directShipmentDate = directShipmentDate
        self.currencyCode = currencyCode; self.exchangeRate = exchangeRate; self.timeLimit = timeLimit; self.freight = freight
        self.releaseDate = releaseDate; self.lines = lines; self.declarant = declarant; self.deposit = deposit
        self.warehouseNumber = warehouseNumber; self.cargoControlNumber = cargoControlNumber; self.carrierCode = carrierCode
        self.totals = totals
    }

    private enum CodingKeys: String, CodingKey {
        case kind, locale, pdf, theme, currency, importer, businessNumber, transactionNumber, type, officeNumber, gstRegistration,
             paymentCode, modeOfTransport, portOfUnlading, totalValueForDuty, subHeaderNumber, vendor, vendorNumber,
             countryOfOrigin, placeOfExport, tariffTreatment, usPortOfExit, directShipmentDate, currencyCode, exchangeRate,
             timeLimit, freight, releaseDate, lines, declarant, deposit, warehouseNumber, cargoControlNumber, carrierCode, totals
    }

    /// Reads the members of a top-level object whose `kind` is `cbsa-b3` (kind already read).
    static func read(_ r: ObjectReader) -> CBSAB3Declaration? {
        _ = r.optional("$schema", .text(max: 500))
        let currency = r.required("currency", .constant("CAD"))
        r.session.documentCurrency = currency == nil ? nil : .cad
        let code = { (max: Int, pattern: String, what: String) in FieldDecoder<String>.text(max: max, pattern: pattern, what: what) }
        let locale = r.required("locale", .locale)
        let pdf = r.optional("pdf", .object(PDFMetadata.self))
        let theme = r.optional("theme", .object(Theme.self))
        let importer = r.required("importer", .object(Party.self))
        let bn = r.required("businessNumber", code(15, "[0-9]{9}RM[0-9]{4}", "a business number such as \"123456789RM0001\""))
        let transaction = r.required("transactionNumber", code(14, "[0-9]{14}", "a 14-digit transaction number"))
        let type = r.required("type", code(2, "[A-Z0-9]{1,2}", "a type code such as \"AB\""))
        let office = r.required("officeNumber", code(3, "[0-9]{3}", "a 3-digit office number"))
        let gstRegistration = r.optional("gstRegistration", code(15, "[0-9]{9}(RT[0-9]{4})?", "a GST registration such as \"123456789RT0001\""))
        let payment = r.required("paymentCode", code(2, "[A-Z0-9]{1,2}", "a payment code such as \"I\""))
        let mode = r.required("modeOfTransport", code(2, "[0-9]{1,2}", "a mode of transport code such as \"2\""))
        let port = r.required("portOfUnlading", code(4, "[0-9]{3,4}", "a CBSA office code of 3–4 digits"))
        let field9 = r.optional("totalValueForDuty", .money(nonNegative: true))
        let subHeader = r.optional("subHeaderNumber", .integer(1...999))
        let vendor = r.required("vendor", .object(Party.self))
        let vendorNumber = r.optional("vendorNumber", .text(max: 20))
        let origin = r.required("countryOfOrigin", code(3, "[A-Z]{2,3}", "an ISO country code or CBSA U.S.-state code such as \"UNY\""))
        let export = r.required("placeOfExport", code(3, "[A-Z]{2,3}", "an ISO country code or CBSA U.S.-state code such as \"UNY\""))
        let treatment = r.required("tariffTreatment", code(2, "[0-9]{1,2}", "a tariff treatment code such as \"2\""))
        let exit = r.optional("usPortOfExit", code(4, "[0-9]{4}", "a 4-digit U.S. port code"))
        let shipmentDate = r.required("directShipmentDate", .date)
        let source = r.required("currencyCode", .currency)
        let rate = r.optional("exchangeRate", .exchangeRate)
        if let rate, rate.value == 0 { r.fail("exchangeRate", "an exchange rate must be positive, found \(quoted(rate.text))") }
        if let source, source != .cad { r.requireByRule("exchangeRate", "required because currencyCode is \(source.code), not CAD") }
        let timeLimit = r.optional("timeLimit", .text(max: 10))
        let freight = r.optional("freight", .money(nonNegative: true, in: .some(source)))
        let release = r.required("releaseDate", .date)
        let lines = r.required("lines", .array(of: .object("a B3 line") { CBSAB3Line.read($0, sourceCurrency: source) }, min: 1, max: 999))
        let declarant = r.optional("declarant", .object(CBSAB3Declarant.self))
        let deposit = r.optional("deposit", .money(nonNegative: true))
        let warehouse = r.optional("warehouseNumber", .text(max: 10))
        let ccn = r.required("cargoControlNumber", code(25, "[A-Z0-9]{4}[A-Z0-9-]{1,21}", "a cargo control number such as \"8056ABC250310007\""))
        let carrier = r.optional("carrierCode", code(4, "[A-Z0-9]{4}", "a 4-character carrier code"))
        let totals = r.optional("totals", .object(CBSAB3Totals.self))
        if let lines { checkAscending(lines.map(\.lineNumber), r) }
        guard let locale, currency != nil, let importer, let bn, let transaction, let type, let office, let payment, let mode, let port,
              let vendor, let origin, let export, let treatment, let shipmentDate, let source, let release, let lines, let ccn else { return nil }
        return CBSAB3Declaration(locale: locale, pdf: pdf, theme: theme, importer: importer, businessNumber: bn,
                                 transactionNumber: transaction, type: type, officeNumber: office, gstRegistration: gstRegistration,
                                 paymentCode: payment, modeOfTransport: mode, portOfUnlading: port, totalValueForDuty: field9,
                                 subHeaderNumber: subHeader, vendor: vendor, vendorNumber: vendorNumber, countryOfOrigin: origin,
                                 placeOfExport: export, tariffTreatment: treatment, usPortOfExit: exit, directShipmentDate: shipmentDate,
                                 currencyCode: source, exchangeRate: rate, timeLimit: timeLimit, freight: freight, releaseDate: release,
                                 lines: lines, declarant: declarant, deposit: deposit, warehouseNumber: warehouse,
                                 cargoControlNumber: ccn, carrierCode: carrier, totals: totals)
    }
}
