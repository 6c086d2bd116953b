import Testing
@testable import DocumentModel

@Suite("CLDR plural rules (pinned categories)")
struct PluralRuleTests {
    typealias Category = PluralRule.Category

    /// (number as written, fr, en, de): fr "one" is i = 0,1; en and de "one" is i = 1 and v = 0.
    static let pinned: [(String, Category, Category, Category)] = [
        ("0", .one, .other, .other),
        ("1", .one, .one, .one),
        ("2", .other, .other, .other),
        ("1.5", .one, .other, .other),
        ("0.5", .one, .other, .other),
        ("2.5", .other, .other, .other),
        ("-1", .one, .one, .one),
        ("10", .other, .other, .other),
        ("21", .other, .other, .other),
        ("1000000", .many, .other, .other),
        ("2000000", .many, .other, .other),
        ("1000001", .other, .other, .other),
        ("12345678901234567890000000", .many, .other, .other),
    ]

    @Test(arguments: pinned)
    func decimalsFollowCLDR(_ row: (String, Category, Category, Category)) throws {
        let value = try #require(ExactDecimal(parsing: row.0))
        #expect(PluralRule(language: "fr").category(value) == row.1, "fr \(row.0)")
        #expect(PluralRule(language: "en").category(value) == row.2, "en \(row.0)")
        #expect(PluralRule(language: "de").category(value) == row.3, "de \(row.0)")
    }

    @Test func integerCountsAgreeWithDecimals() {
        for language in ["fr", "en", "de"] {
            let rule = PluralRule(language: language)
            for count in [0, 1, 2, 3, 11, 100, 999_999, 1_000_000, 3_000_000, -2, Int.min, Int.max] {
                #expect(rule.category(count) == rule.category(ExactDecimal(parsing: String(count))!), "\(language) \(count)")
            }
        }
    }

    /// The operands are those of the number as printed: "1.0" has a visible fraction digit.
    @Test func visibleFractionDigitsCount() {
        let one: ExactDecimal = "1"
        #expect(PluralRule(language: "en").category(one, fractionDigits: 1) == .other) // "1.0"
        #expect(PluralRule(language: "de").category(one, fractionDigits: 2) == .other) // "1,00"
        #expect(PluralRule(language: "fr").category(one, fractionDigits: 2) == .one)   // "1,00"
        // Trailing zeros are dropped when printed without fraction digits, as DecimalFormatter does.
        #expect(PluralRule(language: "en").category("1.00") == .one)
        #expect(PluralRule(language: "en").category("1.04", fractionDigits: 1) == .other) // printed "1.0"
        #expect(PluralRule(language: "en").category("0.96", fractionDigits: 0) == .one)   // printed "1"
    }

    @Test func tagsAndUnknownLanguages() {
        #expect(PluralRule(language: "de-DE").category(1) == .one)
        #expect(PluralRule(language: "FR-ca").category(0) == .one)
        #expect(PluralRule(language: "en-GB").categories == [.one, .other])
        #expect(PluralRule(language: "fr").categories == [.one, .many, .other])
        // CLDR root: a language without a rule here has "other" only.
        #expect(PluralRule(language: "ja").category(1) == .other)
        #expect(PluralRule(language: "").categories == [.other])
    }
}
