// Safe FTS5 expressions from free text.
#include "query_builder.h"

#include "schema.h"

namespace kb::store {

std::string QuoteFts5(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
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

  // The last word is a prefix only while it is being typed: no space after it.
  const bool typing = options.prefix_last && !text.empty() && text.back() != ' ' &&
                      !words.empty() && words.back()->end == tokens.back().end;
  const std::string lang_tag = LangTag(LangCode(options.lang));
  const std::string no_lang = LangTag("");

  std::vector<std::string> groups;
  for (size_t i = 0; i < words.size(); ++i) {
    const Token& word = *words[i];
    if (word.folded.empty()) continue;
    std::vector<std::string> alternatives;
    if (options.lang != Lang::kUnknown) alternatives.push_back(QuoteFts5(lang_tag + word.folded));
    alternatives.push_back(QuoteFts5(no_lang + word.folded));
    const bool last = i + 1 == words.size();
    const bool known = vocabulary.Contains(word.folded) || vocabulary.Contains(word.stem);
    if (last && typing && word.folded.size() >= 3) {
      alternatives.push_back(QuoteFts5(no_lang + word.folded) + "*");
    } else if (options.typos && !known) {
      for (const std::string& fix : vocabulary.Corrections(word.folded, 3)) {
        alternatives.push_back(QuoteFts5(no_lang + fix));
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
    built.terms.push_back(word.folded);
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g) {
      built.all_terms += " AND ";
      built.any_term += " OR ";
    }
    built.all_terms += groups[g];
    built.any_term += groups[g];
  }
  return built;
}

}  // namespace kb::store
