// Reading a KB file: articles and catalogue in memory, search over a pool of
// read-only connections (each with its own analyzer and tokenizer instance).
#include "kb/knowledge_base.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <mutex>
#include <set>

#include "catalog_codec.h"
#include "fts5_tokenizer.h"
#include "highlighter.h"
#include "kb_reader.h"
#include "query_builder.h"
#include "schema.h"
#include "sqlite_handle.h"
#include "vocabulary.h"

namespace kb {

using store::BindText;
using store::ColumnText;

// One connection with what a search needs; used by one thread at a time.
struct SearchConnection {
  store::Database db;
  store::Statement search;
  std::unique_ptr<Analyzer> analyzer;
  store::Highlighter highlighter;
};

struct KnowledgeBase::Impl {
  std::string path;
  std::shared_ptr<const SynonymTable> synonyms;
  std::vector<Article> articles;
  std::map<std::string, size_t, std::less<>> article_index;
  std::map<int64_t, store::SectionLocation> sections;
  Catalog catalog;
  store::Vocabulary vocabulary;
  // Per article (same order as `articles`): the words of its title, folded
  // and stemmed in the article's language.
  struct TitleWord {
    std::string folded;
    std::string stem;
  };
  std::vector<std::vector<TitleWord>> title_words;

  // The share of the query's words that the title of article `a` holds: the
  // same folded word, the same stem in the same language, the word being
  // typed as a prefix, or one of its typo corrections.
  double TitleShare(size_t a, const std::vector<store::BuiltQuery::Word>& words,
                    const std::string& query_lang) const {
    if (words.empty()) return 0;
    const bool same_lang = !query_lang.empty() && articles[a].lang.compare(0, 2, query_lang) == 0;
    int in_title = 0;
    for (const store::BuiltQuery::Word& word : words) {
      for (const TitleWord& t : title_words[a]) {
        if (t.folded == word.folded || (same_lang && t.stem == word.stem) ||
            (word.prefix && t.folded.compare(0, word.folded.size(), word.folded) == 0) ||
            std::find(word.corrections.begin(), word.corrections.end(), t.folded) !=
                word.corrections.end()) {
          ++in_title;
          break;
        }
      }
    }
    return in_title / static_cast<double>(words.size());
  }
  // The language of each passage, by section id (= the passage's rowid), as
  // an index into lang_codes; kNoLang for ids that are not sections. Read by
  // the SQL functions below, so that ranking reads no column of a passage.
  static constexpr int kNoLang = -1;
  std::vector<int> section_lang;
  std::vector<std::string> lang_codes;

  // The index of `code` in lang_codes; `absent` when no passage has it.
  int LangId(std::string_view code, int absent) const {
    for (size_t i = 0; i < lang_codes.size(); ++i) {
      if (lang_codes[i] == code) return static_cast<int>(i);
    }
    return absent;
  }
  int SectionLang(sqlite3_int64 section) const {
    return section >= 0 && static_cast<size_t>(section) < section_lang.size()
               ? section_lang[static_cast<size_t>(section)]
               : kNoLang;
  }

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<SearchConnection>> pool;

  StatusOr<std::unique_ptr<SearchConnection>> Borrow();
  void Return(std::unique_ptr<SearchConnection> connection);
};

namespace {

// One row per section. Passages in the query's own language (?4, a language
// id) rank ahead of equally good ones in other languages (bm25 scores are
// negative: lower is better, so they are scaled up); ?2 keeps one language
// only (-1: all). Nothing here reads a passage's columns: a query that
// matches thousands of passages costs bm25's statistics per row, not their
// text (fetching a column behind a long body walks its overflow pages).
std::string SearchSql() {
  return std::string("SELECT rowid, bm25(passages, ") + store::kBm25Weights +
         ") * kb_lang_boost(rowid, ?4) AS score FROM passages "
         "WHERE passages MATCH ?1 AND kb_in_lang(rowid, ?2) ORDER BY score LIMIT ?3";
}

// kb_lang_boost(section, lang id): 1.25 for a passage in that language, else 1.
void LangBoostFunction(sqlite3_context* context, int, sqlite3_value** argv) noexcept {
  const auto* impl = static_cast<const KnowledgeBase::Impl*>(sqlite3_user_data(context));
  const int lang = impl->SectionLang(sqlite3_value_int64(argv[0]));
  const bool preferred = lang != KnowledgeBase::Impl::kNoLang && lang == sqlite3_value_int(argv[1]);
  sqlite3_result_double(context, preferred ? 1.25 : 1.0);
}

// kb_in_lang(section, lang id): whether the passage is in that language (-1: any).
void InLangFunction(sqlite3_context* context, int, sqlite3_value** argv) noexcept {
  const auto* impl = static_cast<const KnowledgeBase::Impl*>(sqlite3_user_data(context));
  const int wanted = sqlite3_value_int(argv[1]);
  sqlite3_result_int(context,
                     wanted < 0 || impl->SectionLang(sqlite3_value_int64(argv[0])) == wanted);
}

Status RegisterLangFunctions(sqlite3* db, const KnowledgeBase::Impl* impl) {
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
  auto* data = const_cast<KnowledgeBase::Impl*>(impl);
  if (sqlite3_create_function_v2(db, "kb_lang_boost", 2, kFlags, data, &LangBoostFunction, nullptr,
                                 nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db, "kb_in_lang", 2, kFlags, data, &InLangFunction, nullptr,
                                 nullptr, nullptr) != SQLITE_OK) {
    return store::SqliteError(db, "cannot register the search functions");
  }
  return Status::Ok();
}

// A passage of an article whose title holds every word of the query scores
// up to (1 + kTitleBoost) times its bm25.
constexpr double kTitleBoost = 1.0;

// Passages fetched per passage asked for: the title boost and the
// per-article cap reorder them, so more than the page holds are ranked.
constexpr int kCandidatesPerPassage = 8;

// At most this many passages of one article come before other articles'.
constexpr int kPassagesPerArticle = 2;

}  // namespace

StatusOr<std::unique_ptr<SearchConnection>> KnowledgeBase::Impl::Borrow() {
  {
    std::lock_guard lock(pool_mutex);
    if (!pool.empty()) {
      auto connection = std::move(pool.back());
      pool.pop_back();
      return connection;
    }
  }
  auto db = store::OpenImmutable(path);
  if (!db.ok()) return db.status();
  // Pages read through a memory map: a query touching thousands of rows
  // (bm25 reads each row's sizes) costs no pread() per page, and every
  // connection shares the kernel's copy of the file instead of a cache each.
  if (Status st = store::Execute(db->get(), "PRAGMA mmap_size = 1073741824"); !st.ok()) return st;
  if (Status st = RegisterKbTokenizer(db->get(), synonyms); !st.ok()) return st;
  if (Status st = RegisterLangFunctions(db->get(), this); !st.ok()) return st;
  auto stmt = store::Prepare(db->get(), SearchSql());
  if (!stmt.ok()) return stmt.status();
  auto connection = std::make_unique<SearchConnection>();
  connection->db = std::move(db).value();
  connection->search = std::move(stmt).value();
  connection->analyzer = std::make_unique<Analyzer>(synonyms);
  return connection;
}

void KnowledgeBase::Impl::Return(std::unique_ptr<SearchConnection> connection) {
  std::lock_guard lock(pool_mutex);
  pool.push_back(std::move(connection));
}

KnowledgeBase::KnowledgeBase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KnowledgeBase::~KnowledgeBase() = default;

StatusOr<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Open(const std::string& path) {
  auto reader = store::KbReader::Open(path);
  if (!reader.ok()) return reader.status();
  if (reader->Meta("schema_version") != std::to_string(store::kSchemaVersion)) {
    return Status::Error(path + " was built by another version: run `kb index` again");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  auto synonyms = SynonymTable::Parse(reader->Meta("synonyms").value_or(""));
  if (!synonyms.ok()) return Status::Error(path + ": " + synonyms.status().message());
  impl->synonyms = std::move(synonyms).value();
  auto articles = reader->LoadArticles(&impl->sections);
  if (!articles.ok()) return Status::Error(path + ": " + articles.status().message());
  impl->articles = std::move(articles).value();
  for (size_t i = 0; i < impl->articles.size(); ++i) impl->article_index[impl->articles[i].id] = i;
  for (const auto& [section, location] : impl->sections) {
    if (section < 0) continue;
    const std::string& code = impl->articles[location.article].lang;
    int lang = impl->LangId(code, Impl::kNoLang);
    if (lang == Impl::kNoLang) {
      lang = static_cast<int>(impl->lang_codes.size());
      impl->lang_codes.push_back(code);
    }
    if (impl->section_lang.size() <= static_cast<size_t>(section)) {
      impl->section_lang.resize(static_cast<size_t>(section) + 1, Impl::kNoLang);
    }
    impl->section_lang[static_cast<size_t>(section)] = lang;
  }
  {
    Analyzer analyzer(impl->synonyms);
    impl->title_words.resize(impl->articles.size());
    for (size_t i = 0; i < impl->articles.size(); ++i) {
      const Article& article = impl->articles[i];
      for (Token& token :
           analyzer.Analyze(article.title, LangFromCode(article.lang).value_or(Lang::kUnknown))) {
        if (!token.folded.empty())
          impl->title_words[i].push_back({std::move(token.folded), std::move(token.stem)});
      }
    }
  }
  if (auto catalog = reader->Meta("catalog")) {
    auto decoded = store::DecodeCatalog(*catalog);
    if (!decoded.ok()) return Status::Error(path + ": " + decoded.status().message());
    impl->catalog = std::move(decoded).value();
  }
  // fts5vocab opens the FTS5 table, whose tokenizer must be registered.
  if (Status st = RegisterKbTokenizer(reader->db(), impl->synonyms); !st.ok()) return st;
  auto vocab = store::Prepare(reader->db(), "SELECT term, doc FROM passages_vocab");
  if (!vocab.ok()) return vocab.status();
  int rc;
  while ((rc = sqlite3_step(vocab->get())) == SQLITE_ROW) {
    impl->vocabulary.Add(ColumnText(vocab->get(), 0), sqlite3_column_int64(vocab->get(), 1));
  }
  if (rc != SQLITE_DONE)
    return store::SqliteError(reader->db(), path + ": cannot read the vocabulary");
  impl->vocabulary.Finish();
  return std::unique_ptr<KnowledgeBase>(new KnowledgeBase(std::move(impl)));
}

StatusOr<SearchResult> KnowledgeBase::Search(std::string_view query,
                                             const SearchOptions& options) const {
  const auto started = std::chrono::steady_clock::now();
  SearchResult result;
  auto borrowed = impl_->Borrow();
  if (!borrowed.ok()) return borrowed.status();
  std::unique_ptr<SearchConnection> connection = std::move(borrowed).value();
  struct ReturnOnExit {
    Impl* impl;
    std::unique_ptr<SearchConnection>& connection;
    ~ReturnOnExit() { impl->Return(std::move(connection)); }
  } return_on_exit{impl_.get(), connection};

  result.query_lang = options.lang ? *options.lang : DetectLanguage(query).lang;
  store::BuiltQuery built =
      store::BuildQuery(query, *connection->analyzer, impl_->vocabulary,
                        {result.query_lang, options.prefix_last, options.typos,
                         static_cast<int64_t>(impl_->sections.size())});
  result.terms = built.terms;
  result.corrections = built.corrections;
  const int limit = std::clamp(options.limit, 1, 100);
  const std::string preferred_lang =
      result.query_lang == Lang::kUnknown ? "" : std::string(LangCode(result.query_lang));
  // Language ids for the SQL functions: -1 keeps every language; a filter
  // no passage has keeps none; a preferred language no passage has boosts none.
  const int lang_filter = options.lang_filter.empty()
                              ? -1
                              : impl_->LangId(options.lang_filter, std::numeric_limits<int>::max());
  const int preferred_lang_id = impl_->LangId(preferred_lang, Impl::kNoLang);
  if (!built.empty()) {
    struct Hit {
      int64_t section_id;
      double score;
    };
    std::vector<Hit> hits;
    std::set<int64_t> seen;
    // How many of `hits` the page can show, at most kPassagesPerArticle per
    // article: passages of one article alone do not fill it.
    auto Showable = [&](const std::vector<Hit>& found) {
      std::map<size_t, int> per_article;
      int showable = 0;
      for (const Hit& hit : found) {
        auto location = impl_->sections.find(hit.section_id);
        if (location == impl_->sections.end()) continue;
        if (++per_article[location->second.article] <= kPassagesPerArticle) ++showable;
      }
      return showable;
    };
    // Three tiers, cheapest first, since ranking every passage that holds a
    // common word is the latency tail: every word in titles and headings
    // (kept only if that fills the page), every word anywhere, and any word
    // only when nothing holds them all.
    const std::string in_headings = "{title heading} : (" + built.all_terms + ")";
    for (const std::string* expression :
         {&in_headings, static_cast<const std::string*>(&built.all_terms),
          static_cast<const std::string*>(&built.any_term)}) {
      if (expression == &built.all_terms) {
        if (Showable(hits) >= limit) break;
        hits.clear();
        seen.clear();
      }
      if (expression == &built.any_term && (!hits.empty() || !options.any_term_fallback)) break;
      sqlite3_stmt* stmt = connection->search.get();
      store::StatementReset reset(stmt);
      BindText(stmt, 1, *expression);
      sqlite3_bind_int(stmt, 2, lang_filter);
      sqlite3_bind_int(stmt, 3, limit * kCandidatesPerPassage);
      sqlite3_bind_int(stmt, 4, preferred_lang_id);
      int rc;
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const int64_t section_id = sqlite3_column_int64(stmt, 0);
        if (seen.insert(section_id).second)
          hits.push_back({section_id, -sqlite3_column_double(stmt, 1)});
      }
      if (rc != SQLITE_DONE) return store::SqliteError(connection->db.get(), "search failed");
      if (expression != &built.any_term && !hits.empty()) result.matched_all_terms = true;
      if (expression == &built.all_terms && built.all_terms == built.any_term) break;
    }
    // Known-item boost: a query naming a page's title (its words, stop words
    // included, in any order; the one being typed as a prefix) lifts the
    // passages of that page by the share of the query's words its title holds.
    if (!built.words.empty()) {
      for (Hit& hit : hits) {
        auto location = impl_->sections.find(hit.section_id);
        if (location == impl_->sections.end()) continue;
        hit.score *= 1.0 + kTitleBoost * impl_->TitleShare(location->second.article, built.words,
                                                           preferred_lang);
      }
      std::stable_sort(hits.begin(), hits.end(),
                       [](const Hit& x, const Hit& y) { return x.score > y.score; });
    }
    // Diversity: an article's third passage waits until other articles had theirs.
    std::map<std::string_view, int> per_article;
    std::vector<Hit> ordered, deferred;
    for (const Hit& hit : hits) {
      auto location = impl_->sections.find(hit.section_id);
      if (location == impl_->sections.end()) continue;
      const Article& article = impl_->articles[location->second.article];
      (++per_article[article.id] <= kPassagesPerArticle ? ordered : deferred).push_back(hit);
    }
    ordered.insert(ordered.end(), deferred.begin(), deferred.end());
    for (const Hit& hit : ordered) {
      if (static_cast<int>(result.passages.size()) >= limit) break;
      const store::SectionLocation& location = impl_->sections.at(hit.section_id);
      const Article& article = impl_->articles[location.article];
      const Section& section = article.sections[location.section];
      const std::string text = store::SectionText(section);
      const store::Highlight highlight = connection->highlighter.Make(
          hit.section_id, text, section, LangFromCode(article.lang).value_or(Lang::kUnknown), built,
          *connection->analyzer);
      Passage passage;
      passage.article = article.id;
      passage.title = article.title;
      passage.section = section.heading;
      passage.lang = article.lang;
      passage.step = highlight.step;
      passage.score = hit.score;
      passage.snippet = highlight.snippet;
      passage.text = text;
      result.passages.push_back(std::move(passage));
    }
  }
  result.took_us = std::chrono::duration_cast<std::chrono::microseconds>(
                       std::chrono::steady_clock::now() - started)
                       .count();
  return result;
}

const std::vector<Article>& KnowledgeBase::articles() const { return impl_->articles; }

const Article* KnowledgeBase::FindArticle(std::string_view id) const {
  auto it = impl_->article_index.find(id);
  return it == impl_->article_index.end() ? nullptr : &impl_->articles[it->second];
}

const Section* KnowledgeBase::FindSection(std::string_view article,
                                          std::string_view heading) const {
  const Article* found = FindArticle(article);
  if (!found) return nullptr;
  for (const Section& section : found->sections) {
    if (section.heading == heading) return &section;
  }
  return nullptr;
}

const Catalog& KnowledgeBase::catalog() const { return impl_->catalog; }

const std::shared_ptr<const SynonymTable>& KnowledgeBase::synonyms() const {
  return impl_->synonyms;
}

std::optional<std::string> KnowledgeBase::Blob(std::string_view name) const {
  auto reader = store::KbReader::Open(impl_->path);
  if (!reader.ok()) return std::nullopt;
  return reader->Meta(std::string(name));
}

const std::string& KnowledgeBase::path() const { return impl_->path; }

}  // namespace kb
