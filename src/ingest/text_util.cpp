// UTF-8 helpers for the ingest stages; see text_util.h. Stateless.
#include "text_util.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

#include "kb/utf8.h"

namespace kb::ingest {
namespace {

// Decodes the code point at `i` (advancing it); U+FFFD for invalid bytes.
char32_t NextCodePoint(std::string_view text, size_t& i) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
  i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x200B || c == 0xFEFF || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}

// Whether a code point starting with this byte may be an IsSpace one: the
// ASCII spaces, and the lead bytes of U+00A0 (C2), U+2000..U+202F (E2),
// U+3000 (E3) and U+FEFF (EF). Never a UTF-8 continuation byte, so a scan
// that skips other bytes stays aligned with NextCodePoint even on bad input.
constexpr std::array<bool, 256> kMayStartSpace = [] {
  std::array<bool, 256> table{};
  for (const uint8_t byte : {' ', '\t', '\n', '\r', '\f', '\v'}) table[byte] = true;
  for (const uint8_t byte : {0xC2, 0xE2, 0xE3, 0xEF}) table[byte] = true;
  return table;
}();
bool MayStartSpace(uint8_t byte) { return kMayStartSpace[byte]; }

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    i = SkipAscii(text, i);
    if (i >= n) break;
    const uint8_t b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;  // overlong
      if (b == 0xED) hi = 0x9F;  // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;  // overlong
      if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::string_view Trim(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    size_t next = begin;
    if (!IsSpace(NextCodePoint(text, next))) break;
    begin = next;
  }
  size_t end = text.size();
  while (end > begin) {
    // Step back to the start of the last code point.
    size_t start = end - 1;
    while (start > begin && (static_cast<uint8_t>(text[start]) & 0xC0) == 0x80) --start;
    size_t probe = start;
    if (!IsSpace(NextCodePoint(text, probe))) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  CollapseSpaces(text, out);
  return out;
}

void CollapseSpaces(std::string_view text, std::string& out) {
  text = Trim(text);
  out.clear();
  out.reserve(text.size());
  bool in_space = false;
  size_t i = 0;
  while (i < text.size()) {
    // Bytes that cannot start a space are copied in runs: every space is
    // ASCII or starts with one of four lead bytes (see MayStartSpace).
    // A single ASCII space between two such bytes is kept as it is, so
    // text that is already collapsed is copied in one go.
    const size_t run = i;
    while (i < text.size()) {
      if (!MayStartSpace(static_cast<uint8_t>(text[i]))) {
        ++i;
      } else if (i > run && text[i] == ' ' && i + 1 < text.size() &&
                 !MayStartSpace(static_cast<uint8_t>(text[i + 1]))) {
        i += 2;
      } else {
        break;
      }
    }
    if (i > run) {
      if (in_space) out.push_back(' ');
      in_space = false;
      out.append(text, run, i - run);
      continue;
    }
    const size_t start = i;
    const char32_t c = NextCodePoint(text, i);
    if (IsSpace(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out.push_back(' ');
    in_space = false;
    out.append(text, start, i - start);
  }
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool separator = c == ' ' || c == '\t';
    if (!separator && !in_word) ++words;
    in_word = !separator;
  }
  return words;
}

bool StartsWithUppercase(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const char32_t c = NextCodePoint(text, i);
    if (u_isUUppercase(c) || u_istitle(c)) return true;
    if (u_isULowercase(c)) return false;
    if (u_isalpha(c)) return true;  // caseless scripts count as "capitalized"
  }
  return false;
}

std::string CapitalizeFirst(std::string_view text) {
  size_t i = 0;
  const char32_t c = NextCodePoint(text, i);
  if (!u_isULowercase(c)) return std::string(text);
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(u_toupper(c))).toUTF8String(out);
  out.append(text.substr(i));
  return out;
}

std::string ToLower(std::string_view text) {
  std::string out;
  ToLower(text, out);
  return out;
}

void ToLower(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  // Root-locale full lowercasing is the simple per-code-point mapping
  // (u_tolower) for every code point but two: U+0130 (İ -> "i̇") and U+03A3
  // (Σ, final or not by context). Text without them, and valid, is mapped
  // here without ICU's round trip through UTF-16.
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    const uint8_t byte = bytes[i];
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + ('a' - 'A'))
                                               : static_cast<char>(byte));
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0 || c == 0x130 || c == 0x3A3) {
      out.clear();
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), size))
          .toLower(icu::Locale::getRoot())
          .toUTF8String(out);
      return;
    }
    const UChar32 lower = u_tolower(c);
    if (lower == c) {
      out.append(text, static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else {
      char encoded[U8_MAX_LENGTH];
      int32_t length = 0;
      U8_APPEND_UNSAFE(encoded, length, lower);
      out.append(encoded, static_cast<size_t>(length));
    }
  }
}

char32_t LastCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  size_t start = text.size() - 1;
  while (start > 0 && (static_cast<uint8_t>(text[start]) & 0xC0) == 0x80) --start;
  return NextCodePoint(text, start);
}

std::string Abbreviate(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut == 0) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string out(Trim(text.substr(0, cut)));
  out += "…";
  return out;
}

bool IsPictograph(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F;
}

}  // namespace kb::ingest
