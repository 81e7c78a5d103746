// An active project as the Projects page lists it (GET /:workspace/projects, parsed by
// api_codec.h): who owns it, what it holds, and the storage deleting it would move to Trash.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // names

namespace trash {

struct Project {
    std::string id, name, url, ownerId, ownerName;
    int64_t versionCount = 0, modelCount = 0;
    int64_t imageCount = 0, exclusiveImageCount = 0, sizeBytes = 0;
};

}  // namespace trash
