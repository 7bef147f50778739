// Service metrics in the Prometheus text exposition format (version 0.0.4):
// HTTP requests and latency histograms per route and status, replies by type
// and intent, fallbacks, feedback, rate-limited requests and reloads.
//
// Thread safety: all methods are safe to call from any thread (one mutex;
// each update holds it for a few map operations).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace kb::server {

class Metrics {
 public:
  // Upper bounds of the latency histogram buckets, in seconds (+Inf implied).
  static constexpr std::array<double, 12> kLatencyBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

  void ObserveRequest(const std::string& route, int status, double seconds);
  void CountReply(const std::string& type, const std::string& intent);
  void CountFeedback(bool helpful);
  void CountRateLimited();
  void CountReload(bool ok);
  void CountSearchCache(bool hit) {
    (hit ? search_cache_hits_ : search_cache_misses_).fetch_add(1, std::memory_order_relaxed);
  }

  // The exposition text; `sessions` is reported as a gauge.
  std::string Render(size_t sessions) const;

 private:
  struct Histogram {
    std::array<uint64_t, kLatencyBuckets.size()> buckets{};  // not cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, Histogram> requests_;
  std::map<std::pair<std::string, std::string>, uint64_t> replies_;
  uint64_t fallbacks_ = 0;
  uint64_t helpful_ = 0;
  uint64_t not_helpful_ = 0;
  uint64_t rate_limited_ = 0;
  uint64_t reloads_ok_ = 0;
  uint64_t reloads_failed_ = 0;
  // Counted on every search: atomics rather than mutex_.
  std::atomic<uint64_t> search_cache_hits_{0};
  std::atomic<uint64_t> search_cache_misses_{0};
};

}  // namespace kb::server
