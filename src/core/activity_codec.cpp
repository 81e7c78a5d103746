// The Activity and Retention decoders (see activity_codec.h), on the checked JSON tree of
// json_tree.h: a wrong field becomes a ParseError naming its path ("events[3].at must be a string").
#include "core/activity_codec.h"

#include <algorithm>  // std::clamp

#include "core/iso_time.h"   // ParseIsoTime
#include "core/json_tree.h"  // Decode, Reader

namespace trash {

namespace {
using namespace json_tree;

AuditEvent EventFrom(Reader& r, const Node& e, const char* path) {
    AuditEvent event;
    event.eventId = r.Id(e, path, "eventId", Need::Optional);
    const std::string at = r.String(e, path, "at", Need::Required);
    if (!at.empty()) {
        if (std::optional<int64_t> ms = ParseIsoTime(at))
            event.atMs = *ms;
        else
            r.Fail(path, "at", " must be an ISO time");
    }
    event.actorId = r.String(e, path, "actorId");
    event.actorName = r.String(e, path, "actorName");
    event.actionName = r.String(e, path, "action");
    event.action = AuditActionFromName(event.actionName);
    event.via = r.String(e, path, "via");
    event.keyName = r.String(e, path, "keyName");
    event.type = r.String(e, path, "type");
    event.id = r.Id(e, path, "id", Need::Optional);
    event.name = r.String(e, path, "name");
    event.parentName = r.String(e, path, "parentName");
    event.slug = r.String(e, path, "slug");
    event.runId = r.Id(e, path, "runId", Need::Optional);
    event.runCount = r.Number(e, path, "runCount");
    event.images = r.Number(e, path, "images");
    event.bytes = r.Number(e, path, "bytes");
    event.detail = r.String(e, path, "detail");
    if (r.Find(e, path, "oldValue", Need::Optional)) event.oldValue = r.Number(e, path, "oldValue");
    if (r.Find(e, path, "newValue", Need::Optional)) event.newValue = r.Number(e, path, "newValue");
    return event;
}

RetentionCount CountFrom(Reader& r, const Node& preview, const char* name) {
    RetentionCount count;
    if (const Node* c = r.Object(preview, "preview", name, Need::Optional)) {
        const std::string where = Join("preview", name);
        const char* path = where.c_str();
        count.count = r.Number(*c, path, "count");
        count.bytes = r.Number(*c, path, "bytes");
    }
    return count;
}

int Days(int64_t days) { return static_cast<int>(std::clamp<int64_t>(days, -1'000'000, 1'000'000)); }
}  // namespace

ParseResult<AuditPage> ParseAuditPage(std::string_view body) {
    return Decode<AuditPage>(body, "activity page", [](Reader& r, const Node& j) {
        AuditPage page;
        if (const Node* events = r.Array(j, "", "events", Need::Required)) {
            page.events.reserve(events->size);
            r.ForEach(*events, [&](const Node& e, size_t i) {
                const std::string where = Index("events", i);
                const char* path = where.c_str();
                if (r.IsObject(e, path)) page.events.push_back(EventFrom(r, e, path));
            });
        }
        page.nextCursor = r.String(j, "", "nextCursor");
        if (const Node* actors = r.Array(j, "", "actors", Need::Optional))
            r.ForEach(*actors, [&](const Node& a, size_t i) {
                const std::string where = Index("actors", i);
                const char* path = where.c_str();
                if (!r.IsObject(a, path)) return;
                AuditActor actor;
                actor.id = r.Id(a, path, "id", Need::Required);
                actor.name = r.String(a, path, "name");
                page.actors.push_back(std::move(actor));
            });
        return page;
    });
}

ParseResult<RetentionPreview> ParseRetentionPreview(std::string_view body) {
    return Decode<RetentionPreview>(body, "retention preview", [](Reader& r, const Node& j) {
        RetentionPreview preview;
        if (const Node* p = r.Object(j, "", "preview", Need::Required)) {
            preview.retentionDays = Days(r.Number(*p, "preview", "retentionDays"));
            preview.currentDays = Days(r.Number(*p, "preview", "currentDays"));
            preview.dueNow = CountFrom(r, *p, "dueNow");
            preview.sooner = CountFrom(r, *p, "sooner");
            preview.later = CountFrom(r, *p, "later");
        }
        return preview;
    });
}

std::optional<int> ConflictRetentionDays(std::string_view body) {
    ParseResult<int> days = Decode<int>(
        body, "conflict", [](Reader& r, const Node& j) { return Days(r.Number(j, "", "retentionDays", -1)); });
    if (!days.ok() || days.value() < kMinRetentionDays || days.value() > kMaxRetentionDays) return std::nullopt;
    return days.value();
}

}  // namespace trash
