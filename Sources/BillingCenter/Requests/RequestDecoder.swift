import DocumentModel
/// Turns one input line into a `BillingRequest` with the checks of S-4, in order:
/// `invalid_request` (with the line number), then `invalid_timestamp`.
///
/// ```swift
/// do {
///     let request = try RequestDecoder.decode(line: Array(line.utf8), lineNumber: 3)
/// } catch {
///     print(error.code, error.message) // e.g. invalid_request "unknown op \"payInvoice\""
/// }
/// ```
public enum RequestDecoder {
    public static func decode(line: [UInt8], lineNumber: Int) throws(BillingError) -> BillingRequest {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch {
            throw BillingError(.invalidRequest, error.message, line: lineNumber)
        }
        let ledger = FieldReader.TimestampLedger()
        let request: BillingRequest
        do {
            request = try decode(value, ledger: ledger)
        } catch {
            throw BillingError(.invalidRequest, error.message, line: lineNumber)
        }
        if let failure = ledger.firstFailure { throw BillingError(.invalidTimestamp, failure) }
        return request
    }

    private static let accountFields: Set<String> = ["lineOfBusiness", "accountType", "number", "country"]
    private static let validationFields: Set<String> = ["invoiceNumber", "invoiceDate", "amountDue", "currency", "controlId"]

    private static func decode(_ value: JSONValue, ledger: FieldReader.TimestampLedger) throws(FieldReader.ShapeError) -> BillingRequest {
        guard case .object = value else { throw FieldReader.ShapeError(message: "request is not an object") }
        guard let opValue = value["op"], opValue != .null else { throw FieldReader.ShapeError(message: "missing field \"op\"") }
        guard case let .string(op) = opValue else { throw FieldReader.ShapeError(message: "op must be a string") }
        guard let fields = opFields[op] else { throw FieldReader.ShapeError(message: "unknown op \"\(op)\"") }
        let reader = try FieldReader(value, path: "", allowed: fields.union(["op"]), timestamps: ledger)
        // Fields are read in the order of each request's definition: the first shape error found
        // is the one reported (S-4).
        func envelope(actorRequired: Bool) throws(FieldReader.ShapeError) -> BillingRequest.Envelope {
            try Self.envelope(reader, actorRequired: actorRequired)
        }
        switch op {
        case "registerInvoice":
            return .registerInvoice(try invoiceRecord(reader), try envelope(actorRequired: false))
        case "registerBrokerageForm":
            return .registerBrokerageForm(try brokerageFormRecord(reader), try envelope(actorRequired: false))
        case "settleInvoice":
            let status = try reader.enumeration("status", InvoiceStatus.self)
            guard status.isSettled else { throw FieldReader.ShapeError(message: "status must be paid or closed") }
            let settle = BillingRequest.SettleInvoice(id: try reader.identifier("id"), status: status, settledAt: try reader.instant("settledAt"))
            return .settleInvoice(settle, try envelope(actorRequired: false))
        case "enroll":
            let enroll = BillingRequest.Enroll(
                company: try reader.identifier("company"), account: try accountInput(reader),
                validation: try validation(reader), notify: try reader.optionalBool("notify") ?? true)
            return .enroll(enroll, try envelope(actorRequired: true))
        case "addAccount":
            let add = BillingRequest.AddAccount(company: try reader.identifier("company"), account: try accountInput(reader), validation: try validation(reader))
            return .addAccount(add, try envelope(actorRequired: true))
        case "cancel":
            let cancel = BillingRequest.Cancel(
                company: try reader.identifier("company"), accounts: try accountReferences(reader, "accounts"),
                reason: try reader.string("reason"), comment: try reader.optionalString("comment"))
            return .cancel(cancel, try envelope(actorRequired: true))
        case "reenroll":
            let accounts = reader.has("accounts") ? try accountReferences(reader, "accounts") : nil
            return .reenroll(BillingRequest.Reenroll(company: try reader.identifier("company"), accounts: accounts), try envelope(actorRequired: true))
        case "addUser":
            let add = BillingRequest.AddUser(
                company: try reader.identifier("company"), user: try reader.identifier("user"),
                role: try reader.enumeration("role", Role.self),
                accounts: reader.has("accounts") ? try accountReferences(reader, "accounts") : [],
                notify: try reader.optionalBool("notify") ?? true)
            return .addUser(add, try envelope(actorRequired: true))
        case "deleteUser":
            let delete = BillingRequest.DeleteUser(company: try reader.identifier("company"), user: try reader.identifier("user"))
            return .deleteUser(delete, try envelope(actorRequired: true))
        case "changeRole":
            let change = BillingRequest.ChangeRole(company: try reader.identifier("company"), user: try reader.identifier("user"), role: try reader.enumeration("role", Role.self))
            return .changeRole(change, try envelope(actorRequired: true))
        case "assignAccounts":
            let assign = BillingRequest.AssignAccounts(company: try reader.identifier("company"), user: try reader.identifier("user"), accounts: try accountReferences(reader, "accounts"))
            return .assignAccounts(assign, try envelope(actorRequired: true))
        case "requestAdjustment":
            let charges = try disputedCharges(reader)
            let adjustment = BillingRequest.RequestAdjustment(company: try reader.identifier("company"), document: try reader.identifier("document"), charges: charges)
            return .requestAdjustment(adjustment, try envelope(actorRequired: true))
        case "list":
            return .list(BillingRequest.ListQuery(user: try reader.identifier("user"), company: try reader.identifier("company"), page: try reader.enumeration("page", Page.self), now: try reader.instant("now")))
        case "access":
            return .access(BillingRequest.AccessQuery(
                user: try reader.identifier("user"), company: try reader.identifier("company"), document: try reader.identifier("document"),
                action: try reader.enumeration("action", DocumentAction.self), now: try reader.instant("now")))
        case "notifications":
            return .notifications(BillingRequest.NotificationsQuery(company: try reader.identifier("company"), user: try reader.optionalIdentifier("user"), now: try reader.optionalInstant("now")))
        default: // "download"
            return .download(BillingRequest.DownloadRequest(
                user: try reader.identifier("user"), company: try reader.identifier("company"), document: try reader.identifier("document"),
                now: try reader.instant("now"), output: try reader.identifier("output")))
        }
    }

    private static func envelope(_ reader: FieldReader, actorRequired: Bool) throws(FieldReader.ShapeError) -> BillingRequest.Envelope {
        let actor = actorRequired ? try reader.identifier("actor") : try reader.optionalIdentifier("actor")
        return BillingRequest.Envelope(at: try reader.instant("at"), actor: actor)
    }

    /// `registerInvoice`: a plan number only on parcel accounts, `settledAt` exactly when settled.
    private static func invoiceRecord(_ reader: FieldReader) throws(FieldReader.ShapeError) -> InvoiceRecord {
        let account = try billedAccount(reader, "account")
        let planNumber = try reader.optionalIdentifier("planNumber")
        if planNumber != nil, account.lineOfBusiness != .parcel {
            throw FieldReader.ShapeError(message: "planNumber is only allowed with a parcel account")
        }
        let status = try reader.enumeration("status", InvoiceStatus.self)
        if status.isSettled != reader.has("settledAt") {
            throw FieldReader.ShapeError(message: "settledAt must be given exactly when status is paid or closed")
        }
        return InvoiceRecord(
            id: try reader.identifier("id"), number: try reader.identifier("number"), account: account,
            planNumber: planNumber, category: try reader.enumeration("category", InvoiceCategory.self),
            createdAt: try reader.instant("createdAt"), invoiceDate: try reader.date("invoiceDate"),
            dueDate: try reader.date("dueDate"), amountDue: try reader.money("amountDue", currencyKey: "currency"),
            controlId: try reader.identifier("controlId"), status: status,
            settledAt: try reader.optionalInstant("settledAt"), documentPath: try reader.optionalIdentifier("document"))
    }

    /// `registerBrokerageForm`: every tracking number a non-blank string.
    private static func brokerageFormRecord(_ reader: FieldReader) throws(FieldReader.ShapeError) -> BrokerageFormRecord {
        let account = try billedAccount(reader, "account")
        var trackingNumbers: [String] = []
        for (index, item) in try reader.array("trackingNumbers").enumerated() {
            guard case let .string(text) = item else { throw FieldReader.ShapeError(message: "trackingNumbers[\(index)] must be a string") }
            guard !text.isBlank else { throw FieldReader.ShapeError(message: "trackingNumbers[\(index)] must not be blank") }
            trackingNumbers.append(text)
        }
        return BrokerageFormRecord(
            id: try reader.identifier("id"), form: try reader.enumeration("form", BrokerageFormKind.self),
            parentInvoiceId: try reader.optionalIdentifier("parentInvoiceId"), account: account,
            createdAt: try reader.instant("createdAt"), entryNumber: try reader.identifier("entryNumber"),
            trackingNumbers: trackingNumbers, documentPath: try reader.optionalIdentifier("document"))
    }

    /// The charges of `requestAdjustment`. A ship date, when given, must be a date; blank fields are
    /// a `dispute_incomplete` of the rules (BC-21), not a shape error.
    private static func disputedCharges(_ reader: FieldReader) throws(FieldReader.ShapeError) -> [BillingRequest.Charge] {
        var charges: [BillingRequest.Charge] = []
        for (index, item) in try reader.array("charges").enumerated() {
            let charge = try reader.element(item, at: index, of: "charges", allowed: ["trackingNumber", "shipDate", "reason"])
            let shipDate = try charge.optionalString("shipDate")
            if let shipDate, !shipDate.isBlank, CalendarDate(shipDate) == nil {
                throw FieldReader.ShapeError(message: "charges[\(index)].shipDate is not a valid YYYY-MM-DD date")
            }
            charges.append(BillingRequest.Charge(trackingNumber: try charge.optionalString("trackingNumber"), shipDate: shipDate, reason: try charge.optionalString("reason")))
        }
        return charges
    }

    private static func key(_ account: FieldReader) throws(FieldReader.ShapeError) -> AccountKey {
        AccountKey(lineOfBusiness: try account.enumeration("lineOfBusiness", LineOfBusiness.self),
                   accountType: try account.optionalEnumeration("accountType", AccountType.self),
                   number: try account.string("number"), country: try account.string("country"))
    }

    private static func billedAccount(_ reader: FieldReader, _ field: String) throws(FieldReader.ShapeError) -> AccountKey {
        try key(try reader.nested(field, allowed: accountFields))
    }

    private static func accountInput(_ reader: FieldReader) throws(FieldReader.ShapeError) -> BillingRequest.AccountInput {
        let account = try reader.nested("account", allowed: accountFields.union(["planCategory"]))
        let accountKey = try key(account)
        let category = try account.optionalEnumeration("planCategory", PlanCategory.self)
        guard (category != nil) == (accountKey.accountType == .cpp) else {
            throw FieldReader.ShapeError(message: "account.planCategory must be given exactly when accountType is cpp")
        }
        return BillingRequest.AccountInput(key: accountKey, planCategory: category)
    }

    private static func accountReferences(_ reader: FieldReader, _ field: String) throws(FieldReader.ShapeError) -> [AccountKey] {
        var keys: [AccountKey] = []
        for (index, item) in try reader.array(field).enumerated() {
            keys.append(try key(try reader.element(item, at: index, of: field, allowed: accountFields)))
        }
        return keys
    }

    private static func validation(_ reader: FieldReader) throws(FieldReader.ShapeError) -> BillingRequest.Validation {
        let fields = try reader.nested("validation", allowed: validationFields)
        return BillingRequest.Validation(
            invoiceNumber: try fields.identifier("invoiceNumber"), invoiceDate: try fields.date("invoiceDate"),
            amountDue: try fields.money("amountDue", currencyKey: "currency"), controlId: try fields.optionalIdentifier("controlId"))
    }

    private static let opFields: [String: Set<String>] = [
        "registerInvoice": ["id", "number", "account", "planNumber", "category", "createdAt", "invoiceDate", "dueDate", "amountDue", "currency", "controlId", "status", "settledAt", "document", "at", "actor"],
        "registerBrokerageForm": ["id", "form", "parentInvoiceId", "account", "createdAt", "entryNumber", "trackingNumbers", "document", "at", "actor"],
        "settleInvoice": ["id", "status", "settledAt", "at", "actor"],
        "enroll": ["company", "account", "validation", "notify", "at", "actor"],
        "addAccount": ["company", "account", "validation", "at", "actor"],
        "cancel": ["company", "accounts", "reason", "comment", "at", "actor"],
        "reenroll": ["company", "accounts", "at", "actor"],
        "addUser": ["company", "user", "role", "accounts", "notify", "at", "actor"],
        "deleteUser": ["company", "user", "at", "actor"],
        "changeRole": ["company", "user", "role", "at", "actor"],
        "assignAccounts": ["company", "user", "accounts", "at", "actor"],
        "requestAdjustment": ["company", "document", "charges", "at", "actor"],
        "list": ["user", "company", "page", "now"],
        "access": ["user", "company", "document", "action", "now"],
        "notifications": ["company", "user", "now"],
        "download": ["user", "company", "document", "now", "output"],
    ]
}
