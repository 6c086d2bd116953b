/// The CLDR plural category of a number in a language, for choosing the form of a counted word
/// ("1 package", "2 packages"; "0 colis", "1,5 colis"). Rules are CLDR's (plurals.xml, version 44),
/// held as code for the languages Folio has labels in; any other language has the single form
/// `other`, as CLDR's root locale.
///
/// The operands are those of the number as printed (CLDR: `i` integer digits, `v` visible fraction
/// digits, `e` compact exponent, always 0 here): "1" is `one` in English, "1.0" is not.
///
/// ```swift
/// PluralRule(language: "en").category(1)                              // .one
/// PluralRule(language: "en").category(ExactDecimal(parsing: "1.5")!)   // .other
/// PluralRule(language: "fr").category(ExactDecimal(parsing: "1.5")!)   // .one  (i = 1)
/// PluralRule(language: "fr").category(0)                               // .one
/// PluralRule(language: "de-DE").category(2)                            // .other
/// ```
public struct PluralRule: Sendable, Hashable {
    /// CLDR plural categories; a language uses a subset (always including `other`). A label file
    /// names a form by its raw value: `shipments.packageCount.one`.
    ///
    /// ```swift
    /// PluralRule.Category.one.rawValue // "one"
    /// ```
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case zero, one, two, few, many, other
    }

    /// The rule sets implemented; named by the languages that use them.
    enum Rules: Sendable, Hashable {
        /// fr: one `i = 0,1`; many `e = 0 and i != 0 and i % 1000000 = 0 and v = 0`; other.
        case french
        /// en, de: one `i = 1 and v = 0`; other.
        case germanic
        /// CLDR root: other only.
        case otherOnly
    }

    /// The language subtag the rule was chosen for (`"fr"`).
    public let language: String
    let rules: Rules

    /// The rule of a language or BCP 47 tag (`"fr"`, `"de-DE"`); languages without a rule here
    /// get CLDR root's (`other` only).
    ///
    /// ```swift
    /// PluralRule(language: "fr-CA").language // "fr"
    /// ```
    public init(language tag: String) {
        let language = String(tag.split(separator: "-").first ?? "").lowercased()
        self.language = language
        switch language {
        case "fr": rules = .french
        case "en", "de": rules = .germanic
        default: rules = .otherOnly
        }
    }

    /// The categories a language distinguishes, `other` last: what a label file must give forms for.
    ///
    /// ```swift
    /// PluralRule(language: "fr").categories // [.one, .many, .other]
    /// ```
    public var categories: [Category] {
        switch rules {
        case .french: [.one, .many, .other]
        case .germanic: [.one, .other]
        case .otherOnly: [.other]
        }
    }

    /// The category of an integer count.
    ///
    /// ```swift
    /// PluralRule(language: "de").category(1) // .one
    /// ```
    public func category(_ count: Int) -> Category {
        let magnitude = count.magnitude
        return category(integer: magnitude, integerIsMillions: magnitude != 0 && magnitude % 1_000_000 == 0, visibleFractionDigits: 0)
    }

    /// The category of a decimal as ``DecimalFormatter`` prints it: trailing fraction zeros dropped,
    /// or exactly `fractionDigits` decimals.
    ///
    /// ```swift
    /// PluralRule(language: "en").category(ExactDecimal(parsing: "1.00")!)                    // .one ("1")
    /// PluralRule(language: "en").category(ExactDecimal(parsing: "1")!, fractionDigits: 1)    // .other ("1.0")
    /// ```
    public func category(_ value: ExactDecimal, fractionDigits: Int? = nil) -> Category {
        let text = fractionDigits.map { plainDecimalText(Rounding.halfAwayFromZero(value.value, scale: $0)) } ?? value.text
        var parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = parts.isEmpty ? "0" : String(parts.removeFirst())
        var fraction = parts.first.map(String.init) ?? ""
        if let fractionDigits {
            fraction = String(fraction.prefix(fractionDigits)) + String(repeating: "0", count: max(0, fractionDigits - fraction.count))
        } else {
            while fraction.last == "0" { fraction.removeLast() }
        }
        // Only i ∈ {0, 1} and i % 1000000 matter: the integer is read from its digits, never overflowing.
        let significant = integerDigits.drop { $0 == "0" }
        let integer: UInt = significant.count > 2 ? 2 : UInt(significant) ?? 0
        let millions = !significant.isEmpty && significant.count >= 7 && significant.hasSuffix("000000")
        return category(integer: integer, integerIsMillions: millions, visibleFractionDigits: fraction.count)
    }

    /// The rules on the operands; `integer` is exact for 0 and 1, anything larger stands for "other".
    private func category(integer: UInt, integerIsMillions: Bool, visibleFractionDigits v: Int) -> Category {
        switch rules {
        case .french:
            if integer == 0 || integer == 1 { return .one }
            if integerIsMillions && v == 0 { return .many }
            return .other
        case .germanic:
            return integer == 1 && v == 0 ? .one : .other
        case .otherOnly:
            return .other
        }
    }
}
