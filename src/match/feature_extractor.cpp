// Feature extraction for the intent model.
#include "feature_extractor.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "../store/vocabulary.h"

namespace kb::match {
namespace {

void AddTrigrams(const std::string& folded, std::map<std::string, float>& bag) {
  std::u32string text = U"<";
  text += store::DecodeUtf8(folded);
  text += U'>';
  if (text.size() < 5) return;  // short words: the word feature says it all
  std::string gram;
  for (size_t i = 0; i + 3 <= text.size(); ++i) {
    gram = "c:";
    for (size_t k = i; k < i + 3; ++k) {
      char32_t c = text[k];
      // Code points to UTF-8.
      if (c < 0x80) {
        gram += static_cast<char>(c);
      } else if (c < 0x800) {
        gram += static_cast<char>(0xC0 | (c >> 6));
        gram += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        gram += static_cast<char>(0xE0 | (c >> 12));
        gram += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        gram += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        gram += static_cast<char>(0xF0 | (c >> 18));
        gram += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        gram += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        gram += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    bag[gram] += 0.15f;
  }
}

}  // namespace

void TrainingVocabulary::Add(const std::string& folded, const std::string& stem_feature,
                             Lang lang) {
  Add(folded, stem_feature, lang == Lang::kUnknown ? kAnyLanguage : LanguageBit(lang));
}

void TrainingVocabulary::Add(const std::string& folded, const std::string& stem_feature,
                             uint32_t languages) {
  stems_.insert(stem_feature);
  if (words_.count(folded) == 0) {
    std::u32string decoded = store::DecodeUtf8(folded);
    if (!decoded.empty()) by_first_[decoded[0]].emplace_back(std::move(decoded), folded);
  }
  Word& word = words_[folded];
  word.languages |= languages;
  if (std::find(word.stems.begin(), word.stems.end(), stem_feature) == word.stems.end()) {
    word.stems.push_back(stem_feature);
  }
}

bool TrainingVocabulary::Contains(std::string_view folded) const {
  return words_.count(std::string(folded)) > 0;
}

bool TrainingVocabulary::ContainsStem(const std::string& stem_feature) const {
  return stems_.count(stem_feature) > 0;
}

// Whether `a` becomes `b` by swapping two neighbouring letters ("cdoe",
// "code").
bool IsAdjacentTransposition(std::u32string_view a, std::u32string_view b) {
  if (a.size() != b.size()) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

uint32_t TrainingVocabulary::Languages(const std::string& folded) const {
  auto it = words_.find(folded);
  return it == words_.end() ? kAnyLanguage : it->second.languages;
}

std::string TrainingVocabulary::Correct(std::string_view folded, Lang lang) const {
  const uint32_t wanted = lang == Lang::kUnknown ? kAnyLanguage : LanguageBit(lang);
  auto in_language = [&](const std::string& word) { return (Languages(word) & wanted) != 0; };
  const std::u32string query = store::DecodeUtf8(folded);
  const int max_edits = store::Vocabulary::MaxEdits(query.size());
  if (max_edits == 0) {
    // Too short for any edit: "cose" is a word of its own, not a typo of
    // "code". Two swapped letters keep every letter, though, and are the
    // commonest slip of a fast typist: "cdoe" is "code".
    if (query.size() != 4) return "";
    auto bucket = by_first_.find(query[0]);
    if (bucket == by_first_.end()) return "";
    std::string best;
    for (const auto& [candidate, word] : bucket->second) {
      if (IsAdjacentTransposition(query, candidate) && (best.empty() || word < best) &&
          in_language(word)) {
        best = word;
      }
    }
    return best;
  }
  std::string best;
  int best_edits = max_edits + 1;
  auto bucket = by_first_.find(query[0]);
  if (bucket == by_first_.end()) return "";
  for (const auto& [candidate, word] : bucket->second) {
    const int edits = store::BoundedEditDistance(query, candidate, max_edits);
    if ((edits < best_edits || (edits == best_edits && word < best)) && in_language(word)) {
      best_edits = edits;
      best = word;
    }
  }
  return best_edits <= max_edits ? best : "";
}

const std::vector<std::string>& TrainingVocabulary::StemFeatures(const std::string& folded) const {
  static const std::vector<std::string> kNone;
  auto it = words_.find(folded);
  return it == words_.end() ? kNone : it->second.stems;
}

// German compounds the training phrases never saw whole ("verkauferkonto",
// "auftragsmangelquote"): two known parts, with an optional linking "s".
std::vector<std::string> SplitCompound(const std::string& folded, Lang lang, Analyzer& analyzer,
                                       const TrainingVocabulary& vocabulary) {
  if (lang != Lang::kDe || folded.size() < 8) return {};
  auto known = [&](const std::string& part) {
    return part.size() >= 3 &&
           (vocabulary.Contains(part) || vocabulary.ContainsStem("w:" + analyzer.Stem(part, lang)));
  };
  for (size_t i = folded.size() - 3; i >= 4; --i) {
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) == 0x80) continue;
    const std::string right = folded.substr(i);
    if (!known(right)) continue;
    std::string left = folded.substr(0, i);
    if (known(left)) return {left, right};
    if (left.back() == 's' && known(left.substr(0, left.size() - 1))) {
      return {left.substr(0, left.size() - 1), right};
    }
  }
  return {};
}

// French and Italian elisions typed without their apostrophe ("lapplication",
// "lappli", "daccesso"): an elided article or preposition, then a word the
// training phrases know, of at least four letters. The analyzer splits
// "l'application" itself; this is the same word, one key short.
std::string SplitLostElision(const std::string& folded, Lang lang,
                             const TrainingVocabulary& vocabulary) {
  if (lang != Lang::kFr && lang != Lang::kIt) return {};
  constexpr std::string_view kElided[] = {"l",    "d",    "j",    "qu",  "dell",
                                          "dall", "nell", "sull", "all", "un"};
  constexpr size_t kMinWord = 4;
  for (std::string_view prefix : kElided) {
    if (folded.size() < prefix.size() + kMinWord || folded.compare(0, prefix.size(), prefix) != 0) {
      continue;
    }
    std::string word = folded.substr(prefix.size());
    if (vocabulary.Contains(word)) return word;
  }
  return {};
}

ExtractedFeatures ExtractFeatures(std::string_view text, Lang lang, Analyzer& analyzer,
                                  const TrainingVocabulary* vocabulary, Lang typo_lang) {
  ExtractedFeatures out;
  std::map<std::string, float> bag;
  std::string previous_stem;
  // The text with every corrected word replaced, for the synonym phrases a
  // correction completes ("sing in" -> "sign in", "seller centrl").
  std::string corrected_text;
  size_t copied_until = 0;
  auto replace = [&](const Token& token, std::string_view with) {
    corrected_text.append(text.substr(copied_until, token.begin - copied_until));
    corrected_text.append(with);
    copied_until = token.end;
  };
  for (const Token& token : analyzer.Analyze(text, lang)) {
    for (const std::string& group : token.synonyms) bag["s:" + group] += 1.0f;
    if (token.stopword) {
      previous_stem.clear();
      continue;
    }
    ++out.content_words;
    std::string folded = token.folded;
    std::string stem = "w:" + token.stem;
    if (vocabulary && !vocabulary->Contains(folded) && !vocabulary->ContainsStem(stem)) {
      const std::vector<std::string> parts = SplitCompound(folded, lang, analyzer, *vocabulary);
      for (const std::string& part : parts) {
        bag["w:" + analyzer.Stem(part, lang)] += 1.0f;
        bag["f:" + part] += 0.5f;
        for (const Token& t : analyzer.Analyze(part, lang)) {
          for (const std::string& group : t.synonyms) bag["s:" + group] += 1.0f;
        }
      }
      if (!parts.empty()) {
        out.corrections.push_back({folded, parts[0] + "+" + parts[1]});
        replace(token, parts[0] + " " + parts[1]);
        continue;
      }
      std::string fixed = SplitLostElision(folded, lang, *vocabulary);
      if (fixed.empty()) fixed = vocabulary->Correct(folded, typo_lang);
      if (fixed.empty()) {
        // A synonym the catalogue knows is no unknown word, even untrained.
        if (token.synonyms.empty()) ++out.unknown_words;
      } else {
        out.corrections.push_back({folded, fixed});
        replace(token, fixed);
        folded = fixed;
        const auto& stems = vocabulary->StemFeatures(fixed);
        if (!stems.empty()) stem = stems.front();
        // A corrected word may complete a synonym group ("pasword").
        for (const Token& t : analyzer.Analyze(fixed, lang)) {
          for (const std::string& group : t.synonyms) bag["s:" + group] += 1.0f;
        }
      }
    }
    bag[stem] += 1.0f;
    bag["f:" + folded] += 0.5f;
    AddTrigrams(folded, bag);
    if (!previous_stem.empty()) bag["b:" + previous_stem + "_" + stem.substr(2)] += 0.7f;
    previous_stem = stem.substr(2);
  }
  if (!corrected_text.empty()) {
    corrected_text.append(text.substr(copied_until));
    for (const Token& token : analyzer.Analyze(corrected_text, lang)) {
      if (token.synonym_words < 2) continue;  // single words: counted above
      for (const std::string& group : token.synonyms) {
        float& weight = bag["s:" + group];
        if (weight == 0) weight = 1.0f;
      }
    }
  }
  double norm = 0;
  for (const auto& [name, weight] : bag) norm += weight * weight;
  norm = norm > 0 ? std::sqrt(norm) : 1;
  out.features.reserve(bag.size());
  for (auto& [name, weight] : bag) {
    out.features.push_back({name, static_cast<float>(weight / norm)});
  }
  return out;
}

}  // namespace kb::match
