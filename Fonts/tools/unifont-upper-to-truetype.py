#!/usr/bin/python3
"""Converts Debian's fonts-unifont `unifont_upper.otf` (CFF outlines) to TrueType (glyf) outlines.

Folio's PDF writer subsets and embeds only glyf-based TrueType. Unifont's glyphs are pixel
squares: every contour is straight lines, so the cubic-to-quadratic conversion is exact (no
curve is approximated). Glyph order, cmap, metrics, names and the OpenType layout tables are kept.

Usage: unifont-upper-to-truetype.py /usr/share/fonts/opentype/unifont/unifont_upper.otf Fonts/UnifontUpper.ttf
Needs python3-fonttools (Debian 12: 4.38.0).
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

source, target = sys.argv[1], sys.argv[2]
font = TTFont(source, recalcTimestamp=False)
order = font.getGlyphOrder()
glyph_set = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(glyph_set)
    glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
font["glyf"] = glyf
font["loca"] = newTable("loca")
del font["CFF "]
font["maxp"] = newTable("maxp")
maxp = font["maxp"]
maxp.tableVersion = 0x00010000
for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
    setattr(maxp, field, 0)
maxp.maxZones = 1
font["head"].glyphDataFormat = 0
font["post"].formatType = 3.0  # no glyph names: the PDF writer does not need them
font.sfntVersion = "\x00\x01\x00\x00"
font.save(target, reorderTables=True)
