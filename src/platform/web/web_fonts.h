// The browser rasterises the page's fonts: Inter and the icons, loaded by shell.js as WOFF2
// FontFaces, drawn glyph by glyph on a 2D canvas into one alpha atlas (ui/raster_fonts.h); and
// Inter's Latin extension, downloaded only when the page has text that needs it.
#pragma once

#include "ui/raster_fonts.h"

namespace web {

// The atlas of ui::kFaceSpecs at this device pixel ratio.
ui::RasterAtlas RasterizeFonts(float devicePixelRatio);

// Asks the shell for Inter's Latin extension (é, ß, ł, ...; trash::NeedsLatinExtension), once
// whatever how often it is called; `arrived` runs when its letters can be drawn: the atlas must
// be rasterised again. Until then the atlas has them from the browser's fallback face.
void LoadLatinExtension(void (*arrived)());

}  // namespace web
