// The page's address: which screen and which Trash filters, as the URL fragment
// "#/settings/trash?q=detector&type=project,version&expiring=1&sort=-size", or the Activity's
// "#/settings/activity?action=restore,trash&actor=u_bob&type=project&q=dock&from=2026-12-01&item=d_dock".
// Deep links, the browser's back and forward, and reloads all go through ParseRoute / FormatRoute.
#pragma once

#include <string>       // fragments
#include <string_view>  // input

#include "core/activity.h"    // ActivityFilters
#include "core/intents.h"     // Screen
#include "core/trash_view.h"  // Filters, SortSpec

namespace trash {

struct Route {
    Screen screen = Screen::Trash;
    Filters filters;  // Trash screen only
    SortSpec sort;
    ActivityFilters activity;  // Activity screen only
};

// Tolerant: an unknown path is the Trash screen, unknown parameters and values are ignored.
Route ParseRoute(std::string_view fragment);
// Canonical form: defaults are left out, so the plain Trash page is "#/settings/trash".
std::string FormatRoute(const Route& route);
bool SameRoute(const Route& a, const Route& b);

}  // namespace trash
