import Testing
@testable import Typesetting

/// The paragraph memo stays bounded and keeps what is used again.
@Suite struct BoundedMemoTests {
    @Test func sizeStaysBoundedUnderAFloodOfDistinctKeys() {
        let memo = BoundedMemo<Int, Int>(capacity: 100)
        for key in 0..<10_000 { _ = memo.value(for: key) { key * 2 } }
        #expect(memo.count <= 100)
        #expect(memo.value(for: 9_999) { -1 } == 19_998, "the latest values are kept")
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
        #expect(computed == 1, "computed once, never forgotten while in use")
    }

    @Test func valuesAreComputedOncePerKey() {
        let memo = BoundedMemo<Int, Int>(capacity: 1_000)
        var calls = 0
        for _ in 0..<5 {
            for key in 0..<300 { _ = memo.value(for: key) { calls += 1; return key } }
        }
        #expect(calls == 300)
    }
}
