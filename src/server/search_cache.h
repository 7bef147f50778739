// Recent /v1/search answers, so that the queries agents repeat (the same
// words typed by many agents, each prefix of a word as it is typed, the
// console's re-query on a language switch) skip FTS5, the highlighter and
// JSON serialization. Values are the serialized "results" array; took_us is
// measured per request and added around it.
//
// Bounded by bytes, least recently used forgotten first, in independent
// shards so that 72 worker threads do not queue on one mutex. One cache
// belongs to one loaded KB: a reload starts an empty one, so an answer from
// the previous KB is never served.
//
// Thread safety: all methods are safe to call from any thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kb::server {

class SearchCache {
 public:
  // capacity_bytes = 0 turns the cache off (every Find misses, Put drops).
  explicit SearchCache(size_t capacity_bytes);

  // The key of one request: every parameter that changes the answer.
  static std::string Key(std::string_view query, std::string_view lang, int limit);

  std::optional<std::string> Find(const std::string& key);
  void Put(const std::string& key, std::string value);

  size_t bytes() const;

 private:
  static constexpr size_t kShards = 16;
  struct Entry {
    std::string key;
    std::string value;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::list<Entry> entries;  // most recently used first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> by_key;
    size_t bytes = 0;
  };
  static size_t Cost(const Entry& entry);
  Shard& ShardFor(const std::string& key);

  const size_t shard_capacity_;
  std::array<Shard, kShards> shards_;
};

}  // namespace kb::server
