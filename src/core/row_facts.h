// The facts about one Trash row, decided once for the wide table, the phone list and the row
// menu: its names (sanitised, with their fallbacks), its countdown and urgency, and its actions,
// each with whether it is enabled and why not. The layouts only place and draw them.
#pragma once

#include <cstdint>      // int64_t
#include <memory>       // std::unique_ptr
#include <string>       // labels
#include <string_view>  // ids
#include <vector>       // actions

#include "core/countdown.h"   // TimeLeft, Urgency
#include "core/hash_set.h"    // RowFactsCache
#include "core/intents.h"     // Intent
#include "core/session.h"     // Session
#include "core/trash_item.h"  // TrashItem, ItemKey

namespace trash {

// What a row offers, in the row menu's order.
enum class RowActionKind { CopyName, CopyId, History, Restore, RestoreParentFirst, DeletePermanently };

struct RowAction {
    RowActionKind kind = RowActionKind::Restore;
    std::string_view
        id;  // the widget id's last part: "copy-name", "copy-id", "history", "restore", "restore-parent", "delete"
    std::string_view
        label;  // "Copy name", "Copy ID", "History", "Restore", "Restore project first", "Delete permanently"
    bool enabled = true;
    std::string reason;   // why it is disabled, for the tooltip ("Your role lacks the "Restore versions"
                          // permission"); "" when enabled
    std::string hint;     // what it does, when that needs saying (the enabled tooltip); may be ""
    bool danger = false;  // drawn in the danger colour
    Intent intent;        // what choosing it emits
};

// Cleanup of a project flagged `cleanupDeleteImages` also deletes its exclusive images (the note
// when the listing does not give their number; see ExclusiveImagesNote).
inline constexpr const char* kDeletesImagesNote =
    "Cleanup will also delete the images that belong only to this project. Images shared with other projects "
    "are preserved.";

struct RowFacts {
    ItemKey key;
    std::string name;           // safe to draw: the name, else the id
    std::string parent;         // safe to draw: a version's or model's project (name, else url); "" otherwise
    std::string label;          // "parent / name" when there is a parent, else the name: the row's accessible name
    std::string deletedBy;      // safe to draw: who deleted it (name, else id); "" when not recorded
    TimeLeft timeLeft;          // the countdown label, its urgency and when it next changes
    std::string deletedAgo;     // "6 days ago"
    std::string deletedAtText;  // the "Deleted" tooltip: "Deleted 3 Dec 2026, 10:00 UTC"
    std::string purgeTime;      // the countdown's tooltip: "Purged on Wed, 2 Jan 2027 at 10:00 UTC"
    std::string expiresDate;    // the Expires column: "2 Jan 2027"
    std::string size;           // "1.4 GB"
    int64_t deletedAgoChangesMs = kNever;  // when deletedAgo is next redrawn (NextRelativeRedrawMs)
    int childCount = 0;                    // projects: versions and models riding with it ("+N"); 0 otherwise
    std::string childPill;                 // when childCount: "+4"
    std::string childNote;                 // when childCount: the pill's tooltip, what "+4" means
    bool deletesImages = false;            // projects: cleanup also deletes the exclusive images
    std::string imagesNote;                // when deletesImages: the amber indicator's tooltip, with the image count
    std::string unknownType;  // safe to draw: the raw type of an item this page does not know; "" otherwise
    // A version or model whose project is in Trash: Restore cannot work, "Restore project first" can.
    bool parentFirst = false;
    std::vector<RowAction> actions;  // in menu order; empty without a session

    const RowAction* action(RowActionKind kind) const;  // nullptr when the row does not offer it
};

RowFacts FactsOf(const TrashItem& item, const Session* session, int64_t nowMs);

// The facts of the rows drawn, kept from frame to frame: a row's facts are built again only when
// its item, the role's permissions or one of its time labels (countdown, "6 days ago") would read
// differently, so a scrolled frame words only the rows that came into view.
class RowFactsCache {
public:
    // Valid until the next Get of the same item or the next Trim.
    const RowFacts& Get(const TrashItem& item, const Session* session, int64_t nowMs);
    // Between frames: forgets every row when it holds more than `keep` (rows scrolled away).
    void Trim(size_t keep = 512);
    size_t size() const { return entries_.size(); }
    uint64_t builds() const { return builds_; }  // FactsOf calls so far (tests)

private:
    struct Entry {
        TrashItem item;                        // as it was when its facts were built
        bool signedIn = false;                 // and the session's permissions then
        std::vector<std::string> permissions;  //
        int64_t fromMs = 0, untilMs = 0;       // the time labels read the same in [fromMs, untilMs)
        RowFacts facts;
    };
    HashMap<ItemKey, std::unique_ptr<Entry>, ItemKeyHash> entries_;  // each in its own place: Get's answers stay valid
    uint64_t builds_ = 0;
};

// "normal", "amber", "red": the urgency as the widget registry and the accessibility mirror name it.
std::string_view UrgencyName(Urgency urgency);

}  // namespace trash
