// The sentences of what a permanent deletion takes with it (see consequences.h).
#include "core/consequences.h"

#include "core/text.h"  // SanitizeForDisplay, CountOf, Concat

namespace trash {
namespace {

// Names are quoted as in every other message of the page ("Restored \"Pallet Counter\"").
std::string Quoted(const TrashItem& item) {
    return Concat("\"", SanitizeForDisplay(item.name.empty() ? item.id : item.name), "\"");
}

// "240 images that belong to no other project" / "no images: all of its images are shared ..."
std::string ImagesClause(int64_t images, bool known, bool several) {
    if (!known) return several ? "their exclusive images" : "its exclusive images";
    if (images > 0)
        return Concat(CountOf(uint64_t(images), "image", "images"), images == 1 ? " that belongs" : " that belong",
                      " to no other project");
    return several ? "no images: all of their images are shared with other projects"
                   : "no images: all of its images are shared with other projects";
}

}  // namespace

std::string DeleteLead(size_t count) {
    return Concat(CountOf(count, "item", "items"), " will be deleted now, with ", count == 1 ? "its" : "their",
                  " data. This can't be undone.");
}

std::string DeleteConsequences(const std::vector<const TrashItem*>& items) {
    std::vector<const TrashItem*> projects;
    int64_t children = 0, images = 0;
    bool flagged = false, known = true;
    for (const TrashItem* item : items) {
        if (item->type != ItemType::Project) continue;
        projects.push_back(item);
        children += item->childCount;
        if (!item->cleanupDeleteImages) continue;
        flagged = true;
        if (item->exclusiveImageCount < 0)
            known = false;
        else
            images += item->exclusiveImageCount;
    }
    if (projects.empty()) return "";
    const bool several = projects.size() > 1;
    std::string sentence = several ? "The " + CountOf(projects.size(), "project", "projects") : Quoted(*projects[0]);
    if (children > 0) {
        const std::string what = CountOf(uint64_t(children), "version or model", "versions and models");
        sentence += several ? Concat(" take ", what, " with them") : Concat(" takes its ", what, " with it");
    } else {
        sentence +=
            several ? " have no versions or models in Trash with them" : " has no versions or models in Trash with it";
    }
    if (flagged)
        sentence += Concat(", and ", ImagesClause(images, known, several), ".");
    else
        sentence += Concat(". ", several ? "Their" : "Its", " images stay in the Asset Library.");
    return sentence;
}

std::string ExclusiveImagesNote(const TrashItem& project) {
    const std::string shared = "Images shared with other projects are preserved.";
    if (project.exclusiveImageCount < 0)
        return "Cleanup will also delete the images that belong only to this project. " + shared;
    if (project.exclusiveImageCount == 0)
        return "Cleanup would also delete the images that belong only to this project, but it has none: all of its "
               "images are shared with other projects, so they are preserved.";
    return Concat("Cleanup will also delete the ", CountOf(uint64_t(project.exclusiveImageCount), "image", "images"),
                  " that belong only to this project. ", shared);
}

}  // namespace trash
