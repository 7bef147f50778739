// Safe FTS5 expressions from free text.
#include "query_builder.h"

#include <algorithm>

#include "fts5_tokenizer.h"

namespace kb::store {
namespace {

// The word being typed: the index has no prefix indexes (they cost a fifth
// of the index time), so FTS5 walks the range of terms that start with the
// word when it is short enough, and a wider range (a 3-4 letter prefix in a
// large KB) is searched as its most frequent completions instead. Measured on
// gnome-user-docs (docs/benchmarks.md): walking every range costs 1.4 ms at
// the p99 of prefix queries, these limits ~0.9 ms for the same recall@5 less
// two queries in a thousand.
constexpr size_t kScannedCompletions = 200;
constexpr size_t kMostFrequentCompletions = 24;

}  // namespace

std::string QuoteFts5(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c == '\0' ? ' ' : c;  // FTS5 would end the string at NUL
  }
  out += '"';
  return out;
}

BuiltQuery BuildQuery(std::string_view text, Analyzer& analyzer, const Vocabulary& vocabulary,
                      const QueryBuilderOptions& options) {
  BuiltQuery built;
  std::vector<Token> tokens = analyzer.Analyze(text, options.lang);
  std::vector<const Token*> words;
  for (const Token& token : tokens) {
    if (!token.stopword) words.push_back(&token);
  }
  if (words.empty()) {
    for (const Token& token : tokens) words.push_back(&token);
  }
  if (words.size() > kMaxQueryTerms) words.resize(kMaxQueryTerms);
  for (const Token& token : tokens) {
    if (built.words.size() == kMaxQueryTerms) break;
    if (token.folded.empty()) continue;
    built.words.push_back({token.folded, token.stem, {}, false});
  }

  // The last word is a prefix only while it is being typed: no space after it.
  const bool typing = options.prefix_last && !text.empty() && text.back() != ' ' &&
                      !words.empty() && words.back()->end == tokens.back().end;
  const std::string lang_tag = LanguageTagFor(LangCode(options.lang));
  const std::string no_lang = LanguageTagFor("");

  std::vector<std::string> groups;
  std::vector<bool> common;    // per group: too frequent for the "any word" query
  uint32_t covered_until = 0;  // words inside a multi-word synonym already searched
  for (size_t i = 0; i < words.size(); ++i) {
    const Token& word = *words[i];
    if (word.folded.empty() || word.position < covered_until) continue;
    std::vector<std::string> alternatives;
    // A multi-word synonym ("mot de passe") is one group: its id, which the
    // documents carry wherever any of its terms occurs, or the phrase itself.
    if (word.synonym_words > 1 && !word.synonyms.empty()) {
      for (const std::string& group_id : word.synonyms) {
        alternatives.push_back(QuoteFts5(group_id));
        built.highlight_synonyms.push_back(group_id);
      }
      covered_until = word.position + word.synonym_words;
      for (const Token& t : tokens) {
        if (t.position == covered_until - 1) {
          alternatives.push_back(
              QuoteFts5(lang_tag + std::string(text.substr(word.begin, t.end - word.begin))));
          break;
        }
      }
      std::string group = "(";
      for (size_t a = 0; a < alternatives.size(); ++a) {
        if (a) group += " OR ";
        group += alternatives[a];
      }
      groups.push_back(group + ")");
      common.push_back(false);
      built.terms.push_back(word.folded);
      continue;
    }
    // The tokenizer gives the tagged word its stem, its folded form and its
    // synonym groups as colocated alternatives: one string covers all three.
    alternatives.push_back(QuoteFts5(lang_tag + word.folded));
    built.highlight_words.push_back(word.folded);
    for (const std::string& group_id : word.synonyms) built.highlight_synonyms.push_back(group_id);
    const bool last = i + 1 == words.size();
    const bool known = vocabulary.Contains(word.folded) || vocabulary.Contains(word.stem);
    if (last && typing && !built.words.empty()) built.words.back().prefix = true;
    if (last && typing && word.folded.size() >= 3) {
      const Vocabulary::Completions completions =
          vocabulary.Complete(word.folded, kMostFrequentCompletions);
      if (completions.total <= kScannedCompletions) {
        alternatives.push_back(QuoteFts5(no_lang + word.folded) + "*");
      } else {
        for (const std::string& term : completions.terms) {
          alternatives.push_back(QuoteFts5(no_lang + term));
        }
      }
      built.highlight_prefixes.push_back(word.folded);
    }
    if (options.typos && !known) {
      for (const std::string& fix : vocabulary.Corrections(word.folded, 3)) {
        for (BuiltQuery::Word& w : built.words) {
          if (w.folded == word.folded) w.corrections.push_back(fix);
        }
        alternatives.push_back(QuoteFts5(no_lang + fix));
        built.highlight_words.push_back(fix);
        built.corrections.push_back(word.folded + " -> " + fix);
      }
    }
    std::string group = "(";
    for (size_t a = 0; a < alternatives.size(); ++a) {
      if (a) group += " OR ";
      group += alternatives[a];
    }
    group += ")";
    groups.push_back(std::move(group));
    common.push_back(options.total_documents > 0 &&
                     vocabulary.Documents(word.folded) >
                         kCommonWordShare * static_cast<double>(options.total_documents));
    built.terms.push_back(word.folded);
  }
  const bool all_common = std::find(common.begin(), common.end(), false) == common.end();
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g) built.all_terms += " AND ";
    built.all_terms += groups[g];
    if (common[g] && !all_common) continue;
    if (!built.any_term.empty()) built.any_term += " OR ";
    built.any_term += groups[g];
  }
  return built;
}

}  // namespace kb::store
