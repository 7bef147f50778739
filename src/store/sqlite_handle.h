// RAII handles and small helpers over the SQLite C API, and the one place
// where SQLite's error codes become a Status naming what failed.
//
// Thread safety: a Database is used by one thread at a time (SQLite's
// multi-thread mode); statements belong to their database's thread.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "kb/status.h"

namespace kb::store {

struct DatabaseCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// "<what>: <sqlite message> (code N)".
Status SqliteError(sqlite3* db, std::string_view what);

// Opens `path` with `flags` (SQLITE_OPEN_*); errors name the file.
StatusOr<Database> OpenDatabase(const std::string& path, int flags);

// Opens a KB file read-only as immutable: the indexer never changes a file
// in place (it renames a new one over it), so no locking is needed and an
// open connection keeps reading the file it opened.
StatusOr<Database> OpenImmutable(const std::string& path);

StatusOr<Statement> Prepare(sqlite3* db, std::string_view sql);

// Runs one or more statements that return no rows.
Status Execute(sqlite3* db, std::string_view sql);

// Binds text without copying; the caller keeps `text` alive until the step.
inline int BindText(sqlite3_stmt* stmt, int index, std::string_view text) {
  return sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

inline std::string ColumnText(sqlite3_stmt* stmt, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
  return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, column)))
              : std::string();
}

// Resets a statement for reuse when the scope ends, so early returns cannot
// leave it mid-step.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementReset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

}  // namespace kb::store
