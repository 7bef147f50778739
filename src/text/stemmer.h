// Snowball stemming per language through libstemmer. Stemmers are created
// lazily, one per language, on first use.
//
// Thread safety: sb_stemmer keeps per-call state, so a Stemmer must not be
// shared between threads; each Analyzer owns one.
#pragma once

#include <libstemmer.h>

#include <array>
#include <memory>
#include <string_view>

#include "kb/lang.h"

namespace kb::text {

class Stemmer {
 public:
  Stemmer() = default;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `word` in `lang`, valid until the next call; `word` itself
  // for Lang::kUnknown or if the stemmer cannot be created (out of memory).
  std::string_view Stem(std::string_view word, Lang lang);

 private:
  struct StemmerDeleter {
    void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
  };
  std::array<std::unique_ptr<sb_stemmer, StemmerDeleter>, 5> stemmers_;
};

}  // namespace kb::text
