// The most recent replies by reply id (bounded, least recently added
// forgotten first), so that feedback can name the question it is about
// without the server writing every reply to disk.
//
// Thread safety: all methods are safe to call from any thread.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "feedback_store.h"

namespace kb::server {

class ReplyCache {
 public:
  explicit ReplyCache(size_t capacity) : capacity_(capacity) {}

  void Put(ReplyRecord record);
  std::optional<ReplyRecord> Find(const std::string& reply_id) const;

 private:
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::list<ReplyRecord> records_;  // newest first
  std::unordered_map<std::string, std::list<ReplyRecord>::iterator> by_id_;
};

}  // namespace kb::server
