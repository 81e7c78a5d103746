// The browser rasterises the page's fonts: Inter and the icons, loaded by shell.js as WOFF2
// FontFaces, drawn glyph by glyph on a 2D canvas into one alpha atlas (ui/raster_fonts.h).
#pragma once

#include "ui/raster_fonts.h"

namespace web {

// The atlas of ui::kFaceSpecs at this device pixel ratio.
ui::RasterAtlas RasterizeFonts(float devicePixelRatio);

}  // namespace web
