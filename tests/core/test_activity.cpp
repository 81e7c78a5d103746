// The Activity list's model: filters to and from the address, pages appended by cursor without
// duplicates, runs that expand into their members, the requests' query strings and the decoder.
#include <catch2/catch.hpp>

#include "core/activity.h"
#include "core/activity_codec.h"
#include "core/requests.h"
#include "core/route.h"

using namespace trash;

namespace {
AuditEvent Event(const std::string& id, int64_t runCount = 0, const std::string& runId = {}) {
    AuditEvent e;
    e.eventId = id;
    e.name = "item " + id;
    e.runCount = runCount;
    e.runId = runId;
    return e;
}
AuditPage Page(std::vector<AuditEvent> events, std::string cursor) {
    AuditPage page;
    page.events = std::move(events);
    page.nextCursor = std::move(cursor);
    return page;
}
}  // namespace

TEST_CASE("Activity filters round-trip through the address", "[activity][route]") {
    Route route;
    route.screen = Screen::Activity;
    route.activity.actions[1] = true;  // restore
    route.activity.actions[3] = true;  // empty_trash
    route.activity.actor = "u_bob";
    route.activity.type = "project";
    route.activity.query = "dock door & co";
    route.activity.from = "2026-12-01";
    route.activity.to = "2026-12-06";
    route.activity.item = "d_dock";
    const std::string fragment = FormatRoute(route);
    CHECK(fragment ==
          "#/settings/activity?action=restore,empty_trash&actor=u_bob&type=project&q=dock%20door%20%26%20co"
          "&from=2026-12-01&to=2026-12-06&item=d_dock");
    const Route back = ParseRoute(fragment);
    CHECK(back.screen == Screen::Activity);
    CHECK(back.activity == route.activity);
    CHECK(SameRoute(back, route));
    // The Trash's own parameters stay the Trash's.
    CHECK(ParseRoute("#/settings/trash?type=project").activity.type.empty());
    CHECK(ParseRoute("#/settings/activity").activity == ActivityFilters{});
    CHECK(FormatRoute(ParseRoute("#/settings/activity?action=bogus,trash&junk=1")) ==
          "#/settings/activity?action=trash");
    CHECK(ParseRoute("#/settings/retention").screen == Screen::Retention);
    CHECK(FormatRoute(ParseRoute("#/settings/retention?x=1")) == "#/settings/retention");
}

TEST_CASE("Pages append by cursor and never list an event twice", "[activity]") {
    ActivityView view;
    view.AppendPage(Page({Event("e5"), Event("e4"), Event("e3")}, "c1"), true);
    CHECK(view.hasMore());
    CHECK(view.nextCursor() == "c1");
    // A write between the pages moved the boundary: e3 comes again.
    view.AppendPage(Page({Event("e3"), Event("e2"), Event("e1")}, ""), false);
    REQUIRE(view.events().size() == 5);
    CHECK(view.events()[3].eventId == "e2");
    CHECK_FALSE(view.hasMore());
    CHECK(view.rows().size() == 5);
    // A first page replaces what is shown (a refresh).
    view.AppendPage(Page({Event("e6"), Event("e5")}, "c9"), true);
    CHECK(view.events().size() == 2);
}

TEST_CASE("New filters start the list afresh; the same ones change nothing", "[activity]") {
    ActivityView view;
    view.AppendPage(Page({Event("e1")}, ""), true);
    ActivityFilters filters;
    CHECK_FALSE(view.SetFilters(filters));
    CHECK(view.events().size() == 1);
    filters.query = "dock";
    CHECK(view.SetFilters(filters));
    CHECK(view.events().empty());
    CHECK_FALSE(view.loadedOnce());
    CHECK(filters.any());
}

TEST_CASE("A run expands into its members, paged, and collapses", "[activity]") {
    ActivityView view;
    view.AppendPage(Page({Event("e3"), Event("run", 3, "r1"), Event("e1")}, ""), true);
    CHECK(view.events()[1].isRunSummary());
    CHECK(view.ToggleRun("r1"));  // expanding needs the first page of members
    view.RunLoading("r1");
    REQUIRE(view.rows().size() == 4);
    CHECK(view.rows()[2].kind == ActivityRowKind::LoadingMembers);
    view.AppendRunPage("r1", Page({Event("m1", 0, "r1"), Event("m2", 0, "r1")}, "next"));
    REQUIRE(view.rows().size() == 6);  // e3, run, m1, m2, "more", e1
    CHECK(view.rows()[2].kind == ActivityRowKind::Member);
    CHECK(view.EventOf(view.rows()[3]).eventId == "m2");
    CHECK(view.rows()[4].kind == ActivityRowKind::MoreMembers);
    view.AppendRunPage("r1", Page({Event("m2", 0, "r1"), Event("m3", 0, "r1")}, ""));
    CHECK(view.run("r1")->members.size() == 3);
    CHECK(view.rows().size() == 6);     // e3, run, m1..m3, e1
    CHECK_FALSE(view.ToggleRun("r1"));  // collapsing loads nothing
    CHECK(view.rows().size() == 3);
    CHECK_FALSE(view.ToggleRun("r1"));  // expanding again: the members are already here
    CHECK(view.rows().size() == 6);
}

TEST_CASE("Typed dates become the API's times", "[activity]") {
    CHECK(ApiTimeOf("2026-12-01", false) == std::string("2026-12-01T00:00:00.000Z"));
    CHECK(ApiTimeOf("2026-12-01", true) == std::string("2026-12-02T00:00:00.000Z"));  // the whole day
    CHECK(ApiTimeOf("2026-12-01T10:00:00Z", true) == std::string("2026-12-01T10:00:00.000Z"));
    CHECK(ApiTimeOf("", false) == std::string());
    CHECK_FALSE(ApiTimeOf("2026-02-30", false));
    CHECK_FALSE(ApiTimeOf("yesterday", false));
    CHECK(DateFieldError("12/01/2026") == "Use a date like 2026-12-01");
    CHECK(DateFieldError("2026-12-01").empty());
}

TEST_CASE("The audit requests carry the filters", "[activity][requests]") {
    ActivityFilters f;
    f.actions[0] = true;
    f.query = "a b";
    f.from = "2026-12-01";
    f.to = "bad date";
    CHECK(requests::ListActivity("acme", f, "").path ==
          "/acme/audit?limit=200&action=trash&q=a%20b&from=2026-12-01T00%3A00%3A00.000Z");
    CHECK(requests::ListActivity("acme", {}, "c/1", 50).path == "/acme/audit?limit=50&cursor=c%2F1");
    CHECK(requests::ListActivityRun("acme", "r1", "").path == "/acme/audit?run=r1&limit=200");
    CHECK(requests::ExportActivity("acme", f).path.rfind("/acme/audit?format=csv&action=trash", 0) == 0);
    const Request save = requests::SaveRetention(7, 30);
    CHECK(save.method == "PATCH");
    CHECK(save.body == R"({"retentionDays":7,"expectedRetentionDays":30})");
    CHECK(save.needsCsrf);
    CHECK(requests::PreviewRetention(7, 30).body == R"({"retentionDays":7,"expectedRetentionDays":30,"dryRun":true})");
}

TEST_CASE("An audit page decodes, and a wrong field is an error naming it", "[activity][codec]") {
    const auto page = ParseAuditPage(R"({"events":[
      {"eventId":"e1","at":"2026-12-01T10:00:00.000Z","actorId":"u_bob","actorName":"Bob","action":"restore","via":"api",
       "keyName":"CI key","type":"project","id":"d_dock","name":"Dock","parentName":null,"slug":"dock-2","runId":null,
       "runCount":0,"images":0,"bytes":0,"detail":"","oldValue":null,"newValue":null},
      {"eventId":"e2","at":"2026-12-01T09:00:00.000Z","action":"set_retention","oldValue":30,"newValue":7},
      {"eventId":"e3","at":"2026-12-01T08:00:00.000Z","action":"cleanup","runId":"r9","runCount":12,"bytes":99}],
      "nextCursor":"abc","actors":[{"id":"u_bob","name":"Bob"}]})");
    REQUIRE(page.ok());
    const AuditPage& p = page.value();
    REQUIRE(p.events.size() == 3);
    CHECK(p.events[0].action == AuditAction::Restore);
    CHECK(p.events[0].keyName == "CI key");
    CHECK(p.events[0].slug == "dock-2");
    CHECK_FALSE(p.events[0].oldValue);
    CHECK(p.events[1].oldValue == 30);
    CHECK(p.events[1].newValue == 7);
    CHECK(p.events[2].isRunSummary());
    CHECK(p.nextCursor == "abc");
    CHECK(p.actors.size() == 1);
    CHECK(ParseAuditPage(R"({"events":[],"nextCursor":null})").value().nextCursor.empty());
    const auto bad = ParseAuditPage(R"({"events":[{"at":"yesterday"}]})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("events[0].at") != std::string::npos);
    CHECK_FALSE(ParseAuditPage("[1,2]").ok());
    CHECK(AuditActionFromName("delete_permanently") == AuditAction::Delete);
    CHECK(AuditActionFromName("shrug") == AuditAction::Unknown);
}
