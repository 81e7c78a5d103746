// The Trash list's state: the items, the filters, the sort, the grouping by type, the selection,
// the keyboard cursor and the optimistic removals in flight. The derived View (the rows to draw)
// is cached and rebuilt only when one of its inputs changes, never per frame.
#pragma once

#include <array>        // per-type group state
#include <cstddef>      // size_t
#include <cstdint>      // int64_t, uint64_t
#include <optional>     // focused key
#include <iterator>     // std::size
#include <string>       // query
#include <string_view>  // sort names
#include <utility>      // std::pair
#include <vector>       // items, rows

#include "core/countdown.h"   // kExpiringSoonMs
#include "core/hash_set.h"    // selection, hidden keys
#include "core/trash_item.h"  // TrashItem, ItemKey, ItemType

namespace trash {

enum class SortColumn { Name, DeletedBy, DeletedAt, TimeLeft, Size };

// The one table of sort names, indexed by SortColumn: the word in the page's address (route.h)
// and the listing's field the server sorts by (requests.h).
struct SortColumnNames {
    SortColumn column;
    std::string_view address, api;
};
inline constexpr SortColumnNames kSortColumnNames[] = {
    {SortColumn::Name, "name", "name"},
    {SortColumn::DeletedBy, "deletedBy", "deletedByName"},
    {SortColumn::DeletedAt, "deletedAt", "deletedAt"},
    {SortColumn::TimeLeft, "timeLeft", "scheduledCleanupAt"},
    {SortColumn::Size, "size", "sizeBytes"},
};
static_assert(std::size(kSortColumnNames) == size_t(SortColumn::Size) + 1, "one entry per SortColumn");
static_assert(kSortColumnNames[size_t(SortColumn::Size)].column == SortColumn::Size, "in SortColumn order");

struct SortSpec {
    SortColumn column = SortColumn::DeletedAt;
    bool ascending = false;  // newest deletions first by default
};

struct Filters {
    std::string query;                         // case-insensitive (ASCII) substring of name or parent name; "" = all
    std::array<bool, kItemTypeCount> types{};  // indexed by ItemType; all false = every type
    bool expiringSoon = false;                 // only items whose cleanup is under kExpiringSoonMs away (or due)
};

struct ViewRow {
    bool isHeader = false;
    ItemType group = ItemType::Unknown;
    size_t itemIndex = 0;  // index into TrashView::items(); meaningless for headers
};

struct GroupSummary {
    ItemType type = ItemType::Unknown;
    size_t count = 0;  // rows matching the filters, shown or collapsed
    int64_t bytes = 0;
    bool collapsed = false;
};

// What the table draws: header rows (one per non-empty group, in kAllItemTypes order) each
// followed by its item rows (none when collapsed).
struct View {
    std::vector<ViewRow> rows;
    std::vector<GroupSummary> groups;  // the non-empty groups, in order
    size_t matchCount = 0;             // items matching the filters
    int64_t matchBytes = 0;
};

struct ClickModifiers {
    bool toggle = false;  // Ctrl / Cmd
    bool range = false;   // Shift
};

enum class FocusMove { Up, Down, PageUp, PageDown, Home, End };

using OpId = uint64_t;

// Finds an item's position by key without copying keys: an open-addressing table of positions
// into the item vector it was built from (a 100,000-item map of string keys costs ~100 ms).
class ItemIndex {
public:
    void Build(const std::vector<TrashItem>& items);
    static constexpr uint32_t kGone = UINT32_MAX;  // in a move: the item is taken out
    // Before items move (`moves`: from → to, or kGone), with `items` as they are now: each moved
    // item's slot is found by its own key and renumbered, so a removal hashes only the items it
    // moves. False when the items repeat a key (then the index must be built again afterwards).
    bool Move(const std::vector<TrashItem>& items, const std::vector<std::pair<uint32_t, uint32_t>>& moves);
    std::optional<size_t> Find(const std::vector<TrashItem>& items, const ItemKey& key) const;
    std::optional<size_t> FindItem(const std::vector<TrashItem>& items, const TrashItem& item) const;  // by its key
    bool duplicates() const { return duplicates_; }

private:
    std::vector<uint32_t> slots_;  // kEmpty, kErased or a position; size is a power of two
    bool duplicates_ = false;
};

class TrashView {
public:
    // [SECTION] Items
    // Replaces the items with a fresh listing. Items of removals in flight stay hidden; selection
    // and focus stay on the items that still exist. An identical listing changes nothing (the
    // view generation stays the same).
    void SetItems(std::vector<TrashItem> items);
    const std::vector<TrashItem>& items() const { return items_; }
    const TrashItem* Find(const ItemKey& key) const;  // includes hidden items; nullptr if absent
    // Items not hidden by a pending removal, kept counted as items are hidden, shown and dropped
    // (the toolbar reads them in the frames of an action).
    size_t visibleItemCount() const;
    int64_t visibleItemBytes() const { return visibleBytes_; }
    const std::array<size_t, kItemTypeCount>& VisibleTypeCounts() const { return visibleCounts_; }  // by ItemType
    std::vector<ItemKey> AllVisibleKeys() const;  // every item not hidden, whatever the filters

    // [SECTION] Time (only the "expiring soon" filter depends on it)
    void SetNow(int64_t nowMs);  // rebuilds only when the filter is on and a boundary was crossed
    int64_t nowMs() const { return nowMs_; }
    int64_t NextFilterChangeMs() const;  // when the expiring-soon set next changes; kNever if off

    // [SECTION] Filters, sort, groups
    void SetQuery(const std::string& query);
    void SetTypeFilter(ItemType type, bool shown);
    void ClearTypeFilter();
    void SetExpiringSoon(bool on);
    void SetSort(SortSpec sort);
    void SetGroupCollapsed(ItemType type, bool collapsed);
    bool IsGroupCollapsed(ItemType type) const;
    const Filters& filters() const { return filters_; }
    // The typed search has a letter from the fonts' Latin extension (latin_extension.h).
    bool queryNeedsLatinExtension() const { return queryNeedsLatinExtension_; }
    SortSpec sort() const { return sort_; }
    void Refresh();  // forces a rebuild on the next view()

    // [SECTION] The derived view
    const View& view() const;                                // rebuilds first if an input changed
    uint64_t viewGeneration() const { return generation_; }  // bumps when an input changes
    uint64_t recomputeCount() const { return recomputeCount_; }

    // [SECTION] Selection, by key: it survives sorting, filtering and refreshes, and is dropped
    // for items that disappear. What actions act on is the *effective* selection: selected items
    // that match the filters and are not hidden by a removal in flight, so an action never
    // reaches rows the user cannot see. Clearing a filter shows the earlier selection again.
    // The anchor is where a range starts: the last row clicked, or toggled with its checkbox or Space.
    void Click(const ItemKey& key, ClickModifiers mods = {});
    void SetSelected(const ItemKey& key, bool selected);  // a row's checkbox (also sets the anchor)
    // Shift+Space: selects the rows from the anchor to the cursor (just the cursor's row when there
    // is no anchor in view, which then becomes the anchor); the rest of the selection is dropped.
    void SelectToFocus();
    void SelectAllVisible();  // item rows of the view (collapsed groups excluded)
    void ClearSelection();
    bool IsSelected(const ItemKey& key) const;
    size_t selectionCount() const;
    std::vector<ItemKey> selectedKeys() const;            // in view order
    std::vector<const TrashItem*> selectedItems() const;  // in view order
    int64_t selectionBytes() const;
    // Bumps whenever the effective selection may have changed (a selection edit, or any input of
    // the view), so a summary of it is recomputed only then.
    uint64_t selectionGeneration() const { return selectionGeneration_; }

    // [SECTION] Keyboard cursor over the item rows of the view
    void MoveFocus(FocusMove move, size_t pageRows = 10);
    // Shift+arrows: moves the cursor, then selects from the anchor to it. Without an anchor in view
    // the range starts at the row the cursor left (or, with no cursor yet, the row it lands on).
    void ExtendFocus(FocusMove move, size_t pageRows = 10);
    void SetFocus(const ItemKey& key);
    const std::optional<ItemKey>& focused() const { return focused_; }
    std::optional<size_t> focusedRow();  // index into view().rows

    // [SECTION] Optimistic removals (restore, permanent delete): hide now, settle on the answer.
    // Neither rebuilds the view: hiding takes the rows out of the built view, and settling drops
    // items that are already out of it (a roll back, rare, rebuilds it). Dropping an item moves
    // the last item into its place, so items() keeps no order of its own after a removal.
    void BeginRemove(OpId op, std::vector<ItemKey> keys);
    void CommitRemove(OpId op);  // gone for good
    void RollBack(OpId op);      // back exactly as before, selection included
    // Commits the op's keys in `done` and rolls back the rest (partial success).
    void SettleRemove(OpId op, const std::vector<ItemKey>& done);
    bool IsPending(OpId op) const;
    bool IsHidden(const ItemKey& key) const;

    // [SECTION] An action's outcome on the rows it did not name (so the page needs no re-list)
    // Permanently deleting a project deletes its versions and models that sit in Trash in their
    // own rows: those rows go too.
    void RemoveChildrenOf(const std::vector<std::string>& projectIds);
    // A project came back (id, url): its versions and models still in Trash may be restored on
    // their own now, and name the project by its url (a taken slug gave it a new one).
    void ParentsRestored(const std::vector<std::pair<std::string, std::string>>& projects);

private:
    struct PendingRemove {
        std::vector<ItemKey> keys;
        std::vector<ItemKey> wasSelected;
    };
    using KeySet = HashSet<ItemKey, ItemKeyHash>;
    using Pending = std::vector<std::pair<OpId, PendingRemove>>;  // few at a time
    Pending::iterator FindPending(OpId op);
    Pending::const_iterator FindPending(OpId op) const;

    void Invalidate();  // the view must be rebuilt
    void Changed();     // the view was brought up to date in place: only the generations bump
    bool SameItems(const std::vector<TrashItem>& items) const;  // in any order
    void Reindex();  // per-item caches of a new item set (taking items out renumbers them instead)
    void RebuildHidden();
    void SetHidden(size_t index, bool hidden);  // the flag and the visible counts
    void CountVisible(size_t index, int sign);  // an item joins (+1) or leaves (-1) the visible counts
    void RemoveItems(const std::vector<char>& gone);
    void RemoveThresholds(std::vector<int64_t> gone);  // the gone items' expiring thresholds
    // Takes items (by index) out of a built view as a rebuild would: rows, group counts and sums,
    // groups left empty. One pass over the rows; no filter, sort or allocation per row.
    void DropFromView(const std::vector<char>& leaving) const;
    void EnsureView() const;
    void SortOrder() const;
    bool NameLess(uint32_t a, uint32_t b) const;
    void EnsureNameOrder() const;
    bool Matches(size_t index) const;
    size_t ExpiringCountAt(int64_t nowMs) const;
    std::optional<size_t> IndexOf(const ItemKey& key) const;
    std::vector<size_t> ItemRowPositions() const;  // view row indices of item rows
    std::optional<size_t> RowOfItem(size_t itemIndex) const;
    std::optional<size_t> RowOfKey(const ItemKey& key) const;
    // Replaces the selection (or adds to it, with `keep`) with the item rows between two view rows.
    void SelectRows(size_t fromRow, size_t toRow, bool keep);

    // Items and what is derived from them once per item set.
    std::vector<TrashItem> items_;
    ItemIndex index_;
    std::vector<int64_t> expiringThresholds_;             // sorted; an item expires soon when now >= its threshold
    std::vector<char> hiddenFlags_;                       // per item: hidden by a pending removal
    std::array<size_t, kItemTypeCount> visibleCounts_{};  // items not hidden, by type
    int64_t visibleBytes_ = 0;

    // Inputs of the view.
    Filters filters_;
    std::string lowerQuery_;
    bool queryNeedsLatinExtension_ = false;
    SortSpec sort_;
    std::array<bool, kItemTypeCount> collapsed_{};
    int64_t nowMs_ = 0;
    size_t expiringCount_ = 0;

    // The cache (rebuilt by const accessors, hence mutable).
    mutable std::vector<uint32_t> order_;  // item indices in sort order
    mutable bool orderValid_ = false;
    mutable std::vector<uint32_t> nameOrder_;  // item indices by name; valid per item set
    mutable bool nameOrderValid_ = false;
    mutable std::vector<char> matched_;  // per item: passes filters and is not hidden
    mutable View view_;
    // Per item: its row in view_.rows, or kNoRow (filtered out, collapsed, hidden). The table asks
    // for the focused row every frame, so this is a lookup, not a scan of 100,000 rows.
    static constexpr uint32_t kNoRow = UINT32_MAX;
    static constexpr uint32_t kGone = ItemIndex::kGone;
    mutable std::vector<uint32_t> rowOfItem_;
    mutable bool dirty_ = true;
    mutable uint64_t recomputeCount_ = 0;
    uint64_t generation_ = 1;
    uint64_t selectionGeneration_ = 1;

    KeySet selection_;
    std::optional<ItemKey> anchor_;
    std::optional<ItemKey> focused_;
    size_t focusFallback_ = 0;  // item-row position the cursor takes when its item disappears

    Pending pending_;
    KeySet hidden_;
};

}  // namespace trash
