/// Edition of the 7501 form (selects the block numbering).
///
/// ```swift
/// entry.effectiveFormRevision == .y2024
/// ```
public enum CBP7501FormRevision: String, Sendable, Hashable, Codable, CaseIterable {
    /// 2024 edition (Blocks 21–24 exist).
    case y2024 = "2024"
    /// 2009 edition (no Blocks 21–24; later blocks numbered 4 lower).
    case y2009 = "2009"
}

/// Bond type (Block 5).
///
/// ```swift
/// CBP7501BondType(rawValue: "8") // .continuous
/// ```
public enum CBP7501BondType: String, Sendable, Hashable, Codable, CaseIterable {
    /// No bond.
    case none = "0"
    /// Continuous bond.
    case continuous = "8"
    /// Single transaction bond.
    case singleTransaction = "9"
}

/// U.S. CBP Form 7501 Entry Summary (kind `cbp-7501`); every amount in USD.
///
/// ```swift
/// let decoded = try DocumentDecoder().decode(data)
/// if case .cbp7501(let entry) = decoded.document {
///     print(entry.compute().total.plainText) // "1415.91"
/// }
/// ```
public struct CBP7501Entry: Sendable, Hashable, Codable {
    /// Always `cbp-7501`.
    public private(set) var kind = DocumentKind.cbp7501
    /// BCP 47 locale.
    public var locale: String
    /// PDF metadata.
    public var pdf: PDFMetadata?
    /// Visual theme.
    public var theme: Theme?
    /// Always USD.
    public private(set) var currency = Currency.usd
    /// Form edition; default 2024.
    public var formRevision: CBP7501FormRevision?
    /// Block 1 — filer code / entry number.
    public var entryNumber: String
    /// Block 2 — entry type.
    public var entryType: String
    /// Block 2 — ABI status / LIVE indicators.
    public var entryTypeIndicator: String?
    /// Block 3 — summary date.
    public var summaryDate: CalendarDate
    /// Block 4 — surety number.
    public var suretyNumber: String?
    /// Block 5 — bond type.
    public var bondType: CBP7501BondType
    /// Block 6 — port code.
    public var portCode: String
    /// Block 7 — entry date (selects the MPF fiscal year).
    public var entryDate: CalendarDate
    /// Block 8 — importing carrier.
    public var importingCarrier: String
    /// Block 9 — mode of transport (10–12 vessel).
    public var modeOfTransport: String
    /// Block 10 — country of origin or MULTI.
    public var countryOfOrigin: String
    /// Block 11 — import date.
    public var importDate: CalendarDate
    /// Block 12 — B/L or AWB number.
    public var billOfLading: String
    /// Block 13 — manufacturer ID or MULTI.
    public var manufacturerId: String
    /// Block 14 — exporting country.
    public var exportingCountry: String
    /// Block 15 — export date.
    public var exportDate: CalendarDate
    /// Block 16 — I.T. number.
    public var itNumber: String?
    /// Block 17 — I.T. date.
    public var itDate: CalendarDate?
    /// Block 18 — missing docs.
    public var missingDocs: String?
    /// Block 19 — foreign port of lading.
    public var foreignPortOfLading: String?
    /// Block 20 — U.S. port of unlading.
    public var usPortOfUnlading: String?
    /// Block 21 — country of melt and pour (2024 form).
    public var countryOfMeltAndPour: String?
    /// Block 22 — primary country of smelt (2024 form).
    public var primaryCountryOfSmelt: String?
    /// Block 23 — secondary country of smelt (2024 form).
    public var secondaryCountryOfSmelt: String?
    /// Block 24 — country of cast (2024 form).
    public var countryOfCast: String?
    /// Block 25 — location of goods / G.O. number.
    public var locationOfGoods: String?
    /// Block 26 — consignee number.
    public var consigneeNumber: String
    /// Block 27 — importer number.
    public var importerNumber: String
    /// Block 28 — reference number.
    public var referenceNumber: String?
    /// Block 29 — ultimate consignee.
    public var ultimateConsignee: Party
    /// Block 30 — importer of record.
    public var importerOfRecord: Party
    /// Blocks 31–38 — line items, ascending line numbers.
    public var lines: [CBP7501Line]
    /// Block 39 — other fee summary.
    public var fees: [CBP7501Fee]?
    /// Blocks 40 and 45 — declarant.
    public var declarant: CBP7501Declarant
    /// Blocks 46–47 — broker / filer.
    public var broker: CBP7501Broker?
    /// Blocks 39 and 41–44 as stated (checked).
    public var totals: CBP7501Totals?

    /// Creates an entry summary.
    ///
    /// ```swift
    /// let entry = CBP7501Entry(locale: "en-US", entryNumber: "F7Q-0412345-6", entryType: "01", summaryDate: day,
    ///     bondType: .continuous, portCode: "2704", entryDate: day, importingCarrier: "PACIFIC LANTERN",
    ///     modeOfTransport: "11", countryOfOrigin: "VN", importDate: day, billOfLading: "PLNT2501147732",
    ///     manufacturerId: "VNSAIMEK1208HAN", exportingCountry: "VN", exportDate: day, consigneeNumber: "36-482195700",
    ///     importerNumber: "36-482195700", ultimateConsignee: party, importerOfRecord: party, lines: lines, declarant: declarant)
    /// ```
    public init(locale: String, pdf: PDFMetadata? = nil, theme: Theme? = nil, formRevision: CBP7501FormRevision? = nil,
                entryNumber: String, entryType: String, entryTypeIndicator: String? = nil, summaryDate: CalendarDate,
                suretyNumber: String? = nil, bondType: CBP7501BondType, portCode: String, entryDate: CalendarDate,
                importingCarrier: String, modeOfTransport: String, countryOfOrigin: String, importDate: CalendarDate,
                billOfLading: String, manufacturerId: String, exportingCountry: String, exportDate: CalendarDate,
                itNumber: String? = nil, itDate: CalendarDate? = nil, missingDocs: String? = nil, foreignPortOfLading: String? = nil,
                usPortOfUnlading: String? = nil, countryOfMeltAndPour: String? = nil, primaryCountryOfSmelt: String? = nil,
                secondaryCountryOfSmelt: String? = nil, countryOfCast: String? = nil, locationOfGoods: String? = nil,
                consigneeNumber: String, importerNumber: String, referenceNumber: String? = nil, ultimateConsignee: Party,
                importerOfRecord: Party, lines: [CBP7501Line], fees: [CBP7501Fee]? = nil, declarant: CBP7501Declarant,
                broker: CBP7501Broker? = nil, totals: CBP7501Totals? = nil) {
        self.locale = locale; self.pdf = pdf; self.theme = theme; self.formRevision = formRevision; self.entryNumber = entryNumber
        self.entryType = entryType; self.entryTypeIndicator = entryTypeIndicator; self.summaryDate = summaryDate
        self.suretyNumber = suretyNumber; self.bondType = bondType; self.portCode = portCode; self.entryDate = entryDate
        self.importingCarrier = importingCarrier; self.modeOfTransport = modeOfTransport; self.countryOfOrigin = countryOfOrigin
        self.importDate = importDate; self.billOfLading = billOfLading; self.manufacturerId = manufacturerId
        self.exportingCountry = exportingCountry; self.exportDate = exportDate; self.itNumber = itNumber; self.itDate = itDate
        self.missingDocs = missingDocs; self.foreignPortOfLading = foreignPortOfLading; self.usPortOfUnlading = usPortOfUnlading
        self.countryOfMeltAndPour = countryOfMeltAndPour; self.primaryCountryOfSmelt = primaryCountryOfSmelt
        self.secondaryCountryOfSmelt = secondaryCountryOfSmelt; self.countryOfCast = countryOfCast
        self.locationOfGoods = locationOfGoods; self.consigneeNumber = consigneeNumber; self.importerNumber = importerNumber
        self.referenceNumber = referenceNumber; self.ultimateConsignee = ultimateConsignee; self.importerOfRecord = importerOfRecord
        self.lines = lines; self.fees = fees; self.declarant = declarant; self.broker = broker; self.totals = totals
    }

    /// The form edition: `formRevision`, else 2024.
    public var effectiveFormRevision: CBP7501FormRevision { formRevision ?? .y2024 }

    private enum CodingKeys: String, CodingKey {
        case kind, locale, pdf, theme, currency, formRevision, entryNumber, entryType, entryTypeIndicator, summaryDate,
             suretyNumber, bondType, portCode, entryDate, importingCarrier, modeOfTransport, countryOfOrigin, importDate,
             billOfLading, manufacturerId, exportingCountry, exportDate, itNumber, itDate, missingDocs, foreignPortOfLading,
             usPortOfUnlading, countryOfMeltAndPour, primaryCountryOfSmelt, secondaryCountryOfSmelt, countryOfCast,
             locationOfGoods, consigneeNumber, importerNumber, referenceNumber, ultimateConsignee, importerOfRecord, lines,
             fees, declarant, broker, totals
    }

    /// Reads the members of a top-level object whose `kind` is `cbp-7501` (kind already read).
    static func read(_ r: ObjectReader) -> CBP7501Entry? {
        _ = r.optional("$schema", .text(max: 500))
        let currency = r.required("currency", .constant("USD"))
        r.session.documentCurrency = currency == nil ? nil : .usd
        let locale = r.required("locale", .locale)
        let pdf = r.optional("pdf", .object(PDFMetadata.self))
        let theme = r.optional("theme", .object(Theme.self))
        let revision = r.optional("formRevision", FieldDecoder<CBP7501FormRevision>.oneOf)
        let digits = { (n: Int, what: String) in FieldDecoder<String>.text(max: n, pattern: "[0-9]{\(n)}", what: what) }
        let entryNumber = r.required("entryNumber", .text(max: 13, pattern: "[A-Z0-9]{3}-?[0-9]{7}-?[0-9]", what: "an entry number such as \"ABC-1234567-8\""))
        let entryType = r.required("entryType", digits(2, "a 2-digit entry type such as \"01\""))
        let indicator = r.optional("entryTypeIndicator", .text(max: 16, pattern: "(ABI/[A-Z])?( ?LIVE)?", what: "an indicator such as \"ABI/A\""))
        let summaryDate = r.required("summaryDate", .date)
        let surety = r.optional("suretyNumber", .text(max: 3, pattern: "[0-9A-Z]{3}", what: "a 3-character surety number"))
        let bond = r.required("bondType", FieldDecoder<CBP7501BondType>.oneOf)
        let port = r.required("portCode", digits(4, "a 4-digit port code"))
        let entryDate = r.required("entryDate", .date)
        let carrier = r.required("importingCarrier", .text(max: 60))
        let mode = r.required("modeOfTransport", digits(2, "a 2-digit mode of transport such as \"11\""))
        let origin = r.required("countryOfOrigin", .string("an ISO country code or \"MULTI\"") { text, path, node, session in
            text == "MULTI" ? text : FieldDecoder<String>.country.decode(node, path, session)
        })
        let importDate = r.required("importDate", .date)
        let bol = r.required("billOfLading", .text(max: 40))
        let mid = r.required("manufacturerId", .text(max: 15, pattern: "[A-Z0-9]{2,15}", what: "a manufacturer ID or \"MULTI\""))
        let exporting = r.required("exportingCountry", .country)
        let exportDate = r.required("exportDate", .date)
        let itNumber = r.optional("itNumber", .text(max: 20))
        let itDate = r.optional("itDate", .date)
        let missing = r.optional("missingDocs", .text(max: 10, pattern: "[0-9]{2}( ?[0-9]{2})*", what: "2-digit missing-document codes"))
        let lading = r.optional("foreignPortOfLading", digits(5, "a 5-digit Schedule K code"))
        let unlading = r.optional("usPortOfUnlading", digits(4, "a 4-digit port code"))
        var metals: [String?] = []
        for key in ["countryOfMeltAndPour", "primaryCountryOfSmelt", "secondaryCountryOfSmelt", "countryOfCast"] {
            if revision == .y2009 {
                r.forbid(key, "Blocks 21–24 do not exist on the 2009 form")
                metals.append(nil)
            } else {
                metals.append(r.optional(key, .country))
            }
        }
        let location = r.optional("locationOfGoods", .text(max: 40))
        let consignee = r.required("consigneeNumber", .text(max: 20))
        let importer = r.required("importerNumber", .text(max: 20))
        let reference = r.optional("referenceNumber", .text(max: 40))
        let ultimate = r.required("ultimateConsignee", .object(Party.self))
        let ior = r.required("importerOfRecord", .object(Party.self))
        let lines = r.required("lines", .array(of: .object(CBP7501Line.self), min: 1, max: 999))
        let fees = r.optional("fees", .array(of: .object(CBP7501Fee.self), max: 20))
        let declarant = r.required("declarant", .object(CBP7501Declarant.self))
        let broker = r.optional("broker", .object(CBP7501Broker.self))
        let totals = r.optional("totals", .object(CBP7501Totals.self))
        if let lines { checkAscending(lines.map(\.lineNumber), r) }
        guard let locale, currency != nil, let entryNumber, let entryType, let summaryDate, let bond, let port, let entryDate,
              let carrier, let mode, let origin, let importDate, let bol, let mid, let exporting, let exportDate, let consignee,
              let importer, let ultimate, let ior, let lines, let declarant else { return nil }
        return CBP7501Entry(locale: locale, pdf: pdf, theme: theme, formRevision: revision, entryNumber: entryNumber,
                            entryType: entryType, entryTypeIndicator: indicator, summaryDate: summaryDate, suretyNumber: surety,
                            bondType: bond, portCode: port, entryDate: entryDate, importingCarrier: carrier, modeOfTransport: mode,
                            countryOfOrigin: origin, importDate: importDate, billOfLading: bol, manufacturerId: mid,
                            exportingCountry: exporting, exportDate: exportDate, itNumber: itNumber, itDate: itDate,
                            missingDocs: missing, foreignPortOfLading: lading, usPortOfUnlading: unlading,
                            countryOfMeltAndPour: metals[0], primaryCountryOfSmelt: metals[1], secondaryCountryOfSmelt: metals[2],
                            countryOfCast: metals[3], locationOfGoods: location, consigneeNumber: consignee, importerNumber: importer,
                            referenceNumber: reference, ultimateConsignee: ultimate, importerOfRecord: ior, lines: lines, fees: fees,
                            declarant: declarant, broker: broker, totals: totals)
    }
}

/// Reports every line number that does not strictly exceed the previous one (`$.lines[i].lineNumber`).
func checkAscending(_ numbers: [Int], _ r: ObjectReader) {
    for i in numbers.indices.dropFirst() where numbers[i] <= numbers[i - 1] {
        r.session.report(at: r.path + [.key("lines"), .index(i), .key("lineNumber")],
                         "line numbers must be strictly ascending: \(numbers[i]) follows \(numbers[i - 1])")
    }
}
