// The intent model: multinomial logistic regression over sparse text
// features, trained at index time on the catalogue's phrases (every intent,
// out-of-scope examples, ambiguous and follow-up phrases are classes) and
// stored in the KB as a compact binary blob, so answering costs no training.
//
// Thread safety: immutable after Train/Deserialize; Predict is const and
// uses the caller's Analyzer.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "feature_extractor.h"
#include "kb/catalog.h"
#include "kb/status.h"

namespace kb::match {

struct ClassScore {
  int cls = 0;
  double probability = 0;
};

struct Prediction {
  std::vector<ClassScore> ranked;  // all classes, most probable first
  std::vector<Correction> corrections;
  std::vector<std::string> matched_features;  // known features that fired
  int content_words = 0;
  int unknown_words = 0;  // see ExtractedFeatures::unknown_words
};

class IntentModel {
 public:
  static StatusOr<IntentModel> Train(const Catalog& catalog,
                                     std::shared_ptr<const SynonymTable> synonyms);
  static StatusOr<IntentModel> Deserialize(std::string_view bytes);
  std::string Serialize() const;

  // `typo_lang`: the language unknown words are corrected into (see
  // TrainingVocabulary::Correct); kUnknown for any, as when the question's
  // language is not sure or the question mixes languages.
  Prediction Predict(std::string_view text, Lang lang, Analyzer& analyzer,
                     Lang typo_lang = Lang::kUnknown) const;

  const std::vector<std::string>& classes() const { return classes_; }
  int ClassIndex(std::string_view id) const;
  // The one language of the catalogue whose phrases use every word of
  // `text` the model knows ("ciao" is Italian's alone, "servus" German's);
  // kUnknown when no known word, or more than one language, fits. For
  // texts too short for language identification.
  Lang SoleLanguage(std::string_view text, Analyzer& analyzer) const;
  // The weight of a feature ("w:recip") for a class; 0 for a feature the
  // model does not know.
  float Weight(const std::string& feature, int cls) const;

 private:
  std::vector<std::string> classes_;  // intent ids, including internal '_' ones
  std::unordered_map<std::string, int> feature_ids_;
  std::vector<float> weights_;  // feature-major: weights_[feature * classes + cls]
  std::vector<float> bias_;
  TrainingVocabulary vocabulary_;
};

}  // namespace kb::match
