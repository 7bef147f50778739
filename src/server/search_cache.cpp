#include "search_cache.h"

#include <functional>

namespace kb::server {

SearchCache::SearchCache(size_t capacity_bytes) : shard_capacity_(capacity_bytes / kShards) {}

std::string SearchCache::Key(std::string_view query, std::string_view lang, int limit) {
  // NUL cannot occur in a validated query or language code: the parts
  // cannot run into each other.
  std::string key;
  key.reserve(query.size() + lang.size() + 8);
  key.append(lang).push_back('\0');
  key.append(std::to_string(limit)).push_back('\0');
  key.append(query);
  return key;
}

size_t SearchCache::Cost(const Entry& entry) {
  // The strings plus the list node and the hash map slot, roughly.
  return entry.key.size() + entry.value.size() + 96;
}

SearchCache::Shard& SearchCache::ShardFor(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

std::optional<std::string> SearchCache::Find(const std::string& key) {
  if (shard_capacity_ == 0) return std::nullopt;
  Shard& shard = ShardFor(key);
  {
    std::lock_guard lock(shard.mutex);
    auto it = shard.by_key.find(key);
    if (it != shard.by_key.end()) {
      shard.entries.splice(shard.entries.begin(), shard.entries, it->second);
      return it->second->value;
    }
  }
  return std::nullopt;
}

void SearchCache::Put(const std::string& key, std::string value) {
  Entry entry{key, std::move(value)};
  const size_t cost = Cost(entry);
  if (cost > shard_capacity_) return;  // also when the cache is off
  Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  if (auto it = shard.by_key.find(key); it != shard.by_key.end()) {
    // Another thread answered the same query meanwhile: keep the newer answer.
    const auto stale = it->second;
    shard.bytes -= Cost(*stale);
    shard.by_key.erase(it);
    shard.entries.erase(stale);
  }
  shard.entries.push_front(std::move(entry));
  shard.by_key.emplace(shard.entries.front().key, shard.entries.begin());
  shard.bytes += cost;
  while (shard.bytes > shard_capacity_) {
    const Entry& oldest = shard.entries.back();
    shard.bytes -= Cost(oldest);
    shard.by_key.erase(oldest.key);
    shard.entries.pop_back();
  }
}

size_t SearchCache::bytes() const {
  size_t total = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.bytes;
  }
  return total;
}

}  // namespace kb::server
