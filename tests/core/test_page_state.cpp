// Tests of the page reducer: the whole loop click → intent → request → response → state, with
// the server played by the test (no network): sign-in, loading, restore with Undo, failures
// (409, 500, unreachable), permanent deletion, Empty Trash gating, refresh and toasts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/listing_codec.h"
#include "core/page_state.h"
#include "requests_support.h"  // Only, Has
#include "test_support.h"

using namespace trash;
using test::Has;
using test::kNow;
using test::Only;

namespace {
const std::vector<std::string> kAllPermissions = {
    "view_trash",  "trash_dataset", "restore_dataset", "trash_version",    "restore_version",
    "trash_model", "restore_model", "trash_workflow",  "restore_workflow", "delete_permanently"};

std::string SessionJson(const std::vector<std::string>& permissions, const std::string& userId = "u_alice") {
    std::string list;
    for (const std::string& p : permissions) list += (list.empty() ? "\"" : ",\"") + p + "\"";
    return R"({"user":{"id":")" + userId +
           R"(","name":"Alice","email":"alice@acme.test"},"role":{"name":"Owner","permissions":[)" + list +
           R"(]},"workspace":{"id":"w1","url":"acme","name":"Acme Robotics","retentionDays":30},)"
           R"("storage":{"usedBytes":5000000000,"trashBytes":1400000000,"quotaBytes":0},"csrfToken":"tok"})";
}

// A page signed in with `permissions`, showing the full fixture listing.
struct Page {
    PageState state;
    explicit Page(const std::vector<std::string>& permissions = kAllPermissions) {
        const Requests start = state.Start(kNow);
        const Requests afterSession =
            state.OnResponse(Only(start, RequestKind::WhoAmI).tag, 200, SessionJson(permissions));
        if (state.screen() == Screen::Trash)
            state.OnResponse(Only(afterSession, RequestKind::ListTrash).tag, 200,
                             test::ReadFixture("trash_listing_full.json"));
    }
    ItemKey Key(const std::string& id) {
        for (const TrashItem& item : state.view().items())
            if (item.id == id) return KeyOf(item);
        FAIL("no item " << id);
        return {};
    }
    size_t Shown() { return state.view().view().matchCount; }
};
}  // namespace

TEST_CASE("Signing in loads the Trash", "[page_state]") {
    PageState state;
    const Requests start = state.Start(kNow);
    CHECK(start.size() == 2);
    CHECK(Only(start, RequestKind::WhoAmI).request == requests::WhoAmI());
    CHECK(Only(start, RequestKind::DemoInfo).request == requests::DemoInfo());
    CHECK(state.sessionLoad().status == LoadStatus::Loading);

    // No valid cookie: the sign-in screen, with the demo accounts (asked for once, at the start).
    const Requests noSession =
        state.OnResponse(Only(start, RequestKind::WhoAmI).tag, 401, R"({"error":"Sign in first"})");
    CHECK(state.screen() == Screen::SignIn);
    CHECK(state.signInError().empty());
    CHECK(noSession.empty());
    state.OnResponse(
        Only(start, RequestKind::DemoInfo).tag, 200,
        R"({"workspace":"acme","users":[{"email":"alice@acme.test","name":"Alice","role":"Owner","password":"pw"}],"apiKeys":[]})");
    REQUIRE(state.demo().users.size() == 1);

    SECTION("a wrong password shows the server's message") {
        const Requests signIn = state.Apply(intent::SignIn{"alice@acme.test", "nope"});
        CHECK(Only(signIn, RequestKind::SignIn).request.body == R"({"email":"alice@acme.test","password":"nope"})");
        CHECK(state.signingIn());
        CHECK(state.Apply(intent::SignIn{"alice@acme.test", "nope"}).empty());  // no double submit
        state.OnResponse(signIn[0].tag, 401, R"({"error":"Wrong email or password"})");
        CHECK_FALSE(state.signingIn());
        CHECK(state.signInError() == "Wrong email or password");
        CHECK(state.screen() == Screen::SignIn);
    }
    SECTION("the right password shows the Trash, loading then loaded") {
        const Requests signIn = state.Apply(intent::SignIn{"alice@acme.test", "pw"});
        const Requests load = state.OnResponse(signIn[0].tag, 200, SessionJson(kAllPermissions));
        CHECK(state.screen() == Screen::Trash);
        REQUIRE(state.session());
        CHECK(state.session()->csrfToken == "tok");
        CHECK(Only(load, RequestKind::ListTrash).request == requests::ListTrashFirstPage("acme", SortSpec{}, 200));
        CHECK(load[0].csrfToken == "tok");
        CHECK(signIn[0].csrfToken.empty());
        CHECK(state.trashLoad().status == LoadStatus::Loading);

        state.OnResponse(load[0].tag, 200, test::ReadFixture("trash_listing_full.json"));
        CHECK(state.trashLoad().status == LoadStatus::Loaded);
        CHECK(state.view().view().matchCount == 5);
        CHECK(state.nextRefreshAtMs() == kNow + 30'000);
    }
}

TEST_CASE("Without view_trash the page says so instead of loading", "[page_state]") {
    Page page({"restore_dataset"});
    CHECK(page.state.screen() == Screen::Forbidden);
    CHECK(page.state.trashLoad().status == LoadStatus::Idle);
    CHECK(page.state.Apply(intent::Navigate{Screen::Trash}).empty());
    // Nor does the Projects page load (issue 15, item 6): it says "no access" like the Trash.
    CHECK(page.state.Apply(intent::Navigate{Screen::Projects}).empty());
    CHECK(page.state.screen() == Screen::Projects);
    CHECK(page.state.projectsLoad().status == LoadStatus::Idle);
    CHECK(page.state.Apply(intent::Refresh{}).empty());
}

TEST_CASE("Restore hides at once, then toasts with Undo", "[page_state]") {
    Page page;
    const Requests sent = page.state.Apply(intent::Restore{{page.Key("p_1")}});
    const PendingRequest restore = Only(sent, RequestKind::Restore);
    CHECK(restore.request == requests::RestoreItems("acme", {page.Key("p_1")}));
    CHECK(page.Shown() == 4);
    CHECK(page.state.busy());

    const Requests after = page.state.OnResponse(
        restore.tag, 200, R"({"restored":[{"type":"project","id":"p_1","url":"traffic-lights-2"}],"failed":[]})");
    CHECK_FALSE(page.state.busy());
    CHECK(page.state.view().Find(ItemKey{ItemType::Project, "", "p_1"}) == nullptr);
    CHECK(page.state.view().items().size() == 4);  // committed
    REQUIRE(page.state.toasts().size() == 1);
    const Toast toast = page.state.toasts()[0];
    CHECK(toast.kind == ToastKind::Success);
    CHECK(toast.message == "Restored \"Traffic Lights\"");
    REQUIRE(toast.undoItems.size() == 1);
    CHECK(toast.undoItems[0].url == "traffic-lights-2");  // restored under a new slug
    CHECK(toast.expiresAtMs == kNow + 10'000);
    CHECK(Has(after, RequestKind::ListTrash));  // the server is the authority
    CHECK(Has(after, RequestKind::WhoAmI));     // storage figures

    SECTION("Undo moves it back to Trash through the delete route") {
        const Requests undo = page.state.Apply(intent::Undo{toast.id});
        CHECK(page.state.toasts().empty());
        const PendingRequest move = Only(undo, RequestKind::UndoMove);
        CHECK(move.request == Request{"DELETE", "/acme/traffic-lights-2", "", true});
        page.state.OnResponse(move.tag, 200, R"({"deleted":true,"type":"project","trash":true})");
        REQUIRE(page.state.toasts().size() == 1);
        CHECK(page.state.toasts()[0].message == "Moved \"Traffic Lights\" back to Trash");
        // The listing asked for after the restore predates the Undo: its answer triggers a new one.
        const Requests again = page.state.OnResponse(Only(after, RequestKind::ListTrash).tag, 200, R"({"items":[]})");
        const Requests fresh = page.state.OnResponse(Only(again, RequestKind::ListTrash).tag, 200,
                                                     test::ReadFixture("trash_listing_full.json"));
        CHECK(fresh.empty());
        CHECK(page.Shown() == 5);
    }
    SECTION("the storage refresh keeps the page where it is") {
        page.state.OnResponse(Only(after, RequestKind::WhoAmI).tag, 200, SessionJson(kAllPermissions));
        CHECK(page.state.screen() == Screen::Trash);
    }
}

TEST_CASE("A refused restore rolls back and shows the server's message", "[page_state]") {
    Page page;
    page.state.view().Click(page.Key("2"));
    const Requests sent = page.state.Apply(intent::Restore{{page.Key("2")}});
    CHECK(page.Shown() == 4);
    const std::string message = "The parent project is in Trash: restore the parent project first";

    SECTION("409 for the whole request") {
        page.state.OnResponse(sent[0].tag, 409, R"({"error":")" + message + "\"}");
        CHECK(page.Shown() == 5);
        CHECK(page.state.view().IsSelected(page.Key("2")));  // selection back too
        REQUIRE(page.state.toasts().size() == 1);
        CHECK(page.state.toasts()[0].kind == ToastKind::Error);
        CHECK(page.state.toasts()[0].message == "Couldn't restore \"v2 augmented\": " + message);
        CHECK(page.state.toasts()[0].undoItems.empty());
    }
    SECTION("409 for one item of a batch") {
        page.state.OnResponse(
            sent[0].tag, 200,
            R"({"restored":[],"failed":[{"type":"version","id":"2","status":409,"error":")" + message + "\"}]}");
        CHECK(page.Shown() == 5);
        REQUIRE(page.state.toasts().size() == 1);
        CHECK(page.state.toasts()[0].message == "Couldn't restore \"v2 augmented\": " + message);
    }
    SECTION("500 with an HTML page from a proxy") {
        page.state.OnResponse(sent[0].tag, 500, "<html><body>Internal Server Error</body></html>");
        CHECK(page.Shown() == 5);
        CHECK(page.state.toasts()[0].message ==
              "Couldn't restore \"v2 augmented\": The server had a problem (HTTP 500)");
    }
    SECTION("the network dropped (status 0)") {
        page.state.OnResponse(sent[0].tag, 0, "");
        CHECK(page.Shown() == 5);
        CHECK(page.state.toasts()[0].message == "Couldn't restore \"v2 augmented\": The server could not be reached");
        CHECK(page.state.connection().unreachable);
    }
    SECTION("200 with a body that is not a restore result") {
        page.state.OnResponse(sent[0].tag, 200, "OK");
        CHECK(page.Shown() == 5);
        CHECK(page.state.toasts()[0].message ==
              "Couldn't restore \"v2 augmented\": The restore result is not valid JSON");
    }
}

TEST_CASE("Listing repairs are reported once", "[page_state]") {
    PageState state;
    const Requests start = state.Start(kNow);
    const Requests load = state.OnResponse(start[0].tag, 200, SessionJson(kAllPermissions));
    const std::string listing =
        R"({"items":[{"type":"dataset","id":"d","name":"bad )"
        "\xFF"
        R"( name",)"
        R"("deletedAt":"2026-11-20T09:00:00.000Z","scheduledCleanupAt":"2026-12-20T09:00:00.000Z"}]})";
    state.OnResponse(load[0].tag, 200, listing);
    REQUIRE(state.toasts().size() == 1);
    CHECK(state.toasts()[0].kind == ToastKind::Info);
    CHECK(state.view().items()[0].name == "bad \xEF\xBF\xBD name");
    state.OnResponse(Only(state.Tick(kNow + 30'000), RequestKind::ListTrash).tag, 200, listing);
    CHECK(state.toasts().empty());  // the first one expired, and no second one came
}

TEST_CASE("Items of unknown types are left out of per-item requests", "[page_state]") {
    PageState state;
    const Requests start = state.Start(kNow);
    const Requests load = state.OnResponse(start[0].tag, 200, SessionJson(kAllPermissions));
    state.OnResponse(load[0].tag, 200, test::ReadFixture("trash_listing_hostile.json"));
    const ItemKey unknown{ItemType::Unknown, "", "x_unknown"};
    const ItemKey workflow{ItemType::Workflow, "", "w_long"};
    CHECK(state.Apply(intent::Restore{{unknown}}).empty());
    const Requests sent = state.Apply(intent::DeletePermanently{{unknown, workflow}});
    CHECK(Only(sent, RequestKind::DeletePermanently).request == requests::DeletePermanently("acme", {workflow}));
    CHECK_FALSE(state.view().IsHidden(unknown));
}

TEST_CASE("Restore parent first restores the child's project", "[page_state]") {
    Page page;
    const Requests sent = page.state.Apply(intent::RestoreParentFirst{page.Key("m_7")});
    CHECK(Only(sent, RequestKind::Restore).request == requests::RestoreItems("acme", {page.Key("p_1")}));
}

TEST_CASE("Loading failures show an error state with Retry, or a toast when data is shown", "[page_state]") {
    PageState state;
    const Requests start = state.Start(kNow);
    const Requests load = state.OnResponse(start[0].tag, 200, SessionJson(kAllPermissions));
    state.OnResponse(load[0].tag, 0, "");
    CHECK(state.trashLoad().status == LoadStatus::Error);
    CHECK(state.trashLoad().error == "The server could not be reached");

    const Requests retry = state.Apply(intent::Retry{});
    CHECK(state.trashLoad().status == LoadStatus::Loading);
    state.OnResponse(Only(retry, RequestKind::ListTrash).tag, 200, R"({"items":[{"type":"project"}]})");
    CHECK(state.trashLoad().error == "The Trash listing could not be read: items[0].id is missing");

    const Requests again = state.Apply(intent::Retry{});
    state.OnResponse(again[0].tag, 200, test::ReadFixture("trash_listing_full.json"));
    CHECK(state.trashLoad().status == LoadStatus::Loaded);

    CHECK(Has(state.Tick(kNow + 30'000), RequestKind::ListTrash));
    CHECK(state.Tick(kNow + 30'001).empty());  // one listing at a time
}

TEST_CASE("Refresh every 30 s and on focus; the page knows when to wake", "[page_state]") {
    Page page;
    CHECK(page.state.NextWakeMs() == kNow + 30'000);
    CHECK(page.state.Tick(kNow + 29'999).empty());
    const Requests refresh = page.state.Tick(kNow + 30'000);
    const PendingRequest list = Only(refresh, RequestKind::ListTrash);
    CHECK(page.state.Apply(intent::FocusGained{}).empty());  // one listing at a time
    page.state.OnResponse(list.tag, 500, "Internal Server Error");
    REQUIRE(page.state.toasts().size() == 1);
    CHECK(page.state.toasts()[0].message == "Couldn't refresh the Trash: The server had a problem (HTTP 500)");
    CHECK(page.state.view().view().matchCount == 5);           // nothing lost
    CHECK(page.state.NextWakeMs() == kNow + 30'000 + 10'000);  // the toast expires before the next refresh
    CHECK(Has(page.state.Apply(intent::FocusGained{}), RequestKind::ListTrash));

    page.state.Tick(kNow + 40'000);
    CHECK(page.state.toasts().empty());
}

TEST_CASE("A listing sent before an action finished is not trusted", "[page_state]") {
    Page page;
    const Requests refresh = page.state.Apply(intent::Refresh{});
    const Requests sent = page.state.Apply(intent::Restore{{page.Key("ds_9")}});
    const Requests after =
        page.state.OnResponse(sent[0].tag, 200, R"({"restored":[{"type":"dataset","id":"ds_9"}],"failed":[]})");
    CHECK_FALSE(Has(after, RequestKind::ListTrash));  // one is already in flight
    // The old listing still has ds_9: it must not come back; the page asks again instead.
    const Requests again = page.state.OnResponse(refresh[0].tag, 200, test::ReadFixture("trash_listing_full.json"));
    CHECK(page.state.view().Find(page.Key("p_1")) != nullptr);
    CHECK(page.Shown() == 4);
    CHECK(Has(again, RequestKind::ListTrash));
}

TEST_CASE("Permanent deletion needs the permission and a confirmation", "[page_state]") {
    SECTION("without delete_permanently nothing is sent") {
        Page page({"view_trash", "restore_dataset"});
        CHECK(
            page.state.Apply(intent::OpenDialog{DialogKind::ConfirmDeletePermanently, {page.Key("ds_9")}, ""}).empty());
        CHECK(page.state.dialog().kind == DialogKind::None);
        CHECK(page.state.toasts()[0].message == "Your role lacks the \"Delete permanently\" permission");
        CHECK(page.state.Apply(intent::DeletePermanently{{page.Key("ds_9")}}).empty());
        CHECK(page.Shown() == 5);
    }
    SECTION("the dialog lists what goes and the bytes freed; confirming deletes") {
        Page page;
        const std::vector<ItemKey> keys = {page.Key("ds_9"), page.Key("wf_4")};
        page.state.Apply(intent::OpenDialog{DialogKind::ConfirmDeletePermanently, keys, ""});
        const Dialog& dialog = page.state.dialog();
        CHECK(dialog.kind == DialogKind::ConfirmDeletePermanently);
        CHECK(dialog.names == std::vector<std::string>{"Street scenes (dataset)", "Slow webhooks (workflow)"});
        CHECK(dialog.count == 2);
        CHECK(dialog.bytes == 21286092 + 512);

        const Requests sent = page.state.Apply(intent::DeletePermanently{keys});
        CHECK(page.state.dialog().kind == DialogKind::None);
        CHECK(Only(sent, RequestKind::DeletePermanently).request == requests::DeletePermanently("acme", keys));
        CHECK(page.Shown() == 3);
        page.state.OnResponse(
            sent[0].tag, 200,
            R"({"deleted":[{"type":"dataset","id":"ds_9"},{"type":"workflow","id":"wf_4"}],"freedBytes":21286604,"imagesDeleted":0})");
        CHECK(page.state.view().items().size() == 3);
        CHECK(page.state.toasts()[0].message == "Permanently deleted 2 items, freed 20.3 MB");
        CHECK(page.state.session()->storage.trashBytes == 1400000000 - 21286604);
    }
}

TEST_CASE("Empty Trash needs the workspace name typed exactly", "[page_state]") {
    Page page;
    page.state.Apply(intent::OpenDialog{DialogKind::ConfirmEmptyTrash, {}, ""});
    CHECK(page.state.dialog().kind == DialogKind::ConfirmEmptyTrash);
    CHECK(page.state.dialog().count == 5);
    CHECK_FALSE(page.state.CanConfirmEmpty(""));
    CHECK_FALSE(page.state.CanConfirmEmpty("acme"));
    CHECK_FALSE(page.state.CanConfirmEmpty("acme robotics"));
    CHECK_FALSE(page.state.CanConfirmEmpty("Acme Robotics "));
    CHECK(page.state.CanConfirmEmpty("Acme Robotics"));

    CHECK(page.state.Apply(intent::EmptyTrash{"acme robotics"}).empty());
    CHECK(page.state.dialog().kind == DialogKind::ConfirmEmptyTrash);  // still open

    const Requests sent = page.state.Apply(intent::EmptyTrash{"Acme Robotics"});
    CHECK(Only(sent, RequestKind::EmptyTrash).request == requests::EmptyTrash("acme", "Acme Robotics"));
    CHECK(page.state.dialog().kind == DialogKind::None);
    CHECK(page.Shown() == 0);

    SECTION("success empties the list") {
        page.state.OnResponse(sent[0].tag, 200, R"({"deleted":5,"freedBytes":1368000000,"imagesDeleted":12})");
        CHECK(page.state.view().items().empty());
        CHECK(page.state.toasts()[0].message == "Emptied the Trash: 5 items, freed 1.3 GB");
    }
    SECTION("a refusal brings everything back") {
        page.state.OnResponse(sent[0].tag, 400, R"({"error":"Type the workspace name to confirm"})");
        CHECK(page.Shown() == 5);
        CHECK(page.state.toasts()[0].message == "Couldn't empty the Trash: Type the workspace name to confirm");
    }
}

TEST_CASE("Restore All confirms, then restores everything shown", "[page_state]") {
    Page page;
    page.state.Apply(intent::OpenDialog{DialogKind::ConfirmRestoreAll, {}, ""});
    CHECK(page.state.dialog().count == 5);
    const Requests sent = page.state.Apply(intent::RestoreAll{});
    CHECK(Only(sent, RequestKind::RestoreAll).request == requests::RestoreAll("acme"));
    CHECK(page.Shown() == 0);
    page.state.OnResponse(
        sent[0].tag, 200,
        R"({"restored":[{"type":"project","id":"p_1","url":"traffic-lights"},{"type":"dataset","id":"ds_9","url":"street-scenes"},)"
        R"({"type":"workflow","id":"wf_4","url":"slow-webhooks"}],"failed":[{"type":"version","id":"2","status":404,"error":"No version 2 in Trash"},)"
        R"({"type":"model","id":"m_7","status":404,"error":"No model m_7 in Trash"}]})");
    CHECK(page.Shown() == 2);
    REQUIRE(page.state.toasts().size() == 2);
    CHECK(page.state.toasts()[0].message == "Restored 3 items");
    CHECK(page.state.toasts()[0].undoItems.size() == 3);
    CHECK(page.state.toasts()[1].message == "Couldn't restore 2 items. \"v2 augmented\": No version 2 in Trash");
}

TEST_CASE("Large selections are sent in chunks the server accepts, with one toast", "[page_state]") {
    PageState state;
    const Requests start = state.Start(kNow);
    const Requests load = state.OnResponse(start[0].tag, 200, SessionJson(kAllPermissions));
    state.OnResponse(load[0].tag, 200, EncodeTrashListing(test::GenerateItems(25'000), false));
    state.view().SelectAllVisible();
    const Requests sent = state.Apply(intent::Restore{state.view().selectedKeys()});
    REQUIRE(sent.size() == 3);
    CHECK(state.view().view().matchCount == 0);
    for (const PendingRequest& r : sent) {
        CHECK(r.kind == RequestKind::Restore);
        CHECK(state.toasts().empty());
        // Echo every item of the chunk as restored.
        std::string restored;
        const size_t begin = r.request.body.find('[');
        restored =
            "{\"restored\":" + r.request.body.substr(begin, r.request.body.size() - begin - 1) + ",\"failed\":[]}";
        state.OnResponse(r.tag, 200, restored);
    }
    CHECK(state.view().items().empty());
    REQUIRE(state.toasts().size() == 1);
    CHECK(state.toasts()[0].message == "Restored 25,000 items");
    CHECK(state.toasts()[0].undoItems.empty());  // too many to undo one by one
}

TEST_CASE("An expired session returns to sign-in and loses no data on the server", "[page_state]") {
    Page page;
    const Requests sent = page.state.Apply(intent::Restore{{page.Key("p_1")}});
    const Requests after = page.state.OnResponse(sent[0].tag, 401, R"({"error":"Your session has expired"})");
    CHECK(page.state.screen() == Screen::SignIn);
    CHECK(page.state.signInError() == "Your session has expired");
    CHECK_FALSE(page.state.session());
    CHECK(Has(after, RequestKind::DemoInfo));
    CHECK(page.state.OnResponse(sent[0].tag, 200, "{}").empty());  // late answers are ignored
}

TEST_CASE("Sign out clears the page at once", "[page_state]") {
    Page page;
    const Requests sent = page.state.Apply(intent::SignOut{});
    CHECK(Only(sent, RequestKind::SignOut).request == requests::SignOut());
    CHECK(sent[0].csrfToken == "tok");  // captured before the session was cleared
    CHECK(page.state.screen() == Screen::SignIn);
    CHECK(page.state.view().items().empty());
}

TEST_CASE("Projects page: only the owner deletes, optimistically", "[page_state]") {
    Page page;
    const Requests nav = page.state.Apply(intent::Navigate{Screen::Projects});
    CHECK(page.state.screen() == Screen::Projects);
    page.state.OnResponse(
        Only(nav, RequestKind::ListProjects).tag, 200,
        R"({"projects":[{"id":"p1","name":"Cats","url":"cats","ownerId":"u_alice","ownerName":"Alice","sizeBytes":10},)"
        R"({"id":"p2","name":"Dogs","url":"dogs","ownerId":"u_bob","ownerName":"Bob","sizeBytes":20}]})");
    REQUIRE(page.state.projects().size() == 2);

    page.state.Apply(intent::OpenDialog{DialogKind::ConfirmDeleteProject, {}, "dogs"});
    CHECK(page.state.dialog().kind == DialogKind::None);
    CHECK(page.state.toasts().back().message == "Only the owner, Bob, can delete this project");

    page.state.Apply(intent::OpenDialog{DialogKind::ConfirmDeleteProject, {}, "cats"});
    CHECK(page.state.dialog().names == std::vector<std::string>{"Cats"});
    const Requests sent = page.state.Apply(intent::DeleteProject{"cats", true});
    CHECK(Only(sent, RequestKind::DeleteProject).request == requests::DeleteProject("acme", "cats", true));
    CHECK(page.state.projects().size() == 1);

    SECTION("success") {
        const Requests after = page.state.OnResponse(sent[0].tag, 200, R"({"deleted":true})");
        CHECK(page.state.toasts().back().message == "Moved \"Cats\" to Trash");
        CHECK(Has(after, RequestKind::ListProjects));
    }
    SECTION("refused: the project comes back in place") {
        page.state.OnResponse(sent[0].tag, 403,
                              R"({"error":"Only the project owner (Bob) can move this project to Trash"})");
        REQUIRE(page.state.projects().size() == 2);
        CHECK(page.state.projects()[0].name == "Cats");
        CHECK(page.state.toasts().back().message ==
              "Couldn't move \"Cats\" to Trash: Only the project owner (Bob) can move this project to Trash");
    }
}

TEST_CASE("A refresh names the listing shown, and an unchanged answer costs nothing", "[page_state]") {
    PageState state;
    const Requests start = state.Start(kNow);
    const Requests load = state.OnResponse(Only(start, RequestKind::WhoAmI).tag, 200, SessionJson(kAllPermissions));
    // Nothing shown yet: the first screen's rows (the fixture fits, so that is the whole listing).
    CHECK(Only(load, RequestKind::ListTrash).request.path == "/acme/trash?sections=0&sort=-deletedAt&limit=200");
    std::string listing = test::ReadFixture("trash_listing_full.json");
    listing.insert(listing.rfind('}'), R"(,"version":"b1.w1.42")");
    state.OnResponse(load[0].tag, 200, listing);
    REQUIRE(state.view().items().size() == 5);
    const uint64_t generation = state.view().viewGeneration();

    const PendingRequest refresh = Only(state.Tick(kNow + 30'000), RequestKind::ListTrash);
    CHECK(refresh.request.path == "/acme/trash?sections=0&since=b1.w1.42");
    state.OnResponse(refresh.tag, 200, R"({"unchanged":true,"version":"b1.w1.42"})");
    CHECK(state.view().items().size() == 5);
    CHECK(state.view().viewGeneration() == generation);  // no rebuild, so no frame
    CHECK(state.trashLoad().status == LoadStatus::Loaded);
    CHECK(state.nextRefreshAtMs() == kNow + 60'000);

    SECTION("signing out forgets the version") {
        state.Apply(intent::SignOut{});
        const Requests again = state.OnResponse(Only(state.Apply(intent::SignIn{"a", "b"}), RequestKind::SignIn).tag,
                                                200, SessionJson(kAllPermissions));
        CHECK(Only(again, RequestKind::ListTrash).request.path == "/acme/trash?sections=0&sort=-deletedAt&limit=200");
    }
}

TEST_CASE("A large Trash shows a first page at once, then the whole listing", "[page_state]") {
    const std::vector<TrashItem> all = ParseTrashListing(test::ReadFixture("trash_listing_full.json")).value().items;
    REQUIRE(all.size() == 5);
    std::string page = EncodeTrashListing({all[0], all[1]}, false, "cursor-2");
    page.insert(page.rfind('}'), R"(,"total":5,"version":"b1.w1.7")");
    std::string whole = test::ReadFixture("trash_listing_full.json");
    whole.insert(whole.rfind('}'), R"(,"version":"b1.w1.7")");

    PageState state;
    const Requests start = state.Start(kNow);
    const Requests load = state.OnResponse(Only(start, RequestKind::WhoAmI).tag, 200, SessionJson(kAllPermissions));
    const PendingRequest first = Only(load, RequestKind::ListTrash);
    CHECK(first.request.path == "/acme/trash?sections=0&sort=-deletedAt&limit=200");
    const Requests rest = state.OnResponse(first.tag, 200, page);
    REQUIRE(state.partialListing());
    CHECK(state.partialListing()->shown == 2);
    CHECK(state.partialListing()->total == 5);
    CHECK(state.trashLoad().status == LoadStatus::Loading);  // not the Trash yet
    CHECK(state.view().view().matchCount == 2);
    const PendingRequest wholeRequest = Only(rest, RequestKind::ListTrash);
    CHECK(wholeRequest.request.path == "/acme/trash?sections=0");
    CHECK(state.Tick(kNow + 30'000).empty());  // one listing at a time

    SECTION("the whole listing replaces the page, keeping a selection made meanwhile") {
        const ItemKey picked = KeyOf(state.view().items()[1]);
        state.view().SetSelected(picked, true);
        state.OnResponse(wholeRequest.tag, 200, whole);
        CHECK_FALSE(state.partialListing());
        CHECK(state.trashLoad().status == LoadStatus::Loaded);
        CHECK(state.view().view().matchCount == 5);
        CHECK(state.view().selectedKeys() == std::vector<ItemKey>{picked});
        const PendingRequest refresh = Only(state.Tick(kNow + 60'000), RequestKind::ListTrash);
        CHECK(refresh.request.path == "/acme/trash?sections=0&since=b1.w1.7");
    }
    SECTION("a failed whole listing drops the page for the error state, and Retry starts over") {
        state.OnResponse(wholeRequest.tag, 500, R"({"error":"Database is locked"})");
        CHECK_FALSE(state.partialListing());
        CHECK(state.view().items().empty());
        CHECK(state.trashLoad().status == LoadStatus::Error);
        CHECK(state.trashLoad().error == "Database is locked");
        CHECK(Only(state.Apply(intent::Retry{}), RequestKind::ListTrash).request.path ==
              "/acme/trash?sections=0&sort=-deletedAt&limit=200");
    }
    SECTION("an action that finishes meanwhile makes the whole listing stale: it is asked again") {
        const ItemKey key = KeyOf(state.view().items()[0]);
        const Requests restore = state.Apply(intent::Restore{{key}});
        state.OnResponse(Only(restore, RequestKind::Restore).tag, 200,
                         R"({"restored":[{"type":")" + std::string(ItemTypeName(all[0].type)) + R"(","id":")" +
                             all[0].id + R"("}],"failed":[]})");
        const Requests again = state.OnResponse(wholeRequest.tag, 200, whole);
        CHECK(Only(again, RequestKind::ListTrash).request.path == "/acme/trash?sections=0");
        CHECK(state.partialListing());
    }
}

TEST_CASE("The first page asks in the list's sort", "[page_state]") {
    for (const auto& [sort, param] :
         std::vector<std::pair<SortSpec, std::string>>{{{SortColumn::Name, true}, "name"},
                                                       {{SortColumn::Size, false}, "-sizeBytes"},
                                                       {{SortColumn::TimeLeft, true}, "scheduledCleanupAt"},
                                                       {{SortColumn::DeletedBy, false}, "-deletedByName"}}) {
        CHECK(requests::ListTrashFirstPage("a b", sort, 50).path ==
              "/a%20b/trash?sections=0&sort=" + param + "&limit=50");
    }
    PageState state;
    state.view().SetSort({SortColumn::Size, false});  // a deep link applied before the listing
    const Requests load =
        state.OnResponse(Only(state.Start(kNow), RequestKind::WhoAmI).tag, 200, SessionJson(kAllPermissions));
    CHECK(Only(load, RequestKind::ListTrash).request.path == "/acme/trash?sections=0&sort=-sizeBytes&limit=200");
}

TEST_CASE("An in-browser demo's banner actions travel in time, run the cleanup and reset", "[page_state][demo]") {
    Page page;
    PageState& state = page.state;
    SECTION("without an in-browser demo they send nothing") {
        CHECK(state.Apply(intent::Demo{DemoAction::AdvanceClock, 7}).empty());
    }
    const Requests start = state.Start(kNow);
    state.OnResponse(
        Only(start, RequestKind::DemoInfo).tag, 200,
        R"({"workspace":"acme","users":[],"browser":{"storage":"memory","notice":"Storage is off","clockOffsetMs":0}})");
    REQUIRE(state.demo().browser);
    CHECK_FALSE(state.demo().browser->kept);
    CHECK(state.demo().browser->notice == "Storage is off");

    SECTION("+7 days: the clock moves, then the demo info, the session and the listing are read again") {
        const Requests sent = state.Apply(intent::Demo{DemoAction::AdvanceClock, 7});
        REQUIRE(sent.size() == 1);
        CHECK(sent[0].request == requests::DemoAdvanceClock(7));
        CHECK(sent[0].request.body == R"({"advanceDays":7})");
        CHECK(state.Apply(intent::Demo{DemoAction::AdvanceClock, 1}).empty());  // one at a time
        const Requests next = state.OnResponse(sent[0].tag, 200, R"({"clockOffsetMs":604800000})");
        CHECK(Has(next, RequestKind::DemoInfo));
        CHECK(Has(next, RequestKind::WhoAmI));
        CHECK(Has(next, RequestKind::ListTrash));
        CHECK(state.toasts().back().message == "The demo clock moved 7 days ahead");
    }
    SECTION("Run cleanup now reports what it purged") {
        const Requests sent = state.Apply(intent::Demo{DemoAction::RunCleanup});
        REQUIRE(sent.size() == 1);
        CHECK(sent[0].request.path == "/api/demo/cleanup");
        state.OnResponse(sent[0].tag, 200, R"({"purged":3,"freedBytes":1610612736,"imagesDeleted":240})");
        CHECK(state.toasts().back().message == "Cleanup purged 3 items and freed 1.5 GB (240 images)");
    }
    SECTION("a failure says which action failed") {
        const Requests sent = state.Apply(intent::Demo{DemoAction::RunCleanup});
        state.OnResponse(sent[0].tag, 0, "");
        CHECK(state.toasts().back().kind == ToastKind::Error);
        CHECK(state.toasts().back().message.rfind("Couldn't run the cleanup: ", 0) == 0);
    }
    SECTION("after an action the demo info is read again: the demo may have stopped keeping changes") {
        const Requests sent = state.Apply(intent::Restore{{page.Key("p_1")}});
        const Requests after = state.OnResponse(Only(sent, RequestKind::Restore).tag, 200,
                                                R"({"restored":[{"type":"project","id":"p_1"}],"failed":[]})");
        CHECK(Has(after, RequestKind::DemoInfo));
        CHECK(Has(after, RequestKind::WhoAmI));
    }
    SECTION("Reset signs out and returns to the sign-in screen") {
        const Requests sent = state.Apply(intent::Demo{DemoAction::Reset});
        REQUIRE(sent.size() == 1);
        CHECK(sent[0].request.path == "/api/demo/reset");
        const Requests next = state.OnResponse(sent[0].tag, 200, R"({"reset":true})");
        CHECK(state.screen() == Screen::SignIn);
        CHECK_FALSE(state.session());
        // The demo info asked for after the sign-out is still awaited: its answer is read.
        state.OnResponse(Only(next, RequestKind::DemoInfo).tag, 200,
                         R"({"workspace":"acme","users":[],"browser":{"storage":"local","clockOffsetMs":0}})");
        REQUIRE(state.demo().browser);
        CHECK(state.demo().browser->kept);
        CHECK(state.toasts().back().message == "The demo was reset to its first state");
    }
}

TEST_CASE("An unreachable server is a lasting state, not toasts that vanish", "[page_state][connection]") {
    Page page;
    CHECK_FALSE(page.state.connection().unreachable);
    CHECK(page.state.connection().lastLoadedMs == kNow);
    const Requests refresh = page.state.Tick(kNow + 120'000);  // the 30-second refresh is due
    page.state.OnResponse(Only(refresh, RequestKind::ListTrash).tag, 0, "");
    CHECK(page.state.connection().unreachable);
    CHECK(page.state.connection().lastLoadedMs == kNow);  // what is shown dates from then
    CHECK(page.state.toasts().empty());                   // the lasting state says it, once
    CHECK(page.state.view().view().matchCount == 5);      // nothing lost

    SECTION("a failed action names what it was, and the same failure twice is one toast") {
        for (int i = 0; i < 2; ++i) {
            const Requests sent = page.state.Apply(intent::Restore{{page.Key("ds_9")}});
            page.state.OnResponse(Only(sent, RequestKind::Restore).tag, 0, "");
            CHECK(page.Shown() == 5);  // back in place
        }
        REQUIRE(page.state.toasts().size() == 1);
        CHECK(page.state.toasts()[0].message.rfind("Couldn't restore \"", 0) == 0);
        CHECK(page.state.toasts()[0].message.find("The server could not be reached") != std::string::npos);
    }
    SECTION("a gateway that cannot reach the server counts as unreachable too") {
        const Requests again = page.state.Apply(intent::Retry{});
        page.state.OnResponse(Only(again, RequestKind::ListTrash).tag, 503, "Service Unavailable");
        CHECK(page.state.connection().unreachable);
    }
    SECTION("any answer ends it") {
        const Requests again = page.state.Apply(intent::Retry{});
        page.state.OnResponse(Only(again, RequestKind::ListTrash).tag, 200, R"({"unchanged":true,"version":"v1"})");
        CHECK_FALSE(page.state.connection().unreachable);
        CHECK(page.state.connection().lastLoadedMs == kNow + 120'000);
    }
}

TEST_CASE("A refresh that finds the Trash changed by someone else also refreshes the storage", "[page_state]") {
    Page page;
    const Requests refresh = page.state.Apply(intent::Refresh{});
    const Requests next =
        page.state.OnResponse(Only(refresh, RequestKind::ListTrash).tag, 200, R"({"items":[],"version":"v2"})");
    CHECK(Has(next, RequestKind::WhoAmI));
    CHECK(page.state.view().items().empty());
}

TEST_CASE("A nameless item's toast names it by its id", "[page_state]") {
    Page page;
    const std::string listing =
        R"({"items":[{"type":"workflow","id":"wf_nameless","name":"","url":"nightly","deletedAt":"2026-11-20T09:00:00.000Z",)"
        R"("scheduledCleanupAt":"2026-12-20T09:00:00.000Z","sizeBytes":10}],"sections":{}})";
    page.state.OnResponse(Only(page.state.Apply(intent::Refresh{}), RequestKind::ListTrash).tag, 200, listing);
    const ItemKey key{ItemType::Workflow, "", "wf_nameless"};
    REQUIRE(page.state.view().Find(key));
    const PendingRequest restore = Only(page.state.Apply(intent::Restore{{key}}), RequestKind::Restore);
    page.state.OnResponse(restore.tag, 200,
                          R"({"restored":[{"type":"workflow","id":"wf_nameless","url":"nightly"}],"failed":[]})");
    REQUIRE(page.state.toasts().size() == 1);
    CHECK(page.state.toasts()[0].message == "Restored \"wf_nameless\"");
}

TEST_CASE("Restore results are matched by key, not by order", "[page_state]") {
    Page page;
    const std::string item =
        R"({"type":"version","id":"3","name":"%N","parentId":"%P","parentName":"%P","parentUrl":"%P",)"
        R"("deletedAt":"2026-11-20T09:00:00.000Z","scheduledCleanupAt":"2026-12-20T09:00:00.000Z","sizeBytes":10})";
    auto make = [&](const std::string& name, const std::string& parent) {
        std::string json = item;
        json.replace(json.find("%N"), 2, name);
        for (size_t at; (at = json.find("%P")) != std::string::npos;) json.replace(at, 2, parent);
        return json;
    };
    const std::string listing =
        R"({"items":[)" + make("cats-v3", "p_cats") + "," + make("dogs-v3", "p_dogs") + R"(],"sections":{}})";
    page.state.OnResponse(Only(page.state.Apply(intent::Refresh{}), RequestKind::ListTrash).tag, 200, listing);
    const ItemKey cats{ItemType::Version, "p_cats", "3"}, dogs{ItemType::Version, "p_dogs", "3"};
    const PendingRequest restore = Only(page.state.Apply(intent::Restore{{cats, dogs}}), RequestKind::Restore);
    // The server answers the dogs' version first, and fails the cats' one.
    page.state.OnResponse(
        restore.tag, 200,
        R"({"restored":[{"type":"version","id":"3","parentId":"p_dogs"}],)"
        R"("failed":[{"type":"version","id":"3","parentId":"p_cats","status":409,"error":"Parent in Trash"}]})");
    CHECK(page.state.view().Find(dogs) == nullptr);    // committed
    REQUIRE(page.state.view().Find(cats) != nullptr);  // rolled back
    CHECK_FALSE(page.state.view().IsHidden(cats));
    std::string messages;
    for (const Toast& toast : page.state.toasts()) messages += toast.message + "\n";
    CHECK(messages.find("\"cats-v3\": Parent in Trash") != std::string::npos);
    CHECK(messages.find("Restored \"dogs-v3\"") != std::string::npos);
}
