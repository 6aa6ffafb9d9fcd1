#pragma once
// The parts given to `swvsim samenvoegen` (docs/schalen.md): opened safely, their headers read, and
// every problem of every part listed at once.
//  * Only a regular file is a part. It is opened without waiting (O_NONBLOCK: a named pipe without a
//    writer would block the merge for ever), then checked with fstat: a folder is EISDIR (exit 4, as
//    every file the system refuses), a pipe, device or socket is no part (exit 2).
//  * Each header is judged only after its own checksum matched (shard.h), and every part is read
//    before the set is compared: the message names each unreadable, damaged or foreign part, not
//    only the first, and never blames an intact part for a damaged one.
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "shard.h"

namespace swv::cli {

// Opens part `path` for reading (a regular file only); EnvironmentError or RunError naming it.
std::unique_ptr<std::istream> open_part(const std::string& path);

// The headers of `files` in their order. Throws when any part is wrong, naming every problem: an
// EnvironmentError (exit 4) when the system refused one (missing, unreadable, a folder), else a
// RunError (exit 2) for parts that are no part, damaged or do not belong together.
std::vector<ShardHeader> read_part_headers(const std::vector<std::string>& files);

}  // namespace swv::cli
