// The page's URL fragment: deep links parse into screen + filters + sort, and the canonical
// form round-trips, leaves defaults out and survives hostile input.
#include <catch2/catch.hpp>

#include "core/route.h"

using namespace trash;

TEST_CASE("the plain Trash page has the shortest fragment", "[route]") {
    CHECK(FormatRoute(Route{}) == "#/settings/trash");
    CHECK(ParseRoute("").screen == Screen::Trash);
    CHECK(ParseRoute("#/settings/trash").screen == Screen::Trash);
}

TEST_CASE("screens map to their paths", "[route]") {
    Route projects;
    projects.screen = Screen::Projects;
    CHECK(FormatRoute(projects) == "#/settings/projects");
    CHECK(ParseRoute("#/settings/projects").screen == Screen::Projects);
    CHECK(ParseRoute("#/sign-in").screen == Screen::SignIn);
    CHECK(ParseRoute("#/no/such/page").screen == Screen::Trash);
}

TEST_CASE("filters and sort round-trip through the fragment", "[route]") {
    Route route;
    route.filters.query = "my detector & co/100%";
    route.filters.types[size_t(ItemType::Project)] = true;
    route.filters.types[size_t(ItemType::Version)] = true;
    route.filters.expiringSoon = true;
    route.sort = SortSpec{SortColumn::Size, false};
    const std::string fragment = FormatRoute(route);
    CHECK(fragment ==
          "#/settings/trash?q=my%20detector%20%26%20co%2F100%25&type=project,version&expiring=1&sort=-size");

    const Route back = ParseRoute(fragment);
    CHECK(back.filters.query == route.filters.query);
    CHECK(back.filters.types[size_t(ItemType::Project)]);
    CHECK(back.filters.types[size_t(ItemType::Version)]);
    CHECK_FALSE(back.filters.types[size_t(ItemType::Model)]);
    CHECK(back.filters.expiringSoon);
    CHECK(back.sort.column == SortColumn::Size);
    CHECK_FALSE(back.sort.ascending);
    CHECK(SameRoute(back, route));
}

TEST_CASE("ascending sort has no minus sign", "[route]") {
    Route route;
    route.sort = SortSpec{SortColumn::Name, true};
    CHECK(FormatRoute(route) == "#/settings/trash?sort=name");
    CHECK(ParseRoute("#/settings/trash?sort=name").sort.ascending);
}

TEST_CASE("hostile or unknown parameters are ignored, never fatal", "[route]") {
    const Route route = ParseRoute("#/settings/trash?type=project,bogus,,&sort=-nothing&q=%ZZ%&&=&x=1&q");
    CHECK(route.filters.types[size_t(ItemType::Project)]);
    CHECK_FALSE(route.filters.types[size_t(ItemType::Unknown)]);
    CHECK(route.sort.column == SortSpec{}.column);
    CHECK(route.filters.query.empty());  // the last q= wins, and it is empty
    CHECK(ParseRoute("#/settings/trash?q=%ZZ%").filters.query == "%ZZ%");
    CHECK(ParseRoute("#/settings/trash?q=a+b").filters.query == "a b");
    CHECK(ParseRoute("#/settings/trash?q=%FF").filters.query == "\xEF\xBF\xBD");  // invalid UTF-8 repaired
}
