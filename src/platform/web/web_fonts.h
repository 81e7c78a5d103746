// The browser rasterises the page's fonts: Inter and the icons, loaded by shell.js as WOFF2
// FontFaces, drawn glyph by glyph on a 2D canvas into one alpha atlas (ui/raster_fonts.h), the
// first in a worker; and Inter's Latin extension, downloaded only when the page has text that needs it.
#pragma once

#include "ui/raster_fonts.h"

namespace web {

// The atlas of ui::kFaceSpecs at this device pixel ratio, drawn on the main thread now.
ui::RasterAtlas RasterizeFonts(float devicePixelRatio);

// The same atlas in two steps, for the first one, which the shell's fonts' worker draws while the
// main thread runs the page: DescribeFonts leaves its description for the shell (JS code then asks
// trashShell.rasterFontsSoon for it); TakeRasterizedFonts reads the atlas the shell handed back
// (Module.trashRaster; empty without one).
void DescribeFonts(float devicePixelRatio);
ui::RasterAtlas TakeRasterizedFonts();

// Asks the shell for Inter's Latin extension (é, ß, ł, ...; trash::NeedsLatinExtension), once
// whatever how often it is called; `arrived` runs when its letters can be drawn: the atlas must
// be rasterised again. Until then the atlas has them from the browser's fallback face.
void LoadLatinExtension(void (*arrived)());

}  // namespace web
