import FolioTestSupport
import Testing
@testable import DocumentModel

/// The parser reports a key equal (as a `String`, with canonical equivalence) to an earlier key of
/// its object, with the earlier key's offset, however many members the object has: a linear search
/// up to 16, then ``MemberKeyIndex``.
@Suite struct DuplicateKeyTests {
    /// Keys among which some are equal only canonically: KELVIN SIGN is "K", GREEK QUESTION MARK is
    /// ";", and "é" is one scalar or "e" + U+0301.
    static let pool = ["K", "\u{212A}", ";", "\u{037E}", "é", "e\u{301}", "code", "k", "a\"b", "ключ", "名前", "x"]

    @Test(arguments: 0..<40)
    func duplicatesAreFoundAsAStringComparisonFindsThem(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let count = Int.random(in: 1...60, using: &generator)
        // Mostly distinct filler keys, some from the pool.
        let keys = (0..<count).map { index in
            Int.random(in: 0..<4, using: &generator) == 0 ? Self.pool.randomElement(using: &generator)! : "key\(index)-\(Int.random(in: 0..<3, using: &generator))"
        }
        var json = "{"
        var offsets: [Int] = []
        for (index, key) in keys.enumerated() {
            if index > 0 { json += "," }
            offsets.append(json.utf8.count)
            json += "\"\(key.replacingOccurrences(of: "\"", with: "\\\""))\":\(index)"
        }
        json += "}"
        var expected: [(offset: Int, first: Int)] = []
        var kept: [(key: String, offset: Int)] = []
        for (key, offset) in zip(keys, offsets) {
            if let first = kept.first(where: { $0.key == key }) {
                expected.append((offset, first.offset))
            } else {
                kept.append((key, offset))
            }
        }
        let bytes = Array(json.utf8)
        let (root, problems) = bytes.withUnsafeBufferPointer { StrictJSONParser.parse($0, limits: .default) }
        let found = problems.map { ($0.offset, $0.reason) }
        #expect(found.map(\.0) == expected.map(\.offset), "\(keys)")
        for (problem, want) in zip(found, expected) {
            #expect(problem.1.hasSuffix("(first at byte offset \(want.first))"), "\(problem.1)")
        }
        guard case .object(let members) = try #require(root).value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.keyOffset) == kept.map(\.offset))
    }
}
