/// A company name followed by its legal form, unless the name already ends in that form: senders
/// often write "Paketdienst Nordlicht GmbH" as the name *and* "GmbH" as the form, and the
/// invoice must not say "GmbH GmbH".
///
/// The comparison ignores case, punctuation and spacing inside the form ("GmbH." and "gmbh",
/// ", Inc." and "Inc", "S.A.S." and "SAS"), but matches whole words only: "Tomas" does not end in
/// the form "AS".
///
/// ```swift
/// LegalNameFormatter.string(name: "Paketdienst Nordlicht GmbH", legalForm: "GmbH")   // "Paketdienst Nordlicht GmbH"
/// LegalNameFormatter.string(name: "Lakeshore Parcel Lines, Inc.", legalForm: "Inc")  // "Lakeshore Parcel Lines, Inc."
/// LegalNameFormatter.string(name: "Vélocité Colis France", legalForm: "SAS")         // "Vélocité Colis France SAS"
/// ```
public enum LegalNameFormatter {
    /// `name`, then a space and `legalForm` when given, not blank, and not already the end of `name`.
    ///
    /// ```swift
    /// LegalNameFormatter.string(name: "Nordlicht GmbH.", legalForm: "GmbH") // "Nordlicht GmbH."
    /// ```
    public static func string(name: String, legalForm: String?) -> String {
        guard let legalForm, !key(legalForm).isEmpty, !Self.name(name, endsIn: legalForm) else { return name }
        return name + " " + legalForm
    }

    /// Whether the last words of `name` spell `legalForm` (letters and digits compared, case-folded).
    ///
    /// ```swift
    /// LegalNameFormatter.name("Vélocité Colis France S.A.S.", endsIn: "SAS") // true
    /// LegalNameFormatter.name("Tomas", endsIn: "AS")                         // false
    /// ```
    public static func name(_ name: String, endsIn legalForm: String) -> Bool {
        let form = key(legalForm)
        guard !form.isEmpty else { return false }
        // Words are split at spaces and commas; "S. A. S." is three words that together spell "sas".
        let words = name.split { $0.isWhitespace || $0 == "," }.map { key(String($0)) }.filter { !$0.isEmpty }
        var tail = ""
        for word in words.reversed() {
            tail = word + tail
            if tail == form { return true }
            if tail.count >= form.count { return false }
        }
        return false
    }

    /// The letters and digits of `text`, lowercased: "GmbH." → "gmbh", "S.A.S." → "sas".
    static func key(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
