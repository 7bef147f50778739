// Accent folding: see accent_folder.h. The loop is allocation-free when
// `out` already has capacity, which the Normalizer arranges by reusing it.
//
// Thread safety: stateless; safe from any thread.
#include "accent_folder.h"

#include <unicode/uchar.h>

namespace kb::text {
namespace {

// Letters without a canonical decomposition that users write unaccented.
// Returns the replacement (up to two units) or nullptr when none applies.
const char16_t* SpecialLetter(char16_t c) {
  switch (c) {
    case u'\u0153':
      return u"oe";  // œ
    case u'\u00E6':
      return u"ae";  // æ
    case u'\u00F8':
      return u"o";  // ø
    case u'\u0142':
      return u"l";  // ł
    case u'\u0111':
      return u"d";  // đ
    case u'\u0131':
      return u"i";  // dotless ı
    // Typographic apostrophes: "don’t" and "don't" must fold alike.
    case u'\u2018':
    case u'\u2019':
    case u'\u02BC':
      return u"'";
    default:
      return nullptr;
  }
}

}  // namespace

bool FoldAccents(const icu::UnicodeString& nfd, icu::UnicodeString& out) {
  out.remove();
  bool changed = false;
  const int32_t length = nfd.length();
  for (int32_t i = 0; i < length;) {
    const UChar32 c = nfd.char32At(i);
    const int32_t width = U16_LENGTH(c);
    i += width;
    if (c < 0x300) {  // no mark below U+0300; only the ligatures above
      if (c >= 0xE6) {
        if (const char16_t* repl = SpecialLetter(static_cast<char16_t>(c))) {
          out.append(repl, -1);
          changed = true;
          continue;
        }
      }
      out.append(static_cast<UChar>(c));
      continue;
    }
    if (u_charType(c) == U_NON_SPACING_MARK) {
      changed = true;
      continue;
    }
    if (c <= 0xFFFF) {
      if (const char16_t* repl = SpecialLetter(static_cast<char16_t>(c))) {
        out.append(repl, -1);
        changed = true;
        continue;
      }
    }
    out.append(c);
  }
  return changed;
}

}  // namespace kb::text
