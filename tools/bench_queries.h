// Inputs and measurements of the search benchmark (tools/search_bench):
// the query file, the article files read plainly for the FTS5 baseline, and
// the latency / recall arithmetic. Engine-neutral; no SQLite, no kb library.
//
// Thread safety: plain values and free functions; nothing shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/status.h"

namespace kb::bench {

// One known-item query: `expected` holds the article ids that count as a hit
// (one for generated queries; a few for hand-written seed queries).
struct BenchQuery {
  std::string lang;
  std::string kind;  // "exact", "typo" or "prefix"
  std::string text;
  std::vector<std::string> expected;
};

// Reads a TSV with the header `lang kind query expected`; `expected` may list
// several ids separated by '|'. Lines starting with '#' are comments.
StatusOr<std::vector<BenchQuery>> LoadQueries(const std::string& path);

// An article file as the baseline sees it: title and the rest as one text.
struct PlainArticle {
  std::string id;  // the file stem
  std::string title;
  std::string body;
};

struct PlainCorpus {
  std::vector<PlainArticle> articles;
  uint64_t bytes = 0;  // sum of the article files' sizes
};

// The .md/.txt files of `dir` in name order. Title from Markdown front matter
// (`title:`), else the first non-empty line.
StatusOr<PlainCorpus> ReadPlainCorpus(const std::string& dir);

// Sum of the sizes of the files ReadPlainCorpus would read.
StatusOr<uint64_t> CorpusBytes(const std::string& dir);

// Nearest-rank percentile (0 < p <= 100) of unsorted samples; 0 when empty.
double Percentile(std::vector<double> samples, double p);

// 1-based rank of the first expected id among `ranked` (distinct article ids,
// best first), or 0 when absent.
int HitRank(const std::vector<std::string>& ranked, const std::vector<std::string>& expected);

}  // namespace kb::bench
