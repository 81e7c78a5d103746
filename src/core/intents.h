// What the screens ask for: plain values emitted by Draw() and handed to PageState::Apply. The
// screens never perform I/O; every effect of a click goes through one of these.
#pragma once

#include <cstdint>  // uint64_t
#include <string>   // names, credentials
#include <variant>  // Intent
#include <vector>   // keys

#include "core/activity.h"    // ActivityFilters
#include "core/trash_item.h"  // ItemKey

namespace trash {

enum class Screen { SignIn, Trash, Projects, Forbidden, Retention, Activity };

enum class DialogKind {
    None,
    ConfirmRestoreAll,
    ConfirmDeletePermanently,  // lists what goes and the bytes it frees
    ConfirmEmptyTrash,         // needs the workspace name typed
    ConfirmDeleteProject,      // with "Also delete images from Asset Library"
    ConfirmRetention,          // a shorter period makes items due now: they go at the next cleanup
};

enum class CopyField { Name, Id };  // what a copy of Trash rows puts on the clipboard

// What the banner of an in-browser demo workspace offers: time travel, the daily job, a fresh start.
enum class DemoAction { AdvanceClock, RunCleanup, Reset };

namespace intent {
// Dialogs: open one (computes what it lists), close it without acting.
struct OpenDialog {
    DialogKind kind = DialogKind::None;
    std::vector<ItemKey> keys;
    std::string projectUrl;
};
struct CloseDialog {};
// Trash actions; the irreversible ones are emitted by their dialog's confirm button.
struct Restore {
    std::vector<ItemKey> keys;
};
struct RestoreParentFirst {
    ItemKey child;
};  // restores the child's project
struct RestoreAll {};
struct DeletePermanently {
    std::vector<ItemKey> keys;
};
struct EmptyTrash {
    std::string typedName;
};
struct Undo {
    uint64_t toastId = 0;
};
// Puts the items' names or ids on the clipboard, one per line, and confirms with a toast.
struct Copy {
    CopyField field = CopyField::Name;
    std::vector<ItemKey> keys;
};
struct DismissToast {
    uint64_t toastId = 0;
};
// Session and navigation.
struct SignIn {
    std::string email, password;
};
struct SignOut {};
struct Navigate {
    Screen screen = Screen::Trash;
};
struct Retry {};        // reload what failed to load
struct Refresh {};      // reload the current screen's data now
struct FocusGained {};  // the tab came back: refresh
// Projects page.
struct DeleteProject {
    std::string projectUrl;
    bool deleteImages = false;
};
// Settings → Retention: the field's text, its − / + steps, Save (confirmed: from its dialog).
struct EditRetention {
    std::string text;
};
struct StepRetention {
    int delta = 0;
};
struct SaveRetention {
    bool confirmed = false;
};
// Settings → Activity: new filters (the list starts afresh), the next page, a run's members
// (expand or collapse; more of them), the filtered events as a CSV download, and one Trash row's
// history (the Activity filtered to that item).
struct FilterActivity {
    ActivityFilters filters;
};
struct LoadMoreActivity {};
struct ToggleActivityRun {
    std::string runId;
};
struct LoadMoreRun {
    std::string runId;
};
struct ExportActivity {};
struct OpenHistory {
    ItemKey key;
};
// In-browser demo only: move its clock `days` ahead, run its cleanup now, or start it afresh.
struct Demo {
    DemoAction action = DemoAction::AdvanceClock;
    int days = 0;
};
}  // namespace intent

using Intent =
    std::variant<intent::OpenDialog, intent::CloseDialog, intent::Restore, intent::RestoreParentFirst,
                 intent::RestoreAll, intent::DeletePermanently, intent::EmptyTrash, intent::Undo, intent::DismissToast,
                 intent::SignIn, intent::SignOut, intent::Navigate, intent::Retry, intent::Refresh, intent::FocusGained,
                 intent::DeleteProject, intent::Copy, intent::Demo, intent::EditRetention, intent::StepRetention,
                 intent::SaveRetention, intent::FilterActivity, intent::LoadMoreActivity, intent::ToggleActivityRun,
                 intent::LoadMoreRun, intent::ExportActivity, intent::OpenHistory>;

}  // namespace trash
