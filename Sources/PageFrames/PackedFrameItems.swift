import TextShaping

/// A page's items packed into one byte buffer, for a page that waits to be drawn.
///
/// A paginator holds up to 64 laid-out pages while it does not yet know the page count. As values,
/// a tagged page of a shipment table costs about 220 KB: every item, structure markers included,
/// is an enum case over 100 bytes wide, and each glyph run owns three heap arrays (32 bytes a
/// glyph). Packed, the same page is 72 KB (1,000-shipment invoice, massif).
///
/// Packing is lossless, every `Double` kept by its bits (−0.0, NaN payloads): the items unpacked are
/// the items packed, so a PDF drawn from them is the same bytes.
///
/// ```swift
/// let packed = PackedFrameItems(page.items)
/// // … later, once the page can be finished:
/// page.items = packed.items
/// ```
package struct PackedFrameItems: Sendable {
    private let bytes: [UInt8]
    /// Colours met, by their bits; items refer to them by index (a page uses a handful).
    private let colors: [Color]
    /// Images are kept as they are: their bytes are shared with the document, not copied.
    private let images: [PlacedImage]
    private let count: Int

    package init(_ items: [FrameItem]) {
        var packer = Packer(capacity: items.count * 48)
        for item in items { packer.pack(item) }
        bytes = packer.finish()
        colors = packer.colors
        images = packer.images
        count = items.count
    }

    /// The buffer's size, for memory accounting and tests.
    package var byteCount: Int { bytes.count }

    /// The items, as they were given.
    package var items: [FrameItem] {
        bytes.withUnsafeBytes { buffer in
            var reader = Reader(bytes: buffer, colors: colors)
            return Array(unsafeUninitializedCapacity: count) { items, initialized in
                for index in 0..<count { (items.baseAddress! + index).initialize(to: reader.item(images: images)) }
                initialized = count
            }
        }
    }
}

// MARK: - Layout of the buffer

/// One byte per item says what follows.
private enum Tag: UInt8 {
    case glyphs, rule, rectangle, image, link, begin, beginArtifact, end, deferred
}

/// Per glyph: x is the previous glyph's x plus its advance (text set without glue); y is +0.
private let xFollows: UInt8 = 1
private let yIsZero: UInt8 = 2

private let roles = StructureRole.allCases
private let scopes: [HeaderScope] = [.column, .row, .both]
private let artifactKinds: [ArtifactKind] = [.layout, .pagination(nil), .pagination(.header), .pagination(.footer)]

private func sameBits(_ a: Color, _ b: Color) -> Bool {
    a.red.bitPattern == b.red.bitPattern && a.green.bitPattern == b.green.bitPattern
        && a.blue.bitPattern == b.blue.bitPattern && a.alpha.bitPattern == b.alpha.bitPattern
}

// MARK: - Packing

/// Writes into memory it owns, growing it before each item by that item's largest size, so the
/// writes themselves check nothing: a page of 3,000 glyphs is packed in a pass.
private struct Packer {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private var position = 0
    private(set) var colors: [Color] = []
    private(set) var images: [PlacedImage] = []

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(byteCount: self.capacity, alignment: 8)
    }

    /// The bytes written, in an array of their exact size; the working memory is freed.
    mutating func finish() -> [UInt8] {
        let written = position
        let bytes = [UInt8](unsafeUninitializedCapacity: written) { buffer, initialized in
            if written > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base, byteCount: written) }
            initialized = written
        }
        base.deallocate()
        return bytes
    }

    private mutating func reserve(_ extra: Int) {
        guard position + extra > capacity else { return }
        let grown = max(capacity * 2, position + extra)
        let moved = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        moved.copyMemory(from: base, byteCount: position)
        base.deallocate()
        base = moved
        capacity = grown
    }

    /// The largest a varint, a double, a string's length prefix take.
    private static let varint = 10, double = 8

    mutating func pack(_ item: FrameItem) {
        switch item {
        case .glyphs(let run):
            pack(run)
        case .rule(let rule):
            reserve(1 + 5 * Self.double + 2 * Self.varint + rule.dash.count * Self.double)
            write(Tag.rule.rawValue)
            write(rule.from)
            write(rule.to)
            write(rule.thickness)
            write(rule.color)
            writeCount(rule.dash.count)
            for length in rule.dash { write(length) }
        case .rectangle(let rectangle):
            reserve(1 + 5 * Self.double + 2 * (1 + Self.varint))
            write(Tag.rectangle.rawValue)
            write(rectangle.rect)
            write(rectangle.fill)
            write(rectangle.stroke)
            write(rectangle.strokeWidth)
        case .image(let image):
            reserve(1 + Self.varint)
            write(Tag.image.rawValue)
            writeCount(images.count)
            images.append(image)
        case .link(let link):
            reserve(1 + 4 * Self.double + Self.varint + link.uri.utf8.count)
            write(Tag.link.rawValue)
            write(link.rect)
            write(link.uri)
        case .structure(.begin(let element)):
            reserve(3 + Self.varint + 2 * (1 + Self.varint) + (element.alternateText?.utf8.count ?? 0) + (element.language?.utf8.count ?? 0) + 1)
            write(Tag.begin.rawValue)
            write(UInt8(roles.firstIndex(of: element.role)!))
            write(element.key)
            write(element.alternateText)
            write(element.language)
            write(element.scope.map { UInt8(scopes.firstIndex(of: $0)! + 1) } ?? 0)
        case .structure(.beginArtifact(let kind)):
            reserve(2)
            write(Tag.beginArtifact.rawValue)
            write(UInt8(artifactKinds.firstIndex(of: kind)!))
        case .structure(.end):
            reserve(1)
            write(Tag.end.rawValue)
        case .deferred(let content):
            reserve(1 + Self.varint)
            write(Tag.deferred.rawValue)
            write(content.key)
        }
    }

    private mutating func pack(_ run: GlyphRun) {
        reserve(
            2 + 5 * Self.varint + 3 * Self.double + run.text.utf8.count
                + run.glyphs.count * (1 + Self.varint + 3 * Self.double) + run.clusters.count * 2 * Self.varint)
        write(Tag.glyphs.rawValue)
        write(run.font.rawValue)
        write(run.size)
        write(run.color)
        write(run.origin)
        write(run.clustersBackward ? UInt8(1) : 0)
        write(run.text)
        writeCount(run.glyphs.count)
        var followingX = 0.0
        for glyph in run.glyphs {
            var flags: UInt8 = 0
            if glyph.x.bitPattern == followingX.bitPattern { flags |= xFollows }
            if glyph.y.bitPattern == 0 { flags |= yIsZero }
            write(flags)
            writeCount(UInt(glyph.id))
            if flags & xFollows == 0 { write(glyph.x) }
            if flags & yIsZero == 0 { write(glyph.y) }
            write(glyph.advance)
            followingX = glyph.x + glyph.advance
        }
        writeCount(run.clusters.count)
        for cluster in run.clusters {
            write(Int(cluster.byteCount))
            write(Int(cluster.glyphCount))
        }
    }

    // Each write assumes `reserve` made room for it.

    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        base.storeBytes(of: byte, toByteOffset: position, as: UInt8.self)
        position += 1
    }

    @inline(__always)
    private mutating func write(_ value: Double) {
        base.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: position, as: UInt64.self)
        position += 8
    }

    /// LEB128, for counts and glyph ids (one or two bytes).
    private mutating func writeCount(_ value: Int) { writeCount(UInt(bitPattern: value)) }

    @inline(__always)
    private mutating func writeCount(_ value: UInt) {
        if value < 0x80 { return write(UInt8(value)) }
        var rest = value
        while rest >= 0x80 {
            write(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        write(UInt8(rest))
    }

    /// Zigzag LEB128, for values that may be negative.
    private mutating func write(_ value: Int) {
        writeCount(UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> (Int.bitWidth - 1)))
    }

    private mutating func write(_ point: Point) {
        write(point.x)
        write(point.y)
    }

    private mutating func write(_ rect: Rect) {
        write(rect.origin)
        write(rect.size.width)
        write(rect.size.height)
    }

    private mutating func write(_ color: Color) {
        var index = 0
        while index < colors.count, !sameBits(colors[index], color) { index += 1 }
        if index == colors.count { colors.append(color) }
        writeCount(index)
    }

    private mutating func write(_ color: Color?) {
        guard let color else { return write(UInt8(0)) }
        write(UInt8(1))
        write(color)
    }

    private mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            writeCount(utf8.count)
            if let start = utf8.baseAddress { (base + position).copyMemory(from: start, byteCount: utf8.count) }
            position += utf8.count
        }
    }

    private mutating func write(_ text: String?) {
        guard let text else { return write(UInt8(0)) }
        write(UInt8(1))
        write(text)
    }
}

// MARK: - Unpacking

private struct Reader {
    let bytes: UnsafeRawBufferPointer
    let colors: [Color]
    var position = 0

    init(bytes: UnsafeRawBufferPointer, colors: [Color]) {
        self.bytes = bytes
        self.colors = colors
    }

    mutating func item(images: [PlacedImage]) -> FrameItem {
        switch Tag(rawValue: byte())! {
        case .glyphs:
            return .glyphs(run())
        case .rule:
            let from = point(), to = point(), thickness = double()
            let color = colors[count()]
            let dash = (0..<count()).map { _ in double() }
            return .rule(Rule(from: from, to: to, thickness: thickness, color: color, dash: dash))
        case .rectangle:
            let rect = rect()
            let fill = byte() == 0 ? nil : colors[count()]
            let stroke = byte() == 0 ? nil : colors[count()]
            return .rectangle(FilledRectangle(rect: rect, fill: fill, stroke: stroke, strokeWidth: double()))
        case .image:
            return .image(images[count()])
        case .link:
            let rect = rect()
            return .link(Link(rect: rect, uri: text()))
        case .begin:
            let role = roles[Int(byte())]
            let key = integer()
            let alternateText = optionalText()
            let language = optionalText()
            let scope = byte()
            return .structure(.begin(StructureElement(
                role, key: key, alternateText: alternateText, language: language, scope: scope == 0 ? nil : scopes[Int(scope) - 1])))
        case .beginArtifact:
            return .structure(.beginArtifact(artifactKinds[Int(byte())]))
        case .end:
            return .structure(.end)
        case .deferred:
            return .deferred(DeferredContent(key: integer()))
        }
    }

    private mutating func run() -> GlyphRun {
        let font = FontID(rawValue: integer())
        let size = double()
        let color = colors[count()]
        let origin = point()
        let backward = byte() != 0
        let text = text()
        let glyphCount = count()
        var followingX = 0.0
        var glyphs: [PositionedGlyph] = []
        glyphs.reserveCapacity(glyphCount)
        for _ in 0..<glyphCount {
            let flags = byte()
            let id = UInt32(truncatingIfNeeded: count())
            let x = flags & xFollows != 0 ? followingX : double()
            let y = flags & yIsZero != 0 ? 0 : double()
            let advance = double()
            glyphs.append(PositionedGlyph(id: id, x: x, y: y, advance: advance))
            followingX = x + advance
        }
        let clusterCount = count()
        var clusters: [TextCluster] = []
        clusters.reserveCapacity(clusterCount)
        for _ in 0..<clusterCount {
            let byteCount = Int32(truncatingIfNeeded: integer())
            clusters.append(TextCluster(byteCount: byteCount, glyphCount: Int32(truncatingIfNeeded: integer())))
        }
        return GlyphRun(
            font: font, size: size, color: color, origin: origin, glyphs: glyphs, text: text, clusters: clusters,
            clustersBackward: backward)
    }

    @inline(__always)
    private mutating func byte() -> UInt8 {
        defer { position += 1 }
        return bytes[position]
    }

    @inline(__always)
    private mutating func double() -> Double {
        defer { position += 8 }
        return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
    }

    /// One byte in the common case, read without a loop.
    @inline(__always)
    private mutating func count() -> Int {
        let first = byte()
        if first < 0x80 { return Int(first) }
        return longCount(first)
    }

    private mutating func longCount(_ first: UInt8) -> Int {
        var value = UInt(first & 0x7F)
        var shift: UInt = 7
        while true {
            let next = byte()
            value |= UInt(next & 0x7F) << shift
            if next < 0x80 { return Int(bitPattern: value) }
            shift += 7
        }
    }

    private mutating func integer() -> Int {
        let zigzag = UInt(bitPattern: count())
        return Int(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }

    private mutating func point() -> Point { Point(x: double(), y: double()) }

    private mutating func rect() -> Rect {
        let origin = point()
        return Rect(x: origin.x, y: origin.y, width: double(), height: double())
    }

    private mutating func text() -> String {
        let length = count()
        defer { position += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
    }

    private mutating func optionalText() -> String? { byte() == 0 ? nil : text() }
}
