// Integration tests of `kb serve`'s HTTP layer: a real kb::server::Server on
// an ephemeral loopback port, over the seed KB, driven by httplib's client.
#include "server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "feedback_store.h"
#include "seed_kb.h"
#include "temp_dir.h"

namespace kb::server {
namespace {

using nlohmann::json;

// A server running on its own thread for the lifetime of the object.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    if (options.kb_path.empty()) options.kb_path = kb::testing::SeedKb::Get().path();
    if (options.feedback_db.empty()) options.feedback_db = dir_.File("feedback.db");
    feedback_db_ = options.feedback_db;
    options.log_sink = [this](std::string_view line) {
      std::lock_guard lock(log_mutex_);
      log_.emplace_back(line);
    };
    auto created = Server::Create(std::move(options));
    if (!created.ok()) {
      ADD_FAILURE() << created.status().message();
      return;
    }
    server_ = std::move(created).value();
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok());
    port_ = port.ok() ? *port : 0;
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Run().ok()); });
  }
  ~RunningServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  Server& server() { return *server_; }
  const std::string& feedback_db() const { return feedback_db_; }
  std::vector<std::string> log() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(10));
    return client;
  }

 private:
  kb::testing::TempDir dir_;
  std::string feedback_db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

ServerOptions DefaultOptions() {
  ServerOptions options;
  options.rate_limit = 0;
  options.threads = 8;
  options.admin_token = "s3cret-token";
  options.cors_origins = {"https://forum.example"};
  return options;
}

json Body(const httplib::Result& result) {
  if (!result) return json();
  return json::parse(result->body, nullptr, false);
}

httplib::Result Chat(httplib::Client& client, const json& body) {
  return client.Post("/v1/chat", body.dump(), "application/json");
}

void ExpectError(const httplib::Result& result, int status, const std::string& code) {
  ASSERT_TRUE(result) << "no response";
  EXPECT_EQ(result->status, status) << result->body;
  const json body = Body(result);
  ASSERT_TRUE(body.is_object()) << result->body;
  ASSERT_TRUE(body.contains("error")) << result->body;
  EXPECT_EQ(body["error"]["code"], code) << result->body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_EQ(result->get_header_value("Content-Type").rfind("application/json", 0), 0u);
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new RunningServer(DefaultOptions()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static RunningServer* server_;
};
RunningServer* ServerTest::server_ = nullptr;

TEST_F(ServerTest, ChatAnswersInItalianWithStepsAndIds) {
  auto client = server_->Client();
  auto result = Chat(client, {{"message", "ho dimenticato la password"}});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json reply = Body(result);
  EXPECT_EQ(reply["type"], "answer");
  EXPECT_EQ(reply["intent"], "forgot_password");
  EXPECT_EQ(reply["lang"], "it");
  EXPECT_FALSE(reply["steps"].empty());
  EXPECT_TRUE(reply["steps"][0]["source"].contains("article"));
  EXPECT_EQ(reply["session_id"].get<std::string>().size(), 32u);
  EXPECT_EQ(reply["reply_id"].get<std::string>().size(), 32u);
  for (const char* field : {"confidence", "text", "sources", "suggestions"}) {
    EXPECT_TRUE(reply.contains(field)) << field;
  }
}

TEST_F(ServerTest, SessionCarriesAClarification) {
  auto client = server_->Client();
  const json first = Body(Chat(client, {{"message", "non riesco ad accedere"}}));
  ASSERT_EQ(first["type"], "clarify") << first.dump();
  ASSERT_FALSE(first["suggestions"].empty());
  const std::string label = first["suggestions"][0]["label"];
  const std::string intent = first["suggestions"][0]["intent"];
  const json second = Body(Chat(client, {{"message", label}, {"session_id", first["session_id"]}}));
  EXPECT_EQ(second["type"], "answer") << second.dump();
  EXPECT_EQ(second["intent"], intent);
  EXPECT_EQ(second["session_id"], first["session_id"]);
}

TEST_F(ServerTest, LangAndExplainAreHonoured) {
  auto client = server_->Client();
  const json reply =
      Body(Chat(client, {{"message", "I forgot my password"}, {"lang", "de"}, {"explain", true}}));
  EXPECT_EQ(reply["lang"], "de");
  EXPECT_TRUE(reply.contains("explain")) << reply.dump();
}

TEST_F(ServerTest, HandOffToAHumanAfterTwoFallbacks) {
  auto client = server_->Client();
  const json first = Body(Chat(client, {{"message", "what is the weather in Paris tomorrow"}}));
  ASSERT_EQ(first["type"], "fallback") << first.dump();
  const json second = Body(Chat(
      client, {{"message", "what is the capital of Peru"}, {"session_id", first["session_id"]}}));
  ASSERT_EQ(second["type"], "fallback") << second.dump();
  bool offers_support = false;
  for (const json& s : second["suggestions"]) offers_support |= s["intent"] == "contact_support";
  EXPECT_TRUE(offers_support) << second.dump();
}

TEST_F(ServerTest, HandOffAfterStillNotWorkingTwice) {
  auto client = server_->Client();
  const json first = Body(Chat(client, {{"message", "I forgot my password"}}));
  ASSERT_EQ(first["intent"], "forgot_password");
  json reply = first;
  bool offers_support = false;
  for (int i = 0; i < 2; ++i) {
    reply = Body(
        Chat(client, {{"message", "it still doesn't work"}, {"session_id", first["session_id"]}}));
    offers_support = reply["intent"] == "contact_support";
    for (const json& s : reply["suggestions"]) offers_support |= s["intent"] == "contact_support";
  }
  EXPECT_TRUE(offers_support) << reply.dump();
}

TEST_F(ServerTest, SearchReturnsRankedPassagesWithSnippets) {
  auto client = server_->Client();
  auto result = client.Get("/v1/search?q=password&limit=3");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json body = Body(result);
  ASSERT_FALSE(body["results"].empty());
  EXPECT_LE(body["results"].size(), 3u);
  EXPECT_TRUE(body["took_us"].is_number_integer());
  const json& first = body["results"][0];
  for (const char* field : {"article", "title", "section", "lang", "snippet", "score"}) {
    EXPECT_TRUE(first.contains(field)) << field;
  }
  EXPECT_NE(first["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  double previous = 1e300;
  for (const json& r : body["results"]) {
    EXPECT_LE(r["score"].get<double>(), previous);
    previous = r["score"];
  }
}

// The value of one sample line of /metrics ("name{labels} value"), or -1.
double MetricValue(const std::string& metrics, const std::string& sample) {
  const size_t at = metrics.find(sample + " ");
  if (at == std::string::npos) return -1;
  return std::stod(metrics.substr(at + sample.size() + 1));
}

TEST_F(ServerTest, RepeatedSearchIsAnsweredFromTheCacheWithTheSameResults) {
  auto client = server_->Client();
  const std::string hit = "kb_search_cache_requests_total{result=\"hit\"}";
  const std::string miss = "kb_search_cache_requests_total{result=\"miss\"}";
  const std::string before = client.Get("/metrics")->body;
  const json first = Body(client.Get("/v1/search?q=cache%20verification%20code&limit=4"));
  const json second = Body(client.Get("/v1/search?q=cache%20verification%20code&limit=4"));
  ASSERT_FALSE(first["results"].empty());
  EXPECT_EQ(first["results"], second["results"]);
  EXPECT_TRUE(second["took_us"].is_number_integer());
  // A different limit is a different answer.
  EXPECT_EQ(Body(client.Get("/v1/search?q=cache%20verification%20code&limit=1"))["results"].size(),
            1u);
  const std::string after = client.Get("/metrics")->body;
  EXPECT_EQ(MetricValue(after, hit) - MetricValue(before, hit), 1) << after;
  EXPECT_EQ(MetricValue(after, miss) - MetricValue(before, miss), 2) << after;
}

TEST_F(ServerTest, SearchLanguageFilter) {
  auto client = server_->Client();
  const json body = Body(client.Get("/v1/search?q=account&lang=en"));
  for (const json& r : body["results"]) EXPECT_EQ(r["lang"], "en");
}

TEST_F(ServerTest, SearchErrors) {
  auto client = server_->Client();
  ExpectError(client.Get("/v1/search"), 400, "invalid_request");
  ExpectError(client.Get("/v1/search?q="), 400, "invalid_request");
  ExpectError(client.Get("/v1/search?q=x&limit=0"), 400, "invalid_limit");
  ExpectError(client.Get("/v1/search?q=x&limit=abc"), 400, "invalid_limit");
  ExpectError(client.Get("/v1/search?q=x&lang=xx"), 400, "invalid_lang");
  ExpectError(client.Get("/v1/search?q=%FF%FE"), 400, "invalid_utf8");
}

TEST_F(ServerTest, IntentsHealthzAndAssets) {
  auto client = server_->Client();
  const json intents = Body(client.Get("/v1/intents?lang=it"));
  ASSERT_FALSE(intents["intents"].empty());
  bool found = false;
  for (const json& i : intents["intents"]) {
    found |= i["id"] == "forgot_password";
    EXPECT_TRUE(i.contains("label"));
  }
  EXPECT_TRUE(found);
  const json health = Body(client.Get("/healthz"));
  EXPECT_EQ(health["status"], "ok");
  EXPECT_GT(health["articles"].get<int>(), 0);

  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page->body.find("/widget.js"), std::string::npos);
  auto widget = client.Get("/widget.js");
  ASSERT_TRUE(widget);
  EXPECT_EQ(widget->get_header_value("Content-Type"), "application/javascript; charset=utf-8");
  EXPECT_EQ(widget->body.find("innerHTML"), std::string::npos);
  auto agent = client.Get("/agent");
  ASSERT_TRUE(agent);
  EXPECT_NE(agent->body.find("<meta charset=\"utf-8\">"), std::string::npos);
  auto agent_js = client.Get("/agent.js");
  ASSERT_TRUE(agent_js);
  EXPECT_EQ(agent_js->status, 200);
}

TEST_F(ServerTest, BadRequestsGetJsonErrorsAndTheServerStaysUp) {
  auto client = server_->Client();
  // Body over the 16 KB cap.
  ExpectError(client.Post("/v1/chat", json{{"message", std::string(20000, 'a')}}.dump(),
                          "application/json"),
              413, "payload_too_large");
  // Message over the character cap (but under the body cap).
  ExpectError(Chat(client, {{"message", std::string(2001, 'a')}}), 400, "message_too_long");
  ExpectError(client.Post("/v1/chat", "{not json", "application/json"), 400, "invalid_json");
  ExpectError(client.Post("/v1/chat", "{\"message\": \"\xff\xfe\"}", "application/json"), 400,
              "invalid_utf8");
  ExpectError(Chat(client, {{"message", 42}}), 400, "invalid_request");
  ExpectError(Chat(client, json::array({1, 2})), 400, "invalid_request");
  ExpectError(Chat(client, {{"message", "hi"}, {"session_id", 7}}), 400, "invalid_request");
  ExpectError(Chat(client, {{"message", "hi"}, {"session_id", "../../etc"}}), 400,
              "invalid_session_id");
  ExpectError(Chat(client, {{"message", "hi"}, {"lang", "klingon"}}), 400, "invalid_lang");
  ExpectError(Chat(client, {{"message", "hi"}, {"explain", "yes"}}), 400, "invalid_request");
  ExpectError(Chat(client, {{"message", "   "}}), 400, "empty_message");
  ExpectError(client.Post("/v1/chat", "{\"message\": \"hi\"}", "text/plain"), 415,
              "unsupported_media_type");
  ExpectError(client.Get("/nope"), 404, "not_found");
  ExpectError(client.Post("/nope", "{}", "application/json"), 404, "not_found");
  auto wrong_method = client.Get("/v1/chat");
  ExpectError(wrong_method, 405, "method_not_allowed");
  EXPECT_EQ(wrong_method->get_header_value("Allow"), "POST, OPTIONS");
  ExpectError(client.Delete("/v1/search"), 405, "method_not_allowed");
  ExpectError(client.Put("/healthz", "{}", "application/json"), 405, "method_not_allowed");
  // And the next request is answered.
  auto ok = Chat(client, {{"message", "hello"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServerTest, ChunkedBodyOverTheCapIsRefused) {
  httplib::Client client("127.0.0.1", server_->port());
  const std::string big(64 * 1024, 'a');
  auto result = client.Post(
      "/v1/chat",
      [&big](size_t offset, httplib::DataSink& sink) {
        if (offset < big.size()) {
          sink.write(big.data() + offset, std::min<size_t>(4096, big.size() - offset));
        } else {
          sink.done();
        }
        return true;
      },
      "application/json");
  ASSERT_TRUE(result);
  // httplib stops reading a chunked body at the cap and answers 400 (a
  // Content-Length over the cap gets 413).
  EXPECT_TRUE(result->status == 413 || result->status == 400) << result->status;
  EXPECT_TRUE(Body(result).contains("error")) << result->body;
  auto ok = server_->Client().Get("/healthz");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServerTest, FeedbackIsStoredAndThumbsDownQueuedForReview) {
  auto client = server_->Client();
  const json reply = Body(Chat(client, {{"message", "my 2SV code never arrives"}}));
  ASSERT_TRUE(reply.contains("reply_id"));
  auto result = client.Post("/v1/feedback",
                            json{{"reply_id", reply["reply_id"]},
                                 {"helpful", false},
                                 {"comment", "my password is hunter2"}}
                                .dump(),
                            "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
  ExpectError(client.Post("/v1/feedback", json{{"reply_id", "nope"}, {"helpful", true}}.dump(),
                          "application/json"),
              404, "unknown_reply");
  ExpectError(
      client.Post("/v1/feedback", json{{"reply_id", reply["reply_id"]}}.dump(), "application/json"),
      400, "invalid_request");
  ExpectError(
      client.Post("/v1/feedback", json{{"reply_id", reply["reply_id"]}, {"helpful", "no"}}.dump(),
                  "application/json"),
      400, "invalid_request");

  auto store = FeedbackStore::OpenReadOnly(server_->feedback_db());
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto items = (*store)->ReviewItems();
  ASSERT_TRUE(items.ok());
  bool queued = false;
  for (const ReviewItem& item : *items) {
    if (item.reason == "thumbs_down" && item.question == "my 2SV code never arrives") {
      queued = true;
      EXPECT_EQ(item.comment.find("hunter2"), std::string::npos) << item.comment;
    }
  }
  EXPECT_TRUE(queued);
}

TEST(ServerFeedbackTest, ADatabaseFailureIsLoggedNotShownToTheClient) {
  RunningServer server(DefaultOptions());
  auto client = server.Client();
  const json reply = Body(Chat(client, {{"message", "my 2SV code never arrives"}}));
  ASSERT_TRUE(reply.contains("reply_id"));
  // Another connection holds the write lock past the server's busy timeout.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(server.feedback_db().c_str(), &raw), SQLITE_OK);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> blocker(raw, &sqlite3_close);
  ASSERT_EQ(sqlite3_exec(blocker.get(), "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);

  auto result =
      client.Post("/v1/feedback", json{{"reply_id", reply["reply_id"]}, {"helpful", true}}.dump(),
                  "application/json");
  ExpectError(result, 500, "feedback_not_saved");
  const std::string message = Body(result)["error"]["message"];
  EXPECT_EQ(message.find("lock"), std::string::npos) << message;  // no SQLite text
  bool logged = false;
  for (int i = 0; i < 50 && !logged; ++i) {
    for (const std::string& line : server.log()) {
      logged |= line.find("\"feedback_db_error\"") != std::string::npos &&
                line.find("lock") != std::string::npos;
    }
    if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(logged);

  sqlite3_exec(blocker.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  auto again =
      client.Post("/v1/feedback", json{{"reply_id", reply["reply_id"]}, {"helpful", true}}.dump(),
                  "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
}

TEST_F(ServerTest, FallbacksAreQueuedWithCredentialsRedacted) {
  auto client = server_->Client();
  const json reply =
      Body(Chat(client, {{"message", "my password is Tr0ub4dor&3 and what is the weather"}}));
  auto store = FeedbackStore::OpenReadOnly(server_->feedback_db());
  ASSERT_TRUE(store.ok());
  auto items = (*store)->ReviewItems();
  ASSERT_TRUE(items.ok());
  for (const ReviewItem& item : *items) {
    EXPECT_EQ(item.question.find("Tr0ub4dor"), std::string::npos) << item.question;
  }
  const json weather = Body(Chat(client, {{"message", "what is the weather in Rome"}}));
  ASSERT_EQ(weather["type"], "fallback");
  items = (*store)->ReviewItems();
  bool queued = false;
  for (const ReviewItem& item : *items) {
    queued |= item.reason == "fallback" && item.question == "what is the weather in Rome";
  }
  EXPECT_TRUE(queued);
}

TEST_F(ServerTest, MetricsCountRequestsRepliesAndFallbacks) {
  auto client = server_->Client();
  auto counter = [&](const std::string& series) -> double {
    const std::string text = client.Get("/metrics")->body;
    const size_t at = text.find("\n" + series + " ");
    if (at == std::string::npos) return 0;
    return std::stod(text.substr(at + series.size() + 2));
  };
  const std::string chat_ok = "kb_http_requests_total{route=\"/v1/chat\",status=\"200\"}";
  const double before = counter(chat_ok);
  const double fallbacks_before = counter("kb_fallbacks_total");
  Chat(client, {{"message", "what is the capital of Peru"}});
  // Request counters are taken in httplib's logger, after the response is on
  // the wire: the client may ask /metrics a moment before they move.
  for (int i = 0; i < 200 && counter(chat_ok) < before + 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(counter(chat_ok), before + 1);
  EXPECT_EQ(counter("kb_fallbacks_total"), fallbacks_before + 1);
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0), 0u);
  EXPECT_NE(metrics->body.find("kb_http_request_duration_seconds_bucket{route=\"/v1/chat\","
                               "status=\"200\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("kb_replies_total{type=\"fallback\",intent=\"\"}"),
            std::string::npos);
}

TEST_F(ServerTest, LogLinesAreJsonWithoutMessages) {
  auto client = server_->Client();
  Chat(client, {{"message", "secret question text 12345"}});
  // The log line is written by httplib's logger, after the response is sent.
  auto logged_chat = [&] {
    for (const std::string& line : server_->log()) {
      if (line.find("\"/v1/chat\"") != std::string::npos) return true;
    }
    return false;
  };
  for (int i = 0; i < 200 && !logged_chat(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  bool saw_chat = false;
  for (const std::string& line : server_->log()) {
    const json entry = json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << line;
    EXPECT_EQ(line.find("secret question text"), std::string::npos);
    if (entry.value("route", "") == "/v1/chat" && entry.value("status", 0) == 200) {
      saw_chat = true;
      EXPECT_TRUE(entry.contains("latency_ms"));
      EXPECT_TRUE(entry.contains("intent"));
      EXPECT_TRUE(entry.contains("time"));
    }
  }
  EXPECT_TRUE(saw_chat);
}

TEST_F(ServerTest, CorsAllowListAndPreflight) {
  auto client = server_->Client();
  auto allowed = client.Get("/healthz", {{"Origin", "https://forum.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "https://forum.example");
  auto other = client.Get("/healthz", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto preflight = client.Options(
      "/v1/chat", {{"Origin", "https://forum.example"}, {"Access-Control-Request-Method", "POST"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Headers"), "Content-Type");
}

TEST_F(ServerTest, AdminReloadNeedsTheToken) {
  auto client = server_->Client();
  ExpectError(client.Post("/admin/reload", "", "application/json"), 401, "unauthorized");
  ExpectError(
      client.Post("/admin/reload", {{"Authorization", "Bearer wrong"}}, "", "application/json"),
      401, "unauthorized");
  auto ok = client.Post("/admin/reload", {{"Authorization", "Bearer s3cret-token"}}, "",
                        "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(Body(ok)["reloaded"], true);
}

TEST_F(ServerTest, ConcurrentSessionsKeepTheirOwnThread) {
  constexpr int kThreads = 6;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto client = server_->Client();
      for (int round = 0; round < 5; ++round) {
        const json first = Body(Chat(client, {{"message", "non riesco ad accedere"}}));
        if (first["type"] != "clarify") {
          ++failures;
          continue;
        }
        const json second = Body(Chat(client, {{"message", first["suggestions"][0]["label"]},
                                               {"session_id", first["session_id"]}}));
        if (second["type"] != "answer" || second["session_id"] != first["session_id"] ||
            second["intent"] != first["suggestions"][0]["intent"]) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

// Default options over a copy of the seed KB at `kb_path`, which a test may
// then replace and reload.
ServerOptions OptionsOnACopyOfTheSeedKb(const std::string& kb_path) {
  std::filesystem::copy_file(kb::testing::SeedKb::Get().path(), kb_path);
  ServerOptions options = DefaultOptions();
  options.kb_path = kb_path;
  return options;
}

TEST(ServerReloadTest, ReloadDuringTrafficFailsNoRequest) {
  kb::testing::TempDir dir;
  const std::string kb_path = dir.File("kb.db");
  RunningServer server(OptionsOnACopyOfTheSeedKb(kb_path));
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::atomic<int> requests{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto client = server.Client();
      while (!stop) {
        auto result = t % 2 ? client.Get("/v1/search?q=password")
                            : Chat(client, {{"message", "ho dimenticato la password"}});
        ++requests;
        if (!result || result->status != 200) ++failures;
      }
    });
  }
  auto admin = server.Client();
  for (int i = 0; i < 10; ++i) {
    // Replace the file the way `kb index` does (write beside, rename over).
    const std::string fresh = dir.File("kb.db.new");
    std::filesystem::copy_file(kb::testing::SeedKb::Get().path(), fresh,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::rename(fresh, kb_path);
    if (i % 2) {
      EXPECT_TRUE(server.server().Reload().ok());
    } else {
      auto result = admin.Post("/admin/reload", {{"Authorization", "Bearer s3cret-token"}}, "",
                               "application/json");
      ASSERT_TRUE(result);
      EXPECT_EQ(result->status, 200);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  stop = true;
  for (auto& thread : threads) thread.join();
  EXPECT_GT(requests.load(), 20);
  EXPECT_EQ(failures.load(), 0);
  const std::string metrics = server.Client().Get("/metrics")->body;
  EXPECT_NE(metrics.find("kb_reloads_total{result=\"ok\"} 10"), std::string::npos);
}

TEST(ServerReloadTest, ReloadForgetsCachedSearchAnswers) {
  kb::testing::TempDir dir;
  const std::string kb_path = dir.File("kb.db");
  RunningServer server(OptionsOnACopyOfTheSeedKb(kb_path));
  auto client = server.Client();
  const std::string query = "/v1/search?q=zanzibarwidget";
  EXPECT_TRUE(Body(client.Get(query))["results"].empty());  // now cached as "nothing"

  // Re-index with one more article that has the word, and reload.
  const std::filesystem::path articles = dir.File("articles");
  std::filesystem::copy(kb::testing::SourcePath("kb/articles"), articles);
  dir.Write("articles/zz_widget.md",
            "# Zanzibarwidget setup\n\nThe zanzibarwidget shows your account status.\n");
  IndexOptions index;
  index.articles_dir = articles.string();
  index.intents_dir = kb::testing::SourcePath("kb/intents");
  index.synonyms_file = kb::testing::SourcePath("kb/synonyms.txt");
  index.kb_path = kb_path;
  index.build_model = BuildIntentModel;
  ASSERT_TRUE(BuildIndex(index).ok());
  ASSERT_TRUE(server.server().Reload().ok());

  const json after = Body(client.Get(query));
  ASSERT_FALSE(after["results"].empty());
  EXPECT_EQ(after["results"][0]["article"], "zz_widget");
}

TEST(ServerReloadTest, FailedReloadKeepsTheOldEngine) {
  kb::testing::TempDir dir;
  const std::string kb_path = dir.File("kb.db");
  RunningServer server(OptionsOnACopyOfTheSeedKb(kb_path));
  std::filesystem::remove(kb_path);
  dir.Write("kb.db", "not a database");
  EXPECT_FALSE(server.server().Reload().ok());
  auto client = server.Client();
  auto result = Chat(client, {{"message", "I forgot my password"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
}

TEST(ServerRateLimitTest, AnswersTooManyRequestsWithRetryAfter) {
  ServerOptions options = DefaultOptions();
  options.rate_limit = 1;
  options.rate_burst = 3;
  RunningServer server(options);
  auto client = server.Client();
  int ok = 0;
  int refused = 0;
  for (int i = 0; i < 6; ++i) {
    auto result = client.Get("/v1/search?q=password");
    ASSERT_TRUE(result);
    if (result->status == 200) ++ok;
    if (result->status == 429) {
      ++refused;
      ExpectError(result, 429, "rate_limited");
      EXPECT_GE(std::stoi(result->get_header_value("Retry-After")), 1);
    }
  }
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(refused, 3);
  // Pages and health checks are not limited.
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_NE(client.Get("/metrics")->body.find("kb_rate_limited_total 3"), std::string::npos);
}

TEST(ServerStopTest, StopFinishesInFlightRequests) {
  auto server = std::make_unique<RunningServer>(DefaultOptions());
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      auto client = server->Client();
      auto result = Chat(client, {{"message", "I forgot my password"}});
      if (result && result->status == 200) ++ok;
    });
  }
  for (auto& thread : threads) thread.join();
  server.reset();  // Stop() and join: must return
  EXPECT_EQ(ok.load(), 4);
}

}  // namespace
}  // namespace kb::server
