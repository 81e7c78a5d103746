"""Builds one of the page's WOFF2 font files from a font in Debian's packages (web.cmake runs it):
keeps only the given code points, without hinting, layout tables or names; turns CFF outlines into
TrueType quadratics (WOFF2's glyf transform packs them much tighter than CFF) and scales the em to a
smaller divisor of the source's, so coordinates need fewer bits. About 1.5 KB off each Inter file.
    make_web_font.py SOURCE OUTPUT UNICODES UNITS_PER_EM
UNICODES is a unicode-range list ("U+20-7E,U+A0") or @FILE:KEY, the list under KEY in a JSON file
(web.cmake passes the page facts, web_page_facts.cpp). UNITS_PER_EM 0 keeps the source's. Only Debian's python3-fonttools and python3-brotli are needed.
"""
import json
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.ttLib.woff2 import WOFF2FlavorData

# How far a quadratic may stray from the cubic it replaces, in em: 4 units of Inter's 2816, about
# 0.1 device pixel on the page's largest text (20 px at a device pixel ratio of 3).
MAX_CURVE_ERROR_EM = 4 / 2816


def subset_font(source, unicodes):
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = []
    options.drop_tables += ["GDEF", "GPOS", "GSUB", "FFTM"]
    font = TTFont(source, recalcTimestamp=False)  # the same bytes from the same sources
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    return font


def cff_to_truetype(font):
    """Replaces the CFF table with glyf/loca holding the same outlines as quadratic curves."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    max_error = MAX_CURVE_ERROR_EM * font["head"].unitsPerEm
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # PostScript contours run counter-clockwise, TrueType's clockwise.
        glyphs[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = font["maxp"] = newTable("maxp")  # version 1.0: TrueType's, with no instructions
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def align_side_bearings(font):
    """Each glyph's left side bearing is its outline's left edge, as TrueType expects; WOFF2 then
    leaves the bearings out and derives them."""
    glyf, hmtx = font["glyf"], font["hmtx"]
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[name]
        hmtx[name] = (advance, getattr(glyph, "xMin", 0))


def read_unicodes(argument):
    if not argument.startswith("@"):
        return argument
    path, key = argument[1:].rsplit(":", 1)
    with open(path, encoding="utf-8") as facts:
        return json.load(facts)[key]


def main(source, output, unicodes, units_per_em):
    font = subset_font(source, unicodes)
    if "CFF " in font:
        cff_to_truetype(font)
    if units_per_em and units_per_em != font["head"].unitsPerEm:
        scale_upem(font, units_per_em)
    align_side_bearings(font)
    font["post"].formatType = 3.0  # no glyph names
    font.flavor = "woff2"
    font.flavorData = WOFF2FlavorData(transformedTables={"glyf", "loca", "hmtx"})
    font.save(output)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], read_unicodes(sys.argv[3]), int(sys.argv[4]))
