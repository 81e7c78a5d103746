// Decoders for Settings → Activity and Retention: the audit log's pages (GET /<ws>/audit), the
// retention dry run's preview and the period a 409 names. Never throwing, as api_codec.h.
#pragma once

#include <optional>     // the 409's period
#include <string_view>  // bodies

#include "core/activity.h"        // AuditPage
#include "core/result.h"          // ParseResult
#include "core/retention_form.h"  // RetentionPreview

namespace trash {

// {"events":[EVENT...],"nextCursor":string|null,"actors":[{"id","name"}]}
ParseResult<AuditPage> ParseAuditPage(std::string_view body);
// {"preview":{"retentionDays","currentDays","dueNow":{"count","bytes"},"sooner":{...},"later":{...}}}
ParseResult<RetentionPreview> ParseRetentionPreview(std::string_view body);
// A 409's {"error": "...", "retentionDays": N}: the period someone else saved.
std::optional<int> ConflictRetentionDays(std::string_view body);

}  // namespace trash
