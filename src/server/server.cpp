// The HTTP service: routes, validation, rate limiting, CORS, metrics, the
// access log and the engine swap on reload. Each request runs on one worker
// thread of httplib's pool from the pre-routing handler to the logger, so the
// per-request context (start time, intent) is thread-local.
#include "server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "api_request.h"
#include "assets.h"
#include "credential_detector.h"
#include "feedback_store.h"
#include "kb/engine.h"
#include "kb/json.h"
#include "kb/session_store.h"
#include "metrics.h"
#include "rate_limiter.h"
#include "reply_cache.h"
#include "search_cache.h"

namespace kb::server {
namespace {

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kJsonType = "application/json; charset=utf-8";

// What the logger needs to know about the request this thread is serving.
struct RequestContext {
  bool started = false;
  SteadyClock::time_point start;
  std::string type;
  std::string intent;
  std::string message;  // redacted; only with --log-messages
};
thread_local RequestContext t_context;

// The routes this server answers, with their methods (for 405 and Allow).
struct Route {
  const char* path;
  const char* allow;
};
constexpr Route kRoutes[] = {
    {"/v1/chat", "POST, OPTIONS"},
    {"/v1/search", "GET, HEAD, OPTIONS"},
    {"/v1/feedback", "POST, OPTIONS"},
    {"/v1/intents", "GET, HEAD, OPTIONS"},
    {"/healthz", "GET, HEAD"},
    {"/metrics", "GET, HEAD"},
    {"/", "GET, HEAD"},
    {"/agent", "GET, HEAD"},
    {"/agent.js", "GET, HEAD"},
    {"/widget.js", "GET, HEAD"},
    {"/admin/reload", "POST"},
};

const Route* FindRoute(const std::string& path, bool admin_enabled) {
  for (const Route& route : kRoutes) {
    if (path == route.path) {
      if (!admin_enabled && path.starts_with("/admin/")) return nullptr;
      return &route;
    }
  }
  return nullptr;
}

bool AllowsMethod(const Route& route, const std::string& method) {
  std::string_view allow = route.allow;
  while (!allow.empty()) {
    const size_t comma = allow.find(',');
    std::string_view item = allow.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (item == method) return true;
    if (comma == std::string_view::npos) break;
    allow.remove_prefix(comma + 1);
  }
  return false;
}

int StatusOf(ApiError::Kind kind) {
  switch (kind) {
    case ApiError::Kind::kBadRequest:
      return 400;
    case ApiError::Kind::kUnauthorized:
      return 401;
    case ApiError::Kind::kNotFound:
      return 404;
    case ApiError::Kind::kTooLarge:
      return 413;
    case ApiError::Kind::kUnsupportedMediaType:
      return 415;
  }
  return 400;
}

void WriteJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJsonType);
}

void WriteError(httplib::Response& res, int status, std::string_view code,
                std::string_view message) {
  WriteJson(res, status, ErrorJson(code, message));
}

void WriteError(httplib::Response& res, const ApiError& error) {
  WriteError(res, StatusOf(error.kind), error.code, error.message);
}

// Compares without an early exit, so the token cannot be guessed by timing.
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

std::string UtcTimestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[40];
  const size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(buffer + n, sizeof buffer - n, ".%03dZ", static_cast<int>(millis));
  return buffer;
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions opts)
      : options(std::move(opts)),
        sessions(options.session_capacity, options.session_ttl),
        replies(options.reply_cache_capacity),
        limiter(options.rate_limit,
                options.rate_burst > 0 ? options.rate_burst : 2 * options.rate_limit) {
    limits.max_message_chars = options.max_message_chars;
  }

  std::shared_ptr<const Engine> CurrentEngine() const {
    std::lock_guard lock(engine_mutex);
    return engine;
  }

  // The engine and the search cache of the same KB, taken together so that
  // a reload in between cannot file an old answer under the new KB.
  std::pair<std::shared_ptr<const Engine>, std::shared_ptr<SearchCache>> CurrentWithCache() const {
    std::lock_guard lock(engine_mutex);
    return {engine, search_cache};
  }

  void Log(const std::string& line) const {
    if (options.log_sink) {
      options.log_sink(line);
    } else {
      std::fwrite(line.data(), 1, line.size(), stderr);
    }
  }

  // A failure the client only hears about in general terms: what failed
  // (often SQLite's own words) goes to the log, one JSON line.
  void LogFailure(std::string_view event, const std::string& error) const {
    Log(json{{"time", UtcTimestamp()}, {"event", event}, {"error", error}}.dump(
            -1, ' ', false, json::error_handler_t::replace) +
        "\n");
  }

  std::string CorsOrigin(const httplib::Request& req) const {
    if (options.cors_origins.empty() || !req.has_header("Origin")) return "";
    const std::string origin = req.get_header_value("Origin");
    for (const std::string& allowed : options.cors_origins) {
      if (allowed == "*" || allowed == origin) return origin;
    }
    return "";
  }

  void Install();
  httplib::Server::HandlerResponse PreRoute(const httplib::Request& req, httplib::Response& res);
  void Chat(const httplib::Request& req, httplib::Response& res);
  void Search(const httplib::Request& req, httplib::Response& res);
  void Feedback(const httplib::Request& req, httplib::Response& res);
  void Intents(const httplib::Request& req, httplib::Response& res);
  void Health(httplib::Response& res);
  void AdminReload(const httplib::Request& req, httplib::Response& res);
  // Opens the KB file again and swaps the engine; returns its article count.
  StatusOr<size_t> Reload();
  void Asset(httplib::Response& res, std::string_view name, const char* content_type);
  httplib::Server::HandlerResponse Error(const httplib::Request& req, httplib::Response& res);
  void AfterResponse(const httplib::Request& req, const httplib::Response& res);

  ServerOptions options;
  Limits limits;
  httplib::Server http;
  mutable std::mutex engine_mutex;
  std::shared_ptr<const Engine> engine;       // guarded by engine_mutex
  std::shared_ptr<SearchCache> search_cache;  // guarded by engine_mutex
  std::mutex reload_mutex;                    // one reload at a time
  SessionStore sessions;
  ReplyCache replies;
  std::unique_ptr<FeedbackStore> feedback;
  RateLimiter limiter;
  Metrics metrics;
  int port = 0;
  socket_t listen_socket = INVALID_SOCKET;  // set by the socket options callback
};

void Server::Impl::Install() {
  const int threads = std::max(1, options.threads);
  // httplib owns the queue it gets from this factory (its API takes a raw pointer).
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_tcp_nodelay(true);
  // Remember the listening socket: Bind() widens its accept queue.
  http.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket = sock;
  });
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.read_timeout);
  http.set_write_timeout(options.write_timeout);
  http.set_keep_alive_timeout(options.keep_alive_timeout.count());
  http.set_keep_alive_max_count(options.keep_alive_max_count);

  http.set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { return PreRoute(req, res); });
  http.Post("/v1/chat",
            [this](const httplib::Request& req, httplib::Response& res) { Chat(req, res); });
  http.Get("/v1/search",
           [this](const httplib::Request& req, httplib::Response& res) { Search(req, res); });
  http.Post("/v1/feedback",
            [this](const httplib::Request& req, httplib::Response& res) { Feedback(req, res); });
  http.Get("/v1/intents",
           [this](const httplib::Request& req, httplib::Response& res) { Intents(req, res); });
  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) { Health(res); });
  http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics.Render(sessions.size()), "text/plain; version=0.0.4; charset=utf-8");
  });
  http.Get("/", [this](const httplib::Request&, httplib::Response& res) {
    Asset(res, "index.html", "text/html; charset=utf-8");
  });
  http.Get("/agent", [this](const httplib::Request&, httplib::Response& res) {
    Asset(res, "agent.html", "text/html; charset=utf-8");
  });
  http.Get("/agent.js", [this](const httplib::Request&, httplib::Response& res) {
    Asset(res, "agent.js", "application/javascript; charset=utf-8");
  });
  http.Get("/widget.js", [this](const httplib::Request&, httplib::Response& res) {
    Asset(res, "widget.js", "application/javascript; charset=utf-8");
  });
  if (!options.admin_token.empty()) {
    http.Post("/admin/reload", [this](const httplib::Request& req, httplib::Response& res) {
      AdminReload(req, res);
    });
  }
  // CORS preflight for the API.
  http.Options("/v1/.*", [this](const httplib::Request& req, httplib::Response& res) {
    const Route* route = FindRoute(req.path, false);
    if (!route) return WriteError(res, 404, "not_found", "no such route: " + req.path);
    res.status = 204;
    res.set_header("Allow", route->allow);
    if (!CorsOrigin(req).empty()) {
      res.set_header("Access-Control-Allow-Methods", route->allow);
      res.set_header("Access-Control-Allow-Headers", "Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    }
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) { return Error(req, res); }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        WriteError(res, 500, "internal_error", "the server failed to answer this request");
      });
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    AfterResponse(req, res);
  });
}

httplib::Server::HandlerResponse Server::Impl::PreRoute(const httplib::Request& req,
                                                        httplib::Response& res) {
  t_context = RequestContext{};
  t_context.started = true;
  t_context.start = SteadyClock::now();
  if (const std::string origin = CorsOrigin(req); !origin.empty()) {
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Vary", "Origin");
  }
  const bool limited_route = req.path.starts_with("/v1/") || req.path.starts_with("/admin/");
  if (limited_route && req.method != "OPTIONS" && limiter.enabled()) {
    const RateLimiter::Decision decision = limiter.Admit(req.remote_addr);
    if (!decision.allowed) {
      metrics.CountRateLimited();
      res.set_header("Retry-After", std::to_string(decision.retry_after_seconds));
      WriteError(
          res, 429, "rate_limited",
          "too many requests; retry after " + std::to_string(decision.retry_after_seconds) + " s");
      return httplib::Server::HandlerResponse::Handled;
    }
  }
  const bool has_body_method = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
  if (has_body_method && !req.has_header("Content-Length") &&
      !req.has_header("Transfer-Encoding")) {
    // httplib would otherwise read the body until the connection closes.
    if (req.path == "/admin/reload" && !options.admin_token.empty()) {
      AdminReload(req, res);
    } else {
      WriteError(res, 411, "length_required", "send a Content-Length header with the body");
    }
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

void Server::Impl::Chat(const httplib::Request& req, httplib::Response& res) {
  if (!IsJsonContentType(req.get_header_value("Content-Type"))) {
    return WriteError(res, 415, "unsupported_media_type", "send the body as application/json");
  }
  auto parsed = ParseChatRequest(req.body, limits);
  if (auto* error = std::get_if<ApiError>(&parsed)) return WriteError(res, *error);
  const ChatRequest& chat = std::get<ChatRequest>(parsed);

  const std::shared_ptr<const Engine> current = CurrentEngine();
  const std::string session_id = chat.session_id.empty() ? SessionStore::NewId() : chat.session_id;
  Request request;
  request.message = chat.message;
  request.lang = chat.lang;
  request.explain = chat.explain;
  DialogueState next;
  Reply reply = current->Respond(sessions.Get(session_id), request, &next);
  sessions.Put(session_id, next);
  reply.session_id = session_id;

  ReplyRecord record;
  record.reply_id = SessionStore::NewId();
  record.question = match::ScanForCredentials(chat.message).redacted;
  record.type = reply.type;
  record.intent = reply.intent.value_or("");
  record.confidence = reply.confidence;
  record.lang = reply.lang;
  json body = ReplyToJson(reply);
  body["reply_id"] = record.reply_id;

  metrics.CountReply(record.type, record.intent);
  if (record.type == "fallback") {
    if (Status status = feedback->RecordFallback(record); !status.ok()) {
      LogFailure("feedback_db_error", status.message());
    }
  }
  t_context.type = record.type;
  t_context.intent = record.intent;
  if (options.log_messages) t_context.message = record.question;
  replies.Put(std::move(record));
  WriteJson(res, 200, body);
}

void Server::Impl::Search(const httplib::Request& req, httplib::Response& res) {
  auto param = [&req](const char* name) -> std::optional<std::string> {
    if (!req.has_param(name)) return std::nullopt;
    return req.get_param_value(name);
  };
  auto parsed = ParseSearchRequest(param("q"), param("lang"), param("limit"), limits);
  if (auto* error = std::get_if<ApiError>(&parsed)) return WriteError(res, *error);
  const SearchRequest& search = std::get<SearchRequest>(parsed);
  const auto started = std::chrono::steady_clock::now();
  const auto [current, cache] = CurrentWithCache();
  const std::string key = SearchCache::Key(search.query, search.lang, search.limit);
  std::optional<std::string> results = cache->Find(key);
  metrics.CountSearchCache(results.has_value());
  if (!results) {
    SearchOptions options;
    options.lang_filter = search.lang;
    options.limit = search.limit;
    auto result = current->knowledge_base().Search(search.query, options);
    if (!result.ok()) {
      LogFailure("search_error", result.status().message());
      return WriteError(res, 500, "search_failed",
                        "the search could not run; the server logged why");
    }
    results = PassagesToJson(result->passages).dump(-1, ' ', false, json::error_handler_t::replace);
    cache->Put(key, *results);
  }
  // The same bytes SearchResultToJson would give, with this request's time.
  const auto took_us = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  res.status = 200;
  res.set_content("{\"results\":" + *results + ",\"took_us\":" + std::to_string(took_us) + "}",
                  kJsonType);
}

void Server::Impl::Feedback(const httplib::Request& req, httplib::Response& res) {
  if (!IsJsonContentType(req.get_header_value("Content-Type"))) {
    return WriteError(res, 415, "unsupported_media_type", "send the body as application/json");
  }
  auto parsed = ParseFeedbackRequest(req.body, limits);
  if (auto* error = std::get_if<ApiError>(&parsed)) return WriteError(res, *error);
  const FeedbackRequest& request = std::get<FeedbackRequest>(parsed);
  const std::optional<ReplyRecord> reply = replies.Find(request.reply_id);
  if (!reply) {
    return WriteError(res, 404, "unknown_reply",
                      "no recent reply has this reply_id (replies are kept for a while only)");
  }
  const std::string comment = match::ScanForCredentials(request.comment).redacted;
  if (Status status = feedback->RecordFeedback(*reply, request.helpful, comment); !status.ok()) {
    LogFailure("feedback_db_error", status.message());
    return WriteError(res, 500, "feedback_not_saved",
                      "the feedback could not be stored; the server logged why");
  }
  metrics.CountFeedback(request.helpful);
  t_context.type = reply->type;
  t_context.intent = reply->intent;
  WriteJson(res, 200, {{"ok", true}, {"reply_id", request.reply_id}});
}

void Server::Impl::Intents(const httplib::Request& req, httplib::Response& res) {
  std::string lang;
  if (req.has_param("lang")) {
    const auto code = LangFromCode(req.get_param_value("lang"));
    if (!code || req.get_param_value("lang").size() != 2) {
      return WriteError(res, 400, "invalid_lang", "lang must be one of en, it, es, fr, de");
    }
    lang = std::string(LangCode(*code));
  }
  const std::shared_ptr<const Engine> current = CurrentEngine();
  json intents = json::array();
  for (const Intent& intent : current->knowledge_base().catalog().intents) {
    if (intent.kind != IntentKind::kTask) continue;
    json labels = json::object();
    for (const auto& [code, text] : intent.texts) labels[code] = text.label;
    json sources = json::array();
    for (const SourceRef& source : intent.sources) {
      sources.push_back({{"article", source.article}, {"section", source.section}});
    }
    json item = {{"id", intent.id}, {"labels", labels}, {"sources", sources}};
    if (!lang.empty()) {
      auto text = intent.texts.find(lang);
      if (text == intent.texts.end()) text = intent.texts.find("en");
      item["label"] = text != intent.texts.end() ? text->second.label : intent.id;
    }
    intents.push_back(std::move(item));
  }
  WriteJson(res, 200, {{"intents", intents}});
}

void Server::Impl::Health(httplib::Response& res) {
  const std::shared_ptr<const Engine> current = CurrentEngine();
  const KnowledgeBase& kb = current->knowledge_base();
  WriteJson(res, 200,
            {{"status", "ok"},
             {"articles", kb.articles().size()},
             {"intents", kb.catalog().intents.size()},
             {"sessions", sessions.size()}});
}

void Server::Impl::AdminReload(const httplib::Request& req, httplib::Response& res) {
  const std::string authorization = req.get_header_value("Authorization");
  if (!ConstantTimeEquals(authorization, "Bearer " + options.admin_token)) {
    res.set_header("WWW-Authenticate", "Bearer");
    return WriteError(res, 401, "unauthorized", "a valid admin bearer token is required");
  }
  auto articles = Reload();
  if (!articles.ok()) return WriteError(res, 500, "reload_failed", articles.status().message());
  WriteJson(res, 200, {{"reloaded", true}, {"articles", *articles}});
}

StatusOr<size_t> Server::Impl::Reload() {
  std::lock_guard lock(reload_mutex);
  auto opened = Engine::Open(options.kb_path);
  if (!opened.ok()) {
    metrics.CountReload(false);
    return opened.status();
  }
  std::shared_ptr<const Engine> fresh = std::move(opened).value();
  const size_t articles = fresh->knowledge_base().articles().size();
  auto fresh_cache = std::make_shared<SearchCache>(options.search_cache_bytes);
  {
    std::lock_guard engine_lock(engine_mutex);
    engine.swap(fresh);
    search_cache.swap(fresh_cache);
  }
  metrics.CountReload(true);
  // `fresh` now holds the old engine: it is freed here unless a request still uses it.
  return articles;
}

void Server::Impl::Asset(httplib::Response& res, std::string_view name, const char* content_type) {
  const std::string_view content = AssetContent(name);
  if (content.empty()) return WriteError(res, 404, "not_found", "no such asset");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-cache");
  if (name.ends_with(".html")) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'");
    res.set_header("Referrer-Policy", "same-origin");
  }
  res.set_content(content.data(), content.size(), content_type);
}

httplib::Server::HandlerResponse Server::Impl::Error(const httplib::Request& req,
                                                     httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const Route* route = FindRoute(req.path, !options.admin_token.empty());
  const bool method_allowed = route && AllowsMethod(*route, req.method);
  switch (res.status) {
    case 404:
    case 400:
      if (route && !method_allowed) {
        res.set_header("Allow", route->allow);
        WriteError(
            res, 405, "method_not_allowed",
            req.method + " is not allowed on " + req.path + " (allowed: " + route->allow + ")");
      } else if (res.status == 404) {
        WriteError(res, 404, "not_found", "no such route");
      } else {
        WriteError(res, 400, "bad_request", "the request could not be read");
      }
      break;
    case 413:
      WriteError(res, 413, "payload_too_large",
                 "the body is larger than " + std::to_string(options.max_body_bytes) + " bytes");
      break;
    case 414:
      WriteError(res, 414, "uri_too_long", "the request URI is too long");
      break;
    default:
      WriteError(res, res.status, "http_" + std::to_string(res.status),
                 res.status >= 500 ? "the server failed to answer this request"
                                   : "the request was refused");
  }
  return httplib::Server::HandlerResponse::Handled;
}

void Server::Impl::AfterResponse(const httplib::Request& req, const httplib::Response& res) {
  const double seconds =
      t_context.started
          ? std::chrono::duration<double>(SteadyClock::now() - t_context.start).count()
          : 0.0;
  const Route* route = FindRoute(req.path, !options.admin_token.empty());
  const std::string route_label = route ? route->path : "other";
  metrics.ObserveRequest(route_label, res.status, seconds);
  if (options.log_requests) {
    json line = {{"time", UtcTimestamp()},
                 {"method", req.method},
                 {"route", route_label},
                 {"status", res.status},
                 {"latency_ms", std::round(seconds * 1e6) / 1e3},
                 {"remote", req.remote_addr}};
    if (!t_context.type.empty()) line["type"] = t_context.type;
    if (!t_context.type.empty()) {
      line["intent"] = t_context.intent.empty() ? json(nullptr) : json(t_context.intent);
    }
    if (options.log_messages && !t_context.message.empty()) line["message"] = t_context.message;
    Log(line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
  }
  t_context = RequestContext{};
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

StatusOr<std::unique_ptr<Server>> Server::Create(ServerOptions options) {
  auto impl = std::make_unique<Impl>(std::move(options));
  auto engine = Engine::Open(impl->options.kb_path);
  if (!engine.ok()) return engine.status();
  impl->engine = std::move(engine).value();
  impl->search_cache = std::make_shared<SearchCache>(impl->options.search_cache_bytes);
  auto feedback = FeedbackStore::Open(impl->options.feedback_db);
  if (!feedback.ok()) return feedback.status();
  impl->feedback = std::move(feedback).value();
  impl->Install();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

StatusOr<int> Server::Bind() {
  const std::string& host = impl_->options.host;
  if (impl_->options.port == 0) {
    const int port = impl_->http.bind_to_any_port(host);
    if (port <= 0) return Status::Error("cannot listen on " + host + " (any port)");
    impl_->port = port;
  } else {
    if (!impl_->http.bind_to_port(host, impl_->options.port)) {
      return Status::Error("cannot listen on " + host + ":" + std::to_string(impl_->options.port) +
                           " (address in use, or not a local address?)");
    }
    impl_->port = impl_->options.port;
  }
  // httplib listens with a backlog of 5: when 64 clients (re)connect at once
  // while the workers hold both cores, the kernel drops SYNs and a client
  // waits a 1 s retransmission. listen() again on the same socket only
  // resizes the queue (Linux); if it fails, the small queue still works.
  if (impl_->listen_socket != INVALID_SOCKET) ::listen(impl_->listen_socket, SOMAXCONN);
  return impl_->port;
}

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) {
    return Status::Error("the server stopped on a socket error");
  }
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

Status Server::Reload() {
  auto articles = impl_->Reload();
  return articles.ok() ? Status::Ok() : articles.status();
}

int Server::port() const { return impl_->port; }
const std::string& Server::host() const { return impl_->options.host; }

}  // namespace kb::server
