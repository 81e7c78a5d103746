// What the page puts on the clipboard when the user copies Trash rows: the names or the ids of
// the items, one per line, the toast that confirms it, and which rows Ctrl/Cmd+C acts on. Pure
// text; the platform writes it to the browser clipboard.
#pragma once

#include <string>  // clipboard text, messages
#include <vector>  // items, keys

#include "core/intents.h"     // CopyField
#include "core/trash_item.h"  // TrashItem, ItemKey

namespace trash {

class TrashView;

// One line per item, in the order given, joined with "\n" (no trailing newline). A name is the
// item's name, or its id when it has none; an id is the item's id, with the parent project's id in
// front for versions and models ("d_shelf/1"), whose ids are numbered per project. Line breaks and
// other control characters inside a value become spaces, so each item stays on its own line.
std::string ClipboardText(const std::vector<TrashItem>& items, CopyField field);

// The toast after a copy: Copied name of "Pallet Counter", Copied 3 names, Copied ID of
// "Pallet Counter", Copied 3 IDs.
std::string CopiedMessage(const std::vector<TrashItem>& items, CopyField field);

// What Ctrl/Cmd+C copies: the selection in view order, else the keyboard cursor's row, else nothing.
std::vector<ItemKey> CopyTargets(TrashView& view);

}  // namespace trash
