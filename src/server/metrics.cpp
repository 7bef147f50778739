// Prometheus text exposition of the service metrics.
#include "metrics.h"

#include <cstdio>
#include <string_view>

namespace kb::server {
namespace {

// Label values escape backslash, double quote and newline.
std::string Escape(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// The "# HELP" and "# TYPE" lines of one metric family.
void AppendFamily(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

void Metrics::ObserveRequest(const std::string& route, int status, double seconds) {
  size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  Histogram& h = requests_[{route, status}];
  if (bucket < kLatencyBuckets.size()) ++h.buckets[bucket];
  ++h.count;
  h.sum += seconds;
}

void Metrics::CountReply(const std::string& type, const std::string& intent) {
  std::lock_guard lock(mutex_);
  ++replies_[{type, intent}];
  if (type == "fallback") ++fallbacks_;
}

void Metrics::CountFeedback(bool helpful) {
  std::lock_guard lock(mutex_);
  ++(helpful ? helpful_ : not_helpful_);
}

void Metrics::CountRateLimited() {
  std::lock_guard lock(mutex_);
  ++rate_limited_;
}

void Metrics::CountReload(bool ok) {
  std::lock_guard lock(mutex_);
  ++(ok ? reloads_ok_ : reloads_failed_);
}

std::string Metrics::Render(size_t sessions) const {
  std::lock_guard lock(mutex_);
  std::string out;
  AppendFamily(out, "kb_http_requests_total", "counter", "HTTP requests by route and status.");
  for (const auto& [key, h] : requests_) {
    out += "kb_http_requests_total{route=\"" + Escape(key.first) + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(h.count) + "\n";
  }
  AppendFamily(out, "kb_http_request_duration_seconds", "histogram",
               "Request latency by route and status.");
  for (const auto& [key, h] : requests_) {
    const std::string labels =
        "route=\"" + Escape(key.first) + "\",status=\"" + std::to_string(key.second) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out += "kb_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             Number(kLatencyBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "kb_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(h.count) + "\n";
    out += "kb_http_request_duration_seconds_sum{" + labels + "} " + Number(h.sum) + "\n";
    out +=
        "kb_http_request_duration_seconds_count{" + labels + "} " + std::to_string(h.count) + "\n";
  }
  AppendFamily(out, "kb_replies_total", "counter", "Chat replies by type and intent.");
  for (const auto& [key, count] : replies_) {
    out += "kb_replies_total{type=\"" + Escape(key.first) + "\",intent=\"" + Escape(key.second) +
           "\"} " + std::to_string(count) + "\n";
  }
  AppendFamily(out, "kb_fallbacks_total", "counter",
               "Chat replies that were fallbacks (out of scope).");
  out += "kb_fallbacks_total " + std::to_string(fallbacks_) + "\n";
  AppendFamily(out, "kb_feedback_total", "counter", "Feedback received, by helpfulness.");
  out += "kb_feedback_total{helpful=\"yes\"} " + std::to_string(helpful_) + "\n";
  out += "kb_feedback_total{helpful=\"no\"} " + std::to_string(not_helpful_) + "\n";
  AppendFamily(out, "kb_rate_limited_total", "counter",
               "Requests refused by the per-client rate limit.");
  out += "kb_rate_limited_total " + std::to_string(rate_limited_) + "\n";
  AppendFamily(out, "kb_reloads_total", "counter", "KB reloads, by result.");
  out += "kb_reloads_total{result=\"ok\"} " + std::to_string(reloads_ok_) + "\n";
  out += "kb_reloads_total{result=\"failed\"} " + std::to_string(reloads_failed_) + "\n";
  AppendFamily(out, "kb_search_cache_requests_total", "counter",
               "Searches answered from the cache (hit) or not.");
  out += "kb_search_cache_requests_total{result=\"hit\"} " +
         std::to_string(search_cache_hits_.load(std::memory_order_relaxed)) + "\n";
  out += "kb_search_cache_requests_total{result=\"miss\"} " +
         std::to_string(search_cache_misses_.load(std::memory_order_relaxed)) + "\n";
  AppendFamily(out, "kb_sessions", "gauge", "Conversations currently remembered.");
  out += "kb_sessions " + std::to_string(sessions) + "\n";
  return out;
}

}  // namespace kb::server
