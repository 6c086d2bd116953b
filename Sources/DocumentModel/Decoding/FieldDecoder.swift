import Foundation

/// Decodes one JSON value at a path into a Swift value, recording an issue (and returning `nil`)
/// when the value does not fit. Composed by the model types to describe their members.
struct FieldDecoder<T> {
    let decode: (JSONNode, FieldPath, DecodingSession) -> T?
}

/// Model types that read themselves from a JSON object.
protocol ObjectDecodable {
    /// What the object is, for "expected … (a JSON object)" messages: `a party`, `a charge`.
    static var objectDescription: String { get }
    /// Reads the members through `reader`; returns `nil` when a required part is missing or invalid.
    static func read(_ reader: ObjectReader) -> Self?
}

extension FieldDecoder {
    /// Strings, reporting other JSON types as `expected <what>, found …`.
    static func string(_ what: String, _ check: @escaping (String, FieldPath, JSONNode, DecodingSession) -> T?) -> FieldDecoder<T> {
        FieldDecoder { node, path, session in
            guard case .string(let text) = node.value else {
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
            return check(text, path, node, session)
        }
    }

    /// Objects read by `T.read`, checked for unknown members afterwards.
    static func object(_ type: T.Type) -> FieldDecoder<T> where T: ObjectDecodable {
        FieldDecoder { node, path, session in
            guard case .object = node.value else {
                session.report(path, offset: node.offset, "expected \(T.objectDescription) (a JSON object), found \(node.foundDescription)")
                return nil
            }
            let reader = ObjectReader(node: node, path: path, session: session)
            let value = T.read(reader)
            reader.finish()
            return value
        }
    }

    /// Objects read by a closure (for parts whose reading depends on context, like a currency).
    static func object(_ what: String, _ read: @escaping (ObjectReader) -> T?) -> FieldDecoder<T> {
        FieldDecoder { node, path, session in
            guard case .object = node.value else {
                session.report(path, offset: node.offset, "expected \(what) (a JSON object), found \(node.foundDescription)")
                return nil
            }
            let reader = ObjectReader(node: node, path: path, session: session)
            let value = read(reader)
            reader.finish()
            return value
        }
    }
}

extension FieldDecoder {
    /// Arrays with `minItems`/`maxItems`; `nil` if any element fails (all elements are still checked).
    static func array<E>(of item: FieldDecoder<E>, min: Int = 0, max: Int, what: String = "an array") -> FieldDecoder<[E]> where T == [E] {
        FieldDecoder<[E]> { node, path, session in
            guard case .array(let items) = node.value else {
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
            if items.count < min {
                session.report(path, offset: node.offset, "expected at least \(min) element\(min == 1 ? "" : "s"), found \(items.count)")
            }
            if items.count > max {
                session.report(path, offset: node.offset, "expected at most \(max) elements, found \(items.count)")
            }
            var values: [E] = []
            values.reserveCapacity(items.count)
            var failed = false
            let base = path.components
            for (i, element) in items.enumerated() {
                if let value = item.decode(element, FieldPath(base, last: .index(i)), session) { values.append(value) } else { failed = true }
            }
            return failed ? nil : values
        }
    }
}

extension FieldDecoder where T == String {
    /// A string of `min…max` Unicode scalars (the schema's minLength/maxLength count code points),
    /// optionally matching `pattern` (described as `what` in messages). Control characters other
    /// than tab and line breaks are refused: no font draws them, so they would print as empty boxes.
    static func text(min: Int = 1, max: Int, pattern: String? = nil, what: String? = nil) -> FieldDecoder<String> {
        .string(what ?? "a string") { text, path, node, session in
            let scan = scanText(text)
            if let (position, scalar) = scan.forbidden {
                let code = String(scalar, radix: 16, uppercase: true)
                session.report(path, offset: node.offset, "control character U+\(String(repeating: "0", count: Swift.max(0, 4 - code.count)))\(code) at character \(position + 1) is not allowed in text")
                return nil
            }
            if let override = scan.bidi {
                // Legitimate in rare right-to-left data, but also the way to make printed text read
                // differently from the data (a name shown reversed): render it, and say so.
                session.warn(at: path.components, "contains the bidi control U+\(String(override, radix: 16, uppercase: true)), which reorders the printed text")
            }
            let length = scan.count
            if length < min {
                session.report(path, offset: node.offset, min == 1 ? "expected a non-empty string, found \"\"" : "expected at least \(min) characters, found \(length)")
                return nil
            }
            if length > max {
                session.report(path, offset: node.offset, "expected at most \(max) characters, found \(length)")
                return nil
            }
            if let pattern, !session.matches(text, pattern) {
                session.report(path, offset: node.offset, "expected \(what ?? "a string matching \(pattern)"), found \(node.foundDescription)")
                return nil
            }
            return text
        }
    }

    /// One pass over the UTF-8 of `text`: its number of Unicode scalars, the first forbidden control
    /// (scalar index and value, see `isForbiddenControl`) and the first bidi override (`isBidiOverride`).
    static func scanText(_ text: String) -> (count: Int, forbidden: (Int, UInt32)?, bidi: UInt32?) {
        var count = 0
        var forbidden: (Int, UInt32)?
        var bidi: UInt32?
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for b in text.utf8 {
            if b & 0xC0 != 0x80 {
                // A lead byte: one more scalar. ASCII controls are decided here.
                if forbidden == nil, b < 0x80, isForbiddenControl(Unicode.Scalar(b)) { forbidden = (count, UInt32(b)) }
                count += 1
            } else if previous == 0xC2, b <= 0x9F, forbidden == nil {
                forbidden = (count - 1, UInt32(b))  // U+0080…U+009F is C2 80…C2 9F
            } else if beforePrevious == 0xE2, bidi == nil {
                // U+202A…U+202E is E2 80 AA…AE; U+2066…U+2069 is E2 81 A6…A9.
                if (previous == 0x80 && b >= 0xAA && b <= 0xAE) || (previous == 0x81 && b >= 0xA6 && b <= 0xA9) {
                    bidi = 0x2000 | (UInt32(previous & 0x3F) << 6) | UInt32(b & 0x3F)
                }
            }
            beforePrevious = previous
            previous = b
        }
        return (count, forbidden, bidi)
    }

    /// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069); the marks LRM, RLM
    /// and ALM only nudge neutral characters and are not counted.
    static func isBidiOverride(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// An e-mail address: one `@` with a non-empty local part and a dotted-or-not domain, no spaces.
    static var email: FieldDecoder<String> {
        .string("an e-mail address such as \"name@example.com\"") { text, path, node, session in
            let length = text.unicodeScalars.count
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            let ok = length >= 1 && length <= 254 && parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
                && !text.contains(where: { $0.isWhitespace || $0.isNewline })
            if !ok {
                session.report(path, offset: node.offset, "expected an e-mail address such as \"name@example.com\", found \(node.foundDescription)")
                return nil
            }
            return text
        }
    }

    /// An ISO 3166-1 alpha-2 code that is actually assigned.
    static var country: FieldDecoder<String> {
        .checked("an ISO 3166-1 alpha-2 country code such as \"FR\"", pattern: "[A-Z]{2}", parse: { isAssignedCountryCode($0) ? $0 : nil },
                 unknown: { "\($0) is not an assigned ISO 3166-1 country code" })
    }

    /// A constant string (`"currency": "USD"` on the 7501).
    static func constant(_ value: String) -> FieldDecoder<String> {
        .string("the string \(quoted(value))") { text, path, node, session in
            guard text == value else {
                session.report(path, offset: node.offset, "expected the string \(quoted(value)), found \(node.foundDescription)")
                return nil
            }
            return text
        }
    }
}

extension FieldDecoder where T: RawRepresentable & CaseIterable, T.RawValue == String {
    /// One of an enumeration's raw values.
    static var oneOf: FieldDecoder<T> {
        // The list of values is spelled out only when an issue is reported.
        func list() -> String { T.allCases.map { quoted($0.rawValue) }.joined(separator: ", ") }
        return FieldDecoder { node, path, session in
            guard case .string(let text) = node.value else {
                session.report(path, offset: node.offset, "expected one of \(list()), found \(node.foundDescription)")
                return nil
            }
            guard let value = T(rawValue: text) else {
                session.report(path, offset: node.offset, "expected one of \(list()), found \(node.foundDescription)")
                return nil
            }
            return value
        }
    }
}

extension FieldDecoder where T == Int {
    /// A JSON integer in `range` (a number with an integral value, as JSON Schema's `integer`).
    static func integer(_ range: ClosedRange<Int>) -> FieldDecoder<Int> {
        FieldDecoder { node, path, session in
            var what: String { "an integer between \(range.lowerBound) and \(range.upperBound)" }
            guard case .number(let text) = node.value else {
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
            // Plain integers of up to 18 digits (every integer of the contract) are read exactly as Int;
            // anything else (fractions, exponents, huge values) goes through Decimal as before.
            if let value = plainInteger(text) {
                guard range.contains(value) else {
                    session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                    return nil
                }
                return value
            }
            guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  Rounding.halfAwayFromZero(decimal, scale: 0) == decimal else {
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
            guard decimal >= Decimal(range.lowerBound), decimal <= Decimal(range.upperBound), let value = Int(plainDecimalText(decimal)) else {
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
            return value
        }
    }
}

/// The value of `-?[0-9]{1,18}`, or nil for any other text (which may still be an integer, read another way).
func plainInteger(_ text: String) -> Int? {
    var value = 0
    var negative = false
    var digits = 0
    for b in text.utf8 {
        if digits == 0 && !negative && b == UInt8(ascii: "-") { negative = true; continue }
        guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 18 else { return nil }
        value = value * 10 + Int(b - UInt8(ascii: "0"))
        digits += 1
    }
    guard digits > 0 else { return nil }
    return negative ? -value : value
}

extension FieldDecoder where T == Bool {
    /// `true` or `false`.
    static var boolean: FieldDecoder<Bool> {
        FieldDecoder { node, path, session in
            guard case .bool(let flag) = node.value else {
                session.report(path, offset: node.offset, "expected true or false, found \(node.foundDescription)")
                return nil
            }
            return flag
        }
    }
}

extension FieldDecoder where T == ExactDecimal {
    /// A decimal string matching one of the schema's decimal patterns.
    static func decimal(pattern: String, what: String) -> FieldDecoder<ExactDecimal> {
        .string(what) { text, path, node, session in
            guard session.matches(text, pattern), let value = ExactDecimal(text) else {
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
            return value
        }
    }

    /// `percent`: up to 4 integer digits and 8 decimals.
    static var percent: FieldDecoder<ExactDecimal> {
        decimal(pattern: "[0-9]{1,4}(\\.[0-9]{1,8})?", what: "a percentage as a decimal string such as \"16.5\"")
    }
    /// `vatRate`: 0–100 with up to 4 decimals.
    static var vatRate: FieldDecoder<ExactDecimal> {
        decimal(pattern: "(100(\\.0{1,4})?|[0-9]{1,2}(\\.[0-9]{1,4})?)", what: "a VAT rate between 0 and 100 as a decimal string such as \"20\"")
    }
    /// `decimal`: non-negative, up to 12 integer digits and 6 decimals.
    static var quantity: FieldDecoder<ExactDecimal> {
        decimal(pattern: "[0-9]{1,12}(\\.[0-9]{1,6})?", what: "a non-negative decimal string such as \"2.5\"")
    }
    /// `exchangeRate`: up to 6 integer digits and 10 decimals.
    static var exchangeRate: FieldDecoder<ExactDecimal> {
        decimal(pattern: "[0-9]{1,6}(\\.[0-9]{1,10})?", what: "an exchange rate as a decimal string such as \"1.3542\"")
    }
}

extension FieldDecoder where T == Money {
    /// A money string in `currency` (the document's when `nil` is not passed explicitly): pattern, sign,
    /// length ≤ 32 and at most the currency's decimals. Without a valid currency only the form is checked.
    static func money(nonNegative: Bool = false, in explicit: Currency?? = .none) -> FieldDecoder<Money> {
        let what = nonNegative ? "a non-negative decimal string such as \"12.34\"" : "a decimal string such as \"12.34\""
        return .string(what) { text, path, node, session in
            let pattern = nonNegative ? "[0-9]+(\\.[0-9]+)?" : "-?[0-9]+(\\.[0-9]+)?"
            guard text.utf8.count <= 32, session.matches(text, pattern) else {
                if text.utf8.count > 32 {
                    session.report(path, offset: node.offset, "expected an amount of at most 32 characters, found \(text.utf8.count)")
                } else {
                    session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                }
                return nil
            }
            let currency: Currency?
            switch explicit {
            case .none: currency = session.documentCurrency
            case .some(let given): currency = given
            }
            guard let currency else { return nil }
            switch Money.parse(text, currency: currency) {
            case .success(let money): return money
            case .failure(.tooManyDecimals(let found)):
                session.report(path, offset: node.offset, "\(quoted(text)) has \(found) decimals but \(currency.code) allows at most \(currency.minorUnitExponent)")
            case .failure(.outOfRange):
                session.report(path, offset: node.offset, "\(quoted(text)) is too large an amount")
            case .failure(.notADecimal):
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
            }
            return nil
        }
    }
}

extension FieldDecoder {
    /// A string that must first match `pattern` (else `expected <what>`), then parse into a value that
    /// exists (else `unknown(text)`): ISO codes, calendar dates, instants.
    static func checked(_ what: String, pattern: String, parse: @escaping (String) -> T?, unknown: @escaping (String) -> String) -> FieldDecoder<T> {
        .string(what) { text, path, node, session in
            guard session.matches(text, pattern) else {
                session.report(path, offset: node.offset, "expected \(what), found \(node.foundDescription)")
                return nil
            }
            guard let value = parse(text) else {
                session.report(path, offset: node.offset, unknown(quoted(text)))
                return nil
            }
            return value
        }
    }
}

extension FieldDecoder where T == Currency {
    /// An ISO 4217 code from the library's table.
    static var currency: FieldDecoder<Currency> {
        .checked("an ISO 4217 currency code such as \"EUR\"", pattern: "[A-Z]{3}", parse: { Currency($0) },
                 unknown: { "\($0) is not an ISO 4217 currency with minor units" })
    }
}

extension FieldDecoder where T == CalendarDate {
    /// `YYYY-MM-DD` naming a day that exists.
    static var date: FieldDecoder<CalendarDate> {
        .checked("a date \"YYYY-MM-DD\" such as \"2025-03-08\"", pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}", parse: { CalendarDate($0) },
                 unknown: { "\($0) is not a calendar date (no such day)" })
    }
}

extension FieldDecoder where T == Instant {
    /// RFC 3339 date-time with an explicit offset.
    static var instant: FieldDecoder<Instant> {
        .checked("an RFC 3339 instant with offset such as \"2025-03-08T06:00:00+01:00\"",
                 pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})",
                 parse: { Instant($0) }, unknown: { "\($0) is not a valid instant (no such date or time)" })
    }
}
