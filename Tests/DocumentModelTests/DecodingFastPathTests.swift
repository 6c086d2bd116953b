import FolioTestSupport
import Foundation
import Testing
@testable import DocumentModel

/// The decoder's integer fast paths must give exactly what the general Decimal paths give.
@Suite("Decoding fast paths")
struct DecodingFastPathTests {
    /// Decimal built digit by digit, as `ExactDecimal` always did before its UInt64 fast path.
    private func referenceDecimal(_ text: String) -> Decimal? {
        guard let parsed = parseDecimalText(text) else { return nil }
        var magnitude = Decimal(0)
        for digit in parsed.digits { magnitude = magnitude * 10 + Decimal(Int(digit)) }
        let scaled = Decimal(sign: .plus, exponent: -parsed.fractionDigits, significand: magnitude)
        return parsed.negative ? -scaled : scaled
    }

    private func bits(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    private var samples: [String] {
        var texts = ["0", "-0", "0.0", "00", "1", "10", "100", "19.0", "20.00", "-20.50", "0.001", "1000000", "8.875",
                     "9999999999999999999", "18446744073709551615", "12345678901234567890", "0.0000000001", "1.", ".5", "-", "1e3",
                     "1,5", " 1", "--1", "1.2.3", "-1.0", "100.0000", "55.8", "377.05", "235.01"]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let integer = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
            let fraction = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
            let zeros = String(repeating: "0", count: Int.random(in: 0...3, using: &generator))
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: texts.append(integer)
            case 1: texts.append("-" + integer + "." + zeros + fraction)
            case 2: texts.append(integer + "." + fraction + zeros)
            default: texts.append(String(integer.prefix(8)) + "." + String(fraction.prefix(Int.random(in: 1...12, using: &generator))))
            }
        }
        return texts
    }

    @Test func exactDecimalIsBuiltAsDigitByDigit() {
        for text in samples {
            let reference = referenceDecimal(text)
            let fast = ExactDecimal(text)
            #expect(fast?.value == reference, "\(text)")
            if let reference, let fast { #expect(bits(fast.value) == bits(reference), "\(text)") }
            #expect(fast?.text == (reference == nil ? nil : text))
        }
    }

    @Test func moneyParsingMatchesTheGeneralPath() {
        for text in samples {
            for currency in [Currency.eur, .jpy, Currency("KWD")!, Currency("CLF")!] {
                let expected: Result<Money, Money.ParseFailure>
                if let parsed = parseDecimalText(text) {
                    if parsed.fractionDigits > currency.minorUnitExponent {
                        expected = .failure(.tooManyDecimals(found: parsed.fractionDigits))
                    } else {
                        var units: Int64 = 0
                        var overflow = false
                        for digit in parsed.digits + Array(repeating: 0, count: currency.minorUnitExponent - parsed.fractionDigits) {
                            let (times, o1) = units.multipliedReportingOverflow(by: 10)
                            let (plus, o2) = times.addingReportingOverflow(Int64(digit))
                            if o1 || o2 { overflow = true; break }
                            units = plus
                        }
                        expected = overflow ? .failure(.outOfRange) : .success(Money(minorUnits: parsed.negative ? -units : units, currency: currency))
                    }
                } else {
                    expected = .failure(.notADecimal)
                }
                #expect(Money.parse(text, currency: currency) == expected, "\(text) \(currency)")
            }
        }
    }

    @Test func plainIntegers() {
        #expect(plainInteger("0") == 0)
        #expect(plainInteger("-0") == 0)
        #expect(plainInteger("9999") == 9999)
        #expect(plainInteger("-12") == -12)
        #expect(plainInteger("999999999999999999") == 999_999_999_999_999_999)
        #expect(plainInteger("1000000000000000000") == nil)
        #expect(plainInteger("1.0") == nil)
        #expect(plainInteger("1e2") == nil)
        #expect(plainInteger("-") == nil)
        #expect(plainInteger("") == nil)
    }

    @Test func textScanMatchesScalarChecks() {
        var generator = SplitMix64(seed: 7)
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é",
                                      "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{200E}",
                                      "€", "\u{1F600}", "\u{C2}", "\u{E2}", "\u{2080}", "\u{20AA}"]
        for _ in 0..<5000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...8, using: &generator) { scalars.append(pool.randomElement(using: &generator)!) }
            let text = String(scalars)
            let scan = FieldDecoder<String>.scanText(text)
            #expect(scan.count == text.unicodeScalars.count)
            let forbidden = text.unicodeScalars.enumerated().first { FieldDecoder<String>.isForbiddenControl($0.element) }
            #expect(scan.forbidden?.0 == forbidden?.offset && scan.forbidden?.1 == forbidden?.element.value, "\(Array(text.unicodeScalars))")
            #expect(scan.bidi == text.unicodeScalars.first(where: FieldDecoder<String>.isBidiOverride)?.value, "\(Array(text.unicodeScalars))")
        }
    }
}
