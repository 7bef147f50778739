// SQLite error translation and the open/prepare/execute helpers.
#include "sqlite_handle.h"

namespace kb::store {
namespace {

// Before SQLite's first use: no memory statistics. They take one global
// mutex on every allocation, which serialized concurrent searches.
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if already initialized
    return true;
  }();
  (void)configured;
}

}  // namespace

Status SqliteError(sqlite3* db, std::string_view what) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return Status::Error(std::string(what) + ": " + message + " (code " + std::to_string(code) + ")");
}

StatusOr<Database> OpenDatabase(const std::string& path, int flags) {
  ConfigureSqliteOnce();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) return SqliteError(db.get(), "cannot open " + path);
  sqlite3_extended_result_codes(db.get(), 1);
  return db;
}

StatusOr<Database> OpenImmutable(const std::string& path) {
  ConfigureSqliteOnce();
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      char escaped[4];
      snprintf(escaped, sizeof escaped, "%%%02X", c);
      uri += escaped;
    } else {
      uri += static_cast<char>(c);
    }
  }
  uri += "?immutable=1";
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(
      uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) return SqliteError(db.get(), "cannot open " + path);
  sqlite3_extended_result_codes(db.get(), 1);
  return db;
}

StatusOr<Statement> Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  Statement stmt(raw);
  if (rc != SQLITE_OK) return SqliteError(db, "cannot prepare statement");
  return stmt;
}

Status Execute(sqlite3* db, std::string_view sql) {
  char* error = nullptr;
  const std::string owned(sql);
  if (sqlite3_exec(db, owned.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::Error("cannot execute SQL: " + message);
  }
  return Status::Ok();
}

}  // namespace kb::store
