import CUnibreak
import Foundation

/// Line break opportunities of UAX #14, from libunibreak, at UTF-8 byte boundaries.
enum BreakOpportunities {
    enum Kind: UInt8 {
        case mandatory, allowed, none
    }

    private static let initialised: Bool = {
        init_linebreak()
        return true
    }()

    /// `result[i]` is the opportunity at the boundary after byte `i` (i.e. before byte `i + 1`).
    static func compute(_ utf8: [UInt8], language: String?) -> [Kind] {
        _ = initialised
        guard !utf8.isEmpty else { return [] }
        var breaks = [CChar](repeating: 0, count: utf8.count)
        utf8.withUnsafeBufferPointer { bytes in
            if let language {
                set_linebreaks_utf8(bytes.baseAddress, bytes.count, language, &breaks)
            } else {
                set_linebreaks_utf8(bytes.baseAddress, bytes.count, nil, &breaks)
            }
        }
        return breaks.map {
            switch Int32($0) {
            case LINEBREAK_MUSTBREAK: .mandatory
            case LINEBREAK_ALLOWBREAK: .allowed
            default: .none
            }
        }
    }
}
