// Tests of the row facts both Trash layouts and the row menu draw from: names with their
// fallbacks, the parent's label, urgency, and the actions with their enabled state and reason.
#include <catch2/catch.hpp>

#include "core/row_facts.h"
#include "test_support.h"

using namespace trash;
using test::kNow;

namespace {
Session SessionWith(std::vector<std::string> permissions) {
    Session session;
    session.user.id = "u_alice";
    session.role.permissions = std::move(permissions);
    return session;
}
const Session kOwner = SessionWith({"view_trash", "view_activity", "restore_dataset", "restore_version",
                                    "restore_model", "restore_workflow", "delete_permanently"});

std::vector<RowActionKind> KindsOf(const RowFacts& facts) {
    std::vector<RowActionKind> kinds;
    for (const RowAction& a : facts.actions) kinds.push_back(a.kind);
    return kinds;
}
}  // namespace

TEST_CASE("A row is named by its name, else its id, and a child after its project", "[row_facts]") {
    TrashItem version = test::MakeChild(ItemType::Version, "3", "augmented", "p1", "Cats");
    RowFacts facts = FactsOf(version, &kOwner, kNow);
    CHECK(facts.name == "augmented");
    CHECK(facts.parent == "Cats");
    CHECK(facts.label == "Cats / augmented");
    CHECK(facts.key == KeyOf(version));

    version.name.clear();
    version.parentName.clear();  // the project's url stands in for its name
    facts = FactsOf(version, &kOwner, kNow);
    CHECK(facts.name == "3");
    CHECK(facts.parent == "url-p1");
    CHECK(facts.label == "url-p1 / 3");

    TrashItem project = test::MakeItem(ItemType::Project, "p_1", "Line\nbreak\xE2\x80\xAE");
    project.parentName = "ignored";
    facts = FactsOf(project, &kOwner, kNow);
    CHECK(facts.parent.empty());
    CHECK(facts.label == facts.name);
    CHECK(facts.name.find('\n') == std::string::npos);  // sanitised for drawing
}

TEST_CASE("A row's details: deleter, children, images, unknown type", "[row_facts]") {
    TrashItem project = test::MakeItem(ItemType::Project, "p_1", "Pallet");
    project.childCount = 4;
    project.cleanupDeleteImages = true;
    project.deletedByName.clear();
    RowFacts facts = FactsOf(project, &kOwner, kNow);
    CHECK(facts.deletedBy == "u_alice");  // no name: the id
    CHECK(facts.childCount == 4);
    CHECK(facts.childPill == "+4");
    CHECK(facts.childNote == "4 versions and models went to Trash with this project and come back with it");
    CHECK(facts.deletesImages);
    CHECK(facts.unknownType.empty());
    project.childCount = 1;
    facts = FactsOf(project, &kOwner, kNow);
    CHECK(facts.childPill == "+1");
    CHECK(facts.childNote == "1 version or model went to Trash with this project and comes back with it");

    TrashItem dataset = test::MakeItem(ItemType::Dataset, "ds", "Night");
    dataset.childCount = 2;  // only projects carry children
    dataset.cleanupDeleteImages = true;
    facts = FactsOf(dataset, &kOwner, kNow);
    CHECK(facts.childCount == 0);
    CHECK(facts.childPill.empty());
    CHECK(facts.childNote.empty());
    CHECK_FALSE(facts.deletesImages);
    CHECK(facts.deletedBy == "Alice");

    TrashItem odd = test::MakeItem(ItemType::Unknown, "x", "Odd");
    odd.typeName = "pipeline";
    CHECK(FactsOf(odd, &kOwner, kNow).unknownType == "pipeline");
}

TEST_CASE("A row's countdown carries its urgency", "[row_facts]") {
    TrashItem item = test::MakeItem(ItemType::Workflow, "wf", "Nightly");
    item.scheduledCleanupAtMs = kNow + 3 * kDayMs;
    RowFacts facts = FactsOf(item, &kOwner, kNow);
    CHECK(facts.timeLeft.label == "3 days left");
    CHECK(facts.timeLeft.urgency == Urgency::Amber);
    CHECK(UrgencyName(facts.timeLeft.urgency) == "amber");
    item.scheduledCleanupAtMs = kNow + kHourMs;
    CHECK(UrgencyName(FactsOf(item, &kOwner, kNow).timeLeft.urgency) == "red");
    item.scheduledCleanupAtMs = kNow + 20 * kDayMs;
    CHECK(UrgencyName(FactsOf(item, &kOwner, kNow).timeLeft.urgency) == "normal");
}

TEST_CASE("A row offers copy, restore and delete, each enabled or with its reason", "[row_facts]") {
    const TrashItem dataset = test::MakeItem(ItemType::Dataset, "ds", "Night");
    RowFacts facts = FactsOf(dataset, &kOwner, kNow);
    CHECK(KindsOf(facts) == std::vector<RowActionKind>{RowActionKind::CopyName, RowActionKind::CopyId,
                                                       RowActionKind::History, RowActionKind::Restore,
                                                       RowActionKind::DeletePermanently});
    for (const RowAction& a : facts.actions) CHECK(a.enabled);
    const RowAction* restore = facts.action(RowActionKind::Restore);
    REQUIRE(restore);
    CHECK(restore->id == "restore");
    CHECK(std::get<intent::Restore>(restore->intent).keys == std::vector<ItemKey>{KeyOf(dataset)});
    const RowAction* del = facts.action(RowActionKind::DeletePermanently);
    REQUIRE(del);
    CHECK(del->danger);
    CHECK(std::get<intent::OpenDialog>(del->intent).kind == DialogKind::ConfirmDeletePermanently);
    CHECK(facts.action(RowActionKind::RestoreParentFirst) == nullptr);
    const RowAction* history = facts.action(RowActionKind::History);
    REQUIRE(history);
    CHECK(std::get<intent::OpenHistory>(history->intent).key == KeyOf(dataset));

    SECTION("a role without the permissions") {
        const Session reviewer = SessionWith({"view_trash", "restore_version"});
        facts = FactsOf(dataset, &reviewer, kNow);
        CHECK_FALSE(facts.action(RowActionKind::Restore)->enabled);
        CHECK(facts.action(RowActionKind::Restore)->reason ==
              "Your role lacks the \"Restore projects and datasets\" permission");
        CHECK(facts.action(RowActionKind::DeletePermanently)->reason ==
              "Your role lacks the \"Delete permanently\" permission");
        CHECK(facts.action(RowActionKind::CopyName)->enabled);
        CHECK(facts.action(RowActionKind::History)->reason == "Your role lacks view_activity");
    }
    SECTION("without a session there are no actions") { CHECK(FactsOf(dataset, nullptr, kNow).actions.empty()); }
}

TEST_CASE("A child whose project is in Trash offers Restore project first", "[row_facts]") {
    const TrashItem version = test::MakeChild(ItemType::Version, "2", "v2", "p_1", "Traffic Lights", true);
    RowFacts facts = FactsOf(version, &kOwner, kNow);
    CHECK(facts.parentFirst);
    CHECK(KindsOf(facts) == std::vector<RowActionKind>{RowActionKind::CopyName, RowActionKind::CopyId,
                                                       RowActionKind::History, RowActionKind::Restore,
                                                       RowActionKind::RestoreParentFirst,
                                                       RowActionKind::DeletePermanently});
    const RowAction* restore = facts.action(RowActionKind::Restore);
    CHECK_FALSE(restore->enabled);
    CHECK(restore->reason == "Restore the project \"Traffic Lights\" first: this version's project is in Trash");
    const RowAction* parent = facts.action(RowActionKind::RestoreParentFirst);
    REQUIRE(parent);
    CHECK(parent->enabled);
    CHECK(parent->id == "restore-parent");
    CHECK(parent->hint == "Restores \"Traffic Lights\" with everything that went to Trash with it");
    CHECK(std::get<intent::RestoreParentFirst>(parent->intent).child == KeyOf(version));

    const Session versionsOnly = SessionWith({"view_trash", "restore_version"});
    facts = FactsOf(version, &versionsOnly, kNow);
    parent = facts.action(RowActionKind::RestoreParentFirst);
    CHECK_FALSE(parent->enabled);
    CHECK(parent->reason == "Your role lacks the \"Restore projects and datasets\" permission");
}

TEST_CASE("A row's dates and size are worded once, as the countdown module words them", "[row_facts]") {
    TrashItem item = test::MakeItem(ItemType::Dataset, "ds", "Night");
    item.sizeBytes = 1536;
    const RowFacts facts = FactsOf(item, &kOwner, kNow);
    CHECK(facts.deletedAtText == "Deleted " + FormatDateTime(item.deletedAtMs));
    CHECK(facts.purgeTime == FormatPurgeTime(item.scheduledCleanupAtMs));
    CHECK(facts.expiresDate == FormatDate(item.scheduledCleanupAtMs));
    CHECK(facts.size == "1.5 KB");
}

TEST_CASE("The rows' facts are kept from frame to frame and built again only when an input changes", "[row_facts]") {
    RowFactsCache cache;
    TrashItem item = test::MakeItem(ItemType::Dataset, "ds", "Night");
    item.scheduledCleanupAtMs = kNow + 3 * kDayMs + kHourMs;
    const RowFacts* first = &cache.Get(item, &kOwner, kNow);
    CHECK(first->name == "Night");

    SECTION("the same item, session and labels: the same facts, not built again") {
        CHECK(&cache.Get(item, &kOwner, kNow + kMinuteMs) == first);
        CHECK(cache.builds() == 1);
    }
    SECTION("an item changed in place (a refresh, a restored parent) is built again") {
        item.name = "Day";
        CHECK(cache.Get(item, &kOwner, kNow).name == "Day");
        item.sizeBytes = 2048;
        CHECK(cache.Get(item, &kOwner, kNow).size == "2 KB");
        CHECK(cache.builds() == 3);
    }
    SECTION("another role's permissions, or no session, change the actions") {
        const Session viewer = SessionWith({"view_trash"});
        CHECK_FALSE(cache.Get(item, &viewer, kNow).action(RowActionKind::Restore)->enabled);
        CHECK(cache.Get(item, nullptr, kNow).actions.empty());
        CHECK(cache.Get(item, &kOwner, kNow).action(RowActionKind::Restore)->enabled);
    }
    SECTION("a countdown or a \"days ago\" that would read differently is worded again") {
        const RowFacts& later = cache.Get(item, &kOwner, kNow + kDayMs);
        CHECK(later.timeLeft.label == "2 days left");
        CHECK(later.deletedAgo == "2 days ago");
        CHECK(cache.Get(item, &kOwner, kNow).timeLeft.label == "3 days left");  // a clock set back
    }
    SECTION("trimmed between frames when it holds more rows than a screen shows") {
        for (int i = 0; i < 600; ++i)
            cache.Get(test::MakeItem(ItemType::Dataset, "d" + std::to_string(i), "D"), &kOwner, kNow);
        cache.Trim(512);
        CHECK(cache.size() == 0);
        cache.Get(item, &kOwner, kNow);
        cache.Trim(512);
        CHECK(cache.size() == 1);
    }
}
