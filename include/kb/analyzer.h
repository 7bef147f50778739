// The text analyzer: one pipeline for documents, FTS5 queries and the intent
// matcher, so that text is treated identically everywhere.
//
//   NFKC normalization + case folding -> ICU word breaking -> elision split
//   (l'account, dell’accesso, d’accès) -> numbers and codes kept whole (2SV,
//   2FA, 1%, 2,5%) -> accent folding -> stop words -> Snowball stem ->
//   synonym groups (single and multi-word, from kb/synonyms.txt).
//
// Thread safety: an Analyzer owns ICU break iterators and Snowball stemmers,
// which are not thread-safe: use one Analyzer per thread. A SynonymTable is
// immutable once built and may be shared by any number of Analyzers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/lang.h"
#include "kb/status.h"

namespace kb {

struct Token {
  // User-provided, so that tokens.emplace_back() runs the member initializers
  // below instead of first zero-filling the whole struct (value
  // initialization), which was a third of the analyzer's per-word cost.
  Token() noexcept {}

  std::string surface;  // the original text of the word, as written (see Analyze)
  std::string folded;   // normalized, case- and accent-folded ("Verifica" -> "verifica")
  std::string stem;     // Snowball stem of `folded` in the analysis language; == folded
                        // for numbers/codes, stop words and Lang::kUnknown
  // Synonym group ids (each starts with '~', e.g. "~2sv") whose phrase starts
  // at this token. A multi-word phrase ("two-step verification") puts its
  // group on its first token only.
  std::vector<std::string> synonyms;
  // How many words (this one included) the phrase behind `synonyms` spans:
  // 0 with no synonyms, 1 for a single-word term, 3 for "mot de passe".
  uint32_t synonym_words = 0;
  uint32_t begin = 0;     // byte offset of the word in the input
  uint32_t end = 0;       // byte offset one past the word
  uint32_t position = 0;  // ordinal of the word in the input (stop words counted)
  bool stopword = false;  // a stop word of the analysis language
};

// Groups of equivalent terms, one group a line in kb/synonyms.txt:
//   2sv = 2fa = otp = two-step verification = verifica in due passaggi
// Terms are matched on their folded words, so that any case or accent form
// of a term finds its group.
class SynonymTable {
 public:
  // Parses the synonyms file's text. Errors name the line.
  static StatusOr<std::shared_ptr<const SynonymTable>> Parse(std::string_view text);
  static std::shared_ptr<const SynonymTable> Empty();

  struct Impl;
  explicit SynonymTable(std::unique_ptr<Impl> impl);
  ~SynonymTable();
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

class Analyzer {
 public:
  explicit Analyzer(std::shared_ptr<const SynonymTable> synonyms = SynonymTable::Empty());
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Every word of `utf8` (invalid UTF-8 is replaced with U+FFFD first) with
  // stop words flagged, not removed. Punctuation and spaces are not tokens.
  std::vector<Token> Analyze(std::string_view utf8, Lang lang);
  // The same, and with Surfaces::kSkip every Token::surface is left empty:
  // for callers that only need the folded forms and stems (the FTS5
  // tokenizer), which then save a copy of every word.
  enum class Surfaces { kKeep, kSkip };
  std::vector<Token> Analyze(std::string_view utf8, Lang lang, Surfaces surfaces);

  // The normalized, case- and accent-folded form of a text (one word or many).
  std::string Fold(std::string_view utf8);
  // The Snowball stem of an already folded word.
  std::string Stem(std::string_view folded_word, Lang lang);
  bool IsStopword(std::string_view folded_word, Lang lang) const;

  const SynonymTable& synonyms() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Language identification for short texts (3-10 words) among en/it/es/fr/de.
struct LanguageGuess {
  Lang lang = Lang::kUnknown;  // kUnknown when no word carries a language
  double confidence = 0;       // in [0,1]: share of the evidence for `lang`
  double scores[5] = {};       // per language of kLangs, summing to 1 (or all 0)
};
LanguageGuess DetectLanguage(std::string_view utf8);

}  // namespace kb
