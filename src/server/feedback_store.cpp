// The feedback database (SQLite). Every SQLite error is translated in
// SqliteError, which names what failed.
#include "feedback_store.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>

namespace kb::server {
namespace {

struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

Status SqliteError(sqlite3* db, const std::string& what) {
  return Status::Error("feedback database: " + what + ": " +
                       (db ? sqlite3_errmsg(db) : "out of memory"));
}

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS feedback(
  reply_id TEXT PRIMARY KEY,
  helpful INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  question TEXT NOT NULL,
  type TEXT NOT NULL,
  intent TEXT,
  confidence REAL NOT NULL,
  lang TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS review_queue(
  id INTEGER PRIMARY KEY,
  reason TEXT NOT NULL,
  reply_id TEXT NOT NULL,
  question TEXT NOT NULL,
  type TEXT NOT NULL,
  intent TEXT,
  confidence REAL NOT NULL,
  lang TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE(reason, reply_id));
)sql";

std::string Column(sqlite3_stmt* statement, int column) {
  const auto* text = sqlite3_column_text(statement, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace

void FeedbackStore::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

FeedbackStore::FeedbackStore(std::unique_ptr<sqlite3, Closer> db) : db_(std::move(db)) {}
FeedbackStore::~FeedbackStore() = default;

StatusOr<std::unique_ptr<FeedbackStore>> FeedbackStore::Open(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ignored;
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, Closer> db(raw);
  if (rc != SQLITE_OK) return SqliteError(db.get(), "cannot open " + path);
  sqlite3_busy_timeout(db.get(), 2000);
  char* error = nullptr;
  const std::string setup =
      std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") + kSchema;
  if (sqlite3_exec(db.get(), setup.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::Error("feedback database: cannot create the schema in " + path + ": " + message);
  }
  return std::unique_ptr<FeedbackStore>(new FeedbackStore(std::move(db)));
}

StatusOr<std::unique_ptr<FeedbackStore>> FeedbackStore::OpenReadOnly(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return Status::Error("feedback database: " + path + " does not exist");
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, Closer> db(raw);
  if (rc != SQLITE_OK) return SqliteError(db.get(), "cannot open " + path);
  sqlite3_busy_timeout(db.get(), 2000);
  return std::unique_ptr<FeedbackStore>(new FeedbackStore(std::move(db)));
}

// Binds text_args to ?1..?n (nullopt binds NULL), the confidence to the next
// parameter when given, the current time to the one after that if the
// statement has it, and runs the statement to completion.
Status FeedbackStore::Exec(const char* sql,
                           const std::vector<std::optional<std::string>>& text_args,
                           std::optional<double> confidence, const char* what) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql, -1, &raw, nullptr) != SQLITE_OK) {
    return SqliteError(db_.get(), std::string("prepare ") + what);
  }
  Statement statement(raw);
  int index = 1;
  for (const auto& arg : text_args) {
    if (arg) {
      sqlite3_bind_text(raw, index, arg->data(), static_cast<int>(arg->size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(raw, index);
    }
    ++index;
  }
  if (confidence) sqlite3_bind_double(raw, index++, *confidence);
  if (index <= sqlite3_bind_parameter_count(raw)) sqlite3_bind_int64(raw, index, NowSeconds());
  if (sqlite3_step(raw) != SQLITE_DONE) return SqliteError(db_.get(), what);
  return Status::Ok();
}

Status FeedbackStore::RecordFeedback(const ReplyRecord& reply, bool helpful,
                                     const std::string& comment) {
  const std::optional<std::string> intent =
      reply.intent.empty() ? std::nullopt : std::optional(reply.intent);
  std::lock_guard lock(mutex_);
  Status status = Exec(
      "INSERT OR REPLACE INTO feedback(reply_id, helpful, comment, question, type, intent, lang,"
      " confidence, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      {reply.reply_id, helpful ? "1" : "0", comment, reply.question, reply.type, intent,
       reply.lang},
      reply.confidence, "record feedback");
  if (!status.ok()) return status;
  if (helpful) {
    return Exec("DELETE FROM review_queue WHERE reason = 'thumbs_down' AND reply_id = ?1",
                {reply.reply_id}, std::nullopt, "unqueue a question");
  }
  return Exec(
      "INSERT OR REPLACE INTO review_queue(reason, reply_id, question, type, intent, lang,"
      " comment, confidence, created_at) VALUES('thumbs_down', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      {reply.reply_id, reply.question, reply.type, intent, reply.lang, comment}, reply.confidence,
      "queue a question");
}

Status FeedbackStore::RecordFallback(const ReplyRecord& reply) {
  const std::optional<std::string> intent =
      reply.intent.empty() ? std::nullopt : std::optional(reply.intent);
  std::lock_guard lock(mutex_);
  return Exec(
      "INSERT OR IGNORE INTO review_queue(reason, reply_id, question, type, intent, lang,"
      " confidence, created_at) VALUES('fallback', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      {reply.reply_id, reply.question, reply.type, intent, reply.lang}, reply.confidence,
      "queue a fallback");
}

StatusOr<std::vector<ReviewItem>> FeedbackStore::ReviewItems() const {
  std::lock_guard lock(mutex_);
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(),
                         "SELECT reason, question, type, intent, confidence, lang, comment,"
                         " created_at FROM review_queue ORDER BY id",
                         -1, &raw, nullptr) != SQLITE_OK) {
    return SqliteError(db_.get(), "read the review queue");
  }
  Statement statement(raw);
  std::vector<ReviewItem> items;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    ReviewItem item;
    item.reason = Column(raw, 0);
    item.question = Column(raw, 1);
    item.type = Column(raw, 2);
    item.intent = Column(raw, 3);
    item.confidence = sqlite3_column_double(raw, 4);
    item.lang = Column(raw, 5);
    item.comment = Column(raw, 6);
    item.created_at = sqlite3_column_int64(raw, 7);
    items.push_back(std::move(item));
  }
  if (rc != SQLITE_DONE) return SqliteError(db_.get(), "read the review queue");
  return items;
}

StatusOr<FeedbackStore::FeedbackCounts> FeedbackStore::CountFeedback() const {
  std::lock_guard lock(mutex_);
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(),
                         "SELECT coalesce(sum(helpful), 0), coalesce(sum(1 - helpful), 0)"
                         " FROM feedback",
                         -1, &raw, nullptr) != SQLITE_OK) {
    return SqliteError(db_.get(), "count feedback");
  }
  Statement statement(raw);
  if (sqlite3_step(raw) != SQLITE_ROW) return SqliteError(db_.get(), "count feedback");
  return FeedbackCounts{sqlite3_column_int64(raw, 0), sqlite3_column_int64(raw, 1)};
}

}  // namespace kb::server
