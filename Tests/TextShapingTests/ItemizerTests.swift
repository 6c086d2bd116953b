import Testing
@testable import TextShaping

/// Grapheme clusters for font choice: the shortcut that skips the walk by `Character` must never
/// skip a character that joins a cluster.
@Suite struct ItemizerTests {
    @Test func charactersSaidNeverToJoinFormTheirOwnCluster() {
        var checked = 0
        for value in UInt32(0)..<0x3000 where !Itemizer.mayJoinACluster(value) {
            guard let scalar = Unicode.Scalar(value), value != 0x0D, value != 0x0A else { continue }
            for text in ["a\(scalar)", "\(scalar)a", "\(scalar)\(scalar)"] {
                #expect(text.count == 2, "U+\(String(value, radix: 16, uppercase: true)) joins in \(text.unicodeScalars.map(\.value))")
            }
            checked += 1
        }
        #expect(checked > 3_000)
    }

    @Test func clusterEndsFollowGraphemeClusters() {
        let text = "e\u{301}🇫🇷 👍🏽1️⃣"
        let scalars = text.unicodeScalars.map(\.value)
        #expect(Itemizer.clusterEnds(text, scalars: scalars) == [2, 4, 5, 7, 10])
        // Plain invoice text: no walk.
        let plain = "Total TTC : 1\u{202F}234,56\u{A0}€ — réf. «Œuvre»"
        #expect(Itemizer.clusterEnds(plain, scalars: plain.unicodeScalars.map(\.value)) == nil)
    }
}
