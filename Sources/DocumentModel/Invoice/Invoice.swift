/// Invoice family.
///
/// ```swift
/// InvoiceFamily(rawValue: "import-brokerage") // .importBrokerage
/// ```
public enum InvoiceFamily: String, Sendable, Hashable, Codable, CaseIterable {
    /// Parcel delivery (domestic / export).
    case deliveryService = "delivery-service"
    /// Duties, taxes and brokerage fees of an import.
    case importBrokerage = "import-brokerage"
    /// Freight.
    case freight
    /// Supply chain.
    case supplyChain = "supply-chain"
}

/// Invoice or credit note.
///
/// ```swift
/// InvoiceType(rawValue: "credit-note") // .creditNote
/// ```
public enum InvoiceType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Invoice (EN 16931 code 380).
    case invoice
    /// Credit note (381, "Facture d'avoir"); references the original invoice.
    case creditNote = "credit-note"
}

/// A carrier invoice or credit note (kind `invoice`).
///
/// ```swift
/// let seller = Party(name: "Lakeshore Parcel Lines, Inc.", city: "Chicago", country: "US")
/// let invoice = Invoice(locale: "en-US", currency: .usd, family: .deliveryService, type: .invoice,
///                       number: "000004W7Y915", issueDate: CalendarDate("2025-03-15")!, accountNumber: "4W7Y91",
///                       seller: seller, billTo: seller)
/// invoice.computeTotals().amountDue.plainText // "0.00"
/// ```
public struct Invoice: Sendable, Hashable, Codable {
    /// Always `invoice`.
    public private(set) var kind = DocumentKind.invoice
    /// BCP 47 locale of labels and formatting.
    public var locale: String
    /// PDF metadata.
    public var pdf: PDFMetadata?
    /// Visual theme.
    public var theme: Theme?
    /// The one currency of every amount.
    public var currency: Currency
    /// Invoice family.
    public var family: InvoiceFamily
    /// Invoice or credit note.
    public var type: InvoiceType
    /// Invoice number.
    public var number: String
    /// Invoice date.
    public var issueDate: CalendarDate
    /// Due date, not before `issueDate`.
    public var dueDate: CalendarDate?
    /// Billing period.
    public var billingPeriod: BillingPeriod?
    /// Shipper account billed.
    public var accountNumber: String
    /// Country of the billed account; default `billTo.country`.
    public var accountCountry: String?
    /// Consolidated payment plan number.
    public var planNumber: String?
    /// Control ID (Billing Center enrollment).
    public var controlId: String?
    /// The carrier issuing the invoice.
    public var seller: Party
    /// The customer billed.
    public var billTo: Party
    /// The invoice a credit note corrects (required for credit notes).
    public var originalInvoiceNumber: String?
    /// Issue date of `originalInvoiceNumber` (EN 16931 BT-26; French CTC rule BR-FR-CO-05 wants it on credit notes).
    public var originalInvoiceDate: CalendarDate?
    /// Delivery address when it differs from the bill-to party's (France 2026 mention; EN 16931 BG-13/BG-15).
    public var deliveryAddress: Party?
    /// Nature of the operations: goods, services or both (France 2026 mention; Factur-X BT-23).
    public var operationNature: OperationNature?
    /// The seller opted to pay VAT on debits ("option pour le paiement de la taxe d'après les débits",
    /// France 2026 mention; Factur-X BT-8 code 5); default false.
    public var vatOnDebits: Bool?
    /// Shipment detail.
    public var shipments: ShipmentList?
    /// Adjustments & other charges.
    public var adjustments: [Adjustment]?
    /// Import duties, taxes and brokerage fees (family import-brokerage only).
    public var importCharges: [ImportCharge]?
    /// Stated totals, checked when present.
    public var totals: InvoiceTotals?
    /// Payment terms and bank details.
    public var payment: Payment?
    /// Free-text paragraphs printed after the totals.
    public var notes: [String]?
    /// Whether to print a remittance stub; default false.
    public var remittanceStub: Bool?

    /// Creates an invoice; parts not listed as parameters without defaults are optional.
    ///
    /// ```swift
    /// var credit = invoice
    /// credit.type = .creditNote
    /// credit.originalInvoiceNumber = "0000F2501087"
    /// ```
    public init(locale: String, pdf: PDFMetadata? = nil, theme: Theme? = nil, currency: Currency, family: InvoiceFamily,
                type: InvoiceType, number: String, issueDate: CalendarDate, dueDate: CalendarDate? = nil,
                billingPeriod: BillingPeriod? = nil, accountNumber: String, accountCountry: String? = nil, planNumber: String? = nil,
                controlId: String? = nil, seller: Party, billTo: Party, originalInvoiceNumber: String? = nil,
                shipments: [Shipment]? = nil, adjustments: [Adjustment]? = nil, importCharges: [ImportCharge]? = nil,
                totals: InvoiceTotals? = nil, payment: Payment? = nil, notes: [String]? = nil, remittanceStub: Bool? = nil,
                originalInvoiceDate: CalendarDate? = nil, deliveryAddress: Party? = nil, operationNature: OperationNature? = nil,
                vatOnDebits: Bool? = nil) {
        self.locale = locale; self.pdf = pdf; self.theme = theme; self.currency = currency; self.family = family
        self.type = type; self.number = number; self.issueDate = issueDate; self.dueDate = dueDate
        self.billingPeriod = billingPeriod; self.accountNumber = accountNumber; self.accountCountry = accountCountry
        self.planNumber = planNumber; self.controlId = controlId; self.seller = seller; self.billTo = billTo
        self.originalInvoiceNumber = originalInvoiceNumber; self.shipments = shipments.map(ShipmentList.init); self.adjustments = adjustments
        self.importCharges = importCharges; self.totals = totals; self.payment = payment; self.notes = notes
        self.remittanceStub = remittanceStub; self.originalInvoiceDate = originalInvoiceDate
        self.deliveryAddress = deliveryAddress; self.operationNature = operationNature; self.vatOnDebits = vatOnDebits
    }

    /// The country of the billed account: `accountCountry`, else the bill-to party's country.
    public var effectiveAccountCountry: String { accountCountry ?? billTo.country }

    private enum CodingKeys: String, CodingKey {
        case kind, locale, pdf, theme, currency, family, type, number, issueDate, dueDate, billingPeriod, accountNumber,
             accountCountry, planNumber, controlId, seller, billTo, originalInvoiceNumber, originalInvoiceDate, deliveryAddress,
             operationNature, vatOnDebits, shipments, adjustments,
             importCharges, totals, payment, notes, remittanceStub
    }

    /// Reads the members of a top-level object whose `kind` is `invoice` (kind already read).
    static func read(_ r: ObjectReader) -> Invoice? {
        _ = r.optional("$schema", .text(max: 500))
        let currency = r.required("currency", .currency)
        r.session.documentCurrency = currency
        let locale = r.required("locale", .locale)
        let pdf = r.optional("pdf", .object(PDFMetadata.self))
        let theme = r.optional("theme", .object(Theme.self))
        let family = r.required("family", FieldDecoder<InvoiceFamily>.oneOf)
        let type = r.required("type", FieldDecoder<InvoiceType>.oneOf)
        let number = r.required("number", .text(max: 32, pattern: "[A-Za-z0-9][A-Za-z0-9._/-]*", what: "an invoice number (letters, digits, . _ / -)"))
        let issueDate = r.required("issueDate", .date)
        let dueDate = r.optional("dueDate", .date)
        let period = r.optional("billingPeriod", .object(BillingPeriod.self))
        let identifier = FieldDecoder<String>.text(max: 20, pattern: "[A-Za-z0-9-]+", what: "letters, digits and hyphens")
        let account = r.required("accountNumber", identifier)
        let accountCountry = r.optional("accountCountry", .country)
        let plan = r.optional("planNumber", identifier)
        let control = r.optional("controlId", identifier)
        let seller = r.required("seller", .object(Party.self))
        let billTo = r.required("billTo", .object(Party.self))
        let original = r.optional("originalInvoiceNumber", .text(max: 32))
        let originalDate = r.optional("originalInvoiceDate", .date)
        let delivery = r.optional("deliveryAddress", .object(Party.self))
        let nature = r.optional("operationNature", FieldDecoder<OperationNature>.oneOf)
        let debits = r.optional("vatOnDebits", .boolean)
        let shipments: ShipmentList? = if r.session.streamedInput != nil {
            r.optional("shipments", .streamedShipments(max: 50_000))
        } else {
            r.optional("shipments", .array(of: .object(Shipment.self), max: 50_000)).map(ShipmentList.init)
        }
        let adjustments = r.optional("adjustments", .array(of: .object(Adjustment.self), max: 10_000))
        let imports: [ImportCharge]?
        if let family, family != .importBrokerage {
            r.forbid("importCharges", "importCharges is allowed only when family is \"import-brokerage\"")
            imports = nil
        } else {
            imports = r.optional("importCharges", .array(of: .object(ImportCharge.self), max: 10_000))
        }
        let totals = r.optional("totals", .object(InvoiceTotals.self))
        let payment = r.optional("payment", .object(Payment.self))
        let notes = r.optional("notes", .array(of: .text(max: 8000), max: 50))
        let stub = r.optional("remittanceStub", .boolean)
        if type == .creditNote { r.requireByRule("originalInvoiceNumber", "required for a credit note") }
        if r.has("originalInvoiceDate") && !r.has("originalInvoiceNumber") {
            r.requireByRule("originalInvoiceNumber", "required because originalInvoiceDate is given")
        }
        if let issueDate, let originalDate, originalDate > issueDate {
            r.fail("originalInvoiceDate", "the original invoice's date \(originalDate) is after this document's issue date \(issueDate)")
        }
        if let issueDate, let dueDate, dueDate < issueDate {
            r.fail("dueDate", "due date \(dueDate) is before the issue date \(issueDate)")
        }
        guard let currency, let locale, let family, let type, let number, let issueDate, let account, let seller, let billTo else { return nil }
        var invoice = Invoice(locale: locale, pdf: pdf, theme: theme, currency: currency, family: family, type: type, number: number,
                       issueDate: issueDate, dueDate: dueDate, billingPeriod: period, accountNumber: account,
                       accountCountry: accountCountry, planNumber: plan, controlId: control, seller: seller, billTo: billTo,
                       originalInvoiceNumber: original, shipments: nil, adjustments: adjustments, importCharges: imports,
                       totals: totals, payment: payment, notes: notes, remittanceStub: stub, originalInvoiceDate: originalDate,
                       deliveryAddress: delivery, operationNature: nature, vatOnDebits: debits)
        invoice.shipments = shipments
        return invoice
    }
}
