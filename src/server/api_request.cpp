// Request validation for the JSON API.
#include "api_request.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "kb/utf8.h"

namespace kb::server {
namespace {

using nlohmann::json;

ApiError BadRequest(std::string code, std::string message) {
  return {ApiError::Kind::kBadRequest, std::move(code), std::move(message)};
}

// The body as a JSON object, or the error that says why it is not one.
Parsed<json> ParseObject(std::string_view body) {
  if (!IsValidUtf8(body)) return BadRequest("invalid_utf8", "the body is not valid UTF-8");
  json object = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return BadRequest("invalid_json", "the body is not valid JSON");
  if (!object.is_object()) return BadRequest("invalid_request", "the body must be a JSON object");
  return object;
}

bool IsSessionIdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

std::optional<Lang> ParseLang(std::string_view code) {
  if (code.size() != 2) return std::nullopt;
  return LangFromCode(code);
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

}  // namespace

bool IsJsonContentType(std::string_view content_type) {
  const size_t end = content_type.find(';');
  std::string_view media = content_type.substr(0, end);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  while (!media.empty() && media.front() == ' ') media.remove_prefix(1);
  constexpr std::string_view kJson = "application/json";
  return media.size() == kJson.size() &&
         std::equal(media.begin(), media.end(), kJson.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

Parsed<ChatRequest> ParseChatRequest(std::string_view body, const Limits& limits) {
  auto parsed = ParseObject(body);
  if (auto* error = std::get_if<ApiError>(&parsed)) return *error;
  const json& object = std::get<json>(parsed);
  ChatRequest request;
  auto message = object.find("message");
  if (message == object.end() || !message->is_string()) {
    return BadRequest("invalid_request", "\"message\" is required and must be a string");
  }
  request.message = message->get<std::string>();
  if (IsBlank(request.message)) return BadRequest("empty_message", "\"message\" is empty");
  if (CountCodePoints(request.message) > limits.max_message_chars) {
    return BadRequest(
        "message_too_long",
        "\"message\" is longer than " + std::to_string(limits.max_message_chars) + " characters");
  }
  if (auto id = object.find("session_id"); id != object.end() && !id->is_null()) {
    if (!id->is_string()) return BadRequest("invalid_request", "\"session_id\" must be a string");
    request.session_id = id->get<std::string>();
    if (request.session_id.empty() || request.session_id.size() > limits.max_session_id_chars ||
        !std::all_of(request.session_id.begin(), request.session_id.end(), IsSessionIdChar)) {
      return BadRequest("invalid_session_id",
                        "\"session_id\" must be 1-128 characters of A-Z, a-z, 0-9, '-' or '_'");
    }
  }
  if (auto lang = object.find("lang"); lang != object.end() && !lang->is_null()) {
    if (!lang->is_string()) return BadRequest("invalid_request", "\"lang\" must be a string");
    request.lang = ParseLang(lang->get<std::string>());
    if (!request.lang) {
      return BadRequest("invalid_lang", "\"lang\" must be one of en, it, es, fr, de");
    }
  }
  if (auto explain = object.find("explain"); explain != object.end() && !explain->is_null()) {
    if (!explain->is_boolean()) {
      return BadRequest("invalid_request", "\"explain\" must be true or false");
    }
    request.explain = explain->get<bool>();
  }
  return request;
}

Parsed<FeedbackRequest> ParseFeedbackRequest(std::string_view body, const Limits& limits) {
  auto parsed = ParseObject(body);
  if (auto* error = std::get_if<ApiError>(&parsed)) return *error;
  const json& object = std::get<json>(parsed);
  FeedbackRequest request;
  auto reply_id = object.find("reply_id");
  if (reply_id == object.end() || !reply_id->is_string() ||
      reply_id->get_ref<const std::string&>().empty()) {
    return BadRequest("invalid_request", "\"reply_id\" is required and must be a string");
  }
  request.reply_id = reply_id->get<std::string>();
  auto helpful = object.find("helpful");
  if (helpful == object.end() || !helpful->is_boolean()) {
    return BadRequest("invalid_request", "\"helpful\" is required and must be true or false");
  }
  request.helpful = helpful->get<bool>();
  if (auto comment = object.find("comment"); comment != object.end() && !comment->is_null()) {
    if (!comment->is_string()) return BadRequest("invalid_request", "\"comment\" must be a string");
    request.comment = comment->get<std::string>();
    if (CountCodePoints(request.comment) > limits.max_comment_chars) {
      return BadRequest(
          "comment_too_long",
          "\"comment\" is longer than " + std::to_string(limits.max_comment_chars) + " characters");
    }
  }
  return request;
}

Parsed<SearchRequest> ParseSearchRequest(const std::optional<std::string>& q,
                                         const std::optional<std::string>& lang,
                                         const std::optional<std::string>& limit,
                                         const Limits& limits) {
  SearchRequest request;
  if (!q || IsBlank(*q)) return BadRequest("invalid_request", "the query parameter q is required");
  if (!IsValidUtf8(*q)) return BadRequest("invalid_utf8", "q is not valid UTF-8");
  if (CountCodePoints(*q) > limits.max_message_chars) {
    return BadRequest(
        "query_too_long",
        "q is longer than " + std::to_string(limits.max_message_chars) + " characters");
  }
  request.query = *q;
  if (lang && !lang->empty()) {
    if (!ParseLang(*lang))
      return BadRequest("invalid_lang", "lang must be one of en, it, es, fr, de");
    request.lang = std::string(LangCode(*ParseLang(*lang)));
  }
  if (limit && !limit->empty()) {
    int value = 0;
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc() || end != limit->data() + limit->size() || value < 1 ||
        value > limits.max_search_limit) {
      return BadRequest("invalid_limit", "limit must be an integer from 1 to " +
                                             std::to_string(limits.max_search_limit));
    }
    request.limit = value;
  }
  return request;
}

}  // namespace kb::server
