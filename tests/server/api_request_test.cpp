// Request validation without HTTP.
#include "api_request.h"

#include <gtest/gtest.h>

namespace kb::server {
namespace {

std::string ErrorCode(const Parsed<ChatRequest>& parsed) {
  const auto* error = std::get_if<ApiError>(&parsed);
  return error ? error->code : "";
}

TEST(ApiRequestTest, ChatRequestFields) {
  auto parsed = ParseChatRequest(
      R"({"message": "ciao", "session_id": "abc-1_2", "lang": "IT", "explain": true})", {});
  ASSERT_TRUE(std::holds_alternative<ChatRequest>(parsed));
  const auto& chat = std::get<ChatRequest>(parsed);
  EXPECT_EQ(chat.message, "ciao");
  EXPECT_EQ(chat.session_id, "abc-1_2");
  EXPECT_EQ(chat.lang, Lang::kIt);
  EXPECT_TRUE(chat.explain);
}

TEST(ApiRequestTest, ChatRequestNullOptionalsAreAbsent) {
  auto parsed = ParseChatRequest(
      R"({"message": "hi", "session_id": null, "lang": null, "explain": null})", {});
  ASSERT_TRUE(std::holds_alternative<ChatRequest>(parsed));
  EXPECT_TRUE(std::get<ChatRequest>(parsed).session_id.empty());
}

TEST(ApiRequestTest, ChatRequestErrors) {
  EXPECT_EQ(ErrorCode(ParseChatRequest("", {})), "invalid_json");
  EXPECT_EQ(ErrorCode(ParseChatRequest("[1]", {})), "invalid_request");
  EXPECT_EQ(ErrorCode(ParseChatRequest("\"x\"", {})), "invalid_request");
  EXPECT_EQ(ErrorCode(ParseChatRequest("{\"message\":\"\xc3\x28\"}", {})), "invalid_utf8");
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": "\ud800"})", {})), "invalid_json");
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": null})", {})), "invalid_request");
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": ""})", {})), "empty_message");
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": "x", "session_id": ""})", {})),
            "invalid_session_id");
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": "x", "lang": "english"})", {})),
            "invalid_lang");
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": "x", "explain": 1})", {})),
            "invalid_request");
}

TEST(ApiRequestTest, MessageCapCountsCharactersNotBytes) {
  Limits limits;
  limits.max_message_chars = 3;
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": "èèè"})", limits)), "");
  EXPECT_EQ(ErrorCode(ParseChatRequest(R"({"message": "èèèè"})", limits)), "message_too_long");
}

TEST(ApiRequestTest, FeedbackRequest) {
  auto parsed =
      ParseFeedbackRequest(R"({"reply_id": "r1", "helpful": false, "comment": "no"})", {});
  ASSERT_TRUE(std::holds_alternative<FeedbackRequest>(parsed));
  EXPECT_FALSE(std::get<FeedbackRequest>(parsed).helpful);
  EXPECT_TRUE(std::holds_alternative<ApiError>(ParseFeedbackRequest(R"({"helpful": true})", {})));
  EXPECT_TRUE(std::holds_alternative<ApiError>(
      ParseFeedbackRequest(R"({"reply_id": "r", "helpful": 1})", {})));
}

TEST(ApiRequestTest, SearchRequest) {
  auto parsed = ParseSearchRequest("password", "IT", "5", {});
  ASSERT_TRUE(std::holds_alternative<SearchRequest>(parsed));
  EXPECT_EQ(std::get<SearchRequest>(parsed).lang, "it");
  EXPECT_EQ(std::get<SearchRequest>(parsed).limit, 5);
  EXPECT_TRUE(std::holds_alternative<ApiError>(ParseSearchRequest(std::nullopt, {}, {}, {})));
  EXPECT_TRUE(std::holds_alternative<ApiError>(ParseSearchRequest("x", {}, "51", {})));
  EXPECT_TRUE(std::holds_alternative<ApiError>(ParseSearchRequest("x", {}, "5x", {})));
}

TEST(ApiRequestTest, JsonContentType) {
  EXPECT_TRUE(IsJsonContentType("application/json"));
  EXPECT_TRUE(IsJsonContentType("Application/JSON; charset=utf-8"));
  EXPECT_FALSE(IsJsonContentType("text/plain"));
  EXPECT_FALSE(IsJsonContentType(""));
  EXPECT_FALSE(IsJsonContentType("application/jsonx"));
}

}  // namespace
}  // namespace kb::server
