// Parsing and formatting of the page's URL fragment (see route.h). Values are percent-encoded
// with the same encoder as API paths; decoding accepts '+' as a space, as browsers write it.
#include "core/route.h"

#include <utility>  // std::pair
#include <vector>   // parameters

#include "core/text.h"  // UrlEncode

namespace trash {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string UrlDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
            out += char(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return RepairUtf8(out);
}

// One parameter of the Trash's address.
void ParseTrashParam(Route& route, std::string_view key, const std::string& value) {
    if (key == "q") {
        route.filters.query = value;
    } else if (key == "type") {
        size_t from = 0;
        while (from <= value.size()) {
            size_t comma = value.find(',', from);
            if (comma == std::string::npos) comma = value.size();
            const ItemType type = ItemTypeFromName(std::string_view(value).substr(from, comma - from));
            if (type != ItemType::Unknown) route.filters.types[size_t(type)] = true;
            from = comma + 1;
        }
    } else if (key == "expiring") {
        route.filters.expiringSoon = value == "1" || value == "true";
    } else if (key == "sort" && !value.empty()) {
        const bool descending = value.front() == '-';
        const std::string_view name = descending ? std::string_view(value).substr(1) : std::string_view(value);
        for (const SortColumnNames& sort : kSortColumnNames)
            if (sort.address == name) route.sort = SortSpec{sort.column, !descending};
    }
}

// One parameter of the Activity's address.
void ParseActivityParam(ActivityFilters& filters, std::string_view key, const std::string& value) {
    if (key == "action") {
        size_t from = 0;
        while (from <= value.size()) {
            size_t comma = value.find(',', from);
            if (comma == std::string::npos) comma = value.size();
            const AuditAction action = AuditActionFromName(std::string_view(value).substr(from, comma - from));
            for (size_t i = 0; i < kAuditActionCount; ++i)
                if (kAuditActions[i] == action) filters.actions[i] = true;
            from = comma + 1;
        }
    } else if (key == "actor") {
        filters.actor = value;
    } else if (key == "type") {
        filters.type = value;
    } else if (key == "q") {
        filters.query = value;
    } else if (key == "from") {
        filters.from = value;
    } else if (key == "to") {
        filters.to = value;
    } else if (key == "item") {
        filters.item = value;
    }
}

}  // namespace

Route ParseRoute(std::string_view fragment) {
    Route route;
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
    const size_t question = fragment.find('?');
    const std::string_view path = fragment.substr(0, question);
    const std::string_view query =
        question == std::string_view::npos ? std::string_view() : fragment.substr(question + 1);
    if (path == "/settings/projects")
        route.screen = Screen::Projects;
    else if (path == "/settings/retention")
        route.screen = Screen::Retention;
    else if (path == "/settings/activity")
        route.screen = Screen::Activity;
    else if (path == "/sign-in")
        route.screen = Screen::SignIn;

    size_t start = 0;
    while (start <= query.size() && !query.empty()) {
        size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view pair = query.substr(start, end - start);
        const size_t equals = pair.find('=');
        const std::string_view key = pair.substr(0, equals);
        const std::string value = equals == std::string_view::npos ? std::string() : UrlDecode(pair.substr(equals + 1));
        if (route.screen == Screen::Activity)
            ParseActivityParam(route.activity, key, value);
        else
            ParseTrashParam(route, key, value);
        if (end == query.size()) break;
        start = end + 1;
    }
    return route;
}

namespace {
std::string WithParams(std::string out, const std::vector<std::pair<std::string_view, std::string>>& params) {
    for (size_t i = 0; i < params.size(); ++i) {
        out += i == 0 ? '?' : '&';
        out += params[i].first;
        out += '=';
        out += params[i].second;
    }
    return out;
}

std::string FormatActivityRoute(const ActivityFilters& f) {
    std::vector<std::pair<std::string_view, std::string>> params;
    std::string actions;
    for (size_t i = 0; i < kAuditActionCount; ++i) {
        if (!f.actions[i]) continue;
        if (!actions.empty()) actions += ',';
        actions += AuditActionName(kAuditActions[i]);
    }
    if (!actions.empty()) params.emplace_back("action", actions);
    if (!f.actor.empty()) params.emplace_back("actor", UrlEncode(f.actor));
    if (!f.type.empty()) params.emplace_back("type", UrlEncode(f.type));
    if (!f.query.empty()) params.emplace_back("q", UrlEncode(f.query));
    if (!f.from.empty()) params.emplace_back("from", UrlEncode(f.from));
    if (!f.to.empty()) params.emplace_back("to", UrlEncode(f.to));
    if (!f.item.empty()) params.emplace_back("item", UrlEncode(f.item));
    return WithParams("#/settings/activity", params);
}
}  // namespace

std::string FormatRoute(const Route& route) {
    switch (route.screen) {
    case Screen::Projects: return "#/settings/projects";
    case Screen::SignIn: return "#/sign-in";
    case Screen::Retention: return "#/settings/retention";
    case Screen::Activity: return FormatActivityRoute(route.activity);
    case Screen::Trash:
    case Screen::Forbidden: break;
    }
    std::vector<std::pair<std::string_view, std::string>> params;
    if (!route.filters.query.empty()) params.emplace_back("q", UrlEncode(route.filters.query));
    std::string types;
    for (ItemType type : kAllItemTypes) {
        if (type == ItemType::Unknown || !route.filters.types[size_t(type)]) continue;
        if (!types.empty()) types += ',';
        types += ItemTypeName(type);
    }
    if (!types.empty()) params.emplace_back("type", types);
    if (route.filters.expiringSoon) params.emplace_back("expiring", "1");
    const SortSpec defaults;
    if (route.sort.column != defaults.column || route.sort.ascending != defaults.ascending) {
        for (const SortColumnNames& sort : kSortColumnNames)
            if (sort.column == route.sort.column)
                params.emplace_back("sort", std::string(route.sort.ascending ? "" : "-") + std::string(sort.address));
    }
    return WithParams("#/settings/trash", params);
}

bool SameRoute(const Route& a, const Route& b) { return FormatRoute(a) == FormatRoute(b); }

}  // namespace trash
