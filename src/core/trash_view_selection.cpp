// The Trash list's interaction state: selection (click, Ctrl, Shift ranges over the view order,
// from the mouse or the keyboard), the keyboard cursor, and optimistic removals that hide rows
// until the server answers.
//
// Index: [SECTION] Selection, [SECTION] Keyboard cursor, [SECTION] Optimistic removals
#include <algorithm>  // std::min, std::max, std::lower_bound, std::sort
#include <array>
#include <utility>  // std::as_const

#include "core/trash_view.h"

namespace trash {

// [SECTION] Selection

void TrashView::Click(const ItemKey& key, ClickModifiers mods) {
    if (!IndexOf(key)) return;
    ++selectionGeneration_;
    SetFocus(key);
    const std::optional<size_t> clickedRow = RowOfKey(key);
    const std::optional<size_t> anchorRow = anchor_ ? RowOfKey(*anchor_) : std::nullopt;
    if (mods.range && anchorRow && clickedRow) {
        SelectRows(*anchorRow, *clickedRow, mods.toggle);
        return;  // the anchor stays, so the next Shift-click re-ranges from it
    }
    if (mods.toggle) {
        if (!selection_.erase(key)) selection_.insert(key);
    } else {
        selection_.clear();
        selection_.insert(key);
    }
    anchor_ = key;
}

void TrashView::SelectToFocus() {
    const std::optional<size_t> row = focusedRow();
    if (!row) return;
    const std::optional<size_t> anchorRow = anchor_ ? RowOfKey(*anchor_) : std::nullopt;
    if (!anchorRow) anchor_ = focused_;
    SelectRows(anchorRow.value_or(*row), *row, false);
}

void TrashView::SelectRows(size_t fromRow, size_t toRow, bool keep) {
    ++selectionGeneration_;
    if (!keep) selection_.clear();
    const size_t first = std::min(fromRow, toRow), last = std::max(fromRow, toRow);
    for (size_t row = first; row <= last && row < view_.rows.size(); ++row)
        if (!view_.rows[row].isHeader) selection_.insert(KeyOf(items_[view_.rows[row].itemIndex]));
}

void TrashView::SetSelected(const ItemKey& key, bool selected) {
    if (!IndexOf(key)) return;
    ++selectionGeneration_;
    if (selected)
        selection_.insert(key);
    else
        selection_.erase(key);
    anchor_ = key;
}

void TrashView::SelectAllVisible() {
    EnsureView();
    ++selectionGeneration_;
    for (const ViewRow& row : view_.rows)
        if (!row.isHeader) selection_.insert(KeyOf(items_[row.itemIndex]));
}

void TrashView::ClearSelection() {
    ++selectionGeneration_;
    selection_.clear();
    anchor_.reset();
}

bool TrashView::IsSelected(const ItemKey& key) const {
    if (!selection_.count(key)) return false;
    EnsureView();
    const std::optional<size_t> index = IndexOf(key);
    return index && matched_[*index];
}

std::vector<ItemKey> TrashView::selectedKeys() const {
    std::vector<ItemKey> keys;
    for (const TrashItem* item : selectedItems()) keys.push_back(KeyOf(*item));
    return keys;
}

std::vector<const TrashItem*> TrashView::selectedItems() const {
    EnsureView();
    std::vector<const TrashItem*> selected;
    if (selection_.empty()) return selected;
    // Selected items in view order: sort order, grouped by type (collapsed groups included). The
    // selection is looked up once per selected key, not once per item: at 100,000 items hashing
    // every item's key made each Shift+PageDown's summary a long frame.
    std::vector<char> chosen(items_.size(), 0);
    for (const ItemKey& key : selection_)
        if (const std::optional<size_t> index = IndexOf(key); index && matched_[*index]) chosen[*index] = 1;
    std::array<std::vector<const TrashItem*>, kItemTypeCount> groups;
    for (uint32_t index : order_)
        if (chosen[index]) groups[static_cast<size_t>(items_[index].type)].push_back(&items_[index]);
    for (ItemType type : kAllItemTypes) {
        const std::vector<const TrashItem*>& members = groups[static_cast<size_t>(type)];
        selected.insert(selected.end(), members.begin(), members.end());
    }
    return selected;
}

size_t TrashView::selectionCount() const {
    EnsureView();
    size_t count = 0;
    for (const ItemKey& key : selection_)
        if (const std::optional<size_t> index = IndexOf(key); index && matched_[*index]) ++count;
    return count;
}

int64_t TrashView::selectionBytes() const {
    EnsureView();
    int64_t bytes = 0;
    for (const ItemKey& key : selection_)
        if (const std::optional<size_t> index = IndexOf(key); index && matched_[*index])
            bytes += items_[*index].sizeBytes;
    return bytes;
}

// [SECTION] Keyboard cursor

void TrashView::SetFocus(const ItemKey& key) {
    const std::optional<size_t> index = IndexOf(key);
    if (!index) return;
    focused_ = key;
    const std::vector<size_t> positions = ItemRowPositions();
    if (const std::optional<size_t> row = RowOfItem(*index))
        focusFallback_ =
            static_cast<size_t>(std::lower_bound(positions.begin(), positions.end(), *row) - positions.begin());
}

std::optional<size_t> TrashView::RowOfKey(const ItemKey& key) const {
    const std::optional<size_t> index = IndexOf(key);
    return index ? RowOfItem(*index) : std::nullopt;
}

std::optional<size_t> TrashView::focusedRow() {
    EnsureView();
    if (!focused_) return std::nullopt;  // asked every frame: no focus costs nothing
    if (const std::optional<size_t> index = IndexOf(*focused_))
        if (const std::optional<size_t> row = RowOfItem(*index)) return row;
    // The focused item went away (filtered, removed, collapsed): take the row now at its place.
    const std::vector<size_t> positions = ItemRowPositions();
    if (positions.empty()) {
        focused_.reset();
        return std::nullopt;
    }
    const size_t position = std::min(focusFallback_, positions.size() - 1);
    focused_ = KeyOf(items_[view_.rows[positions[position]].itemIndex]);
    return positions[position];
}

void TrashView::MoveFocus(FocusMove move, size_t pageRows) {
    const std::vector<size_t> positions = ItemRowPositions();
    if (positions.empty()) return;
    const size_t last = positions.size() - 1;
    const std::optional<size_t> row = focusedRow();
    size_t at = 0;
    bool hadFocus = false;
    if (row) {
        at = static_cast<size_t>(std::lower_bound(positions.begin(), positions.end(), *row) - positions.begin());
        hadFocus = true;
    }
    const size_t page = std::max<size_t>(pageRows, 1);
    switch (move) {
    case FocusMove::Up: at = hadFocus && at > 0 ? at - 1 : 0; break;
    case FocusMove::Down: at = hadFocus ? std::min(at + 1, last) : 0; break;
    case FocusMove::PageUp: at = at > page ? at - page : 0; break;
    case FocusMove::PageDown: at = std::min(at + page, last); break;
    case FocusMove::Home: at = 0; break;
    case FocusMove::End: at = last; break;
    }
    focused_ = KeyOf(items_[view_.rows[positions[at]].itemIndex]);
    focusFallback_ = at;
}

void TrashView::ExtendFocus(FocusMove move, size_t pageRows) {
    std::optional<size_t> anchorRow = anchor_ ? RowOfKey(*anchor_) : std::nullopt;
    if (!anchorRow) {  // the range starts where the cursor is now
        anchorRow = focusedRow();
        anchor_ = anchorRow ? focused_ : std::nullopt;
    }
    MoveFocus(move, pageRows);
    const std::optional<size_t> row = focusedRow();
    if (!row) return;
    if (!anchorRow) {
        anchor_ = focused_;
        anchorRow = row;
    }
    SelectRows(*anchorRow, *row, false);
}

// [SECTION] Optimistic removals

void TrashView::BeginRemove(OpId op, std::vector<ItemKey> keys) {
    PendingRemove pending;
    std::vector<char> leaving(items_.size(), 0);
    for (const ItemKey& key : keys) {
        if (selection_.erase(key)) pending.wasSelected.push_back(key);
        hidden_.insert(key);
        if (const std::optional<size_t> index = IndexOf(key)) {
            SetHidden(*index, true);
            leaving[*index] = 1;
        }
    }
    pending.keys = std::move(keys);
    if (const auto it = FindPending(op); it != pending_.end())
        it->second = std::move(pending);
    else
        pending_.emplace_back(op, std::move(pending));
    // The click's frame: the rows leave the built view in place; at 100,000 items a rebuild (a
    // filter pass and every row again) was most of that frame.
    if (!dirty_) DropFromView(leaving);
    Changed();
}

void TrashView::CommitRemove(OpId op) {
    const auto it = FindPending(op);
    if (it == pending_.end()) return;
    SettleRemove(op, it->second.keys);
}

void TrashView::RollBack(OpId op) { SettleRemove(op, {}); }

TrashView::Pending::const_iterator TrashView::FindPending(OpId op) const {
    return std::find_if(pending_.begin(), pending_.end(), [op](const auto& entry) { return entry.first == op; });
}

TrashView::Pending::iterator TrashView::FindPending(OpId op) {
    return pending_.begin() + (std::as_const(*this).FindPending(op) - pending_.cbegin());
}

void TrashView::SettleRemove(OpId op, const std::vector<ItemKey>& done) {
    const auto it = FindPending(op);
    if (it == pending_.end()) return;
    std::vector<char> gone(items_.size(), 0);
    bool anyGone = false;
    for (const ItemKey& key : done)
        if (const std::optional<size_t> index = IndexOf(key)) gone[*index] = anyGone = true;
    for (const ItemKey& key : it->second.wasSelected)
        if (const std::optional<size_t> index = IndexOf(key); index && !gone[*index]) selection_.insert(key);
    const std::vector<ItemKey> keys = std::move(it->second.keys);
    pending_.erase(it);

    hidden_.clear();
    for (const auto& [id, pending] : pending_) hidden_.insert(pending.keys.begin(), pending.keys.end());
    // What the server did not do comes back: those rows need a rebuild to find their places.
    bool shown = false;
    for (const ItemKey& key : keys)
        if (const std::optional<size_t> index = IndexOf(key);
            index && !gone[*index] && hiddenFlags_[*index] && !hidden_.count(key)) {
            SetHidden(*index, false);
            shown = true;
        }
    // What it did is already out of the view: dropping those items leaves the view as it is.
    if (anyGone) RemoveItems(gone);
    if (shown)
        Invalidate();
    else
        Changed();
}

void TrashView::RemoveItems(const std::vector<char>& gone) {
    std::vector<uint32_t> goneIndices;
    for (size_t i = 0; i < items_.size(); ++i)
        if (gone[i]) goneIndices.push_back(static_cast<uint32_t>(i));
    std::vector<int64_t> goneThresholds;
    for (const uint32_t i : goneIndices) {
        if (!hiddenFlags_[i]) CountVisible(i, -1);  // a deleted project's children were still shown
        const ItemKey key = KeyOf(items_[i]);
        selection_.erase(key);
        if (anchor_ == key) anchor_.reset();
        goneThresholds.push_back(items_[i].scheduledCleanupAtMs - kExpiringSoonMs + 1);
    }
    if (!dirty_) DropFromView(gone);  // rows still shown (a deleted project's children) go first
    // The kept items above the new end fill the holes below it, so a one-row restore moves one
    // item, not every item after it (at 100,000 items that move was most of the answer's cost).
    // Nothing is sorted, hashed or filtered again: the orders compare items, not positions, so
    // renumbering them keeps them sorted; the key index and the view follow the moved items.
    const uint32_t kept = static_cast<uint32_t>(items_.size() - goneIndices.size());
    std::vector<std::pair<uint32_t, uint32_t>> moves;  // from → to (kGone: taken out)
    for (const uint32_t i : goneIndices) moves.emplace_back(i, kGone);
    std::vector<uint32_t> above(items_.size() - kept, kGone);  // the new index of an item at kept + n
    uint32_t mover = kept;
    for (const uint32_t hole : goneIndices) {
        if (hole >= kept) break;
        while (gone[mover]) ++mover;
        moves.emplace_back(mover, hole);
        above[mover++ - kept] = hole;
    }
    // Moving hashes the removed and moved items' keys, building again the kept ones': the fewer.
    const bool indexed = goneIndices.size() * 3 < items_.size() && index_.Move(items_, moves);
    for (const auto& [from, to] : moves) {
        if (to == kGone) continue;
        items_[to] = std::move(items_[from]);
        hiddenFlags_[to] = hiddenFlags_[from];
        if (!dirty_) {
            matched_[to] = matched_[from];
            rowOfItem_[to] = rowOfItem_[from];
            if (rowOfItem_[to] != kNoRow) view_.rows[rowOfItem_[to]].itemIndex = to;
        }
    }
    items_.resize(kept);
    hiddenFlags_.resize(kept);
    if (!dirty_) {
        matched_.resize(kept);
        rowOfItem_.resize(kept);
    }
    if (!indexed) index_.Build(items_);
    RemoveThresholds(std::move(goneThresholds));
    const auto renumber = [&](std::vector<uint32_t>& order) {
        size_t at = 0;
        for (const uint32_t index : order) {
            const uint32_t now = index < kept ? (gone[index] ? kGone : index) : above[index - kept];
            if (now != kGone) order[at++] = now;
        }
        order.resize(at);
    };
    if (orderValid_) renumber(order_);
    if (nameOrderValid_) renumber(nameOrder_);
}

bool TrashView::IsPending(OpId op) const { return FindPending(op) != pending_.end(); }

bool TrashView::IsHidden(const ItemKey& key) const { return hidden_.count(key) > 0; }

// [SECTION] An action's outcome on the rows it did not name

void TrashView::RemoveChildrenOf(const std::vector<std::string>& projectIds) {
    if (projectIds.empty()) return;  // most actions: no pass over 100,000 rows for nothing
    const HashSet<std::string> projects(projectIds.begin(), projectIds.end());
    std::vector<char> gone(items_.size(), 0);
    bool anyGone = false;
    for (size_t i = 0; i < items_.size(); ++i)
        if (IsChildType(items_[i].type) && projects.count(items_[i].parentId)) gone[i] = anyGone = true;
    if (!anyGone) return;
    RemoveItems(gone);
    Changed();
}

void TrashView::ParentsRestored(const std::vector<std::pair<std::string, std::string>>& projects) {
    if (projects.empty()) return;
    HashMap<std::string, const std::string*> urls;  // a repeated id keeps its first url
    for (const auto& [id, url] : projects)
        if (const std::string*& first = urls[id]; !first) first = &url;
    bool changed = false;
    for (TrashItem& item : items_) {
        if (!IsChildType(item.type)) continue;
        const std::string* const* url = urls.find(item.parentId);
        if (!url) continue;
        item.parentInTrash = false;
        if (!(*url)->empty()) item.parentUrl = **url;
        changed = true;
    }
    // Neither field is filtered, sorted or grouped on: the rows stay, only what they offer changes.
    if (changed) Changed();
}

}  // namespace trash
