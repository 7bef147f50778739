// The knowledge base file: building it (`kb index`) and reading it (search,
// articles, catalogue, the intent model). One SQLite file with FTS5 tables
// tokenized by our own analyzer.
//
// Thread safety: a KnowledgeBase is safe to share between threads; each
// search borrows a connection (with its own analyzer) from an internal pool.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/analyzer.h"
#include "kb/article.h"
#include "kb/catalog.h"
#include "kb/lang.h"
#include "kb/status.h"

namespace kb {

// What `kb index` reports per article.
struct ArticleReport {
  std::string id;
  std::string lang;
  int sections = 0;
  int steps = 0;
  bool unchanged = false;  // same content hash as in the previous KB: reused
  std::string error;       // non-empty: the article was skipped (broken file)
  std::vector<std::string> warnings;
};

struct IndexOptions {
  std::string articles_dir = "kb/articles";
  std::string intents_dir = "kb/intents";         // "" = no catalogue
  std::string synonyms_file = "kb/synonyms.txt";  // "" = no synonyms
  std::string kb_path = "kb/kb.db";
  std::function<void(const ArticleReport&)> on_article;  // called as each article is done
  std::function<void(size_t done, size_t total)> on_progress;
  // Builds the intent model from the validated catalogue and the articles;
  // its bytes are stored in the KB as the blob "intent_model". Optional.
  std::function<StatusOr<std::string>(const Catalog&, const std::vector<Article>&,
                                      const std::shared_ptr<const SynonymTable>&)>
      build_model;
};

struct IndexSummary {
  int articles = 0;
  int skipped = 0;
  int unchanged = 0;
  int sections = 0;
  int steps = 0;
  uint64_t bytes = 0;
  double seconds = 0;
};

// Builds the KB into a temporary file beside kb_path and renames it into
// place. Fails (nothing replaced) on an invalid catalogue or synonyms file.
StatusOr<IndexSummary> BuildIndex(const IndexOptions& options);

struct SearchOptions {
  std::optional<Lang> lang;  // query language; detected when absent
  std::string lang_filter;   // only passages of this language ("" = all)
  int limit = 10;
  bool prefix_last = true;  // the last word is being typed: match it as a prefix
  bool typos = true;        // correct words missing from the vocabulary
  // When no passage holds every term: false returns no passage at all, for
  // callers that only want full matches (the engine's search fallback), which
  // then skip ranking and highlighting every passage holding any one word.
  bool any_term_fallback = true;
};

struct Passage {
  std::string article;
  std::string title;
  std::string section;
  std::string lang;
  std::string snippet;  // with matches wrapped in <mark>…</mark>, the rest HTML-escaped
  std::string text;     // the passage's plain text
  int step = 0;         // 1-based step ordinal, 0 for a section passage
  double score = 0;     // higher is better
};

struct SearchResult {
  std::vector<Passage> passages;
  Lang query_lang = Lang::kUnknown;
  std::vector<std::string> corrections;  // "pasword -> password", for explanations
  std::vector<std::string> terms;        // the analyzed terms searched for
  bool matched_all_terms = false;        // the first passage holds every term
  int64_t took_us = 0;
};

class KnowledgeBase {
 public:
  // Opens an existing KB file read-only. Errors name the file.
  static StatusOr<std::unique_ptr<KnowledgeBase>> Open(const std::string& path);
  ~KnowledgeBase();

  // Any text is a valid query: FTS5 syntax characters, invalid UTF-8 and
  // huge strings are searched as words, never passed to FTS5 as syntax.
  StatusOr<SearchResult> Search(std::string_view query, const SearchOptions& options) const;

  const std::vector<Article>& articles() const;
  const Article* FindArticle(std::string_view id) const;
  const Section* FindSection(std::string_view article, std::string_view heading) const;
  const Catalog& catalog() const;
  const std::shared_ptr<const SynonymTable>& synonyms() const;
  // A blob stored at index time under `name` (e.g. the intent model).
  std::optional<std::string> Blob(std::string_view name) const;
  const std::string& path() const;

  struct Impl;

 private:
  explicit KnowledgeBase(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb
