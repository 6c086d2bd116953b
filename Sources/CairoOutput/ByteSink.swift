import CCairo
import Foundation

/// Collects what Cairo's PNG writer produces.
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    func write(_ data: UnsafePointer<UInt8>, _ count: Int) -> cairo_status_t {
        bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
        return CAIRO_STATUS_SUCCESS
    }

    /// The C callback Cairo calls; `closure` is an unretained `ByteSink`.
    static let callback: cairo_write_func_t = { closure, data, length in
        Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue().write(data!, Int(length))
    }
}
