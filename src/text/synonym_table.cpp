// SynonymTable: parsing of kb/synonyms.txt and phrase matching over tokens.
// Each term is analyzed by the same Analyzer pipeline as the text it will be
// matched against, so elisions, hyphens ("two-step" -> two, step) and
// accents are handled identically on both sides.
//
// Thread safety: a parsed table is immutable and may be shared freely.
#include <algorithm>
#include <string>

#include "kb/analyzer.h"
#include "synonym_table_impl.h"

namespace kb {
namespace {

std::string_view Trim(std::string_view s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r'; };
  while (!s.empty() && !not_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && !not_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

SynonymTable::SynonymTable(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SynonymTable::~SynonymTable() = default;

std::shared_ptr<const SynonymTable> SynonymTable::Empty() {
  static const std::shared_ptr<const SynonymTable> kEmpty =
      std::make_shared<const SynonymTable>(std::make_unique<Impl>());
  return kEmpty;
}

StatusOr<std::shared_ptr<const SynonymTable>> SynonymTable::Parse(std::string_view text) {
  auto impl = std::make_unique<Impl>();
  Analyzer analyzer;  // empty table: terms are analyzed, never matched, here
  std::unordered_map<std::string, uint32_t> phrase_index;  // joined folded words -> phrase
  std::unordered_map<std::string, int> group_lines;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = Trim(line);
    if (line.empty()) continue;

    std::vector<std::vector<std::string>> terms;
    while (true) {
      const size_t eq = line.find('=');
      const std::string_view term = Trim(line.substr(0, eq));
      std::vector<std::string> words;
      for (Token& token : analyzer.Analyze(term, Lang::kUnknown)) {
        words.push_back(std::move(token.folded));
      }
      if (words.empty()) {
        return Status::Error("synonyms line " + std::to_string(line_number) +
                             ": empty term (terms are separated by \" = \")");
      }
      terms.push_back(std::move(words));
      if (eq == std::string_view::npos) break;
      line.remove_prefix(eq + 1);
    }
    if (terms.size() < 2) {
      return Status::Error("synonyms line " + std::to_string(line_number) +
                           ": a group needs at least two terms");
    }
    std::string group = "~";
    for (size_t i = 0; i < terms[0].size(); ++i) {
      if (i > 0) group += '_';
      group += terms[0][i];
    }
    if (auto [it, inserted] = group_lines.emplace(group, line_number); !inserted) {
      return Status::Error("synonyms line " + std::to_string(line_number) + ": group " + group +
                           " already defined on line " + std::to_string(it->second));
    }
    for (std::vector<std::string>& words : terms) {
      std::string key;
      for (const std::string& w : words) key += w + ' ';
      auto [it, inserted] = phrase_index.emplace(key, static_cast<uint32_t>(impl->phrases.size()));
      if (inserted) {
        Impl::Phrase phrase;
        for (Lang lang : kLangs) {
          auto& stems = phrase.stems[static_cast<size_t>(LangIndex(lang))];
          for (const std::string& w : words) {
            const bool keep =
                analyzer.IsStopword(w, lang) ||
                std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
            stems.push_back(keep ? w : analyzer.Stem(w, lang));
          }
        }
        phrase.folded = std::move(words);
        impl->phrases.push_back(std::move(phrase));
      }
      auto& groups = impl->phrases[it->second].groups;
      if (std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
    }
  }
  for (uint32_t i = 0; i < impl->phrases.size(); ++i) {
    const Impl::Phrase& phrase = impl->phrases[i];
    impl->by_folded_first[phrase.folded[0]].push_back(i);
    for (size_t l = 0; l < phrase.stems.size(); ++l) {
      impl->by_stem_first[l][phrase.stems[l][0]].push_back(i);
    }
  }
  return std::shared_ptr<const SynonymTable>(std::make_shared<SynonymTable>(std::move(impl)));
}

void SynonymTable::Impl::Match(std::vector<Token>& tokens, Lang lang) const {
  if (phrases.empty()) return;
  const int lang_index = LangIndex(lang);
  std::vector<uint32_t> candidates;
  size_t covered_until = 0;  // words inside a multi-word match found earlier
  for (size_t i = 0; i < tokens.size(); ++i) {
    candidates.clear();
    if (auto it = by_folded_first.find(tokens[i].folded); it != by_folded_first.end()) {
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    // A stop word matches by its spelling only: French "sur" (on) is no
    // "sure", though Snowball's French stem of "sure" is "sur".
    // Inside a longer phrase, a word keeps the groups its own spelling names
    // but not those its stem would: "segura" in "estoy segura" (sure) shares
    // its stem with "seguridad" (security).
    if (lang_index >= 0 && i >= covered_until && !tokens[i].stopword) {
      const auto& by_stem = by_stem_first[static_cast<size_t>(lang_index)];
      if (auto it = by_stem.find(tokens[i].stem); it != by_stem.end()) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
    if (candidates.empty()) continue;
    tokens[i].synonym_words = 0;
    size_t best = 0;
    std::vector<std::string>& out = tokens[i].synonyms;
    for (uint32_t id : candidates) {
      const Phrase& phrase = phrases[id];
      const size_t n = phrase.folded.size();
      if (n < best || i + n > tokens.size()) continue;
      bool matches = true;
      for (size_t j = 0; j < n && matches; ++j) {
        const Token& token = tokens[i + j];
        matches = token.folded == phrase.folded[j] ||
                  (lang_index >= 0 && !token.stopword &&
                   token.stem == phrase.stems[static_cast<size_t>(lang_index)][j]);
      }
      if (!matches) continue;
      if (n > best) {
        best = n;
        out.clear();
        tokens[i].synonym_words = static_cast<uint32_t>(n);
        covered_until = std::max(covered_until, i + n);
      }
      for (const std::string& group : phrase.groups) {
        if (std::find(out.begin(), out.end(), group) == out.end()) out.push_back(group);
      }
    }
  }
}

}  // namespace kb
