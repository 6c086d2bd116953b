/// Why a block could not be laid out or paginated. Always names the block, so a template author can
/// find it; layout never clips content silently instead of throwing one of these.
///
/// ```swift
/// do { try paginator.paginate(blocks) { page in try writer.add(page) } }
/// catch let error as LayoutError { print(error) }  // "box 12 'Gross weight': text does not fit …"
/// ```
public struct LayoutError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Content taller or wider than an empty page/region and impossible to split further.
        case doesNotFit
        /// Text of a form box that does not fit even at the minimum size, wrapped.
        case textDoesNotFitBox
        /// Image bytes that are neither a valid PNG nor a valid baseline/progressive JPEG.
        case invalidImage
        /// An image above ``ImageBlock/maximumPixelCount``.
        case imageTooLarge
        /// libzint refused the barcode content.
        case barcode
        /// A table whose rows do not match its columns.
        case invalidTable
    }

    public var kind: Kind
    /// The block concerned: its name when it has one (``Block/named(_:_:)``), else its kind.
    public var block: String
    public var reason: String

    public init(_ kind: Kind, block: String, reason: String) {
        self.kind = kind
        self.block = block
        self.reason = reason
    }

    public var description: String { "\(block): \(reason)" }
}
