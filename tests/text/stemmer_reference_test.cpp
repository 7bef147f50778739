// Our stemming agrees with Snowball's reference vocabularies
// (/usr/share/snowball/data/<language>/voc.txt -> output.txt, Debian's
// snowball-data). Analyzer::Stem is plain Snowball on the word it is given, so
// it must reproduce the reference exactly, accents included.
//
// The Analyzer stems the FOLDED word (accents removed) on purpose, so that
// "verificación" and "verificacion" share a stem; for accented words its
// stems may therefore differ from the reference. The second test bounds how
// often that happens, so a regression in folding shows up here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kb/analyzer.h"

namespace kb {
namespace {

struct Pair {
  std::string word, stem;
};

// Every `step`-th pair of the reference, up to `limit` pairs.
std::vector<Pair> ReadReference(const std::string& language, size_t step, size_t limit) {
  const std::string dir = "/usr/share/snowball/data/" + language + "/";
  std::ifstream voc(dir + "voc.txt"), out(dir + "output.txt");
  std::vector<Pair> pairs;
  std::string word, stem;
  for (size_t i = 0; std::getline(voc, word) && std::getline(out, stem); ++i) {
    if (i % step == 0) pairs.push_back({word, stem});
    if (pairs.size() >= limit) break;
  }
  return pairs;
}

struct LanguageCase {
  Lang lang;
  const char* snowball_name;
};

class StemmerReferenceTest : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(StemmerReferenceTest, StemMatchesSnowballReference) {
  const auto pairs = ReadReference(GetParam().snowball_name, 7, 3000);
  if (pairs.empty()) GTEST_SKIP() << "snowball-data is not installed";
  ASSERT_GE(pairs.size(), 2000u);
  Analyzer analyzer;
  size_t mismatches = 0;
  for (const Pair& p : pairs) {
    const std::string stem = analyzer.Stem(p.word, GetParam().lang);
    if (stem != p.stem && ++mismatches <= 5) {
      ADD_FAILURE() << p.word << " -> " << stem << ", reference " << p.stem;
    }
  }
  EXPECT_EQ(mismatches, 0u);
}

TEST_P(StemmerReferenceTest, FoldedStemsStayCloseToReference) {
  const auto pairs = ReadReference(GetParam().snowball_name, 7, 3000);
  if (pairs.empty()) GTEST_SKIP() << "snowball-data is not installed";
  Analyzer analyzer;
  size_t agree = 0;
  for (const Pair& p : pairs) {
    // The pipeline's stem, folded reference for comparison.
    const auto tokens = analyzer.Analyze(p.word, GetParam().lang);
    if (tokens.size() == 1 && (tokens[0].stem == analyzer.Fold(p.stem) || tokens[0].stopword)) {
      ++agree;
    }
  }
  // Measured (every 7th pair): en 99.9%, it 98.9%, es 94.3%, fr 92.4%, de 100%
  // (Snowball German drops umlauts itself). Folding first costs
  // a few stems of accented words; a drop below 90% means folding broke.
  RecordProperty("agreement_permille", static_cast<int>(1000 * agree / pairs.size()));
  EXPECT_GE(static_cast<double>(agree) / static_cast<double>(pairs.size()), 0.90)
      << agree << " of " << pairs.size();
}

INSTANTIATE_TEST_SUITE_P(Languages, StemmerReferenceTest,
                         ::testing::Values(LanguageCase{Lang::kEn, "english"},
                                           LanguageCase{Lang::kIt, "italian"},
                                           LanguageCase{Lang::kEs, "spanish"},
                                           LanguageCase{Lang::kFr, "french"},
                                           LanguageCase{Lang::kDe, "german"}),
                         [](const auto& info) { return std::string(info.param.snowball_name); });

}  // namespace
}  // namespace kb
