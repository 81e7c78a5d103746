// Tests of permission checks and the tooltip reasons of disabled actions.
#include <catch2/catch.hpp>

#include "core/permissions.h"
#include "test_support.h"

using namespace trash;

namespace {
Session WithPermissions(std::vector<std::string> permissions) {
    Session session;
    session.user.id = "u_alice";
    session.role.permissions = std::move(permissions);
    return session;
}
}  // namespace

TEST_CASE("Each type maps to its trash and restore permission", "[permissions]") {
    CHECK(RestorePermissionFor(ItemType::Project) == "restore_dataset");
    CHECK(RestorePermissionFor(ItemType::Dataset) == "restore_dataset");
    CHECK(RestorePermissionFor(ItemType::Version) == "restore_version");
    CHECK(RestorePermissionFor(ItemType::Model) == "restore_model");
    CHECK(RestorePermissionFor(ItemType::Workflow) == "restore_workflow");
    CHECK(RestorePermissionFor(ItemType::Unknown).empty());
    CHECK(TrashPermissionFor(ItemType::Project) == "trash_dataset");
    CHECK(TrashPermissionFor(ItemType::Model) == "trash_model");
}

TEST_CASE("Missing permissions are named for the tooltip", "[permissions]") {
    const Session viewer = WithPermissions({"view_trash", "restore_dataset"});
    const TrashItem version = test::MakeChild(ItemType::Version, "3", "v3", "p1", "Cats");
    const TrashItem project = test::MakeItem(ItemType::Project, "p1", "Cats");
    CHECK(MissingPermissionToRestore(viewer, version) == std::string("restore_version"));
    CHECK_FALSE(MissingPermissionToRestore(viewer, project));
    CHECK(RestoreBlockedReason(viewer, version) == std::string("Your role lacks the \"Restore versions\" permission"));
    CHECK_FALSE(RestoreBlockedReason(viewer, project));
    CHECK(DeleteBlockedReason(viewer) == std::string("Your role lacks the \"Delete permanently\" permission"));
    CHECK_FALSE(MissingPermissionToView(viewer));
    CHECK(MissingPermissionToView(WithPermissions({})) == std::string("view_trash"));
    CHECK(MissingPermissionToTrash(viewer, ItemType::Workflow) == std::string("trash_workflow"));
}

TEST_CASE("A child whose project is in Trash says to restore the project first", "[permissions]") {
    const Session owner = WithPermissions({"view_trash", "restore_version", "restore_model"});
    const TrashItem model = test::MakeChild(ItemType::Model, "m1", "yolo", "p1", "Cats", true);
    CHECK(RestoreBlockedReason(owner, model) ==
          std::string("Restore the project \"Cats\" first: this model's project is in Trash"));
    TrashItem odd = test::MakeItem(ItemType::Unknown, "x", "x");
    odd.typeName = "pipeline";
    CHECK(RestoreBlockedReason(owner, odd) == std::string("This page cannot restore \"pipeline\" items"));
}

TEST_CASE("Only a project's owner can move it to Trash", "[permissions]") {
    const Session alice = WithPermissions({"trash_dataset"});
    CHECK_FALSE(DeleteProjectBlockedReason(alice, "u_alice", "Alice"));
    CHECK(DeleteProjectBlockedReason(alice, "u_bob", "Bob") ==
          std::string("Only the owner, Bob, can delete this project"));
    CHECK(DeleteProjectBlockedReason(WithPermissions({}), "u_alice", "Alice") ==
          std::string("Your role lacks the \"Move projects and datasets to Trash\" permission"));
}

TEST_CASE("Restoring a mixed selection takes only the rows that can be restored, in order", "[permissions]") {
    const Session session = WithPermissions({"view_trash", "restore_dataset", "restore_model"});
    const TrashItem project = test::MakeItem(ItemType::Project, "p1", "Cats");
    const TrashItem orphan = test::MakeChild(ItemType::Model, "m1", "yolo", "p1", "Cats", true);   // project in Trash
    const TrashItem version = test::MakeChild(ItemType::Version, "3", "v3", "p2", "Dogs", false);  // role lacks it
    const TrashItem model = test::MakeChild(ItemType::Model, "m2", "rtdetr", "p2", "Dogs", false);
    const std::vector<ItemKey> keys = RestorableKeys(session, {&model, &orphan, &version, &project});
    REQUIRE(keys.size() == 2);
    CHECK(keys[0] == KeyOf(model));
    CHECK(keys[1] == KeyOf(project));
    CHECK(RestorableKeys(session, {}).empty());
}

TEST_CASE("Permissions read as words, from one table (issue 15)", "[permissions]") {
    CHECK(PermissionWords("delete_permanently") == "Delete permanently");
    CHECK(PermissionWords("view_trash") == "View Trash");
    CHECK(PermissionWords("restore_version") == "Restore versions");
    CHECK(PermissionWords("trash_dataset") == "Move projects and datasets to Trash");
    CHECK(PermissionWords("rename_everything") == "rename_everything");  // unknown ids pass through
    // No tooltip shows an identifier.
    const Session none = WithPermissions({});
    for (const ItemType type :
         {ItemType::Project, ItemType::Version, ItemType::Model, ItemType::Dataset, ItemType::Workflow}) {
        const std::string reason = *RestoreBlockedReason(none, test::MakeItem(type, "x", "X"));
        CHECK(reason.find('_') == std::string::npos);
    }
    CHECK(*DeleteBlockedReason(none) == "Your role lacks the \"Delete permanently\" permission");
}
