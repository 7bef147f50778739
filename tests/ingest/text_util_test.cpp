// text_util: the fast paths of ToLower and CollapseSpaces must give exactly
// what the plain definitions give (ICU root lowercasing; a code point by
// code point fold of IsSpace runs), on every code point and on bad UTF-8.
#include "text_util.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

namespace kb::ingest {
namespace {

std::string IcuLower(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, c);
  out.append(bytes, static_cast<size_t>(length));
}

TEST(ToLowerTest, MatchesIcuRootLowercasingForEveryCodePoint) {
  for (UChar32 block = 0; block <= 0x10FFFF; block += 64) {
    std::string packed;  // the block's code points side by side
    std::string spaced;  // each between an upper-case letter and a space
    for (UChar32 c = block; c < block + 64; ++c) {
      if (U_IS_SURROGATE(c)) continue;
      AppendUtf8(packed, c);
      spaced += 'A';
      AppendUtf8(spaced, c);
      spaced += ' ';
    }
    ASSERT_EQ(ToLower(packed), IcuLower(packed)) << "block U+" << std::hex << block;
    ASSERT_EQ(ToLower(spaced), IcuLower(spaced)) << "block U+" << std::hex << block;
  }
}

TEST(ToLowerTest, MatchesIcuOnContextAndBadUtf8) {
  for (std::string_view text : {"ΟΔΟΣ ΟΔΟΣ. ΣΑΣ", "Σ", "İstanbul İ", "ÀÉÎÕÜ ẞ Ω",
                                "A\xFF"
                                "B",
                                "\xE2\x80", "ok \xC3", "\x80\x80x"}) {
    EXPECT_EQ(ToLower(text), IcuLower(text)) << text;
  }
}

TEST(ToLowerTest, ReusesTheBufferItIsGiven) {
  std::string out = "left over";
  ToLower("HeLLo", out);
  EXPECT_EQ(out, "hello");
}

// CollapseSpaces as first written: a code point at a time.
std::string ReferenceCollapseSpaces(std::string_view text) {
  auto next = [&text](size_t& i) {
    UChar32 c = 0;
    auto pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()),
            c);
    i = static_cast<size_t>(pos);
    return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
  };
  auto is_space = [](char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           c == 0x200B || c == 0xFEFF || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
  };
  text = Trim(text);
  std::string out;
  bool in_space = false;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    if (is_space(next(i))) {
      in_space = true;
      continue;
    }
    if (in_space) out.push_back(' ');
    in_space = false;
    out.append(text.substr(start, i - start));
  }
  return out;
}

TEST(CollapseSpacesTest, MatchesTheCodePointDefinitionOnRandomText) {
  // Spaces of every kind, look-alikes sharing their lead bytes, and bytes
  // that make UTF-8 invalid (truncated sequences, stray continuations).
  const std::vector<std::string> pieces = {" ",
                                           "\t",
                                           "\n",
                                           "\r",
                                           "\f",
                                           "\v",
                                           "a",
                                           "Zz",
                                           "\xC2\xA0",
                                           "\xC2\xA9",
                                           "\xE2\x80\x8B",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\xAF",
                                           "\xE2\x80",
                                           "é",
                                           "\xE3\x80\x80",
                                           "\xE3\x81\x82",
                                           "\xEF\xBB\xBF",
                                           "\xEF\xBC\x81",
                                           "\xF0\x9F\x8C\x90",
                                           "\x80",
                                           "\xC3",
                                           "\xF0\x9F"};
  std::mt19937 random(42);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  std::string out;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[pick(random)];
    ASSERT_EQ(CollapseSpaces(text), ReferenceCollapseSpaces(text)) << text;
    CollapseSpaces(text, out);
    ASSERT_EQ(out, ReferenceCollapseSpaces(text)) << text;
  }
}

}  // namespace
}  // namespace kb::ingest
