// Features of a short text for the intent model, from the shared analyzer:
// stems (language-specific), folded words (shared across languages),
// synonym groups (cross-language), stem bigrams (negations, "lost phone")
// and character trigrams of folded words (typos the corrector missed).
//
// Thread safety: uses the caller's Analyzer; one thread at a time.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kb/analyzer.h"

namespace kb::match {

struct Feature {
  std::string name;
  float weight = 1;
};

// A word the corrector replaced, for explanations.
struct Correction {
  std::string from;
  std::string to;
};

// Words the model knows (from the training phrases) with the stem features
// each carried in training, so that a corrected word brings its features.
class TrainingVocabulary {
 public:
  // A training word of a phrase in `lang` (kUnknown: no language known).
  void Add(const std::string& folded, const std::string& stem_feature, Lang lang);
  // The same with the languages as LanguageBit()s (a model read back from
  // its bytes).
  void Add(const std::string& folded, const std::string& stem_feature, uint32_t languages);
  bool Contains(std::string_view folded) const;
  // Whether some training word had this stem feature ("w:...").
  bool ContainsStem(const std::string& stem_feature) const;
  // The closest known word within the allowed edits, or "" if none. With a
  // language, only words that some phrase of that language uses, or whose
  // language is unknown: an unseen word of the question's own language is
  // no typo of another language's word ("line" is not "lien", "inizio" not
  // "inicio").
  std::string Correct(std::string_view folded, Lang lang = Lang::kUnknown) const;
  const std::vector<std::string>& StemFeatures(const std::string& folded) const;

  struct Word {
    std::vector<std::string> stems;  // stem features ("w:...")
    uint32_t languages = 0;          // of the phrases that use it, LanguageBit()s
  };
  const std::unordered_map<std::string, Word>& words() const { return words_; }
  // The languages of the phrases that use `folded`, one bit per Lang value
  // (LanguageBit); every bit when unknown.
  uint32_t Languages(const std::string& folded) const;
  static uint32_t LanguageBit(Lang lang) { return 1u << static_cast<unsigned>(lang); }
  static constexpr uint32_t kAnyLanguage = ~0u;

 private:
  std::unordered_map<std::string, Word> words_;
  std::unordered_set<std::string> stems_;
  // Words by first code point, decoded once, for the correction scan.
  std::unordered_map<char32_t, std::vector<std::pair<std::u32string, std::string>>> by_first_;
};

struct ExtractedFeatures {
  std::vector<Feature> features;  // deduplicated, L2-normalized weights
  std::vector<Correction> corrections;
  int content_words = 0;  // non-stop-word tokens
  // Content words that are neither training words, nor their stems, nor
  // synonyms, nor corrected or split into such (needs a vocabulary).
  int unknown_words = 0;
};

// `vocabulary` may be null (training): then no correction is attempted.
// `typo_lang`: see TrainingVocabulary::Correct.
ExtractedFeatures ExtractFeatures(std::string_view text, Lang lang, Analyzer& analyzer,
                                  const TrainingVocabulary* vocabulary,
                                  Lang typo_lang = Lang::kUnknown);

}  // namespace kb::match
