// The KB file's schema: plain tables for articles, sections and steps (what
// the engine displays and cites) and one FTS5 table of passages tokenized by
// the "kb" analyzer (what search ranks).
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "kb/status.h"

namespace kb::store {

// Bumped whenever the tables or the tokenization change: an older KB is then
// rebuilt from scratch instead of reused article by article.
inline constexpr int kSchemaVersion = 5;

// bm25 weights of the passages table's indexed columns, in column order:
// title, heading, body. Positional and unchecked by FTS5: keep in sync.
inline constexpr const char* kBm25Weights = "10.0, 4.0, 1.0";

Status CreateSchema(sqlite3* db);

}  // namespace kb::store
