// Baseline A of the bench: a bare Dear ImGui 1.86 table page, written the way ImGui's own examples
// are (stock GLFW loop through emscripten_set_main_loop, stock imgui_impl_glfw + imgui_impl_opengl3
// on WebGL2), fetching the same listing as a static file and parsing it into a nlohmann DOM.
// It reports to the bench through window.benchPage: frames, first rows drawn, listing timings.
#include <emscripten.h>        // emscripten_set_main_loop, EM_ASM, emscripten_get_now
#include <emscripten/fetch.h>  // emscripten_fetch of the static listing
#include <GLFW/glfw3.h>        // Emscripten's built-in GLFW (-sUSE_GLFW=3)
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>  // the DOM parse the bench compares against the page's SAX parse

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

struct Item {
    std::string name, type, deletedByName, deletedAt;
    int64_t scheduledCleanupMs = 0;
    double sizeBytes = 0;
};

struct State {
    GLFWwindow* window = nullptr;
    std::vector<Item> items;
    bool loaded = false;
    bool reportedRows = false;
    int frames = 0;
};
State g;

// "2026-11-26T04:54:29.465Z" → milliseconds since the epoch (days-from-civil, UTC only).
int64_t ParseIsoMs(const std::string& s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
    if (std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &y, &mo, &d, &h, &mi, &sec, &ms) < 6) return 0;
    y -= mo <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * unsigned(mo + (mo > 2 ? -3 : 9)) + 2) / 5 + unsigned(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const int64_t days = int64_t(era) * 146097 + int64_t(doe) - 719468;
    return ((days * 24 + h) * 60 + mi) * 60000 + int64_t(sec) * 1000 + ms;
}

std::string TimeLeft(int64_t cleanupMs, double nowMs) {
    const double left = double(cleanupMs) - nowMs;
    char out[32];
    if (left >= 86400000.0)
        std::snprintf(out, sizeof out, "%d days left", int(left / 86400000.0));
    else if (left >= 3600000.0)
        std::snprintf(out, sizeof out, "%d hours left", int(left / 3600000.0));
    else
        std::snprintf(out, sizeof out, "%d minutes left", int(left > 0 ? left / 60000.0 : 0));
    return out;
}

std::string Bytes(double n) {
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    int u = 0;
    while (n >= 1024 && u < 4) {
        n /= 1024;
        ++u;
    }
    char out[32];
    std::snprintf(out, sizeof out, u ? "%.1f %s" : "%.0f %s", n, units[u]);
    return out;
}

void OnListing(emscripten_fetch_t* fetch) {
    const double fetched = emscripten_get_now();
    const nlohmann::json doc = nlohmann::json::parse(fetch->data, fetch->data + fetch->numBytes, nullptr, false);
    emscripten_fetch_close(fetch);
    const double parsed = emscripten_get_now();
    if (doc.is_object() && doc.contains("items") && doc["items"].is_array()) {
        g.items.reserve(doc["items"].size());
        for (const nlohmann::json& j : doc["items"]) {
            Item item;
            item.name = j.value("name", "");
            item.type = j.value("type", "");
            item.deletedByName = j.value("deletedByName", "");
            item.deletedAt = j.value("deletedAt", "");
            item.scheduledCleanupMs = ParseIsoMs(j.value("scheduledCleanupAt", ""));
            item.sizeBytes = j.value("sizeBytes", 0.0);
            g.items.push_back(std::move(item));
        }
    }
    g.loaded = true;
    EM_ASM(
        {
            Object.assign(window.benchPage,
                          {listingFetchedMs : $0, listingParsedMs : $1, listingConvertedMs : $2, itemCount : $3});
        },
        fetched, parsed, emscripten_get_now(), int(g.items.size()));
}

void OnListingError(emscripten_fetch_t* fetch) {
    EM_ASM({ window.benchPage.error = 'listing: HTTP ' + $0; }, fetch->status);
    emscripten_fetch_close(fetch);
}

void StartListingFetch() {
    char* url = emscripten_run_script_string(
        "'listing-' + (new URLSearchParams(location.search).get('items') || '1000') + '.json'");
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::snprintf(attr.requestMethod, sizeof attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = OnListing;
    attr.onerror = OnListingError;
    emscripten_fetch(&attr, url);
}

// Emscripten 3.1.6's GLFW hands the browser's raw deltaY (pixels, down positive) to the scroll
// callback; ImGui wants notches with up positive. Without this the table scrolls the wrong way by
// about a hundred rows a notch (a known defect of the stack, see /work/shared/toolchain.md).
void OnScroll(GLFWwindow* window, double dx, double dy) {
    ImGui_ImplGlfw_ScrollCallback(window, -dx / 100.0, -dy / 100.0);
}

int DrawTable() {
    int rowsDrawn = 0;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("items", 6, flags)) return 0;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* name : {"Name", "Type", "Deleted by", "Deleted", "Time left", "Size"})
        ImGui::TableSetupColumn(name);
    ImGui::TableHeadersRow();
    const double now = emscripten_date_now();
    ImGuiListClipper clipper;
    clipper.Begin(int(g.items.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Item& item = g.items[size_t(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(item.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(item.type.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(item.deletedByName.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(item.deletedAt.c_str(), item.deletedAt.c_str() + 10);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(TimeLeft(item.scheduledCleanupMs, now).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(Bytes(item.sizeBytes).c_str());
            ++rowsDrawn;
        }
    }
    ImGui::EndTable();
    return rowsDrawn;
}

void Frame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Trash", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::Text("Trash: %d items%s", int(g.items.size()), g.loaded ? "" : " (loading)");
    const int rowsDrawn = DrawTable();
    ImGui::End();
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(g.window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.1f, 0.1f, 0.12f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++g.frames;
    EM_ASM({ window.benchPage.frames = $0; }, g.frames);
    if (rowsDrawn > 0 && !g.reportedRows) {
        g.reportedRows = true;
        EM_ASM(
            {
                window.benchPage.firstRowsMs = performance.now();
                window.benchPage.rowsDrawn = $0;
            },
            rowsDrawn);
    }
}

}  // namespace

int main() {
    EM_ASM({
        window.benchPage = window.benchPage || {};
        window.benchPage.frames = 0;
    });
    if (!glfwInit()) return 1;
    g.window = glfwCreateWindow(1280, 800, "Trash (bare ImGui)", nullptr, nullptr);
    if (!g.window) return 1;
    glfwMakeContextCurrent(g.window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g.window, true);
    glfwSetScrollCallback(g.window, OnScroll);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    StartListingFetch();
    emscripten_set_main_loop(Frame, 0, true);
    return 0;
}
