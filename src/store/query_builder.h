// Turns any user text into a safe FTS5 MATCH expression. Every word becomes
// a quoted string (quotes doubled), so FTS5 syntax in the input — NEAR(, *,
// ^, :, AND/OR/NOT, parentheses — is only ever searched as words. Each word
// is an OR-group of its alternatives: the word in the query language, its
// folded form in no language (shared words across languages), typo
// corrections from the vocabulary, and a prefix form for the word being typed.
//
// Thread safety: uses the caller's Analyzer; one thread at a time per Analyzer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/analyzer.h"
#include "vocabulary.h"

namespace kb::store {

struct BuiltQuery {
  std::string all_terms;                 // the groups ANDed
  std::string any_term;                  // the groups ORed (recall fallback)
  std::vector<std::string> terms;        // folded words searched for
  std::vector<std::string> corrections;  // "word -> correction"
  // What a passage's words are compared with to highlight them: folded
  // words (query words and their corrections), prefixes, synonym groups.
  std::vector<std::string> highlight_words;
  std::vector<std::string> highlight_prefixes;
  std::vector<std::string> highlight_synonyms;
  // Every word of the query, stop words included, to compare with article
  // titles (a known-item query names its page: see KnowledgeBase::Search).
  struct Word {
    std::string folded;
    std::string stem;                      // in the query language
    std::vector<std::string> corrections;  // typo corrections of `folded`
    bool prefix = false;                   // the word being typed
  };
  std::vector<Word> words;
  bool empty() const { return terms.empty(); }
};

struct QueryBuilderOptions {
  Lang lang = Lang::kUnknown;
  bool prefix_last = true;
  bool typos = true;
  // Passages in the index: words in more than kCommonWordShare of them are
  // left out of the "any word" fallback, whose cost is ranking every
  // passage that holds one of its words.
  int64_t total_documents = 0;
};

inline constexpr double kCommonWordShare = 0.03;

// At most this many words of a query are searched; the rest is ignored.
inline constexpr size_t kMaxQueryTerms = 24;

BuiltQuery BuildQuery(std::string_view text, Analyzer& analyzer, const Vocabulary& vocabulary,
                      const QueryBuilderOptions& options);

// `text` as an FTS5 string literal.
std::string QuoteFts5(std::string_view text);

}  // namespace kb::store
