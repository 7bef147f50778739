// "Simple letters": the non-ASCII code points below U+0590 (Latin-1 and
// Latin Extended, IPA, Greek, Cyrillic, Armenian) that UAX #29 classes
// ALetter and that have no canonical combining class. In a word they behave
// like ASCII letters for both costly ICU steps, so the word breaker and the
// normalizer can handle them without ICU:
// - word breaking: they join and split exactly like a-z (no rule of ICU's
//   root word rules treats an ALetter of these scripts differently);
// - folding: none of them composes with a neighbour that is also a simple
//   letter or ASCII, so a word of them folds character by character.
// Every one is two bytes long in UTF-8. tests/text/ check both claims
// against ICU on random text.
#pragma once

#include <cstddef>
#include <string_view>

namespace kb::text {

inline constexpr char32_t kSimpleLetterLimit = 0x590;

// Whether `c` is a simple letter (false for ASCII).
bool IsSimpleLetter(char32_t c);

// The simple letter encoded at s[i..i+2), or 0 if there is none there.
inline char32_t SimpleLetterAt(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return 0;
  const auto lead = static_cast<unsigned char>(s[i]);
  const auto trail = static_cast<unsigned char>(s[i + 1]);
  if (lead < 0xC2 || lead > 0xD6 || (trail & 0xC0) != 0x80) return 0;
  const char32_t c = (static_cast<char32_t>(lead & 0x1F) << 6) | (trail & 0x3F);
  return IsSimpleLetter(c) ? c : 0;
}

}  // namespace kb::text
