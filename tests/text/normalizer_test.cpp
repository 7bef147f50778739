// The normalizer's fast path (ASCII and simple letters, character by
// character) must fold exactly like ICU's passes: on every simple letter
// beside its neighbours, and on random words mixing them with characters
// that send the text to ICU.
#include "normalizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "simple_letters.h"

namespace kb::text {
namespace {

std::string Utf8(char32_t c) {
  return {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
}

void ExpectSameAsIcu(Normalizer& normalizer, const std::string& text) {
  std::string fast, icu;
  normalizer.Fold(text, fast);
  normalizer.FoldWithIcu(text, icu);
  EXPECT_EQ(fast, icu) << "text: \"" << text << "\"";
}

TEST(NormalizerTest, FoldsCaseAccentsAndCompatibilityForms) {
  Normalizer normalizer;
  std::string out = "kept:";
  normalizer.Fold("VÉRIFICA Straße ΆΛΦΑ Пароль ﬁ", out);
  EXPECT_EQ(out, "kept:verifica strasse αλφα пароль fi");
}

TEST(NormalizerTest, EverySimpleLetterFoldsLikeIcu) {
  Normalizer normalizer;
  for (char32_t c = 0x80; c < kSimpleLetterLimit; ++c) {
    if (!IsSimpleLetter(c)) continue;
    const std::string l = Utf8(c);
    for (const std::string& text : {l, "A" + l + "z", l + l, l + "\xCC\x81", "\xCC\x81" + l}) {
      ExpectSameAsIcu(normalizer, text);
      if (HasFailure()) return;
    }
  }
}

TEST(NormalizerTest, RandomWordsFoldLikeIcu) {
  std::vector<std::string> pieces = {"a",        "Z",
                                     "1",        "'",
                                     " ",        "\xE2\x80\x99",
                                     "\xCC\x81", "\xC2\xB7",
                                     "\xD7\x90", "\xE4\xB8\xAD",
                                     "\xFF",     "\xEF\xAC\x81"};
  for (char32_t c = 0x80; c < kSimpleLetterLimit; c += 7) {
    if (IsSimpleLetter(c)) pieces.push_back(Utf8(c));
  }
  Normalizer normalizer;
  std::mt19937 random(2026);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 12);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[pick(random)];
    ExpectSameAsIcu(normalizer, text);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace kb::text
