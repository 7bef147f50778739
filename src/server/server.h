// `kb serve`: the chat engine over HTTP/1.1 (cpp-httplib). Routes:
//   POST /v1/chat, GET /v1/search, POST /v1/feedback, GET /v1/intents,
//   GET /healthz, GET /metrics, POST /admin/reload (with --admin-token),
//   GET / (demo forum page), GET /agent (agent console), GET /widget.js.
// Every error is {"error": {"code", "message"}} with a 4xx/5xx status; HTTP
// status codes exist only in this layer.
//
// The engine is held in a shared_ptr swapped under a mutex: Reload() opens
// the re-indexed KB file and swaps it in while in-flight requests finish on
// their own copy, so no request fails during a reload.
//
// Thread safety: Run() blocks on one thread; Stop(), Reload() and port() may
// be called from any other thread (a signal-waiting thread, a test).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/status.h"

namespace kb::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;   // 0 = any free port (see Bind())
  int threads = 72;  // worker threads; each keep-alive connection holds one
  std::string kb_path;
  std::string feedback_db;
  std::vector<std::string> cors_origins;  // allowed Origins ("*" = any)
  double rate_limit = 20;                 // requests/s per client address; 0 = off
  double rate_burst = 0;                  // bucket size; 0 = twice the rate (at least 1)
  std::string admin_token;                // "" = no /admin routes
  bool log_requests = true;               // one JSON line per request
  bool log_messages = false;              // include the (redacted) message in log lines
  size_t max_body_bytes = 16 * 1024;
  size_t max_message_chars = 2000;
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  std::chrono::seconds keep_alive_timeout{5};
  size_t keep_alive_max_count = 10000;
  size_t session_capacity = 100000;
  std::chrono::seconds session_ttl{std::chrono::hours(2)};
  size_t reply_cache_capacity = 100000;
  size_t search_cache_bytes = 64 << 20;  // recent /v1/search answers; 0 = off
  // Where log lines go (one call per line, newline included); stderr when unset.
  std::function<void(std::string_view)> log_sink;
};

class Server {
 public:
  // Opens the KB and the feedback database; binds nothing yet.
  static StatusOr<std::unique_ptr<Server>> Create(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port (port 0 picks a free one) and returns the bound port.
  StatusOr<int> Bind();
  // Serves until Stop(); returns once in-flight requests have finished.
  Status Run();
  // Stops accepting connections; Run() returns after in-flight requests end.
  void Stop();
  // Reopens the KB file (rebuilt by `kb index`) and swaps it in.
  Status Reload();

  int port() const;
  const std::string& host() const;

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb::server
