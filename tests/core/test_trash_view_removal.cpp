// Tests that the view's in-place updates equal a fresh rebuild: rows hidden by a removal in flight,
// items dropped when it settles (committed, partly done, rolled back) and a deleted project's
// children, on every sort column, with each filter, search text and a collapsed group.
#include <catch2/catch.hpp>

#include <algorithm>  // std::find
#include <iostream>
#include <tuple>  // a group summary compared as one value

#include "core/countdown.h"
#include "core/trash_view.h"
#include "test_support.h"

using namespace trash;
using test::kNow;

namespace {
// Everything a frame reads of the view, by key (item indices differ between the two views).
struct Snapshot {
    std::vector<std::string> rows;
    std::vector<std::tuple<ItemType, size_t, int64_t, bool>> groups;
    size_t matchCount = 0;
    int64_t matchBytes = 0;
    size_t visibleCount = 0;
    int64_t visibleBytes = 0;
    std::array<size_t, kItemTypeCount> typeCounts{};
    bool operator==(const Snapshot& o) const {
        return rows == o.rows && groups == o.groups && matchCount == o.matchCount && matchBytes == o.matchBytes &&
               visibleCount == o.visibleCount && visibleBytes == o.visibleBytes && typeCounts == o.typeCounts;
    }
};

std::string KeyText(const TrashItem& item) { return item.id + "/" + item.parentId; }

Snapshot SnapshotOf(const TrashView& view) {
    Snapshot s;
    const View& v = view.view();
    for (const ViewRow& row : v.rows)
        s.rows.push_back(row.isHeader ? "#" + std::string(ItemTypeDisplayName(row.group))
                                      : KeyText(view.items()[row.itemIndex]));
    for (const GroupSummary& g : v.groups) s.groups.emplace_back(g.type, g.count, g.bytes, g.collapsed);
    s.matchCount = v.matchCount;
    s.matchBytes = v.matchBytes;
    s.visibleCount = view.visibleItemCount();
    s.visibleBytes = view.visibleItemBytes();
    s.typeCounts = view.VisibleTypeCounts();
    return s;
}

// The view's per-row lookups (the focused row, selection by key) must follow the moved rows.
void CheckRowLookups(TrashView& view) {
    const View v = view.view();
    for (size_t row = 0; row < v.rows.size(); row += 7) {
        if (v.rows[row].isHeader) continue;
        const ItemKey key = KeyOf(view.items()[v.rows[row].itemIndex]);
        view.SetFocus(key);
        REQUIRE(view.focusedRow() == row);
        REQUIRE(view.Find(key) == &view.items()[v.rows[row].itemIndex]);
    }
}

struct Setup {
    std::string name;
    void (*apply)(TrashView&);
};

const Setup kSetups[] = {
    {"no filter", [](TrashView&) {}},
    {"search", [](TrashView& v) { v.SetQuery("Street"); }},
    {"search in parent names", [](TrashView& v) { v.SetQuery("parent 1"); }},
    {"types",
     [](TrashView& v) {
         v.SetTypeFilter(ItemType::Model, true);
         v.SetTypeFilter(ItemType::Workflow, true);
     }},
    {"expiring soon", [](TrashView& v) { v.SetExpiringSoon(true); }},
    {"a collapsed group", [](TrashView& v) { v.SetGroupCollapsed(ItemType::Version, true); }},
};

TrashView Prepared(const std::vector<TrashItem>& items, const Setup& setup, SortSpec sort) {
    TrashView view;
    view.SetNow(kNow);
    view.SetItems(items);
    view.SetSort(sort);
    setup.apply(view);
    return view;
}

std::vector<TrashItem> Without(const std::vector<TrashItem>& items, const std::vector<ItemKey>& keys) {
    std::vector<TrashItem> kept;
    for (const TrashItem& item : items)
        if (std::find(keys.begin(), keys.end(), KeyOf(item)) == keys.end()) kept.push_back(item);
    return kept;
}
}  // namespace

TEST_CASE("Hiding and dropping rows in place equals a fresh rebuild, on every sort and filter",
          "[trash_view][removal]") {
    std::vector<TrashItem> items = test::GenerateItems(400);
    for (size_t i = 0; i < items.size(); i += 9) items[i].name = "same name";  // ties keep their order
    // Every group loses something; the workflows at 4, 9, 14 ... all but one go, so a group can empty.
    std::vector<ItemKey> first, second;
    for (size_t i = 0; i < items.size(); i += 13) first.push_back(KeyOf(items[i]));
    for (size_t i = 2; i < items.size(); i += 31) second.push_back(KeyOf(items[i]));
    const std::vector<ItemKey> one = {KeyOf(items[37])};

    for (const Setup& setup : kSetups)
        for (const SortColumnNames& names : kSortColumnNames)
            for (const bool ascending : {true, false}) {
                CAPTURE(setup.name, names.address, ascending);
                const SortSpec sort{names.column, ascending};
                TrashView view = Prepared(items, setup, sort);
                view.view();
                const uint64_t rebuilds = view.recomputeCount();

                view.BeginRemove(1, first);
                view.BeginRemove(2, second);
                view.BeginRemove(3, one);
                TrashView fresh = Prepared(items, setup, sort);  // the same removals, then one rebuild
                fresh.BeginRemove(1, first);
                fresh.BeginRemove(2, second);
                fresh.BeginRemove(3, one);
                CHECK(SnapshotOf(view) == SnapshotOf(fresh));
                CHECK(view.recomputeCount() == rebuilds);

                view.CommitRemove(3);  // a one-row restore: no rebuild, and the rest as a fresh listing's
                view.CommitRemove(1);
                std::vector<ItemKey> gone = one;
                gone.insert(gone.end(), first.begin(), first.end());
                TrashView relisted = Prepared(Without(items, gone), setup, sort);
                relisted.BeginRemove(2, second);
                CHECK(SnapshotOf(view) == SnapshotOf(relisted));
                CHECK(view.recomputeCount() == rebuilds);
                CheckRowLookups(view);

                // Partly done: half of the second op goes, the rest comes back (that rebuilds).
                const std::vector<ItemKey> half(second.begin(), second.begin() + second.size() / 2);
                view.SettleRemove(2, half);
                gone.insert(gone.end(), half.begin(), half.end());
                CHECK(SnapshotOf(view) == SnapshotOf(Prepared(Without(items, gone), setup, sort)));
                CheckRowLookups(view);
            }
}

TEST_CASE("A deleted project's children leave the view in place as a fresh listing would show it",
          "[trash_view][removal]") {
    const std::vector<TrashItem> items = test::GenerateItems(300);
    for (const Setup& setup : kSetups)
        for (const SortColumnNames& names : kSortColumnNames) {
            CAPTURE(setup.name, names.address);
            const SortSpec sort{names.column, false};
            TrashView view = Prepared(items, setup, sort);
            view.view();
            const uint64_t rebuilds = view.recomputeCount();
            view.RemoveChildrenOf({"p3", "p20"});
            std::vector<TrashItem> kept;
            for (const TrashItem& item : items)
                if (!(IsChildType(item.type) && (item.parentId == "p3" || item.parentId == "p20")))
                    kept.push_back(item);
            REQUIRE(kept.size() < items.size());
            CHECK(SnapshotOf(view) == SnapshotOf(Prepared(kept, setup, sort)));
            CHECK(view.recomputeCount() == rebuilds);
            CheckRowLookups(view);
        }
}

TEST_CASE("The expiring filter still follows the clock after items were dropped", "[trash_view][removal]") {
    const std::vector<TrashItem> items = test::GenerateItems(200);
    TrashView view = Prepared(items, kSetups[4], {});
    view.view();
    std::vector<ItemKey> gone;
    for (size_t i = 0; i < items.size(); i += 3) gone.push_back(KeyOf(items[i]));
    view.BeginRemove(1, gone);
    view.CommitRemove(1);
    const std::vector<TrashItem> kept = Without(items, gone);
    for (const int64_t later : {kNow + 2 * kDayMs, kNow + 9 * kDayMs, kNow + 20 * kDayMs}) {
        CAPTURE(later);
        TrashView fresh = Prepared(kept, kSetups[4], {});
        fresh.SetNow(later);
        view.SetNow(later);
        CHECK(view.NextFilterChangeMs() == fresh.NextFilterChangeMs());
        CHECK(SnapshotOf(view) == SnapshotOf(fresh));
    }
}

TEST_CASE("Restoring one row of 100,000 does not rebuild the view (benchmark)", "[trash_view][benchmark]") {
    TrashView view;
    view.SetNow(kNow);
    std::vector<TrashItem> items = test::GenerateItems(100'000);
    const ItemKey key = KeyOf(items[50'000]);
    view.SetItems(std::move(items));
    view.view();
    const uint64_t rebuilds = view.recomputeCount();
    const double hideMs = test::MillisecondsOf([&] {
        view.BeginRemove(1, {key});
        view.view();
    });
    const double commitMs = test::MillisecondsOf([&] {
        view.CommitRemove(1);
        view.view();
    });
    CHECK(view.recomputeCount() == rebuilds);
    CHECK(view.items().size() == 99'999);
    view.Refresh();
    const double rebuildMs = test::MillisecondsOf([&] { view.view(); });
    std::cout << "[benchmark] one row of 100,000: hide " << hideMs << " ms, commit " << commitMs
              << " ms (a rebuild of the view: " << rebuildMs << " ms)\n";
}

// A removal moves the last items into the holes it leaves (so a one-row restore moves one item):
// the items held are then the listing's in another order, and everything keyed by position (the
// key index, the orders, the view's rows, the per-item flags) must follow the moved items.
TEST_CASE("Items taken out anywhere leave every lookup on the items that moved into their places",
          "[trash_view][removal]") {
    const std::vector<TrashItem> items = test::GenerateItems(120);
    const auto keysAt = [&](std::initializer_list<size_t> at) {
        std::vector<ItemKey> keys;
        for (const size_t i : at) keys.push_back(KeyOf(items[i]));
        return keys;
    };
    // The first item, the last, a run at the end (holes at or past the new end), scattered ones.
    const std::vector<std::vector<ItemKey>> rounds = {keysAt({0}), keysAt({119}), keysAt({115, 116, 117, 118}),
                                                      keysAt({3, 50, 51, 114, 2, 90})};
    for (const Setup& setup : kSetups)
        for (const SortColumnNames& names : kSortColumnNames) {
            CAPTURE(setup.name, names.address);
            const SortSpec sort{names.column, true};
            TrashView view = Prepared(items, setup, sort);
            view.view();
            const uint64_t rebuilds = view.recomputeCount();
            view.BeginRemove(9, keysAt({7, 8}));  // still in flight throughout: stays hidden
            std::vector<ItemKey> gone;
            OpId op = 1;
            for (const std::vector<ItemKey>& round : rounds) {
                view.BeginRemove(op, round);
                view.CommitRemove(op++);
                gone.insert(gone.end(), round.begin(), round.end());
                TrashView relisted = Prepared(Without(items, gone), setup, sort);
                relisted.BeginRemove(9, keysAt({7, 8}));
                CHECK(SnapshotOf(view) == SnapshotOf(relisted));
                CheckRowLookups(view);
                for (const ItemKey& key : gone) CHECK(view.Find(key) == nullptr);
            }
            CHECK(view.recomputeCount() == rebuilds);
            // The rows still in flight come back where a fresh view puts them.
            view.RollBack(9);
            CHECK(SnapshotOf(view) == SnapshotOf(Prepared(Without(items, gone), setup, sort)));
            CheckRowLookups(view);
        }
}

TEST_CASE("After a removal the same listing in the server's order changes nothing", "[trash_view][removal]") {
    const std::vector<TrashItem> items = test::GenerateItems(60);
    TrashView view = Prepared(items, kSetups[0], {});
    view.view();
    view.BeginRemove(1, {KeyOf(items[4])});
    view.CommitRemove(1);
    const uint64_t generation = view.viewGeneration(), rebuilds = view.recomputeCount();
    std::vector<TrashItem> relisted = Without(items, {KeyOf(items[4])});
    REQUIRE(relisted != view.items());  // the last item took the removed one's place
    view.SetItems(relisted);
    CHECK(view.viewGeneration() == generation);
    view.view();
    CHECK(view.recomputeCount() == rebuilds);
    // A listing with one item changed, or one key twice in place of another, is a new listing.
    relisted[10].name = "renamed";
    view.SetItems(relisted);
    CHECK(view.viewGeneration() != generation);
    std::vector<TrashItem> twice = Without(items, {KeyOf(items[4])});
    twice[1] = twice[0];
    view.SetItems(twice);
    CHECK(view.items() == twice);
}

TEST_CASE("Items that repeat a key are still found after a removal", "[trash_view][removal]") {
    std::vector<TrashItem> items = test::GenerateItems(30);
    items.push_back(items[5]);  // the same key twice (a server bug): the first is the one indexed
    TrashView view = Prepared(items, kSetups[0], {});
    view.view();
    view.BeginRemove(1, {KeyOf(items[0])});
    view.CommitRemove(1);
    for (size_t i = 1; i < items.size(); ++i) CHECK(view.Find(KeyOf(items[i])) != nullptr);
    CHECK(view.Find(KeyOf(items[0])) == nullptr);
    CHECK(view.items().size() == items.size() - 1);
}
