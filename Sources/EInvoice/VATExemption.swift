import DocumentModel

/// The VAT exemption reason (BT-120) and code (BT-121) a VAT breakdown carries. EN 16931 forbids both
/// for S and Z (BR-S-10, BR-Z-10) and requires one for E, AE, K, G and O (BR-E-10, BR-AE-10,
/// BR-IC-10, BR-G-10, BR-O-10): the model's reasons are used where given (a leading VATEX code is
/// split off as the code), else the CEF VATEX code of the category with its standard text.
struct VATExemption: Equatable {
    let reason: String?
    let code: String?

    static func of(category: VATCategory, reasons: [String]) -> VATExemption {
        let standard: (code: String, text: String)
        switch category {
        case .S, .Z: return VATExemption(reason: nil, code: nil)
        case .E: standard = ("", "")
        case .AE: standard = ("VATEX-EU-AE", "Reverse charge")
        case .K: standard = ("VATEX-EU-IC", "Intra-community supply")
        case .G: standard = ("VATEX-EU-G", "Export outside the EU")
        case .O: standard = ("VATEX-EU-O", "Not subject to VAT")
        }
        let codes = reasons.compactMap(vatexCode)
        // One code per breakdown: the reasons' code when they agree on one, else the category's.
        let code = Set(codes).count == 1 && codes.count == reasons.count ? codes[0] : (standard.code.isEmpty ? nil : standard.code)
        let text = reasons.isEmpty ? (standard.text.isEmpty ? nil : standard.text) : reasons.joined(separator: "; ")
        return VATExemption(reason: text, code: code)
    }

    /// `VATEX-EU-79-C` from `"VATEX-EU-79-C — débours, art. 267 II 2° du CGI"`.
    static func vatexCode(_ reason: String) -> String? {
        guard reason.uppercased().hasPrefix("VATEX-") else { return nil }
        let code = reason.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return code.count > 6 ? code.uppercased() : nil
    }
}
