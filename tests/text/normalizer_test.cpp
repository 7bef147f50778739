// The normalizer's fast paths (ASCII and simple letters, character by
// character; words that fold to themselves, code point by code point) must
// fold exactly like ICU's passes: on every simple letter and every BMP code
// point beside its neighbours, and on random words mixing them with
// characters that send the text to ICU.
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

// Any BMP scalar value as UTF-8.
std::string AnyUtf8(char32_t c) {
  if (c < 0x80) return std::string(1, static_cast<char>(c));
  if (c < 0x800) return Utf8(c);
  return {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
          static_cast<char>(0x80 | (c & 0x3F))};
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

TEST(NormalizerTest, EveryBmpCodePointFoldsLikeIcuBesideBasesAndMarks) {
  // Bases of scripts whose marks are kept (Devanagari, Thai, kana) and
  // dropped (Latin, Hebrew, Arabic); marks of both kinds.
  const std::vector<std::string> before = {"",
                                           "\xE0\xA4\x95" /* क */,
                                           "a",
                                           "\xD7\x90" /* א */,
                                           "\xD8\xA7" /* ا */,
                                           "\xE0\xB8\x81" /* ก */,
                                           "\xE3\x81\x8B" /* か */};
  const std::vector<std::string> after = {"", "\xE0\xA4\xBC" /* nukta */, "\xCC\x81" /* acute */,
                                          "\xE3\x82\x99" /* dakuten */};
  Normalizer normalizer;
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string cp = AnyUtf8(c);
    for (size_t b = 0; b < before.size(); ++b) {
      ExpectSameAsIcu(normalizer, before[b] + cp + after[b % after.size()]);
    }
    ExpectSameAsIcu(normalizer, cp + cp);
    if (HasFailure()) return;
  }
}

TEST(NormalizerTest, RandomWordsOfMarkKeepingScriptsFoldLikeIcu) {
  const std::vector<char32_t> code_points = {
      0x0915, 0x0928, 0x0929, 0x093C, 0x093E, 0x0941, 0x094D, 0x0958, 0x0902,  // Devanagari
      0x09A8, 0x09BE, 0x09C7, 0x09CB, 0x09BC, 0x09DC,                          // Bengali
      0x0B95, 0x0BBE, 0x0BC6, 0x0BCA, 0x0BCD, 0x0BD7,                          // Tamil
      0x0CBF, 0x0CD5, 0x0CC0, 0x0D46, 0x0D3E, 0x0D4A,                          // Kannada, Malayalam
      0x0E01, 0x0E33, 0x0E48, 0x0E4D, 0x0E32,                                  // Thai
      0x05D0, 0x05B8, 0x05BC, 0x05E9, 0x05C1, 0xFB2A,                          // Hebrew
      0x0627, 0x064E, 0x0651, 0x0644, 0xFEFB, 0x06CC,                          // Arabic, Persian
      0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x3131,                          // Hangul
      0x304B, 0x3099, 0x309A, 0x304C, 0x30FC, 0xFF76, 0xFF9E,                  // kana
      0x4E2D, 0x6587, 0xF900, 0x3000,                                          // CJK
      0x200C, 0x200D, 0x00AD, 0x0301, 0x0041, 0x0391, 0x0416, 0xFF21,          // others
  };
  Normalizer normalizer;
  std::mt19937 random(2027);
  std::uniform_int_distribution<size_t> pick(0, code_points.size() - 1);
  std::uniform_int_distribution<int> length(1, 8);
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += AnyUtf8(code_points[pick(random)]);
    ExpectSameAsIcu(normalizer, text);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace kb::text
