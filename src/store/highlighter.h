// Snippets and step location for search results, computed in C++ from the
// passage's analyzed words instead of FTS5's snippet(), which re-parses the
// query and re-tokenizes the passage for every row. The analysis of each
// passage is cached per connection, so a popular passage is analyzed once.
//
// Thread safety: a Highlighter belongs to one connection (one thread).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "kb/analyzer.h"
#include "kb/article.h"
#include "query_builder.h"

namespace kb::store {

struct Highlight {
  std::string snippet;  // HTML-escaped, matches in <mark>…</mark>
  int step = 0;         // the step holding the best match, 0 for prose
  int matches = 0;      // matched words in the passage
};

class Highlighter {
 public:
  // `text` is the section's searchable text: paragraphs then steps, one per
  // line (SectionText); `key` identifies it for the cache.
  Highlight Make(int64_t key, const std::string& text, const Section& section, Lang lang,
                 const BuiltQuery& query, Analyzer& analyzer);

 private:
  struct Analyzed {
    std::vector<Token> tokens;
  };
  static constexpr size_t kCacheEntries = 2048;
  std::unordered_map<int64_t, Analyzed> cache_;
};

// The searchable text of a section: its paragraphs, then its steps, one per line.
std::string SectionText(const Section& section);

}  // namespace kb::store
