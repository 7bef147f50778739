// The word breaker's scanner (ASCII and simple letters: accented Latin,
// Greek, Cyrillic, Armenian) must segment exactly like ICU: the same words,
// offsets and kinds, on hand-picked cases, on every simple letter in the
// contexts that join or split words, and on random text mixing ASCII
// punctuation with simple letters, curly apostrophes, CJK, Hebrew, combining
// marks and emoji.
#include "word_breaker.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "simple_letters.h"

namespace kb::text {
namespace {

using Words = std::vector<std::tuple<uint32_t, uint32_t, WordKind>>;

Words Segment(std::string_view text, bool icu_only) {
  WordBreaker breaker;
  breaker.set_icu_only(icu_only);
  breaker.SetText(text);
  Words words;
  uint32_t begin, end;
  WordKind kind;
  while (breaker.Next(begin, end, kind)) words.emplace_back(begin, end, kind);
  return words;
}

std::string Describe(std::string_view text, const Words& words) {
  std::string out;
  for (const auto& [begin, end, kind] : words) {
    out += "[" + std::string(text.substr(begin, end - begin)) + "|" +
           std::to_string(static_cast<int>(kind)) + "]";
  }
  return out;
}

void ExpectSameAsIcu(const std::string& text) {
  const Words fast = Segment(text, false);
  const Words icu = Segment(text, true);
  EXPECT_EQ(fast, icu) << "text: \"" << text << "\"\n fast: " << Describe(text, fast)
                       << "\n  icu: " << Describe(text, icu);
}

TEST(WordBreakerTest, SplitsPlainAsciiIntoWords) {
  const std::string text = "Go to Settings > Login: e.g. 2,5% of it's 2SV_codes, a_1 __ _ x.";
  EXPECT_EQ(Describe(text, Segment(text, false)),
            "[Go|1][to|1][Settings|1][Login|1][e.g|1][2,5|0][of|1][it's|1][2SV_codes|1][a_1|0]"
            "[__|1][x|1]");
}

TEST(WordBreakerTest, HandPickedCasesMatchIcu) {
  for (const char* text :
       {"", " ", "a", "1", "_", "a:b", "e.g.", "2,5%", "a_1", "1_2", "__", "_a", "a1", "1a",
        "1.2.3", "a.1", "1.a", "a'b", "1'2", "a__b", "3:4", "x;y", "1;2", "a-b", "ab.", ".5", "'a'",
        "a..b", "1,,2", "a.b.c", "1_.2", "l'account dell'accesso",
        "d\xE2\x80\x99"
        "acc\xC3\xA8s",
        "caf\xC3\xA9 au lait", "Konto gesperrt \xE2\x80\x93 was tun?",
        "\xE4\xB8\xAD\xE6\x96\x87 ok",
        "a \xCC\x81"
        "b",
        "a\xC2\xAD"
        "b c",
        "x \xF0\x9F\x98\x80 y", "bad \xFF\xFE bytes here", "tab\tnew\nline\r\nend",
        "Pass\xC2\xADwort vergessen",
        // ICU's root rules make '@' a letter (found by fuzz_analyzer).
        "e.g@.", "a@b", "@", "x@ @y", "1@2", "seller@example.com"}) {
    ExpectSameAsIcu(text);
  }
}

TEST(WordBreakerTest, RandomTextMatchesIcu) {
  // Pieces weighted toward what makes ASCII words join or split.
  const std::vector<std::string> pieces = {
      "a", "b", "Z", "e", "1", "2", "0", ".", ",", ";", ":", "'", "_", "-", "%", " ", " ", " ",
      "\n", "\t", "(", ")", "\"", "/", "\xC3\xA9", "\xE2\x80\x99", "\xE4\xB8\xAD", "\xCC\x81",
      "\xC2\xAD", "\xE2\x80\x8D", "\xF0\x9F\x98\x80", "\xD0\xB4", "\xFF", "ab", "12", "it's", "@",
      "!", "#", "$", "&", "*", "+", "/", "<", "=", ">", "?", "[", "\\", "]", "^", "`", "{", "|",
      "}", "~",
      // Simple letters (simple_letters.h) and
      // their non-letter neighbours:
      "\xC3\x9F",   // ß
      "\xCE\xA9",   // Ω
      "\xCE\xAC",   // ά
      "\xD5\xA1",   // Armenian ա
      "\xCA\xBC",   // ʼ (a letter)
      "\xC2\xAA",   // ª (a letter)
      "\xC2\xB5",   // µ (a letter)
      "\xC2\xB7",   // · MidLetter
      "\xCE\x87",   // Greek ano teleia, MidLetter
      "\xCD\xBE",   // Greek question mark
      "\xC3\x97",   // ×
      "\xC2\xA0",   // no-break space
      "\xD2\x83",   // Cyrillic combining titlo
      "\xD7\x90",   // Hebrew alef (not simple)
      "\xD6\x8A"};  // Armenian hyphen
  std::mt19937 random(12345);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 24);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[pick(random)];
    ExpectSameAsIcu(text);
    if (HasFailure()) return;  // one counterexample is enough to read
  }
}

// Every simple letter, in the contexts where ASCII letters join or split.
TEST(WordBreakerTest, EverySimpleLetterSegmentsLikeIcu) {
  int simple = 0;
  for (char32_t c = 0x80; c < kSimpleLetterLimit; ++c) {
    if (!IsSimpleLetter(c)) continue;
    ++simple;
    const std::string l = {static_cast<char>(0xC0 | (c >> 6)),
                           static_cast<char>(0x80 | (c & 0x3F))};
    for (const std::string& text :
         {l, "a" + l + "b", "1" + l, l + "1", l + "." + l, l + "'" + l, l + "_1", "2," + l,
          l + ":" + l, l + "@", "x " + l + l + " y", l + "\xCC\x81"}) {
      ExpectSameAsIcu(text);
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(simple, 700);  // Latin, Greek, Cyrillic and Armenian letters
}

}  // namespace
}  // namespace kb::text
