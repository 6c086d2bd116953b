import CCairo

/// Cairo, opened by the first call that rasterises or encodes a PNG rather than at process start:
/// a process that only writes PDFs never maps Cairo and the 14 libraries it brings (see
/// `CairoLoader.c`).
enum CairoLibrary {
    /// Opens Cairo once per process; every entry point of this module calls it before its first
    /// Cairo call.
    static func open(for operation: @autoclosure () -> String) throws(CairoError) {
        if let failure = folio_cairo_open() {
            throw CairoError(operation: operation(), reason: "Cairo is not available (\(String(cString: failure)))")
        }
    }
}
