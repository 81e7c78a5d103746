// The facts of one Activity row, decided once for the wide table and the phone's two-line rows:
// when (relative, with the exact time for the tooltip), who, what was done, to which item (name,
// type, parent), how (web, an API key by name, the cleanup) and the details (the slug it came
// back under, images and bytes freed, old → new days). All sanitised, ready to draw.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // labels

#include "core/activity.h"   // AuditEvent
#include "core/countdown.h"  // kNever

namespace trash {

struct ActivityFacts {
    std::string when;                // "2 hours ago"
    int64_t whenChangesMs = kNever;  // when `when` is next redrawn (NextRelativeRedrawMs)
    std::string whenExact;           // "20 Apr 2026, 17:05 UTC"
    std::string who;                 // "Bob Martins"; "Cleanup" for the daily job
    std::string action;              // "Restored", "Emptied Trash"
    std::string item;                // the item's name (else its id); "" when the event names none
    std::string type;                // "project"; "" when none
    std::string parent;              // a version's or model's project; ""
    std::string how;                 // "Web", "API key \"CI\"", "Cleanup"
    std::string details;             // "as dock-2", a run's "12 items · 240 images · 1.4 GB freed", "30 → 7 days"
    std::string label;               // the whole row in one sentence, for assistive technology
};

ActivityFacts FactsOf(const AuditEvent& event, int64_t nowMs);

}  // namespace trash
