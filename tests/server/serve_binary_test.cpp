// The real `kb serve` binary: --port 0 prints the port it listens on,
// SIGHUP reloads, SIGTERM exits 0 after in-flight requests; `kb review`
// lists what the server queued.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "seed_kb.h"
#include "temp_dir.h"

namespace {

using nlohmann::json;

// A child process with its standard output on a pipe.
class Child {
 public:
  Child(std::vector<std::string> args, std::vector<std::string> env = {}) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fdopen(fds[0], "r");
  }
  ~Child() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_) fclose(out_);
  }
  std::string ReadLine() {
    char buffer[4096];
    if (!out_ || !fgets(buffer, sizeof buffer, out_)) return "";
    return buffer;
  }
  std::string ReadAll() {
    std::string all;
    for (std::string line; !(line = ReadLine()).empty();) all += line;
    return all;
  }
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  bool waited_ = false;
};

TEST(ServeBinaryTest, PortZeroSignalsAndReview) {
  kb::testing::TempDir dir;
  const std::string feedback = dir.File("feedback.db");
  Child serve({KB_BINARY, "serve", "--port", "0", "--kb", kb::testing::SeedKb::Get().path(),
               "--feedback-db", feedback, "--no-log"},
              {"KB_RATE_LIMIT=0", "KB_THREADS=4"});
  const std::string line = serve.ReadLine();
  ASSERT_EQ(line.rfind("listening on http://127.0.0.1:", 0), 0u) << line;
  const int port = std::stoi(line.substr(line.rfind(':') + 1));
  ASSERT_GT(port, 0);

  httplib::Client client("127.0.0.1", port);
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  for (const char* question : {"how do I change my store logo", "change the logo of my store"}) {
    auto reply = client.Post("/v1/chat", json{{"message", question}}.dump(), "application/json");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
  }

  kill(serve.pid(), SIGHUP);
  // The reload runs beside the requests and takes seconds under the
  // sanitizers: wait for its counter instead of a fixed time.
  const std::string reloaded = "kb_reloads_total{result=\"ok\"} 1";
  std::string metrics;
  for (int tries = 0; tries < 300; ++tries) {
    auto got = client.Get("/metrics");
    ASSERT_TRUE(got);
    metrics = got->body;
    if (metrics.find(reloaded) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_NE(metrics.find(reloaded), std::string::npos);
  auto after_reload =
      client.Post("/v1/chat", R"({"message": "ho dimenticato la password"})", "application/json");
  ASSERT_TRUE(after_reload);
  EXPECT_EQ(after_reload->status, 200);

  kill(serve.pid(), SIGTERM);
  EXPECT_EQ(serve.Wait(), 0);

  Child review({KB_BINARY, "review", "--feedback-db", feedback, "--json"});
  const std::string output = review.ReadAll();
  EXPECT_EQ(review.Wait(), 0);
  (void)output;  // the questions above may or may not fall back, depending on the catalogue
}

TEST(ServeBinaryTest, ReviewGroupsQueuedFallbacks) {
  kb::testing::TempDir dir;
  const std::string feedback = dir.File("feedback.db");
  Child serve({KB_BINARY, "serve", "--port", "0", "--kb", kb::testing::SeedKb::Get().path(),
               "--feedback-db", feedback, "--no-log", "--rate-limit", "0"});
  const std::string line = serve.ReadLine();
  ASSERT_EQ(line.rfind("listening on http://127.0.0.1:", 0), 0u) << line;
  httplib::Client client("127.0.0.1", std::stoi(line.substr(line.rfind(':') + 1)));
  int fallbacks = 0;
  for (const char* question : {"what is the weather in Rome", "what's the weather like in Rome",
                               "recommend a pizza recipe"}) {
    auto reply = client.Post("/v1/chat", json{{"message", question}}.dump(), "application/json");
    ASSERT_TRUE(reply);
    fallbacks += json::parse(reply->body)["type"] == "fallback";
  }
  ASSERT_EQ(fallbacks, 3);
  kill(serve.pid(), SIGINT);
  EXPECT_EQ(serve.Wait(), 0);

  Child review({KB_BINARY, "review", "--feedback-db", feedback, "--json"});
  std::vector<json> groups;
  for (std::string l; !(l = review.ReadLine()).empty();) groups.push_back(json::parse(l));
  EXPECT_EQ(review.Wait(), 0);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0]["count"], 2);
  EXPECT_EQ(groups[0]["fallbacks"], 2);
  EXPECT_EQ(groups[1]["count"], 1);
}

}  // namespace
