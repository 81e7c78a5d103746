// The facts of an Activity row (see activity_facts.h).
#include "core/activity_facts.h"

#include "core/countdown.h"  // FormatRelative, FormatDateTime, FormatBytes
#include "core/text.h"       // SanitizeForDisplay, Concat

namespace trash {

namespace {
std::string How(const AuditEvent& e) {
    if (e.via == "cleanup" || e.action == AuditAction::Cleanup) return "Cleanup";
    if (e.via == "api")
        return e.keyName.empty() ? "API key"
                                 : Concat("API key \xe2\x80\x9c", SanitizeForDisplay(e.keyName), "\xe2\x80\x9d");
    return "Web";
}

std::string Details(const AuditEvent& e) {
    if (e.action == AuditAction::SetRetention && e.oldValue && e.newValue)
        return Concat(std::to_string(*e.oldValue), " \xe2\x86\x92 ", std::to_string(*e.newValue),
                      *e.newValue == 1 ? " day" : " days");
    if (e.action == AuditAction::Restore && !e.slug.empty()) return "as " + SanitizeForDisplay(e.slug);
    std::string text;
    if (e.images > 0) text = std::to_string(e.images) + (e.images == 1 ? " image" : " images");
    if (e.bytes > 0) text += Concat(text.empty() ? "" : " \xc2\xb7 ", FormatBytes(e.bytes), " freed");
    if (text.empty()) text = SanitizeForDisplay(e.detail);
    return text;
}
}  // namespace

ActivityFacts FactsOf(const AuditEvent& e, int64_t nowMs) {
    ActivityFacts f;
    f.when = FormatRelative(nowMs, e.atMs);
    f.whenChangesMs = NextRelativeRedrawMs(nowMs, e.atMs);
    f.whenExact = FormatDateTime(e.atMs);
    f.how = How(e);
    f.who = !e.actorName.empty() ? SanitizeForDisplay(e.actorName)
            : !e.actorId.empty() ? SanitizeForDisplay(e.actorId)
            : f.how == "Cleanup" ? std::string("Cleanup")
                                 : std::string("Unknown");
    f.action =
        e.action == AuditAction::Unknown ? SanitizeForDisplay(e.actionName) : std::string(AuditActionLabel(e.action));

    f.item = SanitizeForDisplay(e.name.empty() ? e.id : e.name);
    f.type = SanitizeForDisplay(e.type);
    f.parent = SanitizeForDisplay(e.parentName);
    f.details = Details(e);
    if (e.isRunSummary()) {  // the count leads the details: the action's column stays narrow
        const std::string count = std::to_string(e.runCount) + (e.runCount == 1 ? " item" : " items");
        f.details = f.details.empty() ? count : Concat(count, " \xc2\xb7 ", f.details);
    }
    f.label = Concat(f.who, " \xc2\xb7 ", f.action);
    if (!f.item.empty()) f.label += Concat(" \xc2\xb7 ", f.parent, f.parent.empty() ? "" : " / ", f.item);
    f.label += " \xc2\xb7 " + f.when;
    return f;
}

}  // namespace trash
