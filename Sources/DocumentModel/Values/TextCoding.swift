/// Shared `Codable` plumbing of the values the contract writes as strings (codes, decimals, dates).
func encodeText(_ text: String, to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
}

/// Decodes a string and parses it, or throws `dataCorrupted` naming what was expected.
func decodeText<T>(_ decoder: any Decoder, _ what: String, _ parse: (String) -> T?) throws -> T {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = parse(text) else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected \(what), found \(quoted(text))"))
    }
    return value
}
