// Validation of the JSON API's request bodies and parameters, independent of
// HTTP: each function returns the parsed request or an ApiError naming what
// is wrong (the server maps ApiError::kind to a status code).
//
// Thread safety: stateless; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kb/lang.h"

namespace kb::server {

struct ApiError {
  enum class Kind { kBadRequest, kTooLarge, kUnsupportedMediaType, kNotFound, kUnauthorized };
  Kind kind = Kind::kBadRequest;
  std::string code;     // machine-readable: "invalid_json", "message_too_long", ...
  std::string message;  // for people
};

template <typename T>
using Parsed = std::variant<T, ApiError>;

struct Limits {
  size_t max_message_chars = 2000;
  size_t max_comment_chars = 1000;
  size_t max_session_id_chars = 128;
  int max_search_limit = 50;
};

struct ChatRequest {
  std::string message;
  std::string session_id;  // "" = start a new conversation
  std::optional<Lang> lang;
  bool explain = false;
};

struct FeedbackRequest {
  std::string reply_id;
  bool helpful = false;
  std::string comment;
};

struct SearchRequest {
  std::string query;
  std::string lang;  // "" = every language
  int limit = 10;
};

// Whether a Content-Type header names JSON (application/json, any parameters).
bool IsJsonContentType(std::string_view content_type);

Parsed<ChatRequest> ParseChatRequest(std::string_view body, const Limits& limits);
Parsed<FeedbackRequest> ParseFeedbackRequest(std::string_view body, const Limits& limits);
// Parameters of GET /v1/search (already URL-decoded); nullopt = absent.
Parsed<SearchRequest> ParseSearchRequest(const std::optional<std::string>& q,
                                         const std::optional<std::string>& lang,
                                         const std::optional<std::string>& limit,
                                         const Limits& limits);

}  // namespace kb::server
