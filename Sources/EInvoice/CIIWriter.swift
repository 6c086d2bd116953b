import DocumentModel

/// Writes the CII D16B document, element by element in the order the Factur-X EN 16931 XSD fixes.
struct CIIWriter {
    let invoice: Invoice
    let totals: ComputedInvoice
    /// The informational charges, as notes (gathered with the checks, before any line is written).
    let informationalNotes: [String]
    /// −1 for a credit note: the page prints credits as negative figures, a 381 carries them positive.
    let sign: Int64
    /// A document without VAT categories is "not subject to VAT" (O), which carries no VAT ids (BR-O-02).
    let notSubjectToVAT: Bool

    init(invoice: Invoice, totals: ComputedInvoice, informationalNotes: [String]) {
        self.invoice = invoice
        self.totals = totals
        self.informationalNotes = informationalNotes
        self.sign = invoice.type == .creditNote ? -1 : 1
        self.notSubjectToVAT = totals.vatGroups.isEmpty || totals.vatGroups.contains { $0.category == .O }
    }

    /// Writes the document to `sink` in pieces of about ``XMLText/drainThreshold`` bytes.
    func write(to sink: (UnsafeRawBufferPointer) -> Void) {
        var xml = XMLText(capacity: XMLText.drainThreshold + 4096)
        xml.element("rsm:CrossIndustryInvoice", [
            ("xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"),
            ("xmlns:qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"),
            ("xmlns:ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"),
            ("xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"),
        ]) { x in
            x.element("rsm:ExchangedDocumentContext") { x in
                if let nature = invoice.operationNature {
                    x.element("ram:BusinessProcessSpecifiedDocumentContextParameter") { $0.leaf("ram:ID", Self.billingFramework(nature)) }
                }
                x.element("ram:GuidelineSpecifiedDocumentContextParameter") { $0.leaf("ram:ID", FacturX.guideline) }
            }
            exchangedDocument(&x)
            x.element("rsm:SupplyChainTradeTransaction") { x in
                var number = 0
                InvoiceLine.forEachLine(of: invoice) { line in
                    number += 1
                    lineItem(&x, number, line)
                    x.drain(ifLargerThan: XMLText.drainThreshold, to: sink)
                }
                agreement(&x)
                delivery(&x)
                settlement(&x)
            }
        }
        xml.drain(ifLargerThan: 0, to: sink)
    }

    // MARK: - Header

    private func exchangedDocument(_ x: inout XMLText) {
        x.element("rsm:ExchangedDocument") { x in
            x.leaf("ram:ID", invoice.number)
            x.leaf("ram:TypeCode", invoice.type == .creditNote ? "381" : "380")
            x.element("ram:IssueDateTime") { $0.leaf("udt:DateTimeString", Self.date(invoice.issueDate), Self.format102) }
            for (content, subject) in notes() {
                x.element("ram:IncludedNote") { x in
                    x.leaf("ram:Content", content)
                    x.leaf("ram:SubjectCode", ifPresent: subject)
                }
            }
        }
    }

    /// BT-22 notes: the document's notes, the informational charges, and the French payment mentions
    /// with their subject codes (BR-FR-05: PMD late-payment penalties, PMT recovery indemnity, AAB
    /// early-payment discount).
    private func notes() -> [(String, String?)] {
        var notes: [(String, String?)] = (invoice.notes ?? []).map { ($0, nil) }
        notes += informationalNotes.map { ($0, nil) }
        let words = NoteWords(locale: invoice.locale)
        if let payment = invoice.payment {
            if let penalty = payment.latePenalty { notes.append(("\(words.latePenalty)\(penalty)", "PMD")) }
            if let fee = payment.recoveryFee { notes.append(("\(words.recoveryFee)\(fee.plainText) \(fee.currency.code)", "PMT")) }
            if let discount = payment.earlyPaymentDiscount { notes.append(("\(words.earlyPayment)\(discount)", "AAB")) }
        }
        return notes
    }

    private func agreement(_ x: inout XMLText) {
        x.element("ram:ApplicableHeaderTradeAgreement") { x in
            party(&x, "ram:SellerTradeParty", invoice.seller, seller: true)
            party(&x, "ram:BuyerTradeParty", invoice.billTo, seller: false)
        }
    }

    private func delivery(_ x: inout XMLText) {
        x.element("ram:ApplicableHeaderTradeDelivery") { x in
            if let address = invoice.deliveryAddress {
                x.element("ram:ShipToTradeParty") { x in
                    x.leaf("ram:Name", address.name)
                    postalAddress(&x, address)
                }
            }
        }
    }

    private func settlement(_ x: inout XMLText) {
        let currency = invoice.currency.code
        x.element("ram:ApplicableHeaderTradeSettlement") { x in
            x.leaf("ram:PaymentReference", ifPresent: invoice.payment?.reference)
            x.leaf("ram:InvoiceCurrencyCode", currency)
            if let iban = invoice.payment?.iban {
                x.element("ram:SpecifiedTradeSettlementPaymentMeans") { x in
                    x.leaf("ram:TypeCode", "58")
                    x.element("ram:PayeePartyCreditorFinancialAccount") { $0.leaf("ram:IBANID", iban.filter { $0 != " " }) }
                    if let bic = invoice.payment?.bic {
                        x.element("ram:PayeeSpecifiedCreditorFinancialInstitution") { $0.leaf("ram:BICID", bic) }
                    }
                }
            }
            for group in vatBreakdown() { tradeTax(&x, group) }
            if let period = invoice.billingPeriod {
                x.element("ram:BillingSpecifiedPeriod") { x in
                    x.element("ram:StartDateTime") { $0.leaf("udt:DateTimeString", Self.date(period.start), Self.format102) }
                    x.element("ram:EndDateTime") { $0.leaf("udt:DateTimeString", Self.date(period.end), Self.format102) }
                }
            }
            if invoice.payment?.terms != nil || invoice.dueDate != nil {
                x.element("ram:SpecifiedTradePaymentTerms") { x in
                    x.leaf("ram:Description", ifPresent: invoice.payment?.terms)
                    if let due = invoice.dueDate {
                        x.element("ram:DueDateDateTime") { $0.leaf("udt:DateTimeString", Self.date(due), Self.format102) }
                    }
                }
            }
            x.element("ram:SpecifiedTradeSettlementHeaderMonetarySummation") { x in
                x.leaf("ram:LineTotalAmount", minorUnits: signed(totals.net), exponent: exponent)
                x.leaf("ram:TaxBasisTotalAmount", minorUnits: signed(totals.net), exponent: exponent)
                x.leaf("ram:TaxTotalAmount", minorUnits: signed(totals.totalVat), exponent: exponent, [("currencyID", currency)])
                x.leaf("ram:GrandTotalAmount", minorUnits: signed(totals.totalInclVat), exponent: exponent)
                if totals.prepaid.minorUnits != 0 { x.leaf("ram:TotalPrepaidAmount", minorUnits: signed(totals.prepaid), exponent: exponent) }
                x.leaf("ram:DuePayableAmount", minorUnits: signed(totals.amountDue), exponent: exponent)
            }
            if let original = invoice.originalInvoiceNumber {
                x.element("ram:InvoiceReferencedDocument") { x in
                    x.leaf("ram:IssuerAssignedID", original)
                    if let date = invoice.originalInvoiceDate {
                        x.element("ram:FormattedIssueDateTime") { $0.leaf("qdt:DateTimeString", Self.date(date), Self.format102) }
                    }
                }
            }
        }
    }

    /// The computed VAT groups; a document without VAT is one group O over the net total (VAT 0).
    private func vatBreakdown() -> [ComputedVATGroup.Breakdown] {
        if totals.vatGroups.isEmpty {
            return [.init(category: .O, rate: nil, base: totals.net, amount: .zero(totals.currency), reasons: [])]
        }
        return totals.vatGroups.map { .init(category: $0.category, rate: $0.rate, base: $0.base, amount: $0.amount, reasons: $0.exemptionReasons) }
    }

    private func tradeTax(_ x: inout XMLText, _ group: ComputedVATGroup.Breakdown) {
        let exemption = VATExemption.of(category: group.category, reasons: group.reasons)
        x.element("ram:ApplicableTradeTax") { x in
            x.leaf("ram:CalculatedAmount", minorUnits: signed(group.amount), exponent: exponent)
            x.leaf("ram:TypeCode", "VAT")
            x.leaf("ram:ExemptionReason", ifPresent: exemption.reason)
            x.leaf("ram:BasisAmount", minorUnits: signed(group.base), exponent: exponent)
            x.leaf("ram:CategoryCode", group.category.rawValue)
            x.leaf("ram:ExemptionReasonCode", ifPresent: exemption.code)
            // VAT on debits: the tax falls due on the invoice date (UNTDID 2475 code 5), as the
            // French CTC specification maps the option (BT-8).
            if invoice.vatOnDebits == true { x.leaf("ram:DueDateTypeCode", "5") }
            if group.category != .O { x.leaf("ram:RateApplicablePercent", Self.rate(group.rate)) }
        }
    }

    // MARK: - Parties

    private func party(_ x: inout XMLText, _ tag: String, _ party: Party, seller: Bool) {
        x.element(tag) { x in
            // BT-29/BT-46 (no scheme): a non-French tax identifier, so that a seller without VAT id
            // is still identified (BR-CO-26).
            x.leaf("ram:ID", ifPresent: party.taxId)
            if party.siren != nil, let siret = party.siret { x.leaf("ram:GlobalID", siret, [("schemeID", "0009")]) }
            x.leaf("ram:Name", party.name)
            if seller, let description = Self.legalInformation(party) { x.leaf("ram:Description", description) }
            if let siren = party.siren {
                x.element("ram:SpecifiedLegalOrganization") { $0.leaf("ram:ID", siren, [("schemeID", "0002")]) }
            } else if let siret = party.siret {
                x.element("ram:SpecifiedLegalOrganization") { $0.leaf("ram:ID", siret, [("schemeID", "0009")]) }
            }
            if party.phone != nil || party.email != nil {
                x.element("ram:DefinedTradeContact") { x in
                    if let phone = party.phone { x.element("ram:TelephoneUniversalCommunication") { $0.leaf("ram:CompleteNumber", phone) } }
                    if let email = party.email { x.element("ram:EmailURIUniversalCommunication") { $0.leaf("ram:URIID", email) } }
                }
            }
            postalAddress(&x, party)
            // Electronic address (BT-34/BT-49): a French company's SIREN is its address in the CTC
            // directory (scheme 0225), which every company has at SIREN level.
            if party.country == "FR", let siren = party.siren {
                x.element("ram:URIUniversalCommunication") { $0.leaf("ram:URIID", siren, [("schemeID", "0225")]) }
            }
            if let taxId = party.taxId {
                x.element("ram:SpecifiedTaxRegistration") { $0.leaf("ram:ID", taxId, [("schemeID", "FC")]) }
            }
            if !notSubjectToVAT, let vat = party.vatId {
                x.element("ram:SpecifiedTaxRegistration") { $0.leaf("ram:ID", vat, [("schemeID", "VA")]) }
            }
        }
    }

    private func postalAddress(_ x: inout XMLText, _ party: Party) {
        x.element("ram:PostalTradeAddress") { x in
            x.leaf("ram:PostcodeCode", ifPresent: party.postalCode)
            let address = party.addressLines ?? []
            // Three address lines in CII: a fourth line joins the third.
            if address.count > 0 { x.leaf("ram:LineOne", address[0]) }
            if address.count > 1 { x.leaf("ram:LineTwo", address[1]) }
            if address.count > 2 { x.leaf("ram:LineThree", address[2...].joined(separator: ", ")) }
            x.leaf("ram:CityName", party.city)
            x.leaf("ram:CountryID", party.country)
            x.leaf("ram:CountrySubDivisionName", ifPresent: party.region)
        }
    }

    /// BT-33: legal form, share capital and trade register, as the page's legal mentions print them.
    private static func legalInformation(_ party: Party) -> String? {
        let parts = [party.legalForm, party.shareCapital, party.rcs].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    // MARK: - Lines

    private func lineItem(_ x: inout XMLText, _ number: Int, _ line: InvoiceLine) {
        // Quantity −1 for a negative net so that prices stay non-negative (BR-27, BR-28); the line
        // amount is then quantity × net price = the signed net, as printed.
        let net = line.net.minorUnits * sign
        let quantity: Int64 = net < 0 ? -1 : 1
        let grossPrice = line.published.minorUnits * sign * quantity
        let discount = line.incentive.minorUnits * sign * quantity
        x.element("ram:IncludedSupplyChainTradeLineItem") { x in
            x.element("ram:AssociatedDocumentLineDocument") { x in
                x.leaf("ram:LineID", String(number))
                if let note = line.note { x.element("ram:IncludedNote") { $0.leaf("ram:Content", note) } }
            }
            x.element("ram:SpecifiedTradeProduct") { x in
                x.leaf("ram:SellerAssignedID", ifPresent: line.code)
                x.leaf("ram:Name", line.name)
            }
            x.element("ram:SpecifiedLineTradeAgreement") { x in
                if grossPrice >= 0 && discount > 0 {
                    x.element("ram:GrossPriceProductTradePrice") { x in
                        x.leaf("ram:ChargeAmount", minorUnits: grossPrice, exponent: exponent)
                        x.element("ram:AppliedTradeAllowanceCharge") { x in
                            x.element("ram:ChargeIndicator") { $0.leaf("udt:Indicator", "false") }
                            x.leaf("ram:ActualAmount", minorUnits: discount, exponent: exponent)
                        }
                    }
                }
                x.element("ram:NetPriceProductTradePrice") { $0.leaf("ram:ChargeAmount", minorUnits: net * quantity, exponent: exponent) }
            }
            x.element("ram:SpecifiedLineTradeDelivery") { $0.leaf("ram:BilledQuantity", String(quantity), Self.unitC62) }
            x.element("ram:SpecifiedLineTradeSettlement") { x in
                let category = line.category ?? .O
                x.element("ram:ApplicableTradeTax") { x in
                    x.leaf("ram:TypeCode", "VAT")
                    x.leaf("ram:CategoryCode", category.rawValue)
                    if category != .O { x.leaf("ram:RateApplicablePercent", Self.rate(line.rate)) }
                }
                x.element("ram:SpecifiedTradeSettlementLineMonetarySummation") { $0.leaf("ram:LineTotalAmount", minorUnits: net, exponent: exponent) }
            }
        }
    }

    // MARK: - Values

    private static let format102 = [("format", "102")]
    private static let unitC62 = [("unitCode", "C62")]

    /// An amount of the model in minor units with the document's sign (written as exact decimal text
    /// with the currency's decimals, as `Money.plainText` spells it).
    private func signed(_ value: Money) -> Int64 { value.minorUnits * sign }

    private var exponent: Int { invoice.currency.minorUnitExponent }

    /// The rate as the document wrote it (an `ExactDecimal`'s text is always `-?digits[.digits]`).
    private static func rate(_ rate: ExactDecimal?) -> String { rate?.text ?? "0" }

    /// YYYYMMDD (format 102), from the digits (no formatter: this runs for every line).
    static func date(_ date: CalendarDate) -> String {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 8)
        var year = date.year, month = date.month, day = date.day
        for index in stride(from: 3, through: 0, by: -1) { digits[index] += UInt8(year % 10); year /= 10 }
        digits[5] += UInt8(month % 10); digits[4] += UInt8(month / 10 % 10)
        digits[7] += UInt8(day % 10); digits[6] += UInt8(day / 10 % 10)
        return String(decoding: digits, as: UTF8.self)
    }

    /// French CTC billing framework (BT-23): B1 goods, S1 services, M1 both (simple invoice).
    static func billingFramework(_ nature: OperationNature) -> String {
        switch nature {
        case .goods: return "B1"
        case .services: return "S1"
        case .goodsAndServices: return "M1"
        }
    }
}
