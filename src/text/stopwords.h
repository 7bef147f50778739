// Stop words per language, compiled in. Based on Snowball's standard lists,
// with two deliberate departures: negations and "without" words (non, not,
// no, nicht, kein, pas, ne, sin, senza, sans, ohne, ...) are NOT stop words,
// because "non funziona" and "funziona" ask different things; and no domain
// word (account, password, codice, ...) is one. Elided articles and
// prepositions (l, d, dell, qu, ...) are stop words.
//
// Thread safety: the lists are built once (thread-safe static init) and are
// read-only afterwards.
#pragma once

#include <string_view>

#include "kb/lang.h"

namespace kb::text {

// Whether `folded_word` (folded as by Normalizer) is a stop word of `lang`.
// Always false for Lang::kUnknown.
bool IsStopwordIn(std::string_view folded_word, Lang lang);

}  // namespace kb::text
