// Settings → Retention and Activity drawn headless: the Retention form from typing to a confirmed
// save, and disabled with the reason for other roles; the Activity list with its filters, a run
// expanding, the empty state's Clear filters, the no-access state, 100,000 events, and a Trash
// row's History opening it filtered.
#include <catch2/catch.hpp>

#include <chrono>  // the 100k frame

#include "core/iso_time.h"  // kDayMs
#include "harness.h"

using namespace ui::test;

namespace {
std::string WithRole(std::string json, const std::string& role) {
  const std::string from = R"("name":"Owner")";
  json.replace(json.find(from), from.size(), "\"name\":\"" + role + "\"");
  return json;
}

std::vector<std::string> Plus(std::vector<std::string> permissions, const std::string& extra) {
  permissions.push_back(extra);
  return permissions;
}

// Sends what the page's clock makes due (the preview's debounce) into the harness's requests.
void TickTo(Harness& h, int64_t ms) {
  h.now = ms;
  auto sent = h.page.Tick(ms);
  h.pending.insert(h.pending.end(), sent.begin(), sent.end());
}

const trash::PendingRequest* PendingOf(Harness& h, trash::RequestKind kind) {
  for (const trash::PendingRequest& r : h.pending)
    if (r.kind == kind) return &r;
  return nullptr;
}

std::string Event(const std::string& id, const std::string& action, const std::string& name,
                  const std::string& extra = "") {
  return R"({"eventId":")" + id +
         R"(","at":"2026-11-28T10:00:00.000Z","actorId":"u_bob","actorName":"Bob Martins",)"
         R"("action":")" +
         action + R"(","via":"web","keyName":null,"type":"project","id":"d_)" + id + R"(","name":")" + name +
         R"(","parentName":null,"slug":null,"runId":null,"runCount":0,"images":0,"bytes":0,)"
         R"("detail":"","oldValue":null,"newValue":null)" +
         extra + "}";
}

void OpenActivity(Harness& h) {
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"), Plus(AllPermissions(), "view_activity"));
  h.Apply(trash::intent::Navigate{trash::Screen::Activity});
}
}  // namespace

TEST_CASE("Retention: type a period, see its preview, confirm and save", "[retention]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Frames(2);
  REQUIRE(h.Widget("nav/Retention"));
  h.Click("nav/Retention");
  h.ApplyEmitted();
  h.Frames(2);
  const ui::WidgetInfo* field = h.Widget("##retention-days");
  REQUIRE(field);
  CHECK(field->role == "textbox");
  CHECK(field->label == "Retention period (days)");
  CHECK(field->value == "30");
  CHECK_FALSE(h.Widget("retention/save")->enabled);

  h.Click("retention/decrease");
  h.ApplyEmitted();
  h.Frames(2);
  CHECK(h.Widget("##retention-days")->value == "29");
  h.Apply(trash::intent::EditRetention{"7"});
  h.Frames(2);
  CHECK(h.Widget("##retention-days")->value == "7");
  CHECK(h.Widget("retention/preview")->label.find("Checking") == 0);
  TickTo(h, h.now + 1000);
  const trash::PendingRequest* preview = PendingOf(h, trash::RequestKind::PreviewRetention);
  REQUIRE(preview);
  CHECK(preview->request.body == R"({"retentionDays":7,"expectedRetentionDays":30,"dryRun":true})");
  h.Respond(
      trash::RequestKind::PreviewRetention, 200,
      R"({"preview":{"retentionDays":7,"currentDays":30,"dueNow":{"count":5,"bytes":13207024435},"sooner":{"count":3,"bytes":1},"later":{"count":0,"bytes":0}}})");
  h.Frames(2);
  CHECK(h.Widget("retention/preview")->label ==
        "With 7 days, 5 items (12.3 GB) become due now and are purged at the next cleanup; 3 more items expire sooner");
  REQUIRE(h.Widget("retention/save")->enabled);
  h.Click("retention/save");
  h.ApplyEmitted();
  CHECK(h.page.dialog().kind == trash::DialogKind::ConfirmRetention);
  CHECK_FALSE(PendingOf(h, trash::RequestKind::SaveRetention));
  h.Frames(2);
  REQUIRE(h.Widget("dialog/confirm"));
  h.Click("dialog/confirm");
  h.ApplyEmitted();
  const trash::PendingRequest* save = PendingOf(h, trash::RequestKind::SaveRetention);
  REQUIRE(save);
  CHECK(save->request.body == R"({"retentionDays":7,"expectedRetentionDays":30})");
  std::string saved = SessionJson(AllPermissions());
  saved.replace(saved.find("\"retentionDays\":30"), 18, "\"retentionDays\":7");
  h.Respond(trash::RequestKind::SaveRetention, 200, saved);
  CHECK(h.page.session()->workspace.retentionDays == 7);
  // The Trash's countdowns follow at once: each purge is its deletion plus 7 days.
  for (const trash::TrashItem& item : h.page.view().items())
    CHECK(item.scheduledCleanupAtMs == item.deletedAtMs + 7 * trash::kDayMs);
}

TEST_CASE("Retention: a 409 shows the other person's value", "[retention]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Apply(trash::intent::Navigate{trash::Screen::Retention});
  h.Apply(trash::intent::EditRetention{"14"});
  TickTo(h, h.now + 1000);
  h.Respond(trash::RequestKind::PreviewRetention, 409,
            R"({"error":"The retention period changed","retentionDays":60})");
  h.Frames(2);
  CHECK(h.Widget("##retention-days")->value == "60");
  REQUIRE(h.Widget("retention/notice"));
  CHECK(h.Widget("retention/notice")->label.find("changed by someone else") != std::string::npos);
  CHECK(h.page.session()->workspace.retentionDays == 60);
}

TEST_CASE("Retention: a value out of range is refused at the field", "[retention]") {
  Harness h;
  h.SignInWithListing(ReadFixture("ui_trash_listing.json"));
  h.Apply(trash::intent::Navigate{trash::Screen::Retention});
  for (const char* bad : {"0", "91", "7.5", "", "abc"}) {
    INFO(bad);
    h.Apply(trash::intent::EditRetention{bad});
    h.Frames(2);
    REQUIRE(h.Widget("retention/error"));
    CHECK(h.Widget("retention/error")->role == "alert");
    CHECK_FALSE(h.Widget("retention/save")->enabled);
  }
  TickTo(h, h.now + 5000);
  CHECK_FALSE(PendingOf(h, trash::RequestKind::PreviewRetention));
}

TEST_CASE("Retention: other roles see the form disabled and why", "[retention][permissions]") {
  for (const char* role : {"Admin", "Member", "Viewer"}) {
    INFO(role);
    Harness h;
    h.SignIn(WithRole(SessionJson(AllPermissions()), role));
    h.Respond(trash::RequestKind::ListTrash, 200, ReadFixture("ui_trash_listing.json"));
    h.Apply(trash::intent::Navigate{trash::Screen::Retention});
    h.Frames(2);
    REQUIRE(h.Widget("retention/blocked"));
    CHECK(h.Widget("retention/blocked")->label == "Only the workspace Owner can change the retention period");
    CHECK_FALSE(h.Widget("retention/save")->enabled);
    CHECK(h.Widget("retention/save")->description == "Only the workspace Owner can change the retention period");
    CHECK_FALSE(h.Widget("retention/increase")->enabled);
    h.Click("retention/increase");
    CHECK(h.CountEmitted<trash::intent::StepRetention>() == 0);
  }
}

TEST_CASE("Activity: events, a run that expands, filters in intents", "[activity]") {
  Harness h;
  OpenActivity(h);
  const trash::PendingRequest* list = PendingOf(h, trash::RequestKind::ListActivity);
  REQUIRE(list);
  CHECK(list->request.path == "/acme/audit?limit=200");
  h.Respond(trash::RequestKind::ListActivity, 200,
            R"({"events":[)" + Event("e2", "restore", "Dock Door Monitor", R"(,"slug":"dock-door-monitor-2")") + "," +
                Event("e1", "empty_trash", "", R"(,"runId":"r1","runCount":12,"images":240,"bytes":2048)") +
                R"(],"nextCursor":null,"actors":[{"id":"u_bob","name":"Bob Martins"}]})");
  h.Frames(3);
  const ui::WidgetInfo* grid = h.Widget("activity/grid");
  REQUIRE(grid);
  CHECK(grid->role == "grid");
  CHECK(grid->count == 3);
  CHECK(h.Widget("activity/header/When")->role == "columnheader");
  REQUIRE(h.Widget("activity/row/e2"));
  CHECK(h.Widget("activity/row/e2/Details")->label == "as dock-door-monitor-2");
  CHECK(h.Widget("activity/row/e2/When")->description == "28 Nov 2026, 10:00 UTC");
  CHECK(h.Widget("activity/row/e1/Action")->label == "Emptied Trash");
  CHECK(h.Widget("activity/row/e1/Details")->label == "12 items \xc2\xb7 240 images \xc2\xb7 2 KB freed");
  CHECK(h.Widget("activity/row/e1/toggle")->Has("collapsed"));
  h.Click("activity/row/e1");
  const auto* toggle = h.LastEmitted<trash::intent::ToggleActivityRun>();
  REQUIRE(toggle);
  CHECK(toggle->runId == "r1");
  h.ApplyEmitted();
  REQUIRE(PendingOf(h, trash::RequestKind::ListActivityRun));
  CHECK(PendingOf(h, trash::RequestKind::ListActivityRun)->request.path == "/acme/audit?run=r1&limit=200");
  h.Respond(
      trash::RequestKind::ListActivityRun, 200,
      R"({"events":[)" + Event("m1", "empty_trash", "Old Pallets", R"(,"runId":"r1")") + R"(],"nextCursor":"more"})");
  h.Frames(2);
  CHECK(h.Widget("activity/row/m1"));
  CHECK(h.Widget("activity/row/e1/more"));
  CHECK(h.Widget("activity/row/e1/toggle")->Has("expanded"));

  h.Click("activity/action/restore");
  const auto* filter = h.LastEmitted<trash::intent::FilterActivity>();
  REQUIRE(filter);
  CHECK(filter->filters.actions[1]);
  h.ApplyEmitted();
  CHECK(PendingOf(h, trash::RequestKind::ListActivity)->request.path == "/acme/audit?limit=200&action=restore");
}

TEST_CASE("Activity: an idle page wakes when an event's \"… ago\" next changes, and redraws it", "[activity]") {
  Harness h;
  OpenActivity(h);
  const int64_t at = *trash::ParseIsoTime("2026-11-28T10:00:00.000Z");  // Event()'s time
  h.now = at + 30 * trash::kSecondMs;
  h.Respond(trash::RequestKind::ListActivity, 200,
            R"({"events":[)" + Event("e1", "restore", "Dock Door Monitor") + R"(],"nextCursor":null,"actors":[]})");
  h.Frames(2);
  CHECK(h.Widget("activity/row/e1/When")->label == "just now");
  CHECK(h.last.wakeAtMs == at + trash::kMinuteMs);
  h.now = h.last.wakeAtMs;
  h.Frames(1);
  CHECK(h.Widget("activity/row/e1/When")->label == "1 minute ago");
  CHECK(h.last.wakeAtMs == at + 2 * trash::kMinuteMs);
}

TEST_CASE("Activity: filters that match nothing offer Clear filters", "[activity]") {
  Harness h;
  OpenActivity(h);
  trash::ActivityFilters filters;
  filters.query = "nothing like this";
  h.Apply(trash::intent::FilterActivity{filters});
  // The unfiltered page answers late: it no longer counts.
  h.Respond(trash::RequestKind::ListActivity, 200,
            R"({"events":[)" + Event("e1", "trash", "x") + R"(],"nextCursor":null})");
  h.Frames(1);
  CHECK_FALSE(h.Widget("activity/row/e1"));
  h.Respond(trash::RequestKind::ListActivity, 200, R"({"events":[],"nextCursor":null,"actors":[]})");
  h.Frames(2);
  REQUIRE(h.Widget("state/no-match"));
  h.Click("state/clear-filters");
  const auto* cleared = h.LastEmitted<trash::intent::FilterActivity>();
  REQUIRE(cleared);
  CHECK_FALSE(cleared->filters.any());
}

TEST_CASE("Activity: without view_activity, the no-access state and no request", "[activity][permissions]") {
  for (const char* role : {"Member", "Viewer"}) {
    INFO(role);
    Harness h;
    h.SignIn(WithRole(SessionJson(AllPermissions()), role));
    h.Respond(trash::RequestKind::ListTrash, 200, ReadFixture("ui_trash_listing.json"));
    h.Apply(trash::intent::Navigate{trash::Screen::Activity});
    h.Frames(2);
    REQUIRE(h.Widget("state/forbidden"));
    CHECK(h.Widget("state/forbidden")->label == "You don't have access to the activity");
    CHECK_FALSE(PendingOf(h, trash::RequestKind::ListActivity));
    CHECK_FALSE(h.Widget("activity/export"));
  }
}

TEST_CASE("Activity: a Trash row's History opens the item's events", "[activity][row_menu]") {
  Harness h;
  OpenActivity(h);
  h.Apply(trash::intent::Navigate{trash::Screen::Trash});
  h.Frames(2);
  h.Click("row/workflow/wf_1/menu");
  h.Frames(1);
  REQUIRE(h.Widget("menu/history"));
  CHECK(h.Widget("menu/history")->enabled);
  h.Click("menu/history");
  const auto* history = h.LastEmitted<trash::intent::OpenHistory>();
  REQUIRE(history);
  h.ApplyEmitted();
  CHECK(h.page.screen() == trash::Screen::Activity);
  CHECK(h.page.activity().filters().item == "wf_1");
  CHECK(h.page.activity().filters().type == "workflow");
  h.Respond(trash::RequestKind::ListActivity, 200, R"({"events":[],"nextCursor":null})");  // the unfiltered one, late
  const trash::PendingRequest* list = PendingOf(h, trash::RequestKind::ListActivity);
  REQUIRE(list);
  CHECK(list->request.path.find("type=workflow&item=wf_1") != std::string::npos);
}

TEST_CASE("Activity: 100,000 events draw only what is in view", "[activity][large]") {
  Harness h;
  OpenActivity(h);
  std::string body = R"({"events":[)";
  for (int i = 0; i < 100000; ++i)
    body += (i ? "," : "") + Event("e" + std::to_string(i), "trash", "item " + std::to_string(i));
  body += R"(],"nextCursor":"next","actors":[]})";
  h.Respond(trash::RequestKind::ListActivity, 200, body);
  h.Frames(2);
  const auto start = std::chrono::steady_clock::now();
  h.Frames(10);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 10;
  CHECK(h.All("row").size() < 60);
  CHECK(h.Widget("activity/grid")->count == 100001);
  CHECK(ms < 50);  // generous: a busy shared machine; the drawn rows are the cost, not the 100k
  // The keyboard reaches the end, and the end asks for the next page.
  h.PressKey(35);  // End
  h.Frames(2);
  CHECK(h.Widget("activity/row/e99999"));
  CHECK(h.CountEmitted<trash::intent::LoadMoreActivity>() > 0);
}
