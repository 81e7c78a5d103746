// The Trash list's state. Per item set it indexes the keys; per sort it orders indices (the name
// order, the universal tie-breaker, is kept once computed); per filter change it makes one linear
// pass. Case is folded while comparing, not kept in copies.
// Nothing here runs per frame: view() returns the cached View until an input changes.
//
// Selection, keyboard cursor and optimistic removals are in trash_view_selection.cpp.
//
// Index: [SECTION] Items, [SECTION] Time, [SECTION] Filters and sort, [SECTION] Building the view
#include "core/trash_view.h"

#include <algorithm>  // std::stable_sort, std::upper_bound
#include <numeric>    // std::iota
#include <tuple>      // std::tie
#include <utility>    // std::exchange

#include "core/countdown.h"        // kNever
#include "core/latin_extension.h"  // NeedsLatinExtension
#include "core/text.h"             // ToLowerAscii, CompareLowerAscii, ContainsLowerAscii

namespace trash {

// [SECTION] Items

namespace {
constexpr uint32_t kEmpty = 0xFFFFFFFFu;
constexpr uint32_t kErased = 0xFFFFFFFEu;  // a removed item's slot: lookups probe past it

size_t HashKey(ItemType type, std::string_view parentId, std::string_view id) {
    const std::hash<std::string_view> hash;
    size_t h = hash(id) * 31 + static_cast<size_t>(type);
    if (!parentId.empty()) h ^= hash(parentId) + 0x9e3779b9u + (h << 6) + (h >> 2);
    return h;
}

// An item's hash as its key's: the parent counts for child types only.
size_t HashOf(const TrashItem& item) {
    return HashKey(item.type, IsChildType(item.type) ? std::string_view(item.parentId) : std::string_view(), item.id);
}

// The name the "Deleted by" column shows and sorts by.
const std::string& DeleterOf(const TrashItem& item) {
    return item.deletedByName.empty() ? item.deletedBy : item.deletedByName;
}

bool HasKey(const TrashItem& item, const ItemKey& key) {
    return item.type == key.type && item.id == key.id &&
           (IsChildType(item.type) ? item.parentId == key.parentId : key.parentId.empty());
}
}  // namespace

void ItemIndex::Build(const std::vector<TrashItem>& items) {
    size_t capacity = 16;
    while (capacity < items.size() * 2) capacity *= 2;
    slots_.assign(capacity, kEmpty);
    duplicates_ = false;
    for (size_t i = 0; i < items.size(); ++i) {
        const TrashItem& item = items[i];
        size_t slot = HashOf(item) & (capacity - 1);
        while (slots_[slot] != kEmpty) {
            if (HasKey(items[slots_[slot]], KeyOf(item))) break;  // a duplicate key: the first wins
            slot = (slot + 1) & (capacity - 1);
        }
        if (slots_[slot] == kEmpty)
            slots_[slot] = static_cast<uint32_t>(i);
        else
            duplicates_ = true;
    }
}

bool ItemIndex::Move(const std::vector<TrashItem>& items, const std::vector<std::pair<uint32_t, uint32_t>>& moves) {
    if (duplicates_) return false;
    const size_t mask = slots_.size() - 1;
    const auto slotOf = [&](uint32_t index) -> uint32_t* {
        for (size_t slot = HashOf(items[index]) & mask; slots_[slot] != kEmpty; slot = (slot + 1) & mask)
            if (slots_[slot] == index) return &slots_[slot];
        return nullptr;
    };
    // Every removal first: a moved item's new position is a removed item's old one.
    for (const bool removals : {true, false})
        for (const auto& [from, to] : moves) {
            if ((to == ItemIndex::kGone) != removals) continue;
            uint32_t* slot = slotOf(from);
            if (!slot) return false;
            *slot = removals ? kErased : to;
        }
    return true;
}

std::optional<size_t> ItemIndex::FindItem(const std::vector<TrashItem>& items, const TrashItem& item) const {
    if (slots_.empty()) return std::nullopt;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = HashOf(item) & mask; slots_[slot] != kEmpty; slot = (slot + 1) & mask) {
        if (slots_[slot] == kErased) continue;
        const TrashItem& held = items[slots_[slot]];
        if (held.type == item.type && held.id == item.id && (!IsChildType(item.type) || held.parentId == item.parentId))
            return slots_[slot];
    }
    return std::nullopt;
}

std::optional<size_t> ItemIndex::Find(const std::vector<TrashItem>& items, const ItemKey& key) const {
    if (slots_.empty()) return std::nullopt;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = HashKey(key.type, key.parentId, key.id) & mask; slots_[slot] != kEmpty; slot = (slot + 1) & mask)
        if (slots_[slot] != kErased && HasKey(items[slots_[slot]], key)) return slots_[slot];
    return std::nullopt;
}

void TrashView::SetItems(std::vector<TrashItem> items) {
    // The 30-second refresh of an idle page usually brings the same listing: keep everything,
    // so neither the caches nor the view are rebuilt and no frame needs drawing.
    if (SameItems(items)) return;
    items_ = std::move(items);
    Reindex();
    selection_.EraseIf([this](const ItemKey& key) { return !IndexOf(key); });
    if (anchor_ && !IndexOf(*anchor_)) anchor_.reset();
    Invalidate();
}

// The same items in any order: a removal moves the last items into the holes it leaves, so the
// order held differs from the server's while the Trash is the same.
bool TrashView::SameItems(const std::vector<TrashItem>& items) const {
    if (items.size() != items_.size()) return false;
    if (items == items_) return true;
    if (index_.duplicates()) return false;
    std::vector<char> seen(items_.size(), 0);
    for (const TrashItem& item : items) {
        const std::optional<size_t> at = index_.FindItem(items_, item);
        if (!at || seen[*at] || items_[*at] != item) return false;
        seen[*at] = 1;
    }
    return true;
}

namespace {

// Ascending, by radix (a byte a pass, the sign bit flipped so negatives come first): linear, and
// one std::sort instantiation fewer in the wasm (about 1.5 KB of code, issue 10).
void SortThresholds(std::vector<int64_t>& thresholds) {
    std::vector<int64_t> scratch(thresholds.size());
    for (int shift = 0; shift < 64; shift += 8) {
        const auto digit = [shift](int64_t v) { return size_t(((uint64_t(v) ^ (uint64_t(1) << 63)) >> shift) & 0xFF); };
        std::array<size_t, 256> starts{};
        for (const int64_t v : thresholds) ++starts[digit(v)];
        size_t sum = 0;
        for (size_t& start : starts) sum += std::exchange(start, sum);
        for (const int64_t v : thresholds) scratch[starts[digit(v)]++] = v;
        thresholds.swap(scratch);  // eight passes: the sorted values end in `thresholds`
    }
}

}  // namespace

void TrashView::Reindex() {
    const size_t n = items_.size();
    index_.Build(items_);
    // No lowercased copies of the names: search and sort fold case as they read (CompareLowerAscii),
    // which at 100,000 items keeps about 9 MB out of the wasm heap's peak.
    expiringThresholds_.resize(n);
    for (size_t i = 0; i < n; ++i) expiringThresholds_[i] = items_[i].scheduledCleanupAtMs - kExpiringSoonMs + 1;
    SortThresholds(expiringThresholds_);
    expiringCount_ = ExpiringCountAt(nowMs_);

    orderValid_ = false;
    nameOrderValid_ = false;
    RebuildHidden();
}

// Both lists are sorted and `gone` is part of the thresholds: one merge pass takes it out.
void TrashView::RemoveThresholds(std::vector<int64_t> gone) {
    SortThresholds(gone);
    size_t at = 0, next = 0;
    for (const int64_t threshold : expiringThresholds_) {
        if (next < gone.size() && gone[next] == threshold) {
            ++next;
            continue;
        }
        expiringThresholds_[at++] = threshold;
    }
    expiringThresholds_.resize(at);
    expiringCount_ = ExpiringCountAt(nowMs_);
}

void TrashView::RebuildHidden() {
    hiddenFlags_.assign(items_.size(), 0);
    for (const ItemKey& key : hidden_)
        if (std::optional<size_t> index = IndexOf(key)) hiddenFlags_[*index] = 1;
    visibleCounts_ = {};
    visibleBytes_ = 0;
    for (size_t i = 0; i < items_.size(); ++i)
        if (!hiddenFlags_[i]) CountVisible(i, 1);
}

void TrashView::CountVisible(size_t index, int sign) {
    visibleCounts_[static_cast<size_t>(items_[index].type)] += static_cast<size_t>(sign);
    visibleBytes_ += sign * items_[index].sizeBytes;
}

void TrashView::SetHidden(size_t index, bool hidden) {
    if (static_cast<bool>(hiddenFlags_[index]) == hidden) return;
    hiddenFlags_[index] = hidden ? 1 : 0;
    CountVisible(index, hidden ? -1 : 1);
}

std::optional<size_t> TrashView::IndexOf(const ItemKey& key) const { return index_.Find(items_, key); }

const TrashItem* TrashView::Find(const ItemKey& key) const {
    const std::optional<size_t> index = IndexOf(key);
    return index ? &items_[*index] : nullptr;
}

size_t TrashView::visibleItemCount() const {
    size_t count = 0;
    for (const size_t n : visibleCounts_) count += n;
    return count;
}

std::vector<ItemKey> TrashView::AllVisibleKeys() const {
    std::vector<ItemKey> keys;
    keys.reserve(items_.size());
    for (size_t i = 0; i < items_.size(); ++i)
        if (!hiddenFlags_[i]) keys.push_back(KeyOf(items_[i]));
    return keys;
}

// [SECTION] Time

size_t TrashView::ExpiringCountAt(int64_t nowMs) const {
    return static_cast<size_t>(std::upper_bound(expiringThresholds_.begin(), expiringThresholds_.end(), nowMs) -
                               expiringThresholds_.begin());
}

void TrashView::SetNow(int64_t nowMs) {
    nowMs_ = nowMs;
    // Thresholds are sorted, so the expiring set is a prefix: same count, same set.
    const size_t count = ExpiringCountAt(nowMs);
    if (count != expiringCount_ && filters_.expiringSoon) Invalidate();
    expiringCount_ = count;
}

int64_t TrashView::NextFilterChangeMs() const {
    if (!filters_.expiringSoon) return kNever;
    const auto next = std::upper_bound(expiringThresholds_.begin(), expiringThresholds_.end(), nowMs_);
    return next == expiringThresholds_.end() ? kNever : *next;
}

// [SECTION] Filters and sort

void TrashView::Invalidate() {
    dirty_ = true;
    Changed();
}

void TrashView::Changed() {
    ++generation_;
    ++selectionGeneration_;  // the effective selection follows the filters and the items
}

void TrashView::SetQuery(const std::string& query) {
    if (query == filters_.query) return;
    filters_.query = query;
    lowerQuery_ = ToLowerAscii(query);
    queryNeedsLatinExtension_ = NeedsLatinExtension(query);
    Invalidate();
}

void TrashView::SetTypeFilter(ItemType type, bool shown) {
    bool& slot = filters_.types[static_cast<size_t>(type)];
    if (slot == shown) return;
    slot = shown;
    Invalidate();
}

void TrashView::ClearTypeFilter() {
    if (filters_.types == std::array<bool, kItemTypeCount>{}) return;
    filters_.types = {};
    Invalidate();
}

void TrashView::SetExpiringSoon(bool on) {
    if (filters_.expiringSoon == on) return;
    filters_.expiringSoon = on;
    expiringCount_ = ExpiringCountAt(nowMs_);
    Invalidate();
}

void TrashView::SetSort(SortSpec sort) {
    if (sort.column == sort_.column && sort.ascending == sort_.ascending) return;
    sort_ = sort;
    orderValid_ = false;
    Invalidate();
}

void TrashView::SetGroupCollapsed(ItemType type, bool collapsed) {
    bool& slot = collapsed_[static_cast<size_t>(type)];
    if (slot == collapsed) return;
    slot = collapsed;
    Invalidate();
}

bool TrashView::IsGroupCollapsed(ItemType type) const { return collapsed_[static_cast<size_t>(type)]; }

void TrashView::Refresh() {
    expiringCount_ = ExpiringCountAt(nowMs_);
    Invalidate();
}

// [SECTION] Building the view

// Name, then exact name, then id, then parent and type: a total order, so every sort is
// deterministic and ties read alphabetically. Only reached on ties, except when sorting by name.
bool TrashView::NameLess(uint32_t a, uint32_t b) const {
    const TrashItem& x = items_[a];
    const TrashItem& y = items_[b];
    if (const int c = CompareLowerAscii(x.name, y.name); c != 0) return c < 0;
    return std::tie(x.name, x.id, x.parentId, x.type) < std::tie(y.name, y.id, y.parentId, y.type);
}

// The name order, computed once per item set when first needed. Most comparisons are settled by
// the first 16 bytes of the lowercased name packed into two integers: one dense array, no pointer
// chasing into 100,000 separately allocated strings.
void TrashView::EnsureNameOrder() const {
    if (nameOrderValid_) return;
    struct Entry {
        uint64_t high, low;
        uint32_t index;
    };
    const auto pack = [](const std::string& text, size_t from) {
        uint64_t packed = 0;
        for (size_t b = from; b < from + 8; ++b) {
            const unsigned char c = b < text.size() ? static_cast<unsigned char>(text[b]) : 0u;
            packed = (packed << 8) | (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        return packed;
    };
    std::vector<Entry> entries(items_.size());
    for (uint32_t i = 0; i < entries.size(); ++i) {
        const std::string& name = items_[i].name;
        entries[i] = {pack(name, 0), pack(name, 8), i};
    }
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        if (a.high != b.high) return a.high < b.high;
        if (a.low != b.low) return a.low < b.low;
        return NameLess(a.index, b.index);
    });
    nameOrder_.resize(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) nameOrder_[i] = entries[i].index;
    nameOrderValid_ = true;
}

void TrashView::SortOrder() const {
    const size_t n = items_.size();
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0u);
    const bool ascending = sort_.ascending;
    switch (sort_.column) {
    case SortColumn::Name:
        EnsureNameOrder();
        if (ascending)
            order_ = nameOrder_;
        else
            order_.assign(nameOrder_.rbegin(), nameOrder_.rend());
        break;
    default: {
        // Numeric columns: copy the keys out first so the sort reads one dense array, not the items.
        // Deleted by compares the deleters' names instead. One comparator for both, so the wasm
        // carries one std::sort over the order, not two (about 1.6 KB raw).
        const bool byDeleter = sort_.column == SortColumn::DeletedBy;
        std::vector<int64_t> keys(byDeleter ? 0 : n);
        for (size_t i = 0; i < keys.size(); ++i) {
            const TrashItem& item = items_[i];
            keys[i] = sort_.column == SortColumn::DeletedAt  ? item.deletedAtMs
                      : sort_.column == SortColumn::TimeLeft ? item.scheduledCleanupAtMs
                                                             : item.sizeBytes;
        }
        std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
            const int c = byDeleter           ? CompareLowerAscii(DeleterOf(items_[a]), DeleterOf(items_[b]))
                          : keys[a] < keys[b] ? -1
                          : keys[b] < keys[a] ? 1
                                              : 0;
            if (c != 0) return ascending ? c < 0 : c > 0;
            return NameLess(a, b);  // ties read alphabetically whatever the direction
        });
        break;
    }
    }
    orderValid_ = true;
}

bool TrashView::Matches(size_t index) const {
    const TrashItem& item = items_[index];
    if (hiddenFlags_[index]) return false;
    if (filters_.types != std::array<bool, kItemTypeCount>{} && !filters_.types[static_cast<size_t>(item.type)])
        return false;
    if (filters_.expiringSoon && item.scheduledCleanupAtMs - nowMs_ >= kExpiringSoonMs) return false;
    if (!lowerQuery_.empty() && !ContainsLowerAscii(item.name, lowerQuery_) &&
        !ContainsLowerAscii(item.parentName, lowerQuery_))
        return false;
    return true;
}

const View& TrashView::view() const {
    EnsureView();
    return view_;
}

void TrashView::EnsureView() const {
    if (!dirty_) return;
    if (!orderValid_) SortOrder();

    std::array<std::vector<uint32_t>, kItemTypeCount> groups;
    matched_.assign(items_.size(), 0);
    for (uint32_t index : order_) {
        if (!Matches(index)) continue;
        matched_[index] = 1;
        groups[static_cast<size_t>(items_[index].type)].push_back(index);
    }

    view_ = View{};
    view_.rows.reserve(items_.size() + kItemTypeCount);
    for (ItemType type : kAllItemTypes) {
        const std::vector<uint32_t>& members = groups[static_cast<size_t>(type)];
        if (members.empty()) continue;
        GroupSummary summary;
        summary.type = type;
        summary.count = members.size();
        summary.collapsed = collapsed_[static_cast<size_t>(type)];
        for (uint32_t index : members) summary.bytes += items_[index].sizeBytes;
        view_.matchCount += summary.count;
        view_.matchBytes += summary.bytes;
        view_.groups.push_back(summary);

        view_.rows.push_back(ViewRow{true, type, 0});
        if (!summary.collapsed)
            for (uint32_t index : members) view_.rows.push_back(ViewRow{false, type, index});
    }
    rowOfItem_.assign(items_.size(), kNoRow);
    for (size_t row = 0; row < view_.rows.size(); ++row)
        if (!view_.rows[row].isHeader) rowOfItem_[view_.rows[row].itemIndex] = static_cast<uint32_t>(row);
    dirty_ = false;
    ++recomputeCount_;
}

void TrashView::DropFromView(const std::vector<char>& leaving) const {
    // Sums first: a collapsed group counts its items without showing their rows. Items that are
    // not counted have no row either (a restore's row left when it was clicked): nothing to do.
    bool counted = false;
    for (size_t i = 0; i < leaving.size(); ++i) {
        if (!leaving[i] || !matched_[i]) continue;
        counted = true;
        const TrashItem& item = items_[i];
        for (GroupSummary& group : view_.groups)
            if (group.type == item.type) {
                --group.count;
                group.bytes -= item.sizeBytes;
            }
        --view_.matchCount;
        view_.matchBytes -= item.sizeBytes;
        matched_[i] = 0;
    }
    if (!counted) return;
    const auto countOf = [&](ItemType type) {
        for (const GroupSummary& group : view_.groups)
            if (group.type == type) return group.count;
        return size_t{0};
    };
    size_t at = 0;
    for (const ViewRow row : view_.rows) {
        if (row.isHeader ? countOf(row.group) == 0 : leaving[row.itemIndex] != 0) {
            if (!row.isHeader) rowOfItem_[row.itemIndex] = kNoRow;
            continue;
        }
        if (!row.isHeader) rowOfItem_[row.itemIndex] = static_cast<uint32_t>(at);
        view_.rows[at++] = row;
    }
    view_.rows.resize(at);
    view_.groups.erase(std::remove_if(view_.groups.begin(), view_.groups.end(),
                                      [](const GroupSummary& group) { return group.count == 0; }),
                       view_.groups.end());
}

std::vector<size_t> TrashView::ItemRowPositions() const {
    EnsureView();
    std::vector<size_t> positions;
    positions.reserve(view_.rows.size());
    for (size_t row = 0; row < view_.rows.size(); ++row)
        if (!view_.rows[row].isHeader) positions.push_back(row);
    return positions;
}

std::optional<size_t> TrashView::RowOfItem(size_t itemIndex) const {
    EnsureView();
    if (itemIndex >= rowOfItem_.size() || rowOfItem_[itemIndex] == kNoRow) return std::nullopt;
    return rowOfItem_[itemIndex];
}

}  // namespace trash
