// Table definitions of the KB file.
#include "schema.h"

#include "sqlite_handle.h"

namespace kb::store {

Status CreateSchema(sqlite3* db) {
  return Execute(db, R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
    CREATE TABLE articles(
      id TEXT PRIMARY KEY, title TEXT NOT NULL, lang TEXT NOT NULL,
      hash TEXT NOT NULL, bytes INTEGER NOT NULL, warnings TEXT NOT NULL);
    CREATE TABLE sections(
      id INTEGER PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id),
      ordinal INTEGER NOT NULL, heading TEXT NOT NULL, body TEXT NOT NULL);
    CREATE INDEX sections_by_article ON sections(article, ordinal);
    -- Keyed by (section, ordinal) itself: the order every reader wants, and
    -- one b-tree to fill per step instead of a table and an index.
    CREATE TABLE steps(
      section INTEGER NOT NULL REFERENCES sections(id),
      ordinal INTEGER NOT NULL, text TEXT NOT NULL,
      PRIMARY KEY(section, ordinal)) WITHOUT ROWID;
    -- One passage per section, rowid = the section's id. Contentless: search
    -- reads no column of a passage, only the rowid and bm25's statistics (the
    -- language and text of a passage come from memory, see
    -- knowledge_base.cpp), so storing the text a second time would only cost
    -- index time and file size. No prefix indexes either: the word being
    -- typed is expanded from the in-memory vocabulary (query_builder.cpp).
    CREATE VIRTUAL TABLE passages USING fts5(
      title, heading, body, tokenize = 'kb', content = '');
    CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages, row);
  )sql");
}

}  // namespace kb::store
