import CCairo
import Foundation

/// Where Cairo's output stream goes: memory, or a file descriptor written as Cairo produces bytes.
final class ByteSink {
    enum Target {
        case memory
        case fileDescriptor(Int32)
    }

    private(set) var bytes: [UInt8] = []
    private let target: Target
    private(set) var failure: String?

    init(_ target: Target) { self.target = target }

    func write(_ data: UnsafePointer<UInt8>, _ count: Int) -> cairo_status_t {
        switch target {
        case .memory:
            bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
        case .fileDescriptor(let descriptor):
            var written = 0
            while written < count {
                let result = Foundation.write(descriptor, data + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return CAIRO_STATUS_WRITE_ERROR
                }
                written += result
            }
        }
        return CAIRO_STATUS_SUCCESS
    }

    /// The C callback Cairo calls; `closure` is an unretained `ByteSink`.
    static let callback: cairo_write_func_t = { closure, data, length in
        Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue().write(data!, Int(length))
    }
}
