@testable import DocumentModel
import FolioTestSupport
import Foundation
import Testing

/// `FastPattern` must answer exactly as `Regex.wholeMatch` on printable ASCII, for every schema pattern.
@Suite("Fast patterns agree with Regex")
struct FastPatternTests {
    static let patterns: [String] = [
        "#[0-9A-Fa-f]{6}",
        "(100(\\.0{1,4})?|[0-9]{1,2}(\\.[0-9]{1,4})?)",
        "(?![/\\\\])(?![A-Za-z]:)(?!.*\\\\)(?!(.*/)?\\.\\.(/|$))[^\\x{0}-\\x{1f}]+",
        "(ABI/[A-Z])?( ?LIVE)?",
        "[0-9A-Z]{1,2}",
        "[0-9A-Z]{3}",
        "[0-9]{1,12}(\\.[0-9]{1,6})?",
        "[0-9]{1,4}(\\.[0-9]{1,8})?",
        "[0-9]{1,6}(\\.[0-9]{1,10})?",
        "[0-9]{14}",
        "[0-9]{2}( ?[0-9]{2})*",
        "[0-9]{3}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})",
        "[0-9]{4}\\.?[0-9]{2}\\.?[0-9]{2}(\\.?[0-9]{2})?",
        "[0-9]{4}\\.?[0-9]{2}\\.?[0-9]{2}\\.?[0-9]{2}",
        "[0-9]{9}",
        "[12][3-9]",
        "[A-Z0-9.]{1,10}",
        "[A-Z0-9]{1,4}",
        "[A-Z0-9]{1,6}",
        "[A-Z0-9]{2,15}",
        "[A-Z0-9]{2,3}",
        "[A-Z0-9]{3}",
        "[A-Z0-9]{3}-?[0-9]{7}-?[0-9]",
        "[A-Z][A-Z0-9]{1,5}",
        "[A-Z]{2}",
        "[A-Z]{2}[0-9A-Za-z+*.]{2,18}",
        "[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}",
        "[A-Z]{3}",
        "[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?",
        "[A-Za-z0-9-]+",
        "[A-Za-z0-9][A-Za-z0-9 _-]*",
        "[A-Za-z0-9][A-Za-z0-9._/-]*",
        "[AC]-?[0-9]{3}-[0-9]{3}(-[0-9]{3})?",
        "[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?",
        "\\+?[0-9][0-9 ().-]{3,29}",
        "https?://[^\\s]+",
        "-?[0-9]+(\\.[0-9]+)?", "[0-9]+(\\.[0-9]+)?",
        "[0-9]{4}", "[0-9]{7}", "a|b|", "(a|ab)(c|bcd)(d*)", "x{0,3}y{2,}", "[-a]+", "[a-]?z",
    ]

    @Test func schemaPatternsAgreeWithRegex() throws {
        var generator = SplitMix64(seed: 0x5EED)
        var compiledCount = 0
        for pattern in Self.patterns {
            let regex = try Regex(pattern)
            guard let fast = FastPattern(pattern) else { continue }
            compiledCount += 1
            // Alphabet: the pattern's own characters plus a few others, so matches are frequent.
            let alphabet = Array(Set(pattern.utf8.filter { $0 >= 0x20 && $0 < 0x7F } + Array("09AZaz -./+*()_#:TZ5".utf8)))
            for _ in 0..<3000 {
                let length = Int.random(in: 0...24, using: &generator)
                let bytes = (0..<length).map { _ in
                    Int.random(in: 0..<10, using: &generator) == 0 ? UInt8.random(in: 0x20...0x7E, using: &generator) : alphabet.randomElement(using: &generator)!
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let expected = (try? regex.wholeMatch(in: text)) != nil
                #expect(fast.matches(text) == expected, "\(pattern) on \(text)")
                // Text that is not only printable ASCII is never judged by the automaton.
                #expect(fast.matches(text + "\u{301}") == nil)
                #expect(fast.matches("\t" + text) == nil)
            }
        }
        #expect(compiledCount >= 30)
    }

    @Test func matchingExamples() throws {
        let cases: [(String, String, Bool)] = [
            ("[0-9]{4}-[0-9]{2}-[0-9]{2}", "2025-03-08", true), ("[0-9]{4}-[0-9]{2}-[0-9]{2}", "2025-3-08", false),
            ("-?[0-9]+(\\.[0-9]+)?", "-12.5", true), ("-?[0-9]+(\\.[0-9]+)?", "12.", false),
            ("(100(\\.0{1,4})?|[0-9]{1,2}(\\.[0-9]{1,4})?)", "100.0", true), ("(100(\\.0{1,4})?|[0-9]{1,2}(\\.[0-9]{1,4})?)", "100.5", false),
            ("[A-Za-z0-9-]+", "1Z-9", true), ("[A-Za-z0-9-]+", "", false),
        ]
        for (pattern, text, expected) in cases {
            #expect(FastPattern(pattern)?.matches(text) == expected, "\(pattern) on \(text)")
            let regex = try Regex(pattern)
            let regexMatches = (try? regex.wholeMatch(in: text)) != nil
            #expect(regexMatches == expected)
        }
        #expect(FastPattern("(?!a)b") == nil)
        #expect(FastPattern("https?://[^\\s]+") == nil)
    }

    /// "An a, then n more letters" needs 2^(n+1) deterministic states. The automaton grows as matches
    /// need it, up to 1,024 states: with n = 8 (512 states) every answer is `Regex`'s; with n = 10 (2,048)
    /// answers agree with `Regex` until a match would pass the limit, and are nil from then on (the caller
    /// then asks `Regex`).
    @Test(arguments: [(8, false), (10, true)])
    func stateLimit(letters: Int, passesTheLimit: Bool) throws {
        let pattern = "(a|b)*a(a|b){\(letters)}"
        let fast = try #require(FastPattern(pattern))
        let regex = try Regex(pattern)
        var generator = SplitMix64(seed: 0xB10C)
        var answered = 0
        var refused = 0
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in Bool.random(using: &generator) ? "a" : "b" })
            guard let answer = fast.matches(text) else {
                refused += 1
                continue
            }
            #expect(refused == 0, "an answer after the limit was passed")
            #expect(answer == ((try? regex.wholeMatch(in: text)) != nil), "\(pattern) on \(text)")
            answered += 1
        }
        #expect(answered > 0)
        #expect((refused > 0) == passesTheLimit)
        if passesTheLimit { #expect(fast.matches("ab") == nil) }
    }
}
