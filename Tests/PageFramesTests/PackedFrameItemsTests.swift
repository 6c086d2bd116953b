import PageFrames
import Testing
import TextShaping

@Suite struct PackedFrameItemsTests {
    static let blue = Color(red: 0.1, green: 0.2, blue: 0.7, alpha: 0.5)

    static func run(text: String, glyphs: [PositionedGlyph], clusters: [TextCluster], backward: Bool = false) -> GlyphRun {
        GlyphRun(
            font: FontID(rawValue: 3), size: 9.5, color: blue, origin: Point(x: 40.125, y: -0.0), glyphs: glyphs, text: text,
            clusters: clusters, clustersBackward: backward)
    }

    /// One item of every kind, with the values a careless packing loses: −0.0, glyph ids past one
    /// byte, x set apart by glue, a raised glyph, negative keys, text outside ASCII.
    static let everyKind: [FrameItem] = [
        .structure(.begin(StructureElement(.table, key: 0))),
        .structure(.begin(StructureElement(.tableHeader, key: -7, alternateText: "Montant TTC", language: "fr-FR", scope: .both))),
        .glyphs(run(
            text: "ﬁn €", glyphs: [
                PositionedGlyph(id: 1_000_003, x: 0, y: 0, advance: 5.25),
                PositionedGlyph(id: 41, x: 5.25, y: -1.5, advance: 0.1 + 0.2),
                PositionedGlyph(id: 3, x: 11.000000000000002, y: 0, advance: 2),
                PositionedGlyph(id: 300, x: 13.000000000000002, y: -0.0, advance: 6.5),
            ],
            clusters: [TextCluster(byteCount: 3, glyphCount: 1), TextCluster(byteCount: 1, glyphCount: 1),
                       TextCluster(byteCount: 3, glyphCount: 2), TextCluster(byteCount: -2, glyphCount: Int32.max)],
            backward: true)),
        .structure(.end),
        .structure(.beginArtifact(.layout)),
        .rule(Rule(from: Point(x: 40, y: 60), to: Point(x: 555.2756, y: 60), thickness: 0.5, color: blue, dash: [3, 1.5])),
        .rule(Rule(from: .zero, to: Point(x: 1, y: 1), thickness: 0.25)),
        .rectangle(FilledRectangle(rect: Rect(x: 1, y: 2, width: 3, height: 4), fill: Color(gray: 0.9))),
        .rectangle(FilledRectangle(rect: Rect(x: 1, y: 2, width: 3, height: 4), stroke: blue, strokeWidth: 1)),
        .rectangle(FilledRectangle(rect: Rect(x: 1, y: 2, width: 3, height: 4), fill: Color(red: -0.0, green: 0, blue: 0), stroke: .black)),
        .structure(.end),
        .structure(.beginArtifact(.pagination(nil))),
        .structure(.beginArtifact(.pagination(.header))),
        .structure(.beginArtifact(.pagination(.footer))),
        .structure(.end), .structure(.end), .structure(.end),
        .image(PlacedImage(rect: Rect(x: 0, y: 0, width: 50, height: 20), format: .png, data: [0x89, 0x50, 0x4E, 0x47], pixelWidth: 100, pixelHeight: 40)),
        .link(Link(rect: Rect(x: 10, y: 10, width: 80, height: 12), uri: "https://example.com/facture/é?n=1")),
        .glyphs(run(text: "", glyphs: [], clusters: [])),
        .structure(.begin(StructureElement(.figure, key: Int.min, alternateText: "", scope: .column))),
        .structure(.begin(StructureElement(.span, key: Int.max, language: "ar", scope: .row))),
        .structure(.end), .structure(.end),
        .structure(.beginArtifact(.pagination(.footer))), .deferred(DeferredContent(key: 8_893)), .deferred(DeferredContent(key: -1)), .structure(.end),
    ]

    @Test func itemsComeBackAsTheyWereGiven() {
        let packed = PackedFrameItems(Self.everyKind)
        #expect(packed.items == Self.everyKind)
        #expect(PackedFrameItems([]).items.isEmpty)
    }

    /// `==` takes −0.0 for 0: the bits are compared where they differ.
    @Test func negativeZeroKeepsItsSign() throws {
        let items = PackedFrameItems(Self.everyKind).items
        guard case .glyphs(let run) = items[2], case .rectangle(let rectangle) = items[9] else {
            Issue.record("items out of order")
            return
        }
        #expect(run.origin.y.sign == .minus)
        #expect(run.glyphs[3].y.sign == .minus)
        #expect(run.glyphs[0].y.sign == .plus)
        #expect(try #require(rectangle.fill).red.sign == .minus)
        #expect(run.glyphs[2].x.bitPattern == (11.000000000000002).bitPattern)
    }

    @Test func notANumberKeepsItsPayload() {
        let nan = Double(nan: 0x5A5A, signaling: false)
        let items: [FrameItem] = [.rule(Rule(from: Point(x: nan, y: -nan), to: .zero, thickness: .infinity, dash: [-.infinity]))]
        guard case .rule(let rule) = PackedFrameItems(items).items[0] else {
            Issue.record("not a rule")
            return
        }
        #expect(rule.from.x.bitPattern == nan.bitPattern)
        #expect(rule.from.y.bitPattern == (-nan).bitPattern)
        #expect(rule.thickness == .infinity && rule.dash == [-.infinity])
    }

    /// What packing is for: a line of text takes a fraction of its size as values.
    @Test func textPacksSmallerThanItsValues() {
        let glyphs = (0..<40).map { PositionedGlyph(id: UInt32(36 + $0 % 26), x: Double($0) * 4.75, y: 0, advance: 4.75) }
        let line = Self.run(
            text: String(repeating: "a", count: 40), glyphs: glyphs,
            clusters: Array(repeating: TextCluster(byteCount: 1, glyphCount: 1), count: 40))
        let items = Array(repeating: FrameItem.glyphs(line), count: 30)
        let packed = PackedFrameItems(items)
        #expect(packed.items == items)
        let asValues = items.count * MemoryLayout<FrameItem>.stride
            + items.count * 40 * (MemoryLayout<PositionedGlyph>.stride + MemoryLayout<TextCluster>.stride)
        // 1 flag, 1 id and 8 advance bytes a glyph, 2 cluster bytes; the run's fields once.
        #expect(packed.byteCount * 3 < asValues, "\(packed.byteCount) packed bytes against \(asValues) as values")
    }
}
