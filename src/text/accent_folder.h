// Accent folding for matching: drops the nonspacing marks of an NFD string
// and maps the few letters that carry no decomposition (œ, æ, ø, ł, đ, the
// typographic apostrophes) to what a user without a keyboard for them types.
// A plain loop over UTF-16 units: ICU's Transliterator ("NFD; [:Mn:] Remove")
// does the same job an order of magnitude slower.
//
// Thread safety: stateless functions; safe from any thread.
#pragma once

#include <unicode/unistr.h>

namespace kb::text {

// Rewrites `nfd` (an NFD-normalized string) without nonspacing marks and
// with the special letters above expanded, into `out` (cleared first).
// Returns true when anything changed.
bool FoldAccents(const icu::UnicodeString& nfd, icu::UnicodeString& out);

}  // namespace kb::text
