// `kb tokenize` through its CLI11 registration: text and JSON output, the
// detected language, stdin mode and a bad --lang.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

namespace kb::app {

// The real one lives in defaults.cpp with the rest of the kb binary.
std::string DefaultSynonymsFile() { return KB_SOURCE_DIR "/kb/synonyms.txt"; }

namespace {

using ::testing::HasSubstr;

// Runs `kb tokenize args...` with `input` on stdin; returns stdout.
std::string RunTokenize(std::vector<std::string> args, const std::string& input = "") {
  CLI::App app;
  AddTokenizeCommand(app);
  args.insert(args.begin(), "tokenize");
  std::reverse(args.begin(), args.end());  // CLI11's vector parse takes them reversed
  std::istringstream in(input);
  std::ostringstream out;
  auto* old_in = std::cin.rdbuf(in.rdbuf());
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  try {
    app.parse(args);
  } catch (...) {
    std::cin.rdbuf(old_in);
    std::cout.rdbuf(old_out);
    throw;
  }
  std::cin.rdbuf(old_in);
  std::cout.rdbuf(old_out);
  return out.str();
}

TEST(TokenizeCommandTest, TextOutputShowsTokensAndDetectedLanguage) {
  const std::string out = RunTokenize({"Non ricevo il codice 2FA"});
  EXPECT_THAT(out, HasSubstr("lang: it (detected, confidence"));
  EXPECT_THAT(out, HasSubstr("ricevo  folded=ricevo stem=ric"));
  EXPECT_THAT(out, HasSubstr("il  folded=il stem=il stopword"));
  EXPECT_THAT(out, HasSubstr("2FA  folded=2fa stem=2fa synonyms=~2sv"));
  EXPECT_THAT(out, HasSubstr("21-24"));  // byte offsets of "2FA"
}

TEST(TokenizeCommandTest, JsonOutputWithExplicitLanguage) {
  const std::string out = RunTokenize({"--lang", "fr", "--json", "Mot de passe oublié"});
  const auto json = nlohmann::json::parse(out);
  EXPECT_EQ(json["lang"], "fr");
  EXPECT_EQ(json["detected"], false);
  EXPECT_FALSE(json.contains("confidence"));
  ASSERT_EQ(json["tokens"].size(), 4u);
  EXPECT_EQ(json["tokens"][0]["synonyms"][0], "~password");
  EXPECT_EQ(json["tokens"][1]["stopword"], true);
  EXPECT_EQ(json["tokens"][3]["folded"], "oublie");
  EXPECT_EQ(json["tokens"][3]["end"], 20);
}

TEST(TokenizeCommandTest, ReadsOneTextPerStdinLine) {
  const std::string out =
      RunTokenize({"--json"}, "my password is locked\nla contraseña no funciona\n");
  std::istringstream lines(out);
  std::string first, second, extra;
  ASSERT_TRUE(std::getline(lines, first));
  ASSERT_TRUE(std::getline(lines, second));
  EXPECT_FALSE(std::getline(lines, extra));
  EXPECT_EQ(nlohmann::json::parse(first)["lang"], "en");
  EXPECT_EQ(nlohmann::json::parse(second)["lang"], "es");
  EXPECT_GT(nlohmann::json::parse(second)["confidence"].get<double>(), 0.5);
}

TEST(TokenizeCommandTest, RejectsUnsupportedLanguage) {
  EXPECT_THROW(RunTokenize({"--lang", "pt", "texto"}), CLI::ValidationError);
}

}  // namespace
}  // namespace kb::app
