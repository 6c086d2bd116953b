/// One B3 line (fields 21–42). Computed fields are derived when absent and checked when present.
///
/// ```swift
/// CBSAB3Line(lineNumber: 1, description: "Kitchen tongs", weightKg: "8.4", classificationNumber: "8215.99.00.00",
///            quantity: "60", unitOfMeasure: "NMB", vfdCode: "13", dutyRate: "4", gstRate: "5",
///            valueForCurrencyConversion: Money("100.00", currency: .usd)!)
/// ```
public struct CBSAB3Line: Sendable, Hashable, Codable {
    /// Field 21 — line number, ascending.
    public var lineNumber: Int
    /// Field 22 — description of goods.
    public var description: String
    /// Field 23 — weight in kilograms.
    public var weightKg: ExactDecimal
    /// Field 24 — previous transaction number.
    public var previousTransactionNumber: String?
    /// Field 25 — previous transaction line.
    public var previousTransactionLine: Int?
    /// Field 26 — special authority.
    public var specialAuthority: String?
    /// Field 27 — classification number.
    public var classificationNumber: String
    /// Field 28 — tariff code.
    public var tariffCode: String?
    /// Field 29 — quantity.
    public var quantity: ExactDecimal
    /// Field 30 — unit of measure.
    public var unitOfMeasure: String
    /// Field 31 — VFD code.
    public var vfdCode: String
    /// Field 32 — SIMA code.
    public var simaCode: String?
    /// Field 33 — customs duty rate in percent.
    public var dutyRate: ExactDecimal
    /// Field 34 — excise tax rate in percent.
    public var exciseTaxRate: ExactDecimal?
    /// Field 35 — GST rate in percent.
    public var gstRate: ExactDecimal
    /// Field 36 — value for currency conversion, in field 17's currency.
    public var valueForCurrencyConversion: Money
    /// Field 37 — value for duty in CAD (checked when given).
    public var valueForDuty: Money?
    /// Field 38 — customs duties in CAD (checked when given).
    public var customsDuties: Money?
    /// Field 39 — SIMA assessment in CAD (given, default 0).
    public var simaAssessment: Money?
    /// Field 40 — excise tax in CAD (given, default 0).
    public var exciseTax: Money?
    /// Field 41 — value for tax in CAD (checked when given).
    public var valueForTax: Money?
    /// Field 42 — GST in CAD (checked when given).
    public var gst: Money?

    /// Creates a line.
    ///
    /// ```swift
    /// var line = CBSAB3Line(lineNumber: 1, description: "Goods", weightKg: "1", classificationNumber: "8215990000",
    ///                       quantity: "1", unitOfMeasure: "NMB", vfdCode: "13", dutyRate: "0", gstRate: "5",
    ///                       valueForCurrencyConversion: Money("10.00", currency: .cad)!)
    /// ```
    public init(lineNumber: Int, description: String, weightKg: ExactDecimal, previousTransactionNumber: String? = nil,
                previousTransactionLine: Int? = nil, specialAuthority: String? = nil, classificationNumber: String,
                tariffCode: String? = nil, quantity: ExactDecimal, unitOfMeasure: String, vfdCode: String, simaCode: String? = nil,
                dutyRate: ExactDecimal, exciseTaxRate: ExactDecimal? = nil, gstRate: ExactDecimal, valueForCurrencyConversion: Money,
                valueForDuty: Money? = nil, customsDuties: Money? = nil, simaAssessment: Money? = nil, exciseTax: Money? = nil,
                valueForTax: Money? = nil, gst: Money? = nil) {
        self.lineNumber = lineNumber; self.description = description; self.weightKg = weightKg
        self.previousTransactionNumber = previousTransactionNumber; self.previousTransactionLine = previousTransactionLine
        self.specialAuthority = specialAuthority; self.classificationNumber = classificationNumber; self.tariffCode = tariffCode
        self.quantity = quantity; self.unitOfMeasure = unitOfMeasure; self.vfdCode = vfdCode; self.simaCode = simaCode
        self.dutyRate = dutyRate; self.exciseTaxRate = exciseTaxRate; self.gstRate = gstRate
        self.valueForCurrencyConversion = valueForCurrencyConversion; self.valueForDuty = valueForDuty
        self.customsDuties = customsDuties; self.simaAssessment = simaAssessment; self.exciseTax = exciseTax
        self.valueForTax = valueForTax; self.gst = gst
    }

    /// Reads a line whose field 36 is in `sourceCurrency` (field 17; nil when field 17 is invalid).
    static func read(_ r: ObjectReader, sourceCurrency: Currency?) -> CBSAB3Line? {
        let cad = FieldDecoder<Money>.money(nonNegative: true)
        let lineNumber = r.required("lineNumber", .integer(1...999))
        let description = r.required("description", .text(max: 2000))
        let weight = r.required("weightKg", .quantity)
        let previous = r.optional("previousTransactionNumber", .text(max: 14, pattern: "[0-9]{14}", what: "a 14-digit transaction number"))
        let previousLine = r.optional("previousTransactionLine", .integer(1...999))
        let authority = r.optional("specialAuthority", .text(max: 20))
        let classification = r.required("classificationNumber", .text(max: 13, pattern: "[0-9]{4}\\.?[0-9]{2}\\.?[0-9]{2}\\.?[0-9]{2}", what: "a 10-digit classification number such as \"8471.30.00.00\""))
        let tariff = r.optional("tariffCode", .text(max: 4, pattern: "[A-Z0-9]{1,4}", what: "a tariff code of 1–4 letters or digits"))
        let quantity = r.required("quantity", .quantity)
        let unit = r.required("unitOfMeasure", .text(max: 3, pattern: "[A-Z0-9]{2,3}", what: "a unit code such as \"NMB\""))
        let vfd = r.required("vfdCode", .text(max: 2, pattern: "[12][3-9]", what: "a VFD code such as \"13\""))
        let sima = r.optional("simaCode", .text(max: 2, pattern: "[0-9A-Z]{1,2}", what: "a SIMA code of 1–2 letters or digits"))
        let dutyRate = r.required("dutyRate", .percent)
        let exciseRate = r.optional("exciseTaxRate", .percent)
        let gstRate = r.required("gstRate", .percent)
        let value = r.required("valueForCurrencyConversion", .money(nonNegative: true, in: .some(sourceCurrency)))
        let vfd37 = r.optional("valueForDuty", cad)
        let duties = r.optional("customsDuties", cad)
        let simaAmount = r.optional("simaAssessment", cad)
        let excise = r.optional("exciseTax", cad)
        let vft = r.optional("valueForTax", cad)
        let gst = r.optional("gst", cad)
        if r.has("exciseTaxRate") { r.requireByRule("exciseTax", "required because exciseTaxRate is given") }
        if r.has("previousTransactionLine") { r.requireByRule("previousTransactionNumber", "required because previousTransactionLine is given") }
        guard let lineNumber, let description, let weight, let classification, let quantity, let unit, let vfd, let dutyRate,
              let gstRate, let value else { return nil }
        return CBSAB3Line(lineNumber: lineNumber, description: description, weightKg: weight, previousTransactionNumber: previous,
                          previousTransactionLine: previousLine, specialAuthority: authority, classificationNumber: classification,
                          tariffCode: tariff, quantity: quantity, unitOfMeasure: unit, vfdCode: vfd, simaCode: sima, dutyRate: dutyRate,
                          exciseTaxRate: exciseRate, gstRate: gstRate, valueForCurrencyConversion: value, valueForDuty: vfd37,
                          customsDuties: duties, simaAssessment: simaAmount, exciseTax: excise, valueForTax: vft, gst: gst)
    }

    /// Decodes through the strict reader; all amounts use `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws {
        let tree = try AnyJSONValue(from: decoder).node
        let session = DecodingSession(limits: .default, root: tree)
        session.documentCurrency = .cad
        let currency = decoder.userInfo[.folioCurrency] as? Currency
        let line = FieldDecoder<CBSAB3Line>.object("a B3 line") { CBSAB3Line.read($0, sourceCurrency: currency) }.decode(tree, [], session)
        guard let line, !session.hasIssues else { throw session.error() }
        self = line
    }
}
