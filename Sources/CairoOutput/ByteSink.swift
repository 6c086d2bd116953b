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

    /// Set for PDF output: see ``CrossReferenceRepair``.
    private var repair: CrossReferenceRepair?

    init(_ target: Target, repairingPDFCrossReferences: Bool = false) {
        self.target = target
        repair = repairingPDFCrossReferences ? CrossReferenceRepair() : nil
    }

    /// From now on, bytes are held back until ``releaseRepairedTail()`` (call before finishing the PDF).
    func holdTail() { repair?.holding = true }

    /// Writes the held tail with its cross-reference table repaired.
    func releaseRepairedTail() -> cairo_status_t {
        guard var repair else { return CAIRO_STATUS_SUCCESS }
        repair.holding = false
        let tail = repair.repairedTail()
        self.repair = nil
        return tail.withUnsafeBufferPointer { buffer in
            buffer.isEmpty ? CAIRO_STATUS_SUCCESS : deliver(buffer.baseAddress!, buffer.count)
        }
    }

    func write(_ data: UnsafePointer<UInt8>, _ count: Int) -> cairo_status_t {
        if repair != nil, repair!.observe(UnsafeBufferPointer(start: data, count: count)) { return CAIRO_STATUS_SUCCESS }
        return deliver(data, count)
    }

    private func deliver(_ data: UnsafePointer<UInt8>, _ count: Int) -> cairo_status_t {
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
