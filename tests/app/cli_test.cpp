// The `kb` binary end to end: batch `ask --json` with sessions and bad
// lines, `search --json`, the piped REPL, and `index` on a broken article.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../support/seed_kb.h"

namespace kb {
namespace {

using testing::SeedKb;
using testing::TempDir;

struct KbRun {
  int exit_code = -1;
  std::string out;
};

// Runs `kb args` with `input` on stdin (through a file), capturing stdout.
KbRun RunKb(const std::string& args, const std::string& input = "") {
  TempDir dir;
  const std::string in = dir.Write("stdin", input);
  const std::string command = std::string(KB_BINARY) + " " + args + " < " + in + " 2>/dev/null";
  KbRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(nlohmann::json::parse(line, nullptr, false));
  }
  return lines;
}

std::string KbFlag() { return "--kb " + SeedKb::Get().path(); }

TEST(CliTest, AskBatchKeepsOrderSessionsAndReportsBadLines) {
  const std::string input =
      "I forgot my password\n"
      "{\"message\": \"I can't log in\", \"session_id\": \"s1\"}\n"
      "\xff\xfe not utf8\n"
      "{\"message\": \"2\", \"session_id\": \"s1\"}\n"
      "{\"message\": 42}\n"
      "{broken json\n"
      "{\"message\": \"ciao\", \"lang\": \"it\"}\n";
  const KbRun run = RunKb("ask --json " + KbFlag(), input);
  ASSERT_EQ(run.exit_code, 0);
  const auto lines = JsonLines(run.out);
  ASSERT_EQ(lines.size(), 7u) << run.out;
  EXPECT_EQ(lines[0]["intent"], "forgot_password");
  EXPECT_EQ(lines[1]["type"], "clarify");
  EXPECT_EQ(lines[1]["session_id"], "s1");
  EXPECT_EQ(lines[2]["error"]["code"], "invalid_utf8");
  EXPECT_EQ(lines[3]["type"], "answer");  // "2" picked the second option of s1
  EXPECT_EQ(lines[3]["intent"], lines[1]["suggestions"][1]["intent"]);
  EXPECT_EQ(lines[4]["error"]["code"], "invalid_request");
  EXPECT_EQ(lines[5]["error"]["code"], "invalid_json");
  EXPECT_EQ(lines[6]["lang"], "it");
}

TEST(CliTest, AskAnswersAQuestionGivenAsArgument) {
  const KbRun run = RunKb("ask --json " + KbFlag() + " 'ho dimenticato la password'");
  ASSERT_EQ(run.exit_code, 0);
  const auto reply = nlohmann::json::parse(run.out);
  EXPECT_EQ(reply["intent"], "forgot_password");
  EXPECT_EQ(reply["lang"], "it");
}

TEST(CliTest, SearchJsonHasTheContractShape) {
  const KbRun run = RunKb("search --json " + KbFlag(), "reset password\nNEAR(\"code\n");
  ASSERT_EQ(run.exit_code, 0);
  const auto lines = JsonLines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_FALSE(lines[0]["results"].empty());
  for (const char* key : {"article", "title", "section", "lang", "snippet", "score"}) {
    EXPECT_TRUE(lines[0]["results"][0].contains(key)) << key;
  }
  EXPECT_TRUE(lines[1].contains("results"));
  EXPECT_TRUE(lines[0].contains("took_us"));
}

TEST(CliTest, PipedChatHasNoPromptNoColourAndPicksByNumber) {
  const KbRun run = RunKb("chat " + KbFlag(), "/help\nI can't log in\n1\n/why\n/quit\n");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.find("\033["), std::string::npos);
  EXPECT_EQ(run.out.find("you>"), std::string::npos);
  EXPECT_NE(run.out.find("/lang"), std::string::npos);  // the help text
  EXPECT_NE(run.out.find("1)"), std::string::npos);     // numbered choices
  EXPECT_NE(run.out.find("why:"), std::string::npos);
}

TEST(CliTest, UnknownLanguageIsAUsageError) {
  EXPECT_EQ(RunKb("ask --lang xx " + KbFlag() + " hello").exit_code, 2);
}

TEST(CliTest, IndexReportsABrokenArticleByNameAndGoesOn) {
  TempDir dir;
  dir.Write("articles/good.md",
            "# Reset your password\n\n1. Open the sign-in page.\n2. Click Forgot password.\n");
  dir.Write("articles/bad.txt", "abc \xff\xfe def");
  const KbRun run =
      RunKb("index --articles " + dir.File("articles") + " --intents '' --kb " + dir.File("kb.db"));
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("skipped bad"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("good"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace kb
