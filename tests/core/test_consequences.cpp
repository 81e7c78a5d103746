// What the Delete permanently dialog and the amber indicator say goes with a deletion (issue 15,
// item 3): the lead's grammar, a project's versions and models and its exclusive images.
#include <catch2/catch.hpp>

#include "core/consequences.h"
#include "core/text.h"  // CountOf
#include "test_support.h"

using namespace trash;

namespace {
TrashItem Project(const char* id, const char* name, int children, bool flagged, int64_t exclusive) {
    TrashItem p = test::MakeItem(ItemType::Project, id, name);
    p.childCount = children;
    p.cleanupDeleteImages = flagged;
    p.exclusiveImageCount = exclusive;
    return p;
}
}  // namespace

TEST_CASE("The lead's grammar follows the count", "[consequences]") {
    CHECK(DeleteLead(1) == "1 item will be deleted now, with its data. This can't be undone.");
    CHECK(DeleteLead(3) == "3 items will be deleted now, with their data. This can't be undone.");
    CHECK(CountOf(1, "image", "images") == "1 image");
    CHECK(CountOf(0, "image", "images") == "0 images");
}

TEST_CASE("A project's deletion names its versions and models and its exclusive images", "[consequences]") {
    const TrashItem pallet = Project("d_pallet", "Pallet Counter", 4, true, 240);
    CHECK(DeleteConsequences({&pallet}) ==
          "\"Pallet Counter\" takes its 4 versions and models with it, and 240 images that belong "
          "to no other project.");
    SECTION("all images shared: no images") {
        const TrashItem conveyor = Project("d_conveyor", "Conveyor Defects", 1, true, 0);
        CHECK(DeleteConsequences({&conveyor}) ==
              "\"Conveyor Defects\" takes its 1 version or model with it, and no images: all of "
              "its images are shared with other projects.");
    }
    SECTION("not flagged: the images stay") {
        const TrashItem shelf = Project("d_shelf", "Shelf Gap Finder", 0, false, 80);
        CHECK(DeleteConsequences({&shelf}) ==
              "\"Shelf Gap Finder\" has no versions or models in "
              "Trash with it. Its images stay in the Asset Library.");
    }
    SECTION("several projects add up; other types say nothing") {
        const TrashItem conveyor = Project("d_conveyor", "Conveyor Defects", 1, true, 0);
        const TrashItem flow = test::MakeItem(ItemType::Workflow, "wf", "Router");
        CHECK(DeleteConsequences({&pallet, &flow, &conveyor}) ==
              "The 2 projects take 5 versions and models with them, and 240 images that belong to no other project.");
        CHECK(DeleteConsequences({&flow}).empty());
    }
    SECTION("an older server's listing without the count") {
        const TrashItem old = Project("p", "Old", 2, true, -1);
        CHECK(DeleteConsequences({&old}) ==
              "\"Old\" takes its 2 versions and models with it, and its exclusive images.");
    }
}

TEST_CASE("The amber indicator's note gives the image count", "[consequences]") {
    CHECK(ExclusiveImagesNote(Project("p", "P", 0, true, 240)) ==
          "Cleanup will also delete the 240 images that belong only to this project. Images shared with other "
          "projects are preserved.");
    CHECK(ExclusiveImagesNote(Project("p", "P", 0, true, 1)).find("the 1 image that") != std::string::npos);
    CHECK(ExclusiveImagesNote(Project("p", "P", 0, true, 0)).find("it has none") != std::string::npos);
    CHECK(ExclusiveImagesNote(Project("p", "P", 0, true, -1)) ==
          "Cleanup will also delete the images that belong only to this project. Images shared with other projects "
          "are preserved.");
}
