// Pieces of a Trash row drawn the same way by the wide table, the phone list and the selection
// bars: the registry id of a row, its type icon, the urgency colour of its countdown, a button for
// one of its actions (core/row_facts.h), the registry entries of the countdown and the images
// indicator, and the red "Delete permanently" icon button.
#pragma once

#include <string>  // ids

#include <imgui.h>  // ImU32

#include "core/countdown.h"   // Urgency
#include "core/row_facts.h"   // RowAction
#include "core/trash_item.h"  // TrashItem, ItemType
#include "ui/widgets.h"       // ButtonOptions

namespace ui {

// The registry id of an item's row ("row/version/d_helmet/7"); its buttons add "/restore", ...
std::string RowId(const trash::TrashItem& item);
const char* TypeIcon(trash::ItemType type);
// The countdown's colour: the one mapping of urgency to the palette.
ImU32 UrgencyColor(trash::Urgency urgency);
// "selected", "focused", "selected focused" or "": a row's state in the registry; "focus-visible"
// is added when the keyboard ring is drawn around it.
const char* RowState(bool selected, bool focused, bool ring = false);
// The registry entries of row parts both layouts draw, for the item just drawn: the countdown
// ("<rowId>/time-left": its label, urgency and purge time) and the amber indicator that a project
// takes exclusive images with it ("<rowId>/images"; it also gets the note as its tooltip).
void RegisterTimeLeft(const std::string& rowId, const trash::RowFacts& facts);
void RegisterImagesIndicator(const std::string& rowId, const trash::RowFacts& facts);
// A mouse button went down or the wheel turned this frame: the keyboard ring hides, as a
// browser's :focus-visible does, until the keyboard moves the cursor again.
bool MouseUsedThisFrame();
// A button for one of the row's actions, id "<rowId>/<action id>", disabled with its reason
// (else its hint as the tooltip). `options` gives the look and size. True when clicked.
bool ActionButton(const trash::RowAction& action, const std::string& rowId, ButtonOptions options);
// "Delete permanently": a red trash can, labelled "Delete Permanently" when `labelled` (where there
// is room: on a Trash page a bare trash can reads as "move to Trash"), the icon alone otherwise,
// always named "Delete permanently" for assistive technology. Muted, with the reason `blocked`
// ("": allowed) as its tooltip, when not allowed. `options` gives the size. True when clicked.
bool DeleteButton(const std::string& id, const std::string& blocked, ButtonOptions options, bool labelled = false);
// The width DeleteButton draws at with these options.
float DeleteButtonWidth(ButtonOptions options, bool labelled);
inline constexpr const char* kDeleteLabel = "Delete Permanently";

}  // namespace ui
