// The Analyzer pipeline (see kb/analyzer.h): ICU word breaking over the
// caller's UTF-8, elision split, number+percent joining, folding, stop
// words, stemming of the folded word, synonym groups.
//
// Folding happens BEFORE stemming, on purpose: forum questions come without
// accents ("verificacion", "securite"), articles with them. Stemming the
// folded word gives "verificación" and "verificacion" one stem; stemming the
// accented word first would give them different stems (Snowball's Spanish and
// French suffix rules are written with accents). The cost is that some stems
// differ from Snowball's reference output for accented words; Stem() itself
// is plain Snowball and matches the reference.
//
// Thread safety: one Analyzer per thread (ICU break iterator, Snowball
// stemmers and scratch buffers are per instance).
#include "kb/analyzer.h"

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>

#include "normalizer.h"
#include "stemmer.h"
#include "stopwords.h"
#include "synonym_table_impl.h"
#include "word_breaker.h"

namespace kb {
namespace {

// Elided articles, prepositions and pronouns of Italian and French, folded.
// "dell'accesso" -> dell + accesso; "qu'il" -> qu + il. ICU keeps such words
// whole because the apostrophe is a MidNumLet; English contractions ("don't")
// have prefixes that are not in this list and stay whole.
bool IsElisionPrefix(std::string_view p) {
  static constexpr std::array<std::string_view, 30> kPrefixes = {
      "l",      "d",     "j",      "m",      "n",    "s",    "t",    "c",    "qu",   "lorsqu",
      "puisqu", "jusqu", "quoiqu", "dell",   "dall", "nell", "sull", "all",  "coll", "pell",
      "quell",  "quest", "un",     "nessun", "anch", "tutt", "bell", "sant", "v",    "buon"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), p) != kPrefixes.end();
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Byte length of an apostrophe (' or U+2019) at `pos` of `s`, or 0.
size_t ApostropheAt(std::string_view s, size_t pos) {
  if (s[pos] == '\'') return 1;
  if (s.compare(pos, 3, "\xE2\x80\x99") == 0) return 3;
  return 0;
}

}  // namespace

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Words repeat (Zipf), Snowball is the costliest step: remember stems. The
// cache is bounded and simply dropped when full, which keeps memory flat on
// long indexing runs.
constexpr size_t kStemCacheLimit = 1 << 16;

struct Analyzer::Impl {
  std::shared_ptr<const SynonymTable> synonyms;
  text::Normalizer normalizer;
  text::WordBreaker breaker;
  text::Stemmer stemmer;
  std::array<std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>, 5>
      stem_cache;
  std::string scratch;

  void StemInto(const std::string& folded, Lang lang, std::string& out) {
    const int index = LangIndex(lang);
    if (index < 0) {
      out = folded;
      return;
    }
    auto& cache = stem_cache[static_cast<size_t>(index)];
    if (auto it = cache.find(folded); it != cache.end()) {
      out = it->second;
      return;
    }
    out.assign(stemmer.Stem(folded, lang));
    if (cache.size() >= kStemCacheLimit) cache.clear();
    cache.emplace(folded, out);
  }

  // `valid`: the whole text is valid UTF-8, so no word needs repairing.
  void Emit(std::string_view text, uint32_t begin, uint32_t end, Lang lang, bool valid,
            bool with_surface, std::vector<Token>& tokens) {
    Token& token = tokens.emplace_back();
    token.begin = begin;
    token.end = end;
    token.position = static_cast<uint32_t>(tokens.size() - 1);
    std::string_view surface = text.substr(begin, end - begin);
    if (!valid && text::SanitizeUtf8(surface, scratch)) surface = scratch;
    if (with_surface) token.surface.assign(surface);
    normalizer.Fold(surface, token.folded);
    if (HasDigit(token.folded)) {
      token.stem = token.folded;  // numbers and codes (2sv, 108,52) are kept whole
      return;
    }
    token.stopword = text::IsStopwordIn(token.folded, lang);
    if (token.stopword) {
      token.stem = token.folded;
    } else {
      StemInto(token.folded, lang, token.stem);
    }
  }
};

Analyzer::Analyzer(std::shared_ptr<const SynonymTable> synonyms) : impl_(std::make_unique<Impl>()) {
  impl_->synonyms = synonyms ? std::move(synonyms) : SynonymTable::Empty();
}

Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::Analyze(std::string_view utf8, Lang lang) {
  return Analyze(utf8, lang, Surfaces::kKeep);
}

std::vector<Token> Analyzer::Analyze(std::string_view utf8, Lang lang, Surfaces surfaces) {
  std::vector<Token> tokens;
  if (utf8.empty()) return tokens;
  tokens.reserve(utf8.size() / 6 + 1);
  Impl& impl = *impl_;
  // One check of the whole text instead of one per word.
  const bool valid = !text::SanitizeUtf8(utf8, impl.scratch);
  const bool with_surface = surfaces == Surfaces::kKeep;
  impl.breaker.SetText(utf8);
  uint32_t begin = 0;
  uint32_t end = 0;
  text::WordKind kind;
  while (impl.breaker.Next(begin, end, kind)) {
    // "1%", "2,5%": ICU ends the number before '%'; the percentage is one code.
    if (kind == text::WordKind::kNumber && end < utf8.size() && utf8[end] == '%') ++end;
    if (kind == text::WordKind::kLetters) {
      // Split leading elisions, possibly repeated: "qu'l'..." is not French,
      // but "dell'" + "account" and "l'" + "accès" are.
      for (size_t pos = begin; pos < end; ++pos) {
        if (utf8[pos] != '\'' && utf8[pos] != '\xE2') continue;  // cheap test first
        const size_t apostrophe = ApostropheAt(utf8.substr(0, end), pos);
        if (apostrophe == 0) continue;
        if (pos == begin || pos + apostrophe >= end) break;
        impl.scratch.clear();
        impl.normalizer.Fold(utf8.substr(begin, pos - begin), impl.scratch);
        if (!IsElisionPrefix(impl.scratch)) break;
        impl.Emit(utf8, begin, static_cast<uint32_t>(pos), lang, valid, with_surface, tokens);
        begin = static_cast<uint32_t>(pos + apostrophe);
        pos = begin;
      }
    }
    impl.Emit(utf8, begin, end, lang, valid, with_surface, tokens);
  }
  impl.synonyms->impl().Match(tokens, lang);
  return tokens;
}

std::string Analyzer::Fold(std::string_view utf8) {
  std::string out;
  impl_->normalizer.Fold(utf8, out);
  return out;
}

std::string Analyzer::Stem(std::string_view folded_word, Lang lang) {
  return std::string(impl_->stemmer.Stem(folded_word, lang));
}

bool Analyzer::IsStopword(std::string_view folded_word, Lang lang) const {
  return text::IsStopwordIn(folded_word, lang);
}

const SynonymTable& Analyzer::synonyms() const { return *impl_->synonyms; }

}  // namespace kb
