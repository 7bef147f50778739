// Accent folding for matching: drops the nonspacing marks of an NFD string
// and maps the few letters that carry no decomposition (œ, æ, ø, ł, đ, the
// typographic apostrophes) to what a user without a keyboard for them types.
// A plain loop over UTF-16 units: ICU's Transliterator ("NFD; [:Mn:] Remove")
// does the same job an order of magnitude slower.
//
// Thread safety: stateless functions; safe from any thread.
#pragma once

#include <unicode/unistr.h>

#include <array>
#include <cstdint>

namespace kb::text {

// Rewrites `nfd` (an NFD-normalized string) without nonspacing marks and
// with the special letters above expanded, into `out` (cleared first).
// Returns true when anything changed.
bool FoldAccents(const icu::UnicodeString& nfd, icu::UnicodeString& out);

// What FoldAccents does to a code point once decomposed (NFD), so that an
// already normalized word can be found to fold to itself code point by code
// point, without ICU's passes (normalizer.cpp). Most words of Indic,
// Hebrew, Arabic and East Asian text do: their marks are kept, or they have
// none.
enum class FoldRole : uint8_t {
  kChanges,     // FoldAccents may change it (or it is outside the BMP)
  kMark,        // nonspacing marks only: kept or dropped with their base
  kKeepsMarks,  // a base whose nonspacing marks FoldAccents keeps (ा, क)
  kDropsMarks,  // a base whose nonspacing marks FoldAccents drops (e, א)
};
// The role of every BMP code point (the table is built on first use, a few
// milliseconds); code points above it are kChanges.
using FoldRoleTable = std::array<FoldRole, 0x10000>;
const FoldRoleTable& FoldRoles();
inline FoldRole FoldRoleOf(const FoldRoleTable& roles, char32_t c) {
  return c < roles.size() ? roles[c] : FoldRole::kChanges;
}

}  // namespace kb::text
