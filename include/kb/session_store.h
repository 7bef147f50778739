// Conversations by session id, bounded: at most `capacity` sessions, each
// forgotten `ttl` after its last turn (least recently used evicted first), so
// random session ids cannot exhaust memory.
//
// Thread safety: all methods are safe to call from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "kb/engine.h"

namespace kb {

class SessionStore {
 public:
  using Clock = std::chrono::steady_clock;
  SessionStore(size_t capacity, std::chrono::seconds ttl);

  // The state of `id`, or a fresh state for an unknown or expired id.
  DialogueState Get(const std::string& id);
  void Put(const std::string& id, const DialogueState& state);
  void Erase(const std::string& id);
  size_t size();

  // A new random session id (128 bits, hex).
  static std::string NewId();

  // For tests: the clock the store reads.
  void set_now_for_test(Clock::time_point now) { fixed_now_ = now; }

 private:
  struct Entry {
    std::string id;
    DialogueState state;
    Clock::time_point touched;
  };
  Clock::time_point Now() const {
    return fixed_now_ != Clock::time_point{} ? fixed_now_ : Clock::now();
  }
  void EvictExpired(Clock::time_point now);

  const size_t capacity_;
  const std::chrono::seconds ttl_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_id_;
  Clock::time_point fixed_now_{};
};

}  // namespace kb
