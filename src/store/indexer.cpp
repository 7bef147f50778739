// `kb index`: articles + catalogue + synonyms -> a KB file, built in a
// temporary file beside the target and renamed into place, so a reader never
// sees a half-built KB. Unchanged articles (same content hash, same schema and
// synonyms) are carried over from the previous KB instead of re-tokenized.
#include <endian.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "catalog_codec.h"
#include "fts5_tokenizer.h"
#include "highlighter.h"
#include "kb/analyzer.h"
#include "kb/knowledge_base.h"
#include "kb_reader.h"
#include "schema.h"
#include "sqlite_handle.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using store::BindText;
using store::Prepare;
using store::SqliteError;

// The whole file in one string: sized by fstat, filled by read(2), without
// the stream buffers' extra copies. One spare byte lets the read that sees
// EOF land without a resize; a file that grew meanwhile is still read whole.
StatusOr<std::string> ReadFile(const fs::path& path) {
  // Owns the descriptor: closed on every return path, never twice.
  class FileDescriptor {
   public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
      if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

   private:
    int fd_;
  };
  const auto failed = [&path] {
    return Status::Error("cannot read " + path.string() + ": " + std::strerror(errno));
  };
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat info {};
  if (file.get() < 0 || ::fstat(file.get(), &info) != 0) return failed();
  std::string bytes(static_cast<size_t>(info.st_size) + 1, '\0');
  size_t filled = 0;
  for (;;) {
    if (filled == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t got = ::read(file.get(), bytes.data() + filled, bytes.size() - filled);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      return failed();
    }
    filled += static_cast<size_t>(got);
  }
  bytes.resize(filled);
  return bytes;
}

// A stable 64-bit content hash: FNV-1a's step over little-endian 8-byte
// words (a shift folds the high bits back in), then over the tail bytes.
// Word steps because every article's bytes are hashed on each `kb index`,
// where FNV-1a byte by byte cost 2% of the run. A collision would take a
// changed article for unchanged; at 64 bits that is not a practical risk.
std::string ContentHash(std::string_view bytes) {
  constexpr uint64_t kPrime = 1099511628211ULL;
  uint64_t hash = 1469598103934665603ULL;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, sizeof word);
    hash ^= le64toh(word);
    hash *= kPrime;
    hash ^= hash >> 32;
  }
  for (; i < bytes.size(); ++i) {
    hash ^= static_cast<unsigned char>(bytes[i]);
    hash *= kPrime;
  }
  char out[17];
  snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

bool IsArticleFile(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".markdown";
}

std::string JoinParagraphs(const Section& section) {
  std::string body;
  for (const std::string& paragraph : section.paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += paragraph;
  }
  return body;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// What the passages table indexes for one section: the article's title, the
// section's heading and its text, each behind the article's language tag.
// Inserting and deleting a passage both come from here: the table is
// contentless, and FTS5 deletes a row by tokenizing the values it was given
// again, so they must be the very ones it was inserted with.
struct PassageColumns {
  std::string title;
  std::string heading;
  std::string body;
};

PassageColumns PassageOf(const Article& article, const Section& section) {
  const std::string tag = LanguageTagFor(article.lang);
  return {tag + article.title, tag + section.heading, tag + store::SectionText(section)};
}

// Prepared statements of one index build.
class Writer {
 public:
  static StatusOr<Writer> Create(sqlite3* db) {
    Writer w;
    w.db_ = db;
    const char* sql[kStatements] = {
        "INSERT INTO articles(id, title, lang, hash, bytes, warnings) VALUES(?,?,?,?,?,?)",
        "INSERT INTO sections(article, ordinal, heading, body) VALUES(?,?,?,?)",
        "INSERT INTO steps(section, ordinal, text) VALUES(?,?,?)",
        "INSERT INTO passages(rowid, title, heading, body) VALUES(?,?,?,?)",
        "INSERT INTO passages(passages, rowid, title, heading, body) VALUES('delete',?,?,?,?)",
    };
    for (int i = 0; i < kStatements; ++i) {
      auto stmt = Prepare(db, sql[i]);
      if (!stmt.ok()) return stmt.status();
      w.stmts_[i] = std::move(stmt).value();
    }
    return w;
  }

  // Remembers the section ids of a previous KB's article, in the order of
  // its sections, before the article is replaced.
  Status SnapshotOld(const std::string& id) {
    auto stmt = Prepare(db_, "SELECT id FROM sections WHERE article = ? ORDER BY ordinal");
    if (!stmt.ok()) return stmt.status();
    BindText(stmt->get(), 1, id);
    while (sqlite3_step(stmt->get()) == SQLITE_ROW) {
      old_sections_[id].push_back(sqlite3_column_int64(stmt->get(), 0));
    }
    return Status::Ok();
  }

  // Deletes the rows a previous KB had for article `old` (snapshotted
  // first, and read back from that KB); a no-op the second time.
  Status DeleteOld(const Article& old) {
    auto sections = old_sections_.find(old.id);
    if (sections == old_sections_.end()) return Status::Ok();
    if (sections->second.size() != old.sections.size()) {
      return Status::Error("corrupt KB: the sections of " + old.id + " do not match its rows");
    }
    for (size_t i = 0; i < old.sections.size(); ++i) {
      if (Status st =
              WritePassage(kDeletePassage, sections->second[i], PassageOf(old, old.sections[i]));
          !st.ok()) {
        return st;
      }
    }
    auto article = Prepare(db_, "DELETE FROM articles WHERE id = ?");
    if (!article.ok()) return article.status();
    BindText(article->get(), 1, old.id);
    if (sqlite3_step(article->get()) != SQLITE_DONE) {
      return SqliteError(db_, "cannot delete " + old.id);
    }
    for (const char* sql :
         {"DELETE FROM steps WHERE section = ?", "DELETE FROM sections WHERE id = ?"}) {
      auto stmt = Prepare(db_, sql);
      if (!stmt.ok()) return stmt.status();
      for (int64_t section : sections->second) {
        store::StatementReset reset(stmt->get());
        sqlite3_bind_int64(stmt->get(), 1, section);
        if (sqlite3_step(stmt->get()) != SQLITE_DONE) {
          return SqliteError(db_, "cannot delete the old rows of " + old.id);
        }
      }
    }
    old_sections_.erase(sections);
    return Status::Ok();
  }

  Status Insert(const Article& article, const std::string& hash, size_t bytes) {
    sqlite3_stmt* a = stmts_[kInsertArticle].get();
    {
      store::StatementReset reset(a);
      const std::string warnings = JoinLines(article.warnings);
      BindText(a, 1, article.id);
      BindText(a, 2, article.title);
      BindText(a, 3, article.lang);
      BindText(a, 4, hash);
      sqlite3_bind_int64(a, 5, static_cast<sqlite3_int64>(bytes));
      BindText(a, 6, warnings);
      if (sqlite3_step(a) != SQLITE_DONE) return SqliteError(db_, "cannot store " + article.id);
    }
    int ordinal = 0;
    for (const Section& section : article.sections) {
      const std::string body = JoinParagraphs(section);
      sqlite3_stmt* s = stmts_[kInsertSection].get();
      {
        store::StatementReset reset(s);
        BindText(s, 1, article.id);
        sqlite3_bind_int(s, 2, ordinal++);
        BindText(s, 3, section.heading);
        BindText(s, 4, body);
        if (sqlite3_step(s) != SQLITE_DONE) return SqliteError(db_, "cannot store section");
      }
      const sqlite3_int64 section_id = sqlite3_last_insert_rowid(db_);
      // One passage per section: its prose and its steps. Search finds the
      // step that matched from the passage's words (store/highlighter.h).
      if (Status st = WritePassage(kInsertPassage, section_id, PassageOf(article, section));
          !st.ok()) {
        return st;
      }
      for (const Step& step : section.steps) {
        sqlite3_stmt* t = stmts_[kInsertStep].get();
        store::StatementReset reset(t);
        sqlite3_bind_int64(t, 1, section_id);
        sqlite3_bind_int(t, 2, step.ordinal);
        BindText(t, 3, step.text);
        if (sqlite3_step(t) != SQLITE_DONE) return SqliteError(db_, "cannot store step");
      }
    }
    return Status::Ok();
  }

 private:
  enum Statement {
    kInsertArticle,
    kInsertSection,
    kInsertStep,
    kInsertPassage,
    kDeletePassage,
    kStatements
  };

  Status WritePassage(Statement which, sqlite3_int64 section, const PassageColumns& columns) {
    sqlite3_stmt* p = stmts_[which].get();
    store::StatementReset reset(p);
    sqlite3_bind_int64(p, 1, section);
    BindText(p, 2, columns.title);
    BindText(p, 3, columns.heading);
    BindText(p, 4, columns.body);
    if (sqlite3_step(p) != SQLITE_DONE) {
      return SqliteError(
          db_, which == kDeletePassage ? "cannot delete passage" : "cannot index passage");
    }
    return Status::Ok();
  }

  sqlite3* db_ = nullptr;
  store::Statement stmts_[kStatements];
  std::map<std::string, std::vector<int64_t>> old_sections_;
};

Status PutMeta(sqlite3* db, std::string_view key, std::string_view value) {
  auto stmt = Prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, key);
  sqlite3_bind_blob(stmt->get(), 2, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  if (sqlite3_step(stmt->get()) != SQLITE_DONE) return SqliteError(db, "cannot store meta");
  return Status::Ok();
}

// Articles of a previous KB that can be reused: same schema and synonyms.
struct PreviousKb {
  std::map<std::string, std::string> hash_by_id;
  std::map<std::string, Article> articles;
};

PreviousKb LoadPrevious(const std::string& path, const std::string& synonyms_hash) {
  PreviousKb previous;
  std::error_code ec;
  if (!fs::exists(path, ec)) return previous;
  auto reader = store::KbReader::Open(path);
  if (!reader.ok()) return previous;
  if (reader->Meta("schema_version").value_or("") != std::to_string(store::kSchemaVersion) ||
      reader->Meta("synonyms_hash").value_or("") != synonyms_hash) {
    return previous;
  }
  auto articles = reader->LoadArticles();
  if (!articles.ok()) return previous;
  previous.hash_by_id = reader->ArticleHashes();
  for (Article& article : *articles) previous.articles.emplace(article.id, std::move(article));
  return previous;
}

}  // namespace

StatusOr<IndexSummary> BuildIndex(const IndexOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IndexSummary summary;

  std::string synonyms_text;
  if (!options.synonyms_file.empty()) {
    auto text = ReadFile(options.synonyms_file);
    if (!text.ok()) return text.status();
    synonyms_text = std::move(text).value();
  }
  auto synonyms = SynonymTable::Parse(synonyms_text);
  if (!synonyms.ok()) {
    return Status::Error(options.synonyms_file + ": " + synonyms.status().message());
  }
  std::optional<Catalog> catalog;
  if (!options.intents_dir.empty()) {
    auto loaded = LoadCatalog(options.intents_dir);
    if (!loaded.ok()) return loaded.status();
    catalog = std::move(loaded).value();
  }

  std::error_code ec;
  if (!fs::is_directory(options.articles_dir, ec)) {
    return Status::Error("articles directory not found: " + options.articles_dir);
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(options.articles_dir, ec)) {
    if (entry.is_regular_file() && IsArticleFile(entry.path())) files.push_back(entry.path());
  }
  // By name: for files of one directory the order path's own operator< gives,
  // without its component-by-component compare (1% of indexing 12,000 files).
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });

  const std::string synonyms_hash = ContentHash(synonyms_text);
  PreviousKb previous = LoadPrevious(options.kb_path, synonyms_hash);

  const std::string tmp_path = options.kb_path + ".tmp-" + std::to_string(getpid());
  fs::remove(tmp_path, ec);
  if (const fs::path parent = fs::path(options.kb_path).parent_path(); !parent.empty()) {
    fs::create_directories(parent, ec);
  }
  // Removes the temporary file on every early return.
  struct TmpGuard {
    std::string path;
    bool keep = false;
    ~TmpGuard() {
      std::error_code ignored;
      if (!keep) fs::remove(path, ignored);
    }
  } guard{tmp_path};

  // A compatible previous KB is copied and updated in place: unchanged
  // articles keep their rows and are not tokenized again.
  const bool reuse = !previous.hash_by_id.empty();
  if (reuse) {
    fs::copy_file(options.kb_path, tmp_path, fs::copy_options::overwrite_existing, ec);
    if (ec) return Status::Error("cannot copy " + options.kb_path + ": " + ec.message());
  }
  {
    auto db = store::OpenDatabase(tmp_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!db.ok()) return db.status();
    sqlite3* raw = db->get();
    if (Status st = RegisterKbTokenizer(raw, *synonyms); !st.ok()) return st;
    if (Status st = store::Execute(raw,
                                   "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                                   "PRAGMA page_size=8192; PRAGMA cache_size=-65536; BEGIN;");
        !st.ok()) {
      return st;
    }
    if (!reuse) {
      if (Status st = store::CreateSchema(raw); !st.ok()) return st;
    }
    // No incremental merging while loading: the 'optimize' at the end merges
    // every segment once, so merges along the way would be wasted work.
    if (Status st =
            store::Execute(raw, "INSERT INTO passages(passages, rank) VALUES('automerge', 0)");
        !st.ok()) {
      return st;
    }
    auto writer = Writer::Create(raw);
    if (!writer.ok()) return writer.status();
    std::set<std::string> kept;  // previous articles whose rows stay as they are
    if (reuse) {
      for (const auto& [id, hash] : previous.hash_by_id) {
        if (Status st = writer->SnapshotOld(id); !st.ok()) return st;
      }
    }

    std::vector<Article> articles;
    for (size_t i = 0; i < files.size(); ++i) {
      const fs::path& file = files[i];
      ArticleReport report;
      report.id = file.stem().string();
      auto bytes = ReadFile(file);
      if (!bytes.ok()) {
        report.error = bytes.status().message();
      } else {
        const std::string hash = ContentHash(*bytes);
        Article article;
        auto reused = previous.articles.find(report.id);
        if (reused != previous.articles.end() && previous.hash_by_id[report.id] == hash) {
          article = std::move(reused->second);
          report.unchanged = true;
          kept.insert(report.id);
        } else if (auto parsed = ParseArticle(report.id, *bytes); parsed.ok()) {
          article = std::move(parsed).value();
        } else {
          report.error = parsed.status().message();
        }
        if (report.error.empty() && !report.unchanged) {
          if (reused != previous.articles.end()) {
            if (Status st = writer->DeleteOld(reused->second); !st.ok()) return st;
          }
          if (Status st = writer->Insert(article, hash, bytes->size()); !st.ok()) return st;
        }
        if (report.error.empty()) {
          report.lang = article.lang;
          report.sections = static_cast<int>(article.sections.size());
          for (const Section& section : article.sections) {
            report.steps += static_cast<int>(section.steps.size());
          }
          report.warnings = article.warnings;
          summary.bytes += bytes->size();
          summary.sections += report.sections;
          summary.steps += report.steps;
          ++summary.articles;
          summary.unchanged += report.unchanged ? 1 : 0;
          articles.push_back(std::move(article));
        }
      }
      if (!report.error.empty()) ++summary.skipped;
      if (options.on_article) options.on_article(report);
      if (options.on_progress) options.on_progress(i + 1, files.size());
    }

    // Rows of previous articles that broke or disappeared (changed ones were
    // replaced above).
    for (const auto& [id, old] : previous.articles) {
      if (kept.count(id) == 0) {
        if (Status st = writer->DeleteOld(old); !st.ok()) return st;
      }
    }

    if (catalog) {
      if (Status st = ValidateCatalog(*catalog, articles); !st.ok()) return st;
      if (Status st = PutMeta(raw, "catalog", store::EncodeCatalog(*catalog)); !st.ok()) return st;
      if (options.build_model) {
        auto model = options.build_model(*catalog, articles, *synonyms);
        if (!model.ok()) return model.status();
        if (Status st = PutMeta(raw, "intent_model", *model); !st.ok()) return st;
      }
    }
    if (Status st = PutMeta(raw, "schema_version", std::to_string(store::kSchemaVersion));
        !st.ok()) {
      return st;
    }
    if (Status st = PutMeta(raw, "synonyms", synonyms_text); !st.ok()) return st;
    if (Status st = PutMeta(raw, "synonyms_hash", synonyms_hash); !st.ok()) return st;
    if (Status st =
            store::Execute(raw, "INSERT INTO passages(passages) VALUES('optimize'); COMMIT;");
        !st.ok()) {
      return st;
    }
  }
  fs::rename(tmp_path, options.kb_path, ec);
  if (ec)
    return Status::Error("cannot move " + tmp_path + " to " + options.kb_path + ": " +
                         ec.message());
  guard.keep = true;
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace kb
