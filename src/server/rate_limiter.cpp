// Token buckets per client.
#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace kb::server {

RateLimiter::RateLimiter(double rate, double burst, size_t max_clients)
    : rate_(rate), burst_(std::max(1.0, burst)), max_clients_(max_clients) {}

RateLimiter::Decision RateLimiter::Admit(const std::string& key, Clock::time_point now) {
  if (rate_ <= 0) return {};
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) DropFullBuckets(now);
    it = buckets_.emplace(key, Bucket{burst_, now}).first;
  }
  Bucket& bucket = it->second;
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  if (elapsed > 0) {
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * rate_);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return {};
  }
  const double wait = (1.0 - bucket.tokens) / rate_;
  return {false, std::max(1, static_cast<int>(std::ceil(wait)))};
}

void RateLimiter::DropFullBuckets(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) {
    const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
    return entry.second.tokens + elapsed * rate_ >= burst_;
  });
}

}  // namespace kb::server
