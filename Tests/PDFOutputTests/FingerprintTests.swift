import Testing
@testable import PDFOutput

/// The trailer's `/ID` digest: the same bytes give the same identifier however the writer flushed
/// them, and any change gives another.
@Suite struct FingerprintTests {
    private func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func theDigestDoesNotDependOnWhereTheBytesWereSplit() {
        let data = bytes(1_000, seed: 7)
        var whole = Fingerprint()
        whole.add(data)
        for cuts in [[1], [7, 8, 9], [3, 11, 500, 993], Array(stride(from: 5, to: 1_000, by: 13))] {
            var pieces = Fingerprint()
            var start = 0
            for cut in cuts + [data.count] {
                pieces.add(Array(data[start..<cut]))
                start = cut
            }
            #expect(pieces.hexadecimal == whole.hexadecimal, "split at \(cuts)")
        }
        #expect(Fingerprint().adding(Array(data[..<600])).adding(Array(data[600...])).hexadecimal == whole.hexadecimal)
    }

    @Test func everyByteAndTheLengthCount() {
        let data = bytes(257, seed: 3)
        let digest = Fingerprint().adding(data).hexadecimal
        #expect(digest.count == 32)
        var seen: Set<String> = [digest]
        for index in [0, 1, 7, 8, 100, 255, 256] {
            var changed = data
            changed[index] ^= 0x01
            seen.insert(Fingerprint().adding(changed).hexadecimal)
        }
        // Trailing zero bytes must not vanish into the last partial word.
        seen.insert(Fingerprint().adding(data + [0]).hexadecimal)
        seen.insert(Fingerprint().adding(data + [0, 0, 0, 0, 0, 0, 0]).hexadecimal)
        seen.insert(Fingerprint().adding([]).hexadecimal)
        seen.insert(Fingerprint().adding([0]).hexadecimal)
        #expect(seen.count == 12, "eleven changed inputs, eleven other digests")
    }
}
