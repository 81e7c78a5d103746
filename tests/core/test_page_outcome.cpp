// Tests of an action's outcome applied locally (page_outcome.cpp): the rows an answer implies
// (a restored project's own-row children, a deleted project's), the storage figures, and the
// listing version taken from the answers, so a restore or deletion costs no re-list and no
// session re-read; and every case where the page must still ask the server.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>

#include "core/listing_codec.h"  // EncodeTrashListing
#include "core/page_state.h"
#include "requests_support.h"  // Only, Has
#include "test_support.h"

using namespace trash;
using test::Has;
using test::kNow;
using test::Only;

namespace {
const std::string kSession =
    R"({"user":{"id":"u_alice","name":"Alice","email":"alice@acme.test"},"role":{"name":"Owner","permissions":[)"
    R"("view_trash","restore_dataset","restore_version","restore_model","restore_workflow","delete_permanently"]},)"
    R"("workspace":{"id":"w1","url":"acme","name":"Acme Robotics","retentionDays":30},)"
    R"("storage":{"usedBytes":5000000000,"trashBytes":1400000000,"quotaBytes":0},"csrfToken":"tok"})";

std::string Versions(const std::string& before, const std::string& after) {
    return R"(,"listingVersion":{"before":")" + before + R"(","after":")" + after + R"("}})";
}

// A page showing the fixture listing (p_1 with its version "2" and model m_7 in their own rows,
// ds_9, wf_4) at version "v1".
struct Page {
    PageState state;
    Page() {
        const Requests start = state.Start(kNow);
        const Requests load = state.OnResponse(Only(start, RequestKind::WhoAmI).tag, 200, kSession);
        std::string listing = test::ReadFixture("trash_listing_full.json");
        listing.insert(listing.rfind('}'), R"(,"version":"v1")");
        state.OnResponse(Only(load, RequestKind::ListTrash).tag, 200, listing);
    }
    ItemKey Key(const std::string& id) const {
        for (const TrashItem& item : state.view().items())
            if (item.id == id) return KeyOf(item);
        FAIL("no item " << id);
        return {};
    }
    const TrashItem* Find(const std::string& id) const {
        for (const TrashItem& item : state.view().items())
            if (item.id == id) return &item;
        return nullptr;
    }
    // The refresh the page sends next (every 30 s): since= names the version it holds.
    std::string NextRefreshPath() { return Only(state.Tick(kNow + 30'000), RequestKind::ListTrash).request.path; }
};
}  // namespace

TEST_CASE("A restore answered with the listing's versions needs no re-list and no session re-read", "[page_outcome]") {
    Page page;
    const int64_t usedBefore = page.state.session()->storage.usedBytes;
    const PendingRequest restore = Only(page.state.Apply(intent::Restore{{page.Key("wf_4")}}), RequestKind::Restore);
    const Requests after = page.state.OnResponse(
        restore.tag, 200,
        R"({"restored":[{"type":"workflow","id":"wf_4","url":"slow-webhooks"}],"failed":[])" + Versions("v1", "v2"));
    CHECK(after.empty());
    CHECK(page.Find("wf_4") == nullptr);
    CHECK(page.state.view().view().matchCount == 4);
    CHECK(page.state.toasts().back().message == "Restored \"Slow webhooks\"");
    // Storage: the row's size leaves the Trash, the plan's use is unchanged.
    CHECK(page.state.session()->storage.trashBytes == 1400000000 - 512);
    CHECK(page.state.session()->storage.usedBytes == usedBefore);
    // The next refresh names the new version, so an unchanged Trash answers a few bytes.
    CHECK(page.NextRefreshPath() == "/acme/trash?sections=0&since=v2");
}

TEST_CASE("Each result is matched to the row sent with its key, in whatever order the answer lists them",
          "[page_outcome]") {
    Page page;
    const PendingRequest restore = Only(
        page.state.Apply(intent::Restore{{page.Key("p_1"), page.Key("ds_9"), page.Key("wf_4")}}), RequestKind::Restore);
    page.state.OnResponse(restore.tag, 200,
                          R"({"restored":[{"type":"workflow","id":"wf_4","url":"slow-webhooks-2"},)"
                          R"({"type":"project","id":"p_1","url":"traffic-lights-3"}],)"
                          R"("failed":[{"type":"dataset","id":"ds_9","status":409,"error":"Not now"}])" +
                              Versions("v1", "v2"));
    CHECK(page.Find("p_1") == nullptr);
    CHECK(page.Find("wf_4") == nullptr);
    CHECK(page.Find("ds_9") != nullptr);  // failed: back in its row
    const std::vector<Toast>& toasts = page.state.toasts();
    REQUIRE(toasts.size() == 2);
    CHECK(toasts[0].message == "Restored 2 items");
    REQUIRE(toasts[0].undoItems.size() == 2);
    CHECK((toasts[0].undoItems[0].id + " " + toasts[0].undoItems[0].url) == "wf_4 slow-webhooks-2");
    CHECK((toasts[0].undoItems[1].id + " " + toasts[0].undoItems[1].url) == "p_1 traffic-lights-3");
    CHECK(toasts[1].message == "Couldn't restore \"Street scenes\": Not now");
}

TEST_CASE("A restored project's own-row children may be restored on their own, under its new url", "[page_outcome]") {
    Page page;
    REQUIRE(page.Find("2")->parentInTrash);
    const PendingRequest restore = Only(page.state.Apply(intent::Restore{{page.Key("p_1")}}), RequestKind::Restore);
    const uint64_t generation = page.state.view().viewGeneration();
    page.state.OnResponse(
        restore.tag, 200,
        R"({"restored":[{"type":"project","id":"p_1","url":"traffic-lights-2"}],"failed":[])" + Versions("v1", "v2"));
    CHECK(page.Find("p_1") == nullptr);
    for (const char* child : {"2", "m_7"}) {
        REQUIRE(page.Find(child) != nullptr);
        CHECK_FALSE(page.Find(child)->parentInTrash);
        CHECK(page.Find(child)->parentUrl == "traffic-lights-2");
    }
    CHECK(page.state.view().viewGeneration() > generation);  // redrawn
    CHECK(page.state.session()->storage.trashBytes == 1400000000 - 1288490188);
}

TEST_CASE("A permanently deleted project takes its own-row children with it", "[page_outcome]") {
    Page page;
    const PendingRequest del =
        Only(page.state.Apply(intent::DeletePermanently{{page.Key("p_1")}}), RequestKind::DeletePermanently);
    const Requests after = page.state.OnResponse(
        del.tag, 200,
        R"({"deleted":[{"type":"project","id":"p_1"}],"freedBytes":1347210444,"imagesDeleted":0)" +
            Versions("v1", "v2"));
    CHECK(after.empty());
    CHECK(page.Find("p_1") == nullptr);
    CHECK(page.Find("2") == nullptr);
    CHECK(page.Find("m_7") == nullptr);
    CHECK(page.state.view().items().size() == 2);
    CHECK(page.state.session()->storage.trashBytes == 1400000000 - 1347210444);
    CHECK(page.state.session()->storage.usedBytes == 5000000000 - 1347210444);
    CHECK(page.NextRefreshPath() == "/acme/trash?sections=0&since=v2");
}

TEST_CASE("Answers of a chunked action chain their versions in whatever order they arrive", "[page_outcome]") {
    // More rows than one request may carry: the selection goes as two requests of one action.
    std::vector<TrashItem> items;
    for (size_t i = 0; i <= requests::kMaxBatch; ++i)
        items.push_back(test::MakeItem(ItemType::Workflow, "wf_" + std::to_string(i), "Flow " + std::to_string(i)));
    std::vector<ItemKey> keys;
    for (const TrashItem& item : items) keys.push_back(KeyOf(item));
    std::string listing = EncodeTrashListing(items, false);
    listing.insert(listing.rfind('}'), R"(,"version":"v1")");
    PageState state;
    const Requests load = state.OnResponse(Only(state.Start(kNow), RequestKind::WhoAmI).tag, 200, kSession);
    state.OnResponse(Only(load, RequestKind::ListTrash).tag, 200, listing);
    REQUIRE(state.view().items().size() == items.size());

    const Requests sent = state.Apply(intent::Restore{keys});
    REQUIRE(sent.size() == 2);
    const auto answer = [&](const PendingRequest& request, const std::string& before, const std::string& after) {
        std::string restored;
        for (const std::string& id : {std::string("wf_0"), std::string("wf_") + std::to_string(requests::kMaxBatch)})
            if (request.request.body.find('"' + id + '"') != std::string::npos)
                restored += std::string(restored.empty() ? "" : ",") + R"({"type":"workflow","id":")" + id + R"("})";
        return state.OnResponse(request.tag, 200,
                                R"({"restored":[)" + restored + R"(],"failed":[])" + Versions(before, after));
    };
    SECTION("the second request's answer first") {
        CHECK(answer(sent[1], "v2", "v3").empty());  // the action is not finished
        CHECK(answer(sent[0], "v1", "v2").empty());  // v1 → v2 → v3: taken, nothing to ask
        CHECK(Only(state.Tick(kNow + 30'000), RequestKind::ListTrash).request.path ==
              "/acme/trash?sections=0&since=v3");
    }
    SECTION("a gap in the chain (another change between the two): re-listed") {
        answer(sent[0], "v1", "v2");
        const Requests after = answer(sent[1], "v5", "v6");
        CHECK(Only(after, RequestKind::ListTrash).request.path == "/acme/trash?sections=0&since=v1");
    }
}

TEST_CASE("The page re-lists when the answers cannot vouch for its rows", "[page_outcome]") {
    Page page;
    const PendingRequest restore = Only(page.state.Apply(intent::Restore{{page.Key("wf_4")}}), RequestKind::Restore);
    const std::string restored = R"({"restored":[{"type":"workflow","id":"wf_4"}],"failed":[])";

    SECTION("someone else changed the Trash before this action: before is not the version held") {
        const Requests after = page.state.OnResponse(restore.tag, 200, restored + Versions("v7", "v8"));
        CHECK(Only(after, RequestKind::ListTrash).request.path == "/acme/trash?sections=0&since=v1");
        CHECK(Has(after, RequestKind::WhoAmI));
    }
    SECTION("an answer without versions (an older server, or a deletion that resized other rows)") {
        const Requests after = page.state.OnResponse(restore.tag, 200, restored + "}");
        CHECK(Has(after, RequestKind::ListTrash));
        CHECK(Has(after, RequestKind::WhoAmI));
    }
    SECTION("a failed request: the rows come back, the server is asked") {
        const Requests after = page.state.OnResponse(restore.tag, 409, R"({"error":"No workflow wf_4 in Trash"})");
        CHECK(page.Find("wf_4") != nullptr);
        CHECK(Has(after, RequestKind::ListTrash));
    }
    SECTION("versions with an empty name are no versions") {
        const Requests after = page.state.OnResponse(restore.tag, 200, restored + Versions("", "v2"));
        CHECK(Has(after, RequestKind::ListTrash));
    }
}

TEST_CASE("A listing that was on its way during the action is asked again, by the adopted version", "[page_outcome]") {
    Page page;
    const PendingRequest refresh = Only(page.state.Tick(kNow + 30'000), RequestKind::ListTrash);
    const PendingRequest restore = Only(page.state.Apply(intent::Restore{{page.Key("wf_4")}}), RequestKind::Restore);
    CHECK(page.state
              .OnResponse(restore.tag, 200,
                          R"({"restored":[{"type":"workflow","id":"wf_4"}],"failed":[])" + Versions("v1", "v2"))
              .empty());
    // Its answer predates the restore (it may still list wf_4): not trusted, asked again cheaply.
    const Requests again = page.state.OnResponse(refresh.tag, 200, R"({"unchanged":true,"version":"v1"})");
    CHECK(Only(again, RequestKind::ListTrash).request.path == "/acme/trash?sections=0&since=v2");
    CHECK(page.Find("wf_4") == nullptr);
}

TEST_CASE("Restoring one row of 100,000: the click and the answer each cost a few rows' work (benchmark)",
          "[page_outcome][benchmark]") {
    PageConfig config;
    config.firstPageRows = 0;
    PageState state(config);
    const Requests start = state.Start(kNow);
    const Requests load = state.OnResponse(Only(start, RequestKind::WhoAmI).tag, 200, kSession);
    std::vector<TrashItem> items = test::GenerateItems(100'000);
    const TrashItem row = items[50'003];  // a dataset
    std::string listing = EncodeTrashListing(items, false);
    listing.insert(listing.rfind('}'), R"(,"version":"v1")");
    state.OnResponse(Only(load, RequestKind::ListTrash).tag, 200, listing);
    REQUIRE(state.view().items().size() == 100'000);
    state.view().view();

    PendingRequest restore;
    const double clickMs = test::MillisecondsOf([&] {
        restore = Only(state.Apply(intent::Restore{{KeyOf(row)}}), RequestKind::Restore);
        state.view().view();
    });
    const std::string answer = R"({"restored":[{"type":")" + std::string(ItemTypeName(row.type)) + R"(","id":")" +
                               row.id + R"("}],"failed":[])" + Versions("v1", "v2");
    Requests after;
    const double answerMs = test::MillisecondsOf([&] {
        after = state.OnResponse(restore.tag, 200, answer);
        state.view().view();
    });
    CHECK(after.empty());
    CHECK(state.view().Find(KeyOf(row)) == nullptr);
    CHECK(state.toasts().back().message == "Restored \"" + row.name + "\"");
    std::cout << "[benchmark] restore one row of 100,000: the click " << clickMs << " ms, the answer " << answerMs
              << " ms\n";
}
