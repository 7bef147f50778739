// Fuzz target: the HTTP API's request parsing (JSON bodies of /v1/chat and
// /v1/feedback, the query parameters of /v1/search). Invariants: every
// input is either a request within the limits or an error with a code.
#include <string>
#include <string_view>

#include "api_request.h"
#include "fuzz_target.h"
#include "kb/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const kb::server::Limits limits;
  auto chat = kb::server::ParseChatRequest(body, limits);
  if (auto* error = std::get_if<kb::server::ApiError>(&chat)) {
    KB_FUZZ_CHECK(!error->code.empty());
  } else {
    const auto& request = std::get<kb::server::ChatRequest>(chat);
    KB_FUZZ_CHECK(kb::IsValidUtf8(request.message) && kb::IsValidUtf8(request.session_id));
    KB_FUZZ_CHECK(kb::CountCodePoints(request.message) <= limits.max_message_chars);
  }
  auto feedback = kb::server::ParseFeedbackRequest(body, limits);
  if (auto* error = std::get_if<kb::server::ApiError>(&feedback)) {
    KB_FUZZ_CHECK(!error->code.empty());
  }
  // The same bytes as the three query parameters, split at NULs.
  std::string parts[3];
  size_t part = 0;
  for (const char c : body) {
    if (c == '\0' && part < 2) {
      ++part;
    } else {
      parts[part] += c;
    }
  }
  auto search = kb::server::ParseSearchRequest(parts[0], parts[1], parts[2], limits);
  if (auto* error = std::get_if<kb::server::ApiError>(&search)) {
    KB_FUZZ_CHECK(!error->code.empty());
  } else {
    const auto& request = std::get<kb::server::SearchRequest>(search);
    KB_FUZZ_CHECK(kb::IsValidUtf8(request.query));
    KB_FUZZ_CHECK(request.limit >= 1 && request.limit <= limits.max_search_limit);
  }
  return 0;
}
