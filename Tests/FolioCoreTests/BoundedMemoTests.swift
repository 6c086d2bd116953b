import Testing
@testable import FolioCore

/// The paragraph memo stays bounded and keeps what is used again.
@Suite struct BoundedMemoTests {
    @Test func sizeStaysBoundedUnderAFloodOfDistinctKeys() {
        let memo = BoundedMemo<Int, Int>(capacity: 100)
        for key in 0..<10_000 { _ = memo.value(for: key) { key * 2 } }
        #expect(memo.count == 100 / 8, "past an eighth of its capacity, keys asked for once are not kept")
        for key in 0..<10_000 {
            for _ in 0..<2 { _ = memo.value(for: key) { key * 2 } }
        }
        #expect(memo.count <= 100)
        #expect(memo.value(for: 9_999) { -1 } == 19_998, "the latest values used again are kept")
    }

    /// One-off keys never push out a key that recurs within the memo's reach (twice its capacity
    /// of keys met in between), however many values they would have taken.
    @Test func keysAskedForOnceAreNotKept() {
        let memo = BoundedMemo<String, Int>(capacity: 40)
        for index in 0..<5 { _ = memo.value(for: "heading \(index)") { index } }
        #expect(memo.count == 5, "an eighth of the capacity is kept at once")
        var computed = 0
        for round in 0..<3 {
            _ = memo.value(for: "Total HT") { computed += 1; return 1 }
            for index in 0..<50 { _ = memo.value(for: "shipment \(round)-\(index)") { index } }
        }
        #expect(computed == 2, "set on its first two sightings, kept from the second")
        #expect(memo.count == 6)
    }

    @Test func aValueUsedAgainSurvivesTheFlood() {
        let memo = BoundedMemo<String, Int>(capacity: 100)
        var computed = 0
        func label() -> Int {
            memo.value(for: "Total HT") {
                computed += 1
                return 42
            }
        }
        #expect(label() == 42)
        // One-off paragraphs in between, many times the capacity; the label is used every 30 of them.
        for index in 0..<3_000 {
            _ = memo.value(for: "shipment \(index)") { index }
            if index % 30 == 0 { #expect(label() == 42) }
        }
        #expect(computed == 1, "kept at once (the memo was nearly empty), never forgotten while in use")
    }

    @Test func aShortRunSetsNothingTwice() {
        let memo = BoundedMemo<Int, Int>(capacity: 1_000)
        var calls = 0
        for _ in 0..<5 {
            for key in 0..<100 { _ = memo.value(for: key) { calls += 1; return key } }
        }
        #expect(calls == 100)
    }

    @Test func pastAnEighthValuesAreSetTwiceAtMost() {
        let memo = BoundedMemo<Int, Int>(capacity: 1_000)
        var calls = 0
        for _ in 0..<5 {
            for key in 0..<300 { _ = memo.value(for: key) { calls += 1; return key } }
        }
        #expect(calls == 125 + 2 * 175, "the first 125 kept at once, the others from their second use")
    }

    /// Keeping every value: what was just made is found again, however many values went before,
    /// and the memo still holds at most its capacity.
    @Test func keepingEveryValueFindsWhatWasJustMade() {
        let memo = BoundedMemo<Int, Int>(capacity: 64, keepingEveryValue: true)
        var calls = 0
        for key in 0..<10_000 {
            for _ in 0..<2 { _ = memo.value(for: key) { calls += 1; return key } }
            #expect(memo.count <= 64)
        }
        #expect(calls == 10_000, "each value made once, kept from its first use")
        #expect(memo.value(for: 9_990) { -1 } == 9_990, "the last ones are still there")
    }
}
