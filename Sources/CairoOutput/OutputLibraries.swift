import CCairo
import CFreeType
import CHarfBuzz

/// Run-time versions of the C libraries that shape and draw, for manifests and `--version`.
public enum OutputLibraries {
    public static var versions: (cairo: String, freetype: String, harfbuzz: String) {
        var library: FT_Library?
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        if FT_Init_FreeType(&library) == 0 {
            FT_Library_Version(library, &major, &minor, &patch)
            FT_Done_FreeType(library)
        }
        let cairo = folio_cairo_open() == nil ? String(cString: cairo_version_string()) : "not available"
        return (cairo, "\(major).\(minor).\(patch)", String(cString: hb_version_string()))
    }
}
