// Reading the plain tables of a KB file back into structs: meta values,
// articles with their sections and steps. Used by KnowledgeBase::Open and by
// the indexer to reuse unchanged articles.
//
// Thread safety: one thread at a time.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kb/article.h"
#include "kb/status.h"
#include "sqlite_handle.h"

namespace kb::store {

// Where a section lives: its article and its index among the article's sections.
struct SectionLocation {
  size_t article = 0;
  size_t section = 0;
};

class KbReader {
 public:
  static StatusOr<KbReader> Open(const std::string& path);

  std::optional<std::string> Meta(const std::string& key) const;
  // All articles ordered by id; `locations` (optional) maps section row ids.
  StatusOr<std::vector<Article>> LoadArticles(
      std::map<int64_t, SectionLocation>* locations = nullptr) const;
  std::map<std::string, std::string> ArticleHashes() const;
  sqlite3* db() const { return db_.get(); }

 private:
  Database db_;
};

}  // namespace kb::store
