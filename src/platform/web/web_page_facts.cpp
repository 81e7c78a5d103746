// Build-time program (web.cmake compiles it with the page's emcc and runs it in node): writes the
// page facts the shell and the font files need as JSON, from the same C++ the page runs. The fonts:
// what the page describes its atlas with (web_fonts.cpp), so the shell (web/shell.js, through
// minify_shell.mjs) asks for the first atlas early with them and make_web_font.py cuts the font
// files to them. The first page: the request a first visit of the Trash sends first
// (requests::ListTrashFirstPage in the page's default sort, PageConfig::firstPageRows), which the
// shell sends early. Neither keeps a copy of the C++ that could drift.
// Usage: node trash_page_facts.js OUTPUT.json
#include <cstdio>
#include <cstdlib>  // std::strtof
#include <string>
#include <vector>

#include "core/latin_extension.h"  // kLatinExtensionFirst, kLatinExtensionLast
#include "core/page_state.h"       // PageConfig
#include "core/requests.h"         // ListTrashFirstPage
#include "core/trash_view.h"       // SortSpec
#include "ui/raster_fonts.h"       // TextCodepoints, IconCodepoints
#include "ui/theme.h"              // kFaceSpecs, kIconScale, kIconMinAdvance, kIconDrop

namespace {

// The Latin-1 signs the page's own words use (no-break space, §, ©, «, °, ±, ·, », ×, ÷): the first
// font files carry them with ASCII; the rest of the Latin extension's block goes to its own file,
// which the page downloads only for text that needs it (trash::NeedsLatinExtension).
constexpr unsigned kLabelSigns[] = {0xA0, 0xA7, 0xA9, 0xAB, 0xB0, 0xB1, 0xB7, 0xBB, 0xD7, 0xF7};

bool InExtensionFile(unsigned c) {
  if (c < trash::kLatinExtensionFirst || c > trash::kLatinExtensionLast) return false;
  for (unsigned sign : kLabelSigns)
    if (c == sign) return false;
  return true;
}

// Code points as a CSS unicode-range list ("U+20-7E,U+A0"), in their order: runs of consecutive
// ones become ranges.
std::string UnicodeRanges(const std::vector<unsigned>& codepoints) {
  std::string out;
  char part[32];
  for (size_t i = 0; i < codepoints.size();) {
    size_t last = i;
    while (last + 1 < codepoints.size() && codepoints[last + 1] == codepoints[last] + 1) ++last;
    if (last == i)
      std::snprintf(part, sizeof part, "%sU+%X", out.empty() ? "" : ",", codepoints[i]);
    else
      std::snprintf(part, sizeof part, "%sU+%X-%X", out.empty() ? "" : ",", codepoints[i], codepoints[last]);
    out += part;
    i = last + 1;
  }
  return out;
}

// The shortest plain decimal that reads back as the same float (the shell rounds it with Math.fround).
std::string Float(float value) {
  char text[32];
  for (int digits = 1; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*f", digits, double(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  std::string out = text;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

// The first page's address after the workspace's segment ("/trash?sections=0&sort=...&limit=..."):
// the shell puts the signed-in workspace's segment before it.
std::string FirstPageAfterWorkspace() {
  const std::string path =
      trash::requests::ListTrashFirstPage("w", trash::SortSpec{}, trash::PageConfig{}.firstPageRows).path;
  return path.rfind("/w/", 0) == 0 ? path.substr(2) : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: trash_page_facts OUTPUT.json\n");
    return 2;
  }
  const std::string firstPage = FirstPageAfterWorkspace();
  if (firstPage.empty()) {
    std::fprintf(stderr, "trash_page_facts: the first page's address does not start with the workspace\n");
    return 1;
  }
  std::vector<unsigned> labels, extension;
  for (unsigned c : ui::TextCodepoints()) (InExtensionFile(c) ? extension : labels).push_back(c);
  std::string faces;
  for (const ui::FaceSpec& face : ui::kFaceSpecs)
    faces += (faces.empty() ? "" : ",") + std::to_string(face.weight) + "," + Float(face.cssPixels);
  const std::string json = "{\"faces\":[" + faces + "],\n\"labels\":\"" + UnicodeRanges(labels) +
                           "\",\n\"latinExtension\":\"" + UnicodeRanges(extension) + "\",\n\"icons\":\"" +
                           UnicodeRanges(ui::IconCodepoints()) + "\",\n\"iconScale\":" + Float(ui::kIconScale) +
                           ",\"iconMinAdvance\":" + Float(ui::kIconMinAdvance) +
                           ",\"iconDrop\":" + Float(ui::kIconDrop) + ",\n\"firstPage\":\"" + firstPage + "\"}\n";
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out || std::fputs(json.c_str(), out) < 0 || std::fclose(out) != 0) {
    std::fprintf(stderr, "trash_page_facts: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
