// The feedback database, separate from the KB (`--feedback-db`): thumbs
// up/down per reply, and the questions to review — those that ended in a
// fallback or got a thumbs-down — with the reply's type, intent and
// confidence. Callers pass text already redacted (ScanForCredentials).
//
// Thread safety: all methods are safe to call from any thread (one SQLite
// connection behind a mutex; WAL journal, synchronous=NORMAL).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kb/status.h"

struct sqlite3;

namespace kb::server {

// What the server remembers of a reply, to attach feedback to it.
struct ReplyRecord {
  std::string reply_id;
  std::string question;  // redacted
  std::string type;
  std::string intent;  // "" when null
  double confidence = 0;
  std::string lang;
};

struct ReviewItem {
  std::string reason;  // "fallback" | "thumbs_down"
  std::string question;
  std::string type;
  std::string intent;
  double confidence = 0;
  std::string lang;
  std::string comment;     // the thumbs-down comment, if any
  int64_t created_at = 0;  // unix seconds
};

class FeedbackStore {
 public:
  // Opens (creating if needed, with its directory) the database at `path`.
  static StatusOr<std::unique_ptr<FeedbackStore>> Open(const std::string& path);
  // Opens an existing database read-only (for `kb review`).
  static StatusOr<std::unique_ptr<FeedbackStore>> OpenReadOnly(const std::string& path);
  ~FeedbackStore();
  FeedbackStore(const FeedbackStore&) = delete;
  FeedbackStore& operator=(const FeedbackStore&) = delete;

  // Records (or replaces: the user changed their mind) the feedback on a
  // reply. A thumbs-down queues the question for review; a later thumbs-up
  // takes it off the queue.
  Status RecordFeedback(const ReplyRecord& reply, bool helpful, const std::string& comment);
  // Queues a question whose reply was a fallback.
  Status RecordFallback(const ReplyRecord& reply);

  StatusOr<std::vector<ReviewItem>> ReviewItems() const;
  struct FeedbackCounts {
    int64_t helpful = 0;
    int64_t not_helpful = 0;
  };
  StatusOr<FeedbackCounts> CountFeedback() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  explicit FeedbackStore(std::unique_ptr<sqlite3, Closer> db);
  Status Exec(const char* sql, const std::vector<std::optional<std::string>>& text_args,
              std::optional<double> confidence, const char* what);

  mutable std::mutex mutex_;
  std::unique_ptr<sqlite3, Closer> db_;
};

}  // namespace kb::server
