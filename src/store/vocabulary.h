// The KB's vocabulary in memory, for typo tolerance: a query word missing
// from the index is expanded to a few indexed words within a small edit
// distance (Meilisearch's rule: 0 edits up to 4 letters, 1 up to 8, 2 beyond;
// a transposition is one edit; the first letter is trusted). Also for the
// word being typed: its completions, which the index has no prefix index for.
//
// Thread safety: immutable after construction; safe to share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kb::store {

class Vocabulary {
 public:
  // `terms` with their document counts; terms starting with '~' (synonym
  // groups) or holding no letter are ignored for corrections.
  void Add(std::string term, int64_t documents);
  void Finish();

  bool Contains(std::string_view term) const;
  // The number of passages holding `term`; 0 for an unknown term.
  int64_t Documents(std::string_view term) const;
  // Up to `limit` indexed terms closest to `word` (fewest edits, then most
  // frequent); empty when the word is too short to correct.
  std::vector<std::string> Corrections(std::string_view word, size_t limit) const;
  // Indexed terms that start with `prefix` (itself included): the most
  // frequent `limit` of them, most frequent first, and how many there are.
  struct Completions {
    std::vector<std::string> terms;
    size_t total = 0;
  };
  Completions Complete(std::string_view prefix, size_t limit) const;
  size_t size() const { return terms_.size(); }

  // The allowed number of edits for a word of `length` code points.
  static int MaxEdits(size_t length);

 private:
  struct Term {
    std::u32string text;
    std::string utf8;
    int64_t documents;
    uint64_t letters;  // CharacterMask(text)
  };
  std::vector<Term> terms_;
  std::unordered_map<std::string, size_t> index_;
  // Terms bucketed by (first code point, length), for the candidate scan.
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
  // Term ids in byte order of their text, for prefix ranges.
  std::vector<uint32_t> sorted_;
};

// Longest word (in code points) that typo correction considers.
inline constexpr int kMaxWordLength = 64;

// Damerau-Levenshtein (optimal string alignment) distance, or limit+1 once
// it is certain to exceed `limit` (or a word is kMaxWordLength or longer).
// A 64-bit set of the code points of `text` (hashed to bits). One edit
// changes at most two bits, so a candidate whose mask differs from the
// query's in more than 2·k bits is more than k edits away: a cheap filter
// before the edit distance.
uint64_t CharacterMask(std::u32string_view text);

int BoundedEditDistance(std::u32string_view a, std::u32string_view b, int limit);

std::u32string DecodeUtf8(std::string_view utf8);

}  // namespace kb::store
