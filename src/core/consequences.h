// What a permanent deletion takes with it, in sentences: the Delete permanently dialog's lead and
// its consequences for projects (their versions and models, their exclusive images), and the
// amber indicator's note. Counts agree with their nouns ("1 item … its data", "3 items … their").
#pragma once

#include <cstddef>  // size_t
#include <string>   // sentences
#include <vector>   // the items

#include "core/trash_item.h"  // TrashItem

namespace trash {

// "1 item will be deleted now, with its data. This can't be undone." (their, for several)
std::string DeleteLead(size_t count);

// What the projects among `items` take with them, or "" when there is none: "\"Pallet Counter\"
// takes its 4 versions and models with it, and 240 images that belong to no other project."
// "… and no images: all of its images are shared with other projects." A project not flagged to
// delete its images keeps them in the Asset Library; an older server's unknown count says "its
// exclusive images".
std::string DeleteConsequences(const std::vector<const TrashItem*>& items);

// The amber indicator's tooltip for a project flagged to delete its exclusive images, with their
// number when the listing gave it.
std::string ExclusiveImagesNote(const TrashItem& project);

}  // namespace trash
