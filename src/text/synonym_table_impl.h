// The inside of a SynonymTable: the phrases of every group, indexed by their
// first word (folded, and stemmed per language), and the matcher that marks
// tokens with the groups whose phrase starts at them.
//
// Thread safety: immutable after Parse(); Match() is const and reentrant.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "kb/analyzer.h"

namespace kb {

struct SynonymTable::Impl {
  struct Phrase {
    std::vector<std::string> folded;  // the term's folded words
    // The same words as the Analyzer stems them in each language of kLangs
    // (stop words and codes stay folded, as in Token::stem).
    std::array<std::vector<std::string>, 5> stems;
    std::vector<std::string> groups;  // group ids, usually one
  };
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<uint32_t>> by_folded_first;
  std::array<std::unordered_map<std::string, std::vector<uint32_t>>, 5> by_stem_first;

  // Sets Token::synonyms of every token where a phrase starts. A phrase word
  // matches a token when their folded forms are equal or, in a known
  // language, their stems are ("passwords" finds "password"). Among the
  // phrases starting at a token the longest wins; ties keep all groups.
  void Match(std::vector<Token>& tokens, Lang lang) const;
};

}  // namespace kb
