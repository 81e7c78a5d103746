// Hostile names (bidi overrides, control characters, a 10 KB name, markup, unknown types) drawn
// headless: every label reaching the screen is sanitized, rows keep one line, nothing breaks.
#include <catch2/catch.hpp>

#include "core/text.h"  // SanitizeForDisplay
#include "harness.h"

using namespace ui::test;

TEST_CASE("Hostile names are drawn sanitized, one row each", "[trash_screen][hostile]") {
  Harness h;
  h.SignInWithListing(ReadFixture("trash_listing_hostile.json"));
  h.Frames(3);
  const auto rows = h.All("row");
  REQUIRE(rows.size() == h.page.view().items().size());
  for (const ui::WidgetInfo* row : rows) {
    CHECK(row->label == trash::SanitizeForDisplay(row->label));  // nothing left to clean
    CHECK(row->label.find('\n') == std::string::npos);
    CHECK(row->label.find("\xe2\x80\xae") == std::string::npos);  // U+202E RIGHT-TO-LEFT OVERRIDE
  }
  // Every row keeps the same height: no name can stretch or break one.
  for (const ui::WidgetInfo* row : rows) CHECK(row->h == Approx(rows[0]->h));

  SECTION("an unknown type is shown but cannot be restored") {
    const ui::WidgetInfo* restore = h.Widget("row/pipeline/x_unknown/restore");
    REQUIRE(restore);
    CHECK_FALSE(restore->enabled);
    h.Click("row/pipeline/x_unknown/restore");
    CHECK(h.CountEmitted<trash::intent::Restore>() == 0);
  }
}
