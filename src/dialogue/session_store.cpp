// LRU + TTL session map.
#include "kb/session_store.h"

#include <random>

namespace kb {

SessionStore::SessionStore(size_t capacity, std::chrono::seconds ttl)
    : capacity_(capacity == 0 ? 1 : capacity), ttl_(ttl) {}

void SessionStore::EvictExpired(Clock::time_point now) {
  while (!entries_.empty() && now - entries_.back().touched > ttl_) {
    by_id_.erase(entries_.back().id);
    entries_.pop_back();
  }
}

DialogueState SessionStore::Get(const std::string& id) {
  std::lock_guard lock(mutex_);
  EvictExpired(Now());
  auto it = by_id_.find(id);
  return it == by_id_.end() ? DialogueState{} : it->second->state;
}

void SessionStore::Put(const std::string& id, const DialogueState& state) {
  std::lock_guard lock(mutex_);
  const Clock::time_point now = Now();
  EvictExpired(now);
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    entries_.erase(it->second);
    by_id_.erase(it);
  }
  entries_.push_front({id, state, now});
  by_id_[id] = entries_.begin();
  while (entries_.size() > capacity_) {
    by_id_.erase(entries_.back().id);
    entries_.pop_back();
  }
}

void SessionStore::Erase(const std::string& id) {
  std::lock_guard lock(mutex_);
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    entries_.erase(it->second);
    by_id_.erase(it);
  }
}

size_t SessionStore::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::string SessionStore::NewId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char out[33];
  snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(rng()),
           static_cast<unsigned long long>(rng()));
  return out;
}

}  // namespace kb
