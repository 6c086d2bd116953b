import FolioTestSupport
import Foundation
import Testing
@testable import DocumentModel

/// The formatters' fast path from integers and decimal text must give exactly the text of their
/// general path through `Decimal`.
@Suite struct PlainNumberTextTests {
    @Test func amountsMatchTheMoneyFormatter() {
        var generator = SplitMix64(seed: 7)
        var values: [Int64] = [0, 1, -1, 5, -5, 9, 10, 99, 100, 101, 999, 1000, 1001, 99_999, 100_000, 123_456, -123_456, 1_000_000,
                               999_999_999, 1_234_567_890_123, Int64.max, Int64.min, Int64.min + 1, 999_999_999_999_999_999, -999_999_999_999_999]
        for _ in 0..<3000 {
            let digits = Int.random(in: 1...17, using: &generator)
            var value = Int64.random(in: 0..<Int64(pow(10.0, Double(digits))), using: &generator)
            if Bool.random(using: &generator) { value = -value }
            values.append(value)
        }
        for locale in FormattingLocale.all {
            let formatter = MoneyFormatter(locale: locale)
            for code in ["EUR", "USD", "JPY", "KWD", "CAD"] {
                let currency = Currency(code)!
                for value in values {
                    let money = Money(minorUnits: value, currency: currency)
                    #expect(formatter.amountString(money) == formatter.decimalPathAmountString(money), "\(value) \(code) \(locale.identifier)")
                }
            }
        }
    }

    @Test func decimalsAndWeightsMatchTheFormatters() {
        var generator = SplitMix64(seed: 11)
        var texts = ["0", "-0", "0.0", "-0.000", "007.50", "1234567.890", "55.8", "-12.345", "1000", "100.000", "0.05", "-0.5",
                     "999999999999999999", "123456789012345678.5", "1.000000000000000000001", "12345678901234567890123", "10", "1.10"]
        for _ in 0..<3000 {
            var text = Bool.random(using: &generator) && Bool.random(using: &generator) ? "-" : ""
            for _ in 0..<Int.random(in: 1...8, using: &generator) { text += String(Int.random(in: 0...9, using: &generator)) }
            if Bool.random(using: &generator) {
                text += "."
                for _ in 0..<Int.random(in: 1...5, using: &generator) { text += String(Int.random(in: 0...9, using: &generator)) }
            }
            texts.append(text)
        }
        for locale in FormattingLocale.all {
            let decimals = DecimalFormatter(locale: locale)
            let plain = PlainNumberText(locale: locale)
            var taken = 0
            for text in texts {
                let value = ExactDecimal(text)!
                // The general path is the one that takes `Decimal`.
                let general = decimals.string(value.value)
                #expect(decimals.string(value) == general, "\(text) \(locale.identifier)")
                if let fast = plain.decimal(value) {
                    #expect(fast == general, "\(text) \(locale.identifier)")
                    taken += 1
                }
            }
            #expect(taken > texts.count / 2, "the fast path takes the usual values")
            #expect(decimals.string(ExactDecimal(Decimal(string: "1e30")!)) == decimals.string(Decimal(string: "1e30")!))
        }
    }
}
