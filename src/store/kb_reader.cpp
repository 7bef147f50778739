// Loads the plain tables of a KB file.
#include "kb_reader.h"

namespace kb::store {
namespace {

std::vector<std::string> SplitParagraphs(const std::string& body) {
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    if (end > start) paragraphs.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return paragraphs;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

StatusOr<KbReader> KbReader::Open(const std::string& path) {
  auto db = OpenImmutable(path);
  if (!db.ok()) return db.status();
  KbReader reader;
  reader.db_ = std::move(db).value();
  if (!reader.Meta("schema_version")) {
    return Status::Error(path + " is not a knowledge base (no schema version): run `kb index`");
  }
  return reader;
}

std::optional<std::string> KbReader::Meta(const std::string& key) const {
  auto stmt = Prepare(db_.get(), "SELECT value FROM meta WHERE key = ?");
  if (!stmt.ok()) return std::nullopt;
  BindText(stmt->get(), 1, key);
  if (sqlite3_step(stmt->get()) != SQLITE_ROW) return std::nullopt;
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt->get(), 0));
  return std::string(data ? data : "", static_cast<size_t>(sqlite3_column_bytes(stmt->get(), 0)));
}

StatusOr<std::vector<Article>> KbReader::LoadArticles(
    std::map<int64_t, SectionLocation>* locations) const {
  std::vector<Article> articles;
  std::map<std::string, size_t> by_id;
  {
    auto stmt = Prepare(db_.get(), "SELECT id, title, lang, warnings FROM articles ORDER BY id");
    if (!stmt.ok()) return stmt.status();
    while (sqlite3_step(stmt->get()) == SQLITE_ROW) {
      Article article;
      article.id = ColumnText(stmt->get(), 0);
      article.title = ColumnText(stmt->get(), 1);
      article.lang = ColumnText(stmt->get(), 2);
      article.warnings = SplitLines(ColumnText(stmt->get(), 3));
      by_id[article.id] = articles.size();
      articles.push_back(std::move(article));
    }
  }
  std::map<int64_t, SectionLocation> sections;
  {
    auto stmt = Prepare(
        db_.get(), "SELECT id, article, heading, body FROM sections ORDER BY article, ordinal");
    if (!stmt.ok()) return stmt.status();
    while (sqlite3_step(stmt->get()) == SQLITE_ROW) {
      auto it = by_id.find(ColumnText(stmt->get(), 1));
      if (it == by_id.end()) return Status::Error("corrupt KB: section of an unknown article");
      Article& article = articles[it->second];
      Section section;
      section.heading = ColumnText(stmt->get(), 2);
      section.paragraphs = SplitParagraphs(ColumnText(stmt->get(), 3));
      sections[sqlite3_column_int64(stmt->get(), 0)] = {it->second, article.sections.size()};
      article.sections.push_back(std::move(section));
    }
  }
  {
    auto stmt =
        Prepare(db_.get(), "SELECT section, ordinal, text FROM steps ORDER BY section, ordinal");
    if (!stmt.ok()) return stmt.status();
    while (sqlite3_step(stmt->get()) == SQLITE_ROW) {
      auto it = sections.find(sqlite3_column_int64(stmt->get(), 0));
      if (it == sections.end()) return Status::Error("corrupt KB: step of an unknown section");
      articles[it->second.article].sections[it->second.section].steps.push_back(
          {sqlite3_column_int(stmt->get(), 1), ColumnText(stmt->get(), 2)});
    }
  }
  if (locations) *locations = std::move(sections);
  return articles;
}

std::map<std::string, std::string> KbReader::ArticleHashes() const {
  std::map<std::string, std::string> hashes;
  auto stmt = Prepare(db_.get(), "SELECT id, hash FROM articles");
  if (!stmt.ok()) return hashes;
  while (sqlite3_step(stmt->get()) == SQLITE_ROW) {
    hashes[ColumnText(stmt->get(), 0)] = ColumnText(stmt->get(), 1);
  }
  return hashes;
}

}  // namespace kb::store
