import Foundation

/// Finds the bundled `Fonts/` folder without consulting the machine's font configuration.
///
/// Order: `FOLIO_FONTS`; `Fonts/` beside the running executable or in `../share/folio/Fonts`; the
/// source checkout this module was built from (tests and `swift run`).
public enum FontLocator {
    public static func bundledFontsDirectory() throws(FontError) -> String {
        if let directory = BundledResourceLocator.directory(named: "Fonts", environmentVariable: "FOLIO_FONTS", containing: "NotoSans-Regular.ttf") {
            return directory
        }
        throw .fontsFolderNotFound(searched: candidateDirectories())
    }

    static func candidateDirectories() -> [String] {
        BundledResourceLocator.candidateDirectories(named: "Fonts", environmentVariable: "FOLIO_FONTS")
    }
}
