// Accent folding: see accent_folder.h. The loop is allocation-free when
// `out` already has capacity, which the Normalizer arranges by reusing it.
//
// Thread safety: stateless; safe from any thread.
#include "accent_folder.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <stdexcept>
#include <string>

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

// Whether a nonspacing mark on `base` is an accent users leave out. In the
// Latin, Greek and Cyrillic scripts it is (é, ά, й), as are the vowel points
// of Hebrew and Arabic; in the Brahmic scripts (Devanagari, Telugu, Thai…)
// and on kana (the dakuten of が) marks are part of the spelling.
bool IsDroppableMark(UChar32 base) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(base, &status)) {
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_HEBREW:
    case USCRIPT_ARABIC:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool FoldAccents(const icu::UnicodeString& nfd, icu::UnicodeString& out) {
  out.remove();
  bool changed = false;
  const int32_t length = nfd.length();
  UChar32 base = 0;  // the last character that is not a mark
  for (int32_t i = 0; i < length;) {
    const UChar32 c = nfd.char32At(i);
    const int32_t width = U16_LENGTH(c);
    i += width;
    if (c < 0x300) {  // no mark below U+0300; only the ligatures above
      base = c;
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
      if (IsDroppableMark(base)) {
        changed = true;
        continue;
      }
      out.append(c);
      continue;
    }
    base = c;
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

namespace {

FoldRole ComputeFoldRole(const icu::Normalizer2& nfd, char32_t c) {
  const auto code = static_cast<UChar32>(c);
  icu::UnicodeString decomposition;
  if (!nfd.getDecomposition(code, decomposition)) decomposition.setTo(code);
  bool leading_marks = false;  // marks before any base: they follow the text before
  bool any_base = false;
  bool marks_kept = false;  // by the last base
  for (int32_t i = 0; i < decomposition.length();) {
    const UChar32 d = decomposition.char32At(i);
    i += U16_LENGTH(d);
    if (d <= 0xFFFF && SpecialLetter(static_cast<char16_t>(d)) != nullptr) {
      return FoldRole::kChanges;
    }
    if (d >= 0x300 && u_charType(d) == U_NON_SPACING_MARK) {
      if (any_base && !marks_kept) return FoldRole::kChanges;  // dropped
      leading_marks |= !any_base;
      continue;
    }
    // A base with a combining class could be reordered past a mark by NFD,
    // changing which base the mark follows; marks then a base is as rare.
    // Both are left to ICU.
    if (u_getCombiningClass(d) != 0 || leading_marks) return FoldRole::kChanges;
    any_base = true;
    marks_kept = !IsDroppableMark(d);
  }
  if (!any_base) return FoldRole::kMark;
  return marks_kept ? FoldRole::kKeepsMarks : FoldRole::kDropsMarks;
}

}  // namespace

const FoldRoleTable& FoldRoles() {
  static const FoldRoleTable kRoles = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU normalizer data unavailable: ") +
                               u_errorName(status));
    }
    FoldRoleTable roles{};
    for (char32_t cp = 0; cp < 0x10000; ++cp) roles[cp] = ComputeFoldRole(*nfd, cp);
    return roles;
  }();
  return kRoles;
}

}  // namespace kb::text
