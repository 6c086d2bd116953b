#!/usr/bin/python3
"""Converts Debian's fonts-unifont `unifont_upper.otf` (CFF outlines) to TrueType (glyf) outlines,
adding from `unifont.otf` (plane 0) every character of the Basic Multilingual Plane that RGI emoji
sequences use (♀ ♂ ❤ ⚕ ✈ ⬛ …, and U+3030, U+303D, which no other bundled font has): a sequence
such as U+1F9B8 U+200D U+2640 U+FE0F (Emoji 11) then has all its characters in this one font.

Folio's PDF writer subsets and embeds only glyf-based TrueType. Unifont's glyphs are pixel
squares: every contour is straight lines, so the cubic-to-quadratic conversion is exact (no
curve is approximated). Glyph order, cmap, metrics, names and the OpenType layout tables are kept.

Usage: unifont-upper-to-truetype.py /usr/share/fonts/opentype/unifont/unifont_upper.otf \
           /usr/share/fonts/opentype/unifont/unifont.otf Tests/TextShapingTests/Fixtures/emoji-rgi-15.0.txt \
           Fonts/UnifontUpper.ttf
Needs python3-fonttools (Debian 12: 4.38.0).
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

source, plane0, emoji_list, target = sys.argv[1:5]
# Joiners and variation selectors are default-ignorable (never drawn); Latin-1 is Noto Sans's.
IGNORED = {0x200D, 0xFE0E, 0xFE0F}
BMP_EMOJI = set()
with open(emoji_list) as lines:
    for line in lines:
        if not line.startswith("#"):
            codes = [int(code, 16) for code in line.split("#")[0].split()]
            BMP_EMOJI.update(code for code in codes if 0xA0 <= code <= 0xFFFF and code not in IGNORED)
BMP_EMOJI = sorted(BMP_EMOJI)
font = TTFont(source, recalcTimestamp=False)
order = font.getGlyphOrder()
glyph_set = font.getGlyphSet()
glyf = newTable("glyf")
glyf.glyphs = {}


def convert(glyph, glyphs):
    pen = TTGlyphPen(glyphs)
    glyph.draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
    return pen.glyph()


for name in order:
    glyf.glyphs[name] = convert(glyph_set[name], glyph_set)
extra = TTFont(plane0)
extra_cmap = extra.getBestCmap()
extra_glyphs = extra.getGlyphSet()
for code in BMP_EMOJI:
    name = "uni%04X" % code
    source_name = extra_cmap.get(code)
    if source_name is None:
        continue
    glyf.glyphs[name] = convert(extra_glyphs[source_name], extra_glyphs)
    font["hmtx"].metrics[name] = extra["hmtx"].metrics[source_name]
    order.append(name)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[code] = name
glyf.glyphOrder = order
font.setGlyphOrder(order)
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
