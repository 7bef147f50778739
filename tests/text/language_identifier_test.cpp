// DetectLanguage tests: accuracy floor on tests/data/langid.tsv, words that
// must not vote, mixed-language questions, degenerate inputs.
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <numeric>
#include <string>

#include "kb/analyzer.h"

namespace kb {
namespace {

TEST(LanguageIdentifierTest, AccuracyOnLabelledQuestions) {
  std::ifstream in(std::string(KB_SOURCE_DIR) + "/tests/data/langid.tsv");
  ASSERT_TRUE(in) << "tests/data/langid.tsv missing";
  std::array<int, 5> total{}, right{};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const auto lang = LangFromCode(line.substr(0, tab));
    ASSERT_TRUE(lang.has_value()) << line;
    const size_t l = static_cast<size_t>(LangIndex(*lang));
    ++total[l];
    right[l] += DetectLanguage(line.substr(tab + 1)).lang == *lang;
  }
  const int all = std::accumulate(total.begin(), total.end(), 0);
  ASSERT_GE(all, 250);
  for (size_t l = 0; l < 5; ++l) {
    ASSERT_GE(total[l], 50);
    EXPECT_GE(static_cast<double>(right[l]) / total[l], 0.88) << LangCode(kLangs[l]);
  }
  EXPECT_GE(static_cast<double>(std::accumulate(right.begin(), right.end(), 0)) / all, 0.93);
}

TEST(LanguageIdentifierTest, DomainEnglishWordsDoNotVote) {
  EXPECT_EQ(DetectLanguage("non ricevo il code OTP").lang, Lang::kIt);
  EXPECT_EQ(DetectLanguage("mi account de seller central").lang, Lang::kEs);
  EXPECT_EQ(DetectLanguage("mon account seller central password").lang, Lang::kFr);
  EXPECT_EQ(DetectLanguage("mein account login password").lang, Lang::kDe);
  const LanguageGuess none = DetectLanguage("Seller Central account password login OTP 2FA");
  EXPECT_EQ(none.lang, Lang::kUnknown);
  EXPECT_EQ(none.confidence, 0);
}

TEST(LanguageIdentifierTest, AccentsAndCaseDoNotMatter) {
  EXPECT_EQ(DetectLanguage("OLVIDÉ LA CONTRASEÑA").lang, Lang::kEs);
  EXPECT_EQ(DetectLanguage("Je n’arrive pas à me connecter").lang, Lang::kFr);
  EXPECT_EQ(DetectLanguage("Ich kann mich nicht anmelden, Bestätigungscode fehlt").lang, Lang::kDe);
  EXPECT_EQ(DetectLanguage("L'account è stato sospeso").lang, Lang::kIt);
}

TEST(LanguageIdentifierTest, ScoresAreADistribution) {
  const LanguageGuess guess = DetectLanguage("i can't receive the verification code");
  EXPECT_EQ(guess.lang, Lang::kEn);
  double sum = 0;
  for (double s : guess.scores) {
    EXPECT_GE(s, 0);
    sum += s;
  }
  EXPECT_NEAR(sum, 1.0, 1e-9);
  EXPECT_DOUBLE_EQ(guess.confidence, guess.scores[LangIndex(Lang::kEn)]);
  EXPECT_GT(guess.confidence, 0.5);
}

TEST(LanguageIdentifierTest, DegenerateInputs) {
  EXPECT_EQ(DetectLanguage("").lang, Lang::kUnknown);
  EXPECT_EQ(DetectLanguage("12345 !!! ???").lang, Lang::kUnknown);
  EXPECT_EQ(DetectLanguage("\xFF\xFE\xC3").lang, Lang::kUnknown);
  EXPECT_EQ(DetectLanguage("账户被锁定").lang, Lang::kUnknown);
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "non riesco ad accedere ";
  EXPECT_EQ(DetectLanguage(long_text).lang, Lang::kIt);
}

}  // namespace
}  // namespace kb
