/// Where a word of running text may take a discretionary hyphen.
///
/// Only words made of letters are hyphenated: a token with a digit or any other symbol — an
/// amount, a tracking number, an IBAN, an e-mail address, a URL, a code — never is, nor is an
/// acronym (two capitals or more: "SIREN", "USt-IdNr"). Leading and trailing punctuation
/// ("(Bemessungsgrundlage)," ) is set aside and the letters between are looked up.
enum HyphenationPoints {
    /// Byte offsets, relative to the start of `word`, before which a hyphen may be inserted.
    static func offsets(in word: ArraySlice<UInt8>, dictionary: HyphenationDictionary) -> [Int] {
        // Short words and plain-ASCII tokens with a digit or '@' are the common case: cheap exits.
        guard word.count >= Int(dictionary.leftMinimum + dictionary.rightMinimum) else { return [] }
        if word.contains(where: { (0x30...0x39).contains($0) || $0 == 0x40 || $0 == 0x2F || $0 == 0x5F }) { return [] }
        let scalars = Array(String(decoding: word, as: UTF8.self).unicodeScalars)
        var first = 0
        var last = scalars.count
        while first < last, !scalars[first].properties.isAlphabetic { first += 1 }
        while last > first, !scalars[last - 1].properties.isAlphabetic { last -= 1 }
        let core = scalars[first..<last]
        guard core.count >= Int(dictionary.leftMinimum + dictionary.rightMinimum) else { return [] }
        var capitals = 0
        for scalar in core {
            let properties = scalar.properties
            if properties.isUppercase { capitals += 1 }
            let isApostrophe = scalar == "'" || scalar == "\u{2019}"
            guard properties.isAlphabetic || properties.generalCategory == .nonspacingMark || isApostrophe else { return [] }
        }
        guard capitals < 2 else { return [] }
        var lowered = ""
        lowered.unicodeScalars.append(contentsOf: core.map { $0 == "\u{2019}" ? "'" : $0 })
        lowered = lowered.lowercased()
        guard lowered.unicodeScalars.count == core.count else { return [] }
        let points = dictionary.hyphenationPoints(lowercased: lowered)
        guard !points.isEmpty else { return [] }
        // Scalar offsets in the core → byte offsets in the word.
        var byteOffset = scalars[..<first].reduce(0) { $0 + UTF8.width($1) }
        var result: [Int] = []
        var pointIndex = 0
        for (offset, scalar) in core.enumerated() {
            if pointIndex < points.count, points[pointIndex] == offset {
                result.append(byteOffset)
                pointIndex += 1
            }
            byteOffset += UTF8.width(scalar)
        }
        return result
    }
}
