// The Trash listing codec. Parsing is a JsonSink (json_events.h): a small stack of frames (top object, items
// array, sections, one item) and the slot the next value fills; everything else is skipped by
// depth counting. The encoder writes the server's shape directly, without building a DOM.
//
// Index: [SECTION] SAX handler, [SECTION] Parse entry point, [SECTION] Encoder
#include "core/listing_codec.h"

#include <cstdint>  // int64_t
#include <limits>   // number clamping

#include "core/iso_time.h"         // ParseIsoTime, FormatIsoTime
#include "core/json_events.h"      // ParseJson, JsonSink
#include "core/latin_extension.h"  // NeedsLatinExtension
#include "core/text.h"             // RepairUtf8, Concat

namespace trash {

namespace {

// [SECTION] SAX handler

enum class Field {
    Type,
    Id,
    Name,
    Url,
    DeletedAt,
    ScheduledCleanupAt,
    DeletedBy,
    DeletedByName,
    SizeBytes,
    CleanupDeleteImages,
    ChildCount,
    ExclusiveImageCount,
    ParentId,
    ParentName,
    ParentUrl,
    ParentInTrash,
};
struct FieldName {
    std::string_view name;
    Field field;
};
constexpr FieldName kFields[] = {
    {"type", Field::Type},
    {"id", Field::Id},
    {"name", Field::Name},
    {"url", Field::Url},
    {"deletedAt", Field::DeletedAt},
    {"scheduledCleanupAt", Field::ScheduledCleanupAt},
    {"deletedBy", Field::DeletedBy},
    {"deletedByName", Field::DeletedByName},
    {"sizeBytes", Field::SizeBytes},
    {"cleanupDeleteImages", Field::CleanupDeleteImages},
    {"childCount", Field::ChildCount},
    {"exclusiveImageCount", Field::ExclusiveImageCount},
    {"parentId", Field::ParentId},
    {"parentName", Field::ParentName},
    {"parentUrl", Field::ParentUrl},
    {"parentInTrash", Field::ParentInTrash},
};

std::string Quoted(const std::string& text) {
    constexpr size_t kMaxShown = 40;
    std::string shown = text.size() > kMaxShown ? text.substr(0, kMaxShown) + "..." : text;
    return Concat("\"", shown, "\"");
}

class ListingHandler final : public JsonSink {
public:
    explicit ListingHandler(TrashListing& out) : out_(out) {}

    const std::string& error() const { return error_; }
    bool utf8Error() const { return utf8Error_; }
    bool sawItems() const { return sawItems_; }
    bool sawSections() const { return sawSections_; }
    std::vector<TrashItem>& sectionItems() { return sectionItems_; }

    bool OnValue(const JsonValue& value) override {
        // Decided here, on the strings the parser has already decoded, rather than by a second
        // pass over a 30 MB body (latin_extension.h).
        if (value.kind == JsonValue::String && !out_.needsLatinExtension)
            out_.needsLatinExtension = NeedsLatinExtension(*value.text);
        return OnListingValue(value);
    }
    bool OnEnd() override {
        if (skipDepth_ > 0) {
            --skipDepth_;
            return true;
        }
        const Frame frame = stack_.back();
        stack_.pop_back();
        if (frame == Frame::Item) return FinishItem();
        return true;
    }
    bool OnKey(std::string& name) override {
        if (skipDepth_ == 0) SelectSlot(name);
        return true;
    }
    bool OnError(std::size_t position, const nlohmann::detail::exception& ex) override {
        // ex.what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: <why>".
        std::string why = ex.what();
        const size_t column = why.find("column ");
        const size_t colon = why.find(": ", column == std::string::npos ? 0 : column);
        if (colon != std::string::npos) why = why.substr(colon + 2);
        // Drop the echo of the last token: it can be a 10 KB hostile string.
        const size_t lastRead = why.find("; last read: '");
        if (lastRead != std::string::npos) {
            const size_t expected = why.rfind("'; expected ");
            why = why.substr(0, lastRead) +
                  (expected != std::string::npos && expected >= lastRead ? why.substr(expected + 1) : "");
        }
        utf8Error_ = why.find("UTF-8") != std::string::npos;
        return Fail(Concat("Malformed JSON at byte ", std::to_string(position), ": ", why));
    }

private:
    enum class Frame { Top, Items, Sections, SectionArray, Item, Skipped };
    enum class Slot {
        None,
        TopLevel,
        Items,
        Sections,
        NextCursor,
        Version,
        Unchanged,
        Total,
        SectionArray,
        ItemField,
        Ignore
    };

    bool Fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }

    void SelectSlot(const std::string& name) {
        slot_ = Slot::Ignore;
        switch (stack_.back()) {
        case Frame::Top:
            if (name == "items")
                slot_ = Slot::Items;
            else if (name == "sections")
                slot_ = Slot::Sections;
            else if (name == "nextCursor")
                slot_ = Slot::NextCursor;
            else if (name == "version")
                slot_ = Slot::Version;
            else if (name == "unchanged")
                slot_ = Slot::Unchanged;
            else if (name == "total")
                slot_ = Slot::Total;
            break;
        case Frame::Sections:
            // Sections repeat the items; only needed when "items" is absent (so far).
            if (!sawItems_) {
                slot_ = Slot::SectionArray;
                sectionName_ = name;
            }
            break;
        case Frame::Item:
            for (const FieldName& f : kFields)
                if (f.name == name) {
                    slot_ = Slot::ItemField;
                    field_ = f.field;
                    fieldName_ = f.name;
                }
            break;
        default: break;
        }
    }

    bool OnListingValue(const JsonValue& value) {
        if (skipDepth_ > 0) {
            if (value.isContainer()) ++skipDepth_;
            return true;
        }
        Slot slot = slot_;
        slot_ = Slot::None;
        if (stack_.empty())
            slot = Slot::TopLevel;
        else if (stack_.back() == Frame::Items || stack_.back() == Frame::SectionArray)
            return OnElement(value);

        switch (slot) {
        case Slot::TopLevel:
            if (value.kind != JsonValue::ObjectStart) return Fail("Expected an object at the top level");
            stack_.push_back(Frame::Top);
            return true;
        case Slot::Items:
            if (value.kind != JsonValue::ArrayStart) return Fail("items must be an array");
            sawItems_ = true;
            sectionItems_.clear();
            out_.items.clear();
            pathPrefix_ = "items";
            index_ = 0;
            stack_.push_back(Frame::Items);
            return true;
        case Slot::Sections:
            if (value.kind == JsonValue::Null) return true;
            if (value.kind != JsonValue::ObjectStart) return Fail("sections must be an object");
            sawSections_ = true;
            stack_.push_back(Frame::Sections);
            return true;
        case Slot::NextCursor:
            if (value.kind == JsonValue::String)
                out_.nextCursor = *value.text;
            else if (value.kind != JsonValue::Null)
                return Fail("nextCursor must be a string");
            return true;
        case Slot::Version:
            // Only a string is ours; anything else is some other "version" and names nothing.
            if (value.kind == JsonValue::String)
                out_.version = *value.text;
            else if (value.isContainer())
                skipDepth_ = 1;
            return true;
        case Slot::Unchanged:
            if (value.kind == JsonValue::Bool)
                out_.unchanged = value.boolean;
            else
                return Fail("unchanged must be true or false");
            return true;
        case Slot::Total:
            if (value.kind == JsonValue::Integer && value.integer >= 0)
                out_.total = static_cast<size_t>(value.integer);
            else if (value.kind != JsonValue::Null)
                return Fail("total must be a count");
            return true;
        case Slot::SectionArray:
            if (value.kind == JsonValue::Null) return true;
            if (value.kind != JsonValue::ArrayStart)
                return Fail(Concat("sections.", sectionName_, " must be an array"));
            pathPrefix_ = "sections." + sectionName_;
            index_ = 0;
            stack_.push_back(Frame::SectionArray);
            return true;
        case Slot::ItemField: return OnField(value);
        case Slot::Ignore:
        case Slot::None:
            if (value.isContainer()) skipDepth_ = 1;
            return true;
        }
        return true;
    }

    bool OnElement(const JsonValue& value) {
        if (value.kind != JsonValue::ObjectStart) return Fail(ItemPath() + " must be an object");
        item_ = TrashItem{};
        seen_ = 0;
        stack_.push_back(Frame::Item);
        return true;
    }

    bool FinishItem() {
        static constexpr std::pair<Field, const char*> kRequired[] = {
            {Field::Type, "type"},
            {Field::Id, "id"},
            {Field::DeletedAt, "deletedAt"},
            {Field::ScheduledCleanupAt, "scheduledCleanupAt"}};
        for (const auto& [field, name] : kRequired)
            if (!(seen_ & Bit(field))) return Fail(Concat(ItemPath(), ".", name, " is missing"));
        (stack_.back() == Frame::Items ? out_.items : sectionItems_).push_back(std::move(item_));
        ++index_;
        return true;
    }

    static unsigned Bit(Field field) { return 1u << static_cast<unsigned>(field); }
    std::string ItemPath() const { return Concat(pathPrefix_, "[", std::to_string(index_), "]"); }
    std::string FieldPath() const { return Concat(ItemPath(), ".", fieldName_); }

    bool TakeString(const JsonValue& value, std::string& out, bool acceptInteger = false) {
        if (value.kind == JsonValue::Null) return true;
        // Copied, not moved: the lexer's buffer grew by doubling, so taking it would keep up to
        // twice each string's bytes for good (about 8 MB at 100,000 items), and the lexer would
        // grow a fresh buffer for every string.
        if (value.kind == JsonValue::String)
            out.assign(value.text->data(), value.text->size());
        else if (acceptInteger && value.kind == JsonValue::Integer)
            out = std::to_string(value.integer);
        else
            return Fail(FieldPath() + " must be a string");
        seen_ |= Bit(field_);
        return true;
    }
    bool TakeTime(const JsonValue& value, int64_t& out) {
        if (value.kind == JsonValue::Null) return true;
        if (value.kind != JsonValue::String) return Fail(FieldPath() + " must be an ISO 8601 time string");
        const std::optional<int64_t> ms = ParseIsoTime(*value.text);
        if (!ms) return Fail(Concat(FieldPath(), " is not an ISO 8601 time: ", Quoted(*value.text)));
        out = *ms;
        seen_ |= Bit(field_);
        return true;
    }
    bool TakeInteger(const JsonValue& value, int64_t& out) {
        if (value.kind == JsonValue::Null) return true;
        if (value.kind == JsonValue::Integer)
            out = value.integer;
        else if (value.kind == JsonValue::Float) {
            constexpr double kLimit = 9.2e18;
            out = value.number >= kLimit    ? std::numeric_limits<int64_t>::max()
                  : value.number <= -kLimit ? std::numeric_limits<int64_t>::min()
                                            : static_cast<int64_t>(value.number);
        } else
            return Fail(FieldPath() + " must be a number");
        return true;
    }
    bool TakeBool(const JsonValue& value, bool& out) {
        if (value.kind == JsonValue::Null) return true;
        if (value.kind != JsonValue::Bool) return Fail(FieldPath() + " must be true or false");
        out = value.boolean;
        return true;
    }

    bool OnField(const JsonValue& value) {
        switch (field_) {
        case Field::Type:
            if (!TakeString(value, item_.typeName)) return false;
            item_.type = ItemTypeFromName(item_.typeName);
            return true;
        case Field::Id: return TakeString(value, item_.id, true);
        case Field::Name: return TakeString(value, item_.name);
        case Field::Url: return TakeString(value, item_.url);
        case Field::DeletedAt: return TakeTime(value, item_.deletedAtMs);
        case Field::ScheduledCleanupAt: return TakeTime(value, item_.scheduledCleanupAtMs);
        case Field::DeletedBy: return TakeString(value, item_.deletedBy);
        case Field::DeletedByName: return TakeString(value, item_.deletedByName);
        case Field::SizeBytes: return TakeInteger(value, item_.sizeBytes);
        case Field::CleanupDeleteImages: return TakeBool(value, item_.cleanupDeleteImages);
        case Field::ChildCount: {
            int64_t count = item_.childCount;
            if (!TakeInteger(value, count)) return false;
            item_.childCount = count < 0                                 ? 0
                               : count > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max()
                                                                         : static_cast<int>(count);
            return true;
        }
        case Field::ExclusiveImageCount: {
            int64_t count = item_.exclusiveImageCount;
            if (!TakeInteger(value, count)) return false;
            item_.exclusiveImageCount = count < 0 && value.kind != JsonValue::Null ? 0 : count;  // null: unknown
            return true;
        }
        case Field::ParentId: return TakeString(value, item_.parentId, true);
        case Field::ParentName: return TakeString(value, item_.parentName);
        case Field::ParentUrl: return TakeString(value, item_.parentUrl);
        case Field::ParentInTrash: return TakeBool(value, item_.parentInTrash);
        }
        return true;
    }

    TrashListing& out_;
    std::vector<TrashItem> sectionItems_;
    std::vector<Frame> stack_;
    Slot slot_ = Slot::None;
    int skipDepth_ = 0;
    Field field_ = Field::Type;
    std::string_view fieldName_;
    std::string sectionName_, pathPrefix_;
    size_t index_ = 0;
    TrashItem item_;
    unsigned seen_ = 0;
    bool sawItems_ = false, sawSections_ = false, utf8Error_ = false;
    std::string error_;
};

// Through a BodyCursor whether the body is in one buffer or in pieces (see BodyCursor).
ParseResult<TrashListing> ParseOnce(const ResponseBody& body, bool& utf8Error) {
    constexpr size_t kChunkBytes = 64 * 1024;
    TrashListing listing;
    ListingHandler handler(listing);
    const bool ok = ParseJson(body, kChunkBytes, handler);
    utf8Error = handler.utf8Error();
    if (!ok) return ParseError{handler.error().empty() ? "Malformed JSON" : handler.error()};
    if (!handler.sawItems() && !listing.unchanged) {
        if (!handler.sawSections()) return ParseError{"The listing has neither \"items\" nor \"sections\""};
        listing.items = std::move(handler.sectionItems());
    }
    return listing;
}

}  // namespace

// [SECTION] Parse entry point

ParseResult<TrashListing> ParseTrashListing(const ResponseBody& json) {
    bool utf8Error = false;
    ParseResult<TrashListing> result = ParseOnce(json, utf8Error);
    if (result.ok() || !utf8Error) return result;
    // Rare: repair a copy rather than scanning every 30 MB listing up front.
    const std::string repaired = RepairUtf8(json.text());
    ParseResult<TrashListing> second = ParseOnce(ResponseBody(repaired), utf8Error);
    if (second.ok()) second.value().warnings.push_back("Invalid UTF-8 in the listing was replaced with \xEF\xBF\xBD");
    return second;
}

// [SECTION] Encoder

namespace {
void AppendField(std::string& out, const char* name, std::string_view value) {
    out += ",\"";
    out += name;
    out += "\":";
    AppendJsonString(out, value);
}

void AppendItem(std::string& out, const TrashItem& item) {
    out += "{\"type\":";
    AppendJsonString(out, item.type == ItemType::Unknown ? item.typeName : std::string(ItemTypeName(item.type)));
    AppendField(out, "id", item.id);
    AppendField(out, "name", item.name);
    if (!item.url.empty() || item.type == ItemType::Project || item.type == ItemType::Workflow)
        AppendField(out, "url", item.url);
    AppendField(out, "deletedAt", FormatIsoTime(item.deletedAtMs));
    AppendField(out, "scheduledCleanupAt", FormatIsoTime(item.scheduledCleanupAtMs));
    AppendField(out, "deletedBy", item.deletedBy);
    AppendField(out, "deletedByName", item.deletedByName);
    out += ",\"sizeBytes\":" + std::to_string(item.sizeBytes);
    if (item.type == ItemType::Project) {
        out += std::string(",\"cleanupDeleteImages\":") + (item.cleanupDeleteImages ? "true" : "false");
        out += ",\"childCount\":" + std::to_string(item.childCount);
        if (item.exclusiveImageCount >= 0)
            out += ",\"exclusiveImageCount\":" + std::to_string(item.exclusiveImageCount);
    }
    if (IsChildType(item.type)) {
        AppendField(out, "parentId", item.parentId);
        AppendField(out, "parentName", item.parentName);
        AppendField(out, "parentUrl", item.parentUrl);
        out += std::string(",\"parentInTrash\":") + (item.parentInTrash ? "true" : "false");
    }
    out += '}';
}

void AppendItems(std::string& out, const std::vector<TrashItem>& items, ItemType only, bool all) {
    out += '[';
    bool first = true;
    for (const TrashItem& item : items) {
        if (!all && item.type != only) continue;
        if (!first) out += ',';
        first = false;
        AppendItem(out, item);
    }
    out += ']';
}
}  // namespace

std::string EncodeTrashListing(const std::vector<TrashItem>& items, bool withSections, const std::string& nextCursor) {
    std::string out;
    out.reserve(items.size() * (withSections ? 500 : 250) + 64);
    out += "{\"items\":";
    AppendItems(out, items, ItemType::Unknown, true);
    if (withSections) {
        out += ",\"sections\":{";
        bool first = true;
        for (ItemType type : kAllItemTypes) {
            if (type == ItemType::Unknown) continue;
            if (!first) out += ',';
            first = false;
            AppendJsonString(out, ItemTypeSection(type));
            out += ':';
            AppendItems(out, items, type, false);
        }
        out += '}';
    }
    if (!nextCursor.empty()) AppendField(out, "nextCursor", nextCursor);
    out += '}';
    return out;
}

}  // namespace trash
