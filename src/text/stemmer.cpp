// Snowball stemming: see stemmer.h. The algorithms are the classic Snowball
// ones ("english" is Porter2, "german" the umlaut-aware one), with UTF-8 I/O.
//
// Thread safety: one Stemmer per thread.
#include "stemmer.h"

namespace kb::text {
namespace {

const char* AlgorithmName(Lang lang) {
  switch (lang) {
    case Lang::kEn:
      return "english";
    case Lang::kIt:
      return "italian";
    case Lang::kEs:
      return "spanish";
    case Lang::kFr:
      return "french";
    case Lang::kDe:
      return "german";
    case Lang::kUnknown:
      break;
  }
  return nullptr;
}

}  // namespace

std::string_view Stemmer::Stem(std::string_view word, Lang lang) {
  const int index = LangIndex(lang);
  if (index < 0 || word.empty()) return word;
  auto& stemmer = stemmers_[static_cast<size_t>(index)];
  if (!stemmer) {
    stemmer.reset(sb_stemmer_new(AlgorithmName(lang), "UTF_8"));
    if (!stemmer) return word;
  }
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stem == nullptr) return word;  // out of memory inside Snowball
  return {reinterpret_cast<const char*>(stem),
          static_cast<size_t>(sb_stemmer_length(stemmer.get()))};
}

}  // namespace kb::text
