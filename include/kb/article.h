// An article as the ingest layer understands it: plain structs, no SQLite.
// Produced by ParseArticle from a plain-text or Markdown file; persisted by
// the indexer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/status.h"

namespace kb {

struct Step {
  int ordinal = 0;   // 1-based position in its section's step list
  std::string text;  // the step, cleaned, as displayed
};

struct Section {
  std::string heading;                  // as written (cleaned); the intro section uses the title
  std::vector<std::string> paragraphs;  // cleaned prose, in order (steps not repeated here)
  std::vector<Step> steps;              // numbered lines, bullets or procedural prose split
};

struct Article {
  std::string id;  // the file stem, e.g. "003_e82f2a4ec7c2d43f"
  std::string title;
  std::string lang;  // ISO 639-1 code: detected, or given by Markdown front matter
  std::vector<Section> sections;
  std::vector<std::string> warnings;  // what cleaning dropped or repaired, for `kb index`
};

// Parses one article file. `bytes` is the raw file content. Fails (with a
// message naming the problem) on empty, binary or invalid UTF-8 input.
StatusOr<Article> ParseArticle(std::string_view id, std::string_view bytes);

}  // namespace kb
