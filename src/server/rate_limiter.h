// A token bucket per client key (the remote address): `rate` requests per
// second on average, bursts of up to `burst`. Buckets that have refilled are
// dropped when the table grows, so many clients cannot exhaust memory.
//
// Thread safety: all methods are safe to call from any thread.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kb::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // rate <= 0 turns limiting off (every request is admitted).
  RateLimiter(double rate, double burst, size_t max_clients = 100000);

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when refused: whole seconds until a token is back (>= 1)
  };
  // Takes one token from `key`'s bucket at time `now`.
  Decision Admit(const std::string& key, Clock::time_point now = Clock::now());

  bool enabled() const { return rate_ > 0; }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void DropFullBuckets(Clock::time_point now);

  const double rate_;
  const double burst_;
  const size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace kb::server
