// Clipboard text and messages for copied Trash rows (see clipboard.h).
#include "core/clipboard.h"

#include "core/text.h"        // FormatCount, Concat
#include "core/trash_view.h"  // TrashView: selection and keyboard cursor

namespace trash {
namespace {

// Control characters (C0, DEL) become spaces: a name with a line break must not become two lines.
void AppendOneLine(std::string& out, const std::string& value) {
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        out += byte < 0x20 || byte == 0x7F ? ' ' : c;
    }
}

std::string Value(const TrashItem& item, CopyField field) {
    if (field == CopyField::Name) return DisplayName(item, false);
    return IsChildType(item.type) && !item.parentId.empty() ? item.parentId + "/" + item.id : item.id;
}

}  // namespace

std::string ClipboardText(const std::vector<TrashItem>& items, CopyField field) {
    std::string text;
    for (const TrashItem& item : items) {
        if (!text.empty()) text += '\n';
        AppendOneLine(text, Value(item, field));
    }
    return text;
}

std::string CopiedMessage(const std::vector<TrashItem>& items, CopyField field) {
    const char* what = field == CopyField::Name ? "name" : "ID";
    if (items.size() == 1) {
        std::string name;
        AppendOneLine(name, DisplayName(items[0], false));
        return Concat("Copied ", what, " of \"", name, "\"");
    }
    return Concat("Copied ", FormatCount(items.size()), " ", what, "s");
}

std::vector<ItemKey> CopyTargets(TrashView& view) {
    if (view.selectionCount() > 0) return view.selectedKeys();
    if (const std::optional<size_t> row = view.focusedRow())
        return {KeyOf(view.items()[view.view().rows[*row].itemIndex])};
    return {};
}

}  // namespace trash
