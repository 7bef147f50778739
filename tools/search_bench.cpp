// search_bench: indexes one article directory with our engine (kb::BuildIndex,
// kb::KnowledgeBase::Search) and with plain SQLite FTS5 (unicode61
// remove_diacritics 2, bm25; query words ANDed, and ORed) in the same run,
// then runs a file of known-item queries against all of them, interleaved:
// index throughput (MB/s, one thread), search latency (wall and CPU p50/p99
// µs after a warm-up pass) and recall@5 per query kind, side by side.
// A benchmark, not a test: see docs/benchmarks.md ("Search").
//
// Single-threaded.
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "kb/knowledge_base.h"

namespace kb::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kTopK = 5;
const std::vector<std::string> kKinds = {"exact", "typo", "prefix"};

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds used so far by the calling thread (`kThread`) or the whole
// process: unlike wall time, barely moved by other load on a shared machine.
enum class CpuScope { kThread, kProcess };
double CpuSeconds(CpuScope scope) {
  timespec ts{};
  clock_gettime(scope == CpuScope::kThread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID,
                &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct SqliteCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;
using SqliteStmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// Names the failed SQLite call and the connection's message.
Status SqliteError(sqlite3* db, std::string_view what) {
  return Status::Error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// A search engine under test: Index() once, then Search() per query, which
// returns up to kTopK distinct article ids, best first.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;
  // Indexes `articles_dir`; returns the wall seconds taken.
  virtual StatusOr<double> Index(const std::string& articles_dir) = 0;
  virtual StatusOr<std::vector<std::string>> Search(const BenchQuery& query) = 0;
};

// Plain FTS5: one row per article (title, body), unicode61 remove_diacritics 2,
// each query word a quoted term, ANDed (ORed with `or_words`), the last one
// "word"* for prefix queries, ordered by bm25() with default weights.
class Fts5Baseline final : public Engine {
 public:
  Fts5Baseline(std::string db_path, bool or_words)
      : db_path_(std::move(db_path)), or_words_(or_words) {}
  std::string name() const override { return or_words_ ? "fts5_or" : "fts5"; }

  StatusOr<double> Index(const std::string& articles_dir) override {
    const Clock::time_point start = Clock::now();
    StatusOr<PlainCorpus> corpus = ReadPlainCorpus(articles_dir);
    if (!corpus.ok()) return corpus.status();
    std::filesystem::remove(db_path_);
    sqlite3* raw = nullptr;
    int rc = sqlite3_open(db_path_.c_str(), &raw);
    db_.reset(raw);
    if (rc != SQLITE_OK) return SqliteError(raw, "open " + db_path_);
    if (Status s = Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body,"
                        " tokenize='unicode61 remove_diacritics 2');"
                        "BEGIN;");
        !s.ok()) {
      return s;
    }
    StatusOr<SqliteStmt> insert = Prepare("INSERT INTO docs(id, title, body) VALUES(?, ?, ?)");
    if (!insert.ok()) return insert.status();
    for (const PlainArticle& a : corpus->articles) {
      sqlite3_stmt* stmt = insert->get();
      sqlite3_bind_text(stmt, 1, a.id.data(), static_cast<int>(a.id.size()), SQLITE_STATIC);
      sqlite3_bind_text(stmt, 2, a.title.data(), static_cast<int>(a.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(stmt, 3, a.body.data(), static_cast<int>(a.body.size()), SQLITE_STATIC);
      if (sqlite3_step(stmt) != SQLITE_DONE) return SqliteError(db_.get(), "insert " + a.id);
      sqlite3_reset(stmt);
    }
    if (Status s = Exec("COMMIT; INSERT INTO docs(docs) VALUES('optimize');"); !s.ok()) return s;
    const double seconds = SecondsSince(start);
    StatusOr<SqliteStmt> query =
        Prepare("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT " +
                std::to_string(kTopK));
    if (!query.ok()) return query.status();
    query_ = std::move(*query);
    return seconds;
  }

  StatusOr<std::vector<std::string>> Search(const BenchQuery& query) override {
    const std::string match = MatchExpression(query);
    std::vector<std::string> ids;
    if (match.empty()) return ids;
    sqlite3_stmt* stmt = query_.get();
    sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return SqliteError(db_.get(), "fts5 query " + match);
    return ids;
  }

 private:
  std::string MatchExpression(const BenchQuery& query) const {
    std::vector<std::string> words;
    size_t pos = 0;
    const std::string& q = query.text;
    while (pos < q.size()) {
      size_t end = q.find(' ', pos);
      if (end == std::string::npos) end = q.size();
      if (end > pos) words.push_back(q.substr(pos, end - pos));
      pos = end + 1;
    }
    std::string match;
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) match += or_words_ ? " OR " : " AND ";
      match += '"';
      for (char c : words[i]) {
        if (c == '"') match += '"';
        match += c;
      }
      match += '"';
      if (query.kind == "prefix" && i + 1 == words.size()) match += '*';
    }
    return match;
  }

  Status Exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &error) != SQLITE_OK) {
      Status s = Status::Error(std::string("sqlite: ") + (error ? error : "error"));
      sqlite3_free(error);
      return s;
    }
    return Status::Ok();
  }

  StatusOr<SqliteStmt> Prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
        SQLITE_OK) {
      return SqliteError(db_.get(), "prepare " + sql);
    }
    return SqliteStmt(stmt);
  }

  std::string db_path_;
  bool or_words_;
  SqliteDb db_;
  SqliteStmt query_;
};

// Our engine through its public API.
class KbEngine final : public Engine {
 public:
  KbEngine(std::string kb_path, std::string synonyms_file, bool give_lang, bool typos, int limit)
      : kb_path_(std::move(kb_path)),
        synonyms_file_(std::move(synonyms_file)),
        give_lang_(give_lang),
        typos_(typos),
        limit_(limit) {}
  std::string name() const override { return "kb"; }

  StatusOr<double> Index(const std::string& articles_dir) override {
    IndexOptions options;
    options.articles_dir = articles_dir;
    options.intents_dir = "";
    options.synonyms_file = synonyms_file_;
    options.kb_path = kb_path_;
    // A previous KB would let BuildIndex reuse unchanged articles: start cold.
    std::filesystem::remove(kb_path_);
    const Clock::time_point start = Clock::now();
    StatusOr<IndexSummary> summary = BuildIndex(options);
    const double seconds = SecondsSince(start);
    if (!summary.ok()) return summary.status();
    if (summary->skipped > 0) {
      std::cerr << "kb: " << summary->skipped << " articles skipped by the indexer\n";
    }
    StatusOr<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::Open(kb_path_);
    if (!kb.ok()) return kb.status();
    kb_ = std::move(*kb);
    return seconds;
  }

  StatusOr<std::vector<std::string>> Search(const BenchQuery& query) override {
    SearchOptions options;
    options.limit = limit_;
    options.prefix_last = query.kind == "prefix";
    options.typos = typos_;
    if (give_lang_) options.lang = LangFromCode(query.lang);
    StatusOr<SearchResult> result = kb_->Search(query.text, options);
    if (!result.ok()) return result.status();
    std::vector<std::string> ids;
    for (const Passage& p : result->passages) {
      if (ids.size() == kTopK) break;
      if (std::find(ids.begin(), ids.end(), p.article) == ids.end()) ids.push_back(p.article);
    }
    return ids;
  }

 private:
  std::string kb_path_;
  std::string synonyms_file_;
  bool give_lang_;
  bool typos_;
  int limit_;
  std::unique_ptr<KnowledgeBase> kb_;
};

struct QueryOutcome {
  double micros = 0;      // wall
  double cpu_micros = 0;  // CPU time of the calling thread
  int rank = 0;           // 1-based rank of the expected article in the top 5; 0 = miss
  std::vector<std::string> top;
  bool error = false;
};

struct EngineReport {
  std::string name;
  double index_seconds = 0;
  double index_mb_per_s = 0;
  double index_cpu_seconds = 0;        // process CPU time of the index build
  std::vector<QueryOutcome> outcomes;  // parallel to the queries
  int errors = 0;

  double Recall(const std::vector<BenchQuery>& queries, std::string_view kind, int k) const;
};

double EngineReport::Recall(const std::vector<BenchQuery>& queries, std::string_view kind,
                            int k) const {
  int total = 0, hits = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    if (!kind.empty() && queries[i].kind != kind) continue;
    ++total;
    if (outcomes[i].rank > 0 && outcomes[i].rank <= k) ++hits;
  }
  return total ? static_cast<double>(hits) / total : 0;
}

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

std::vector<double> LatenciesOf(const EngineReport& r, const std::vector<BenchQuery>& queries,
                                std::string_view kind, bool cpu = false) {
  std::vector<double> out;
  for (size_t i = 0; i < queries.size(); ++i) {
    if (kind.empty() || queries[i].kind == kind) {
      out.push_back(cpu ? r.outcomes[i].cpu_micros : r.outcomes[i].micros);
    }
  }
  return out;
}

// Indexes with every engine, then runs a warm-up pass per engine, then the
// timed pass with the engines interleaved query by query, so that load from
// other processes on a shared machine hits all engines alike.
StatusOr<std::vector<EngineReport>> RunEngines(const std::vector<std::unique_ptr<Engine>>& engines,
                                               const std::string& articles_dir, uint64_t bytes,
                                               const std::vector<BenchQuery>& queries,
                                               int index_runs) {
  std::vector<EngineReport> reports(engines.size());
  // Each engine indexes `index_runs` times, the engines taking turns, and
  // the fastest build counts (wall and CPU apart): on a shared machine the
  // slower runs measure the neighbours.
  for (int run = 0; run < index_runs; ++run) {
    for (size_t e = 0; e < engines.size(); ++e) {
      reports[e].name = engines[e]->name();
      const double cpu_start = CpuSeconds(CpuScope::kProcess);
      StatusOr<double> seconds = engines[e]->Index(articles_dir);
      const double cpu_seconds = CpuSeconds(CpuScope::kProcess) - cpu_start;
      if (!seconds.ok()) {
        return Status::Error(engines[e]->name() + " index: " + seconds.status().message());
      }
      if (run == 0 || *seconds < reports[e].index_seconds) reports[e].index_seconds = *seconds;
      if (run == 0 || cpu_seconds < reports[e].index_cpu_seconds) {
        reports[e].index_cpu_seconds = cpu_seconds;
      }
      reports[e].index_mb_per_s = static_cast<double>(bytes) / 1e6 / reports[e].index_seconds;
      reports[e].outcomes.resize(queries.size());
    }
  }
  for (const auto& engine : engines) {
    for (const BenchQuery& q : queries) (void)engine->Search(q);  // warm-up pass
  }
  for (size_t i = 0; i < queries.size(); ++i) {
    for (size_t e = 0; e < engines.size(); ++e) {
      const double cpu_start = CpuSeconds(CpuScope::kThread);
      const Clock::time_point start = Clock::now();
      StatusOr<std::vector<std::string>> top = engines[e]->Search(queries[i]);
      QueryOutcome& out = reports[e].outcomes[i];
      out.micros = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      out.cpu_micros = (CpuSeconds(CpuScope::kThread) - cpu_start) * 1e6;
      if (!top.ok()) {
        out.error = true;
        ++reports[e].errors;
        std::cerr << engines[e]->name() << ": '" << queries[i].text
                  << "': " << top.status().message() << "\n";
        continue;
      }
      out.top = std::move(*top);
      out.rank = HitRank(out.top, queries[i].expected);
    }
  }
  return reports;
}

struct Row {
  std::string label;
  std::function<double(const EngineReport&)> value;
  int decimals;
};

std::vector<Row> TableRows(const std::vector<BenchQuery>& queries) {
  std::vector<Row> rows = {
      {"index MB/s (1 thread)", [](const EngineReport& r) { return r.index_mb_per_s; }, 1},
      {"index seconds", [](const EngineReport& r) { return r.index_seconds; }, 3},
      {"index MB/CPU-s",
       [](const EngineReport& r) {
         return r.index_mb_per_s * r.index_seconds / r.index_cpu_seconds;
       },
       1},
      {"search p50 µs",
       [&](const EngineReport& r) { return Percentile(LatenciesOf(r, queries, ""), 50); }, 0},
      {"search p99 µs",
       [&](const EngineReport& r) { return Percentile(LatenciesOf(r, queries, ""), 99); }, 0},
      {"search mean µs", [&](const EngineReport& r) { return Mean(LatenciesOf(r, queries, "")); },
       0},
      {"search max µs",
       [&](const EngineReport& r) { return Percentile(LatenciesOf(r, queries, ""), 100); }, 0},
      {"search CPU p50 µs",
       [&](const EngineReport& r) { return Percentile(LatenciesOf(r, queries, "", true), 50); }, 0},
      {"search CPU p99 µs",
       [&](const EngineReport& r) { return Percentile(LatenciesOf(r, queries, "", true), 99); }, 0},
  };
  for (const std::string& kind : kKinds) {
    rows.push_back({"  CPU p99 µs " + kind,
                    [&, kind](const EngineReport& r) {
                      return Percentile(LatenciesOf(r, queries, kind, true), 99);
                    },
                    0});
  }
  for (const std::string& kind : kKinds) {
    rows.push_back({"recall@5 " + kind,
                    [&, kind](const EngineReport& r) { return r.Recall(queries, kind, 5); }, 3});
  }
  rows.push_back(
      {"recall@5 all", [&](const EngineReport& r) { return r.Recall(queries, "", 5); }, 3});
  rows.push_back(
      {"recall@1 all", [&](const EngineReport& r) { return r.Recall(queries, "", 1); }, 3});
  return rows;
}

// `text` left-aligned in `width` columns (UTF-8 aware: "µ" is 2 bytes, 1 column).
std::string PadRight(const std::string& text, size_t width) {
  size_t columns = 0;
  for (unsigned char c : text) columns += (c & 0xC0) != 0x80;
  return text + std::string(width > columns ? width - columns : 0, ' ');
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void PrintTable(const std::vector<BenchQuery>& queries, const std::vector<EngineReport>& reports,
                size_t articles, uint64_t bytes) {
  std::map<std::string, int> kinds;
  for (const BenchQuery& q : queries) ++kinds[q.kind];
  std::cout << "corpus: " << articles << " articles, " << Fixed(bytes / 1e6, 2)
            << " MB; queries: " << queries.size() << " (";
  bool first = true;
  for (const std::string& kind : kKinds) {
    if (!kinds.count(kind)) continue;
    std::cout << (first ? "" : ", ") << kind << " " << kinds[kind];
    first = false;
  }
  std::cout << ")\n\n";
  // The ratio column compares our engine with the specified baseline (FTS5 AND).
  const EngineReport* base = nullptr;
  const EngineReport* ours = nullptr;
  for (const EngineReport& r : reports) {
    if (r.name == "fts5") base = &r;
    if (r.name == "kb") ours = &r;
  }
  const bool ratio = base && ours;
  std::printf("| %-22s |", "");
  for (const EngineReport& r : reports) {
    std::printf(" %10s |", r.name == "kb"     ? "kb engine"
                           : r.name == "fts5" ? "FTS5 AND"
                                              : "FTS5 OR");
  }
  if (ratio) std::printf(" %10s |", "kb / AND");
  std::printf("\n|%s|", std::string(24, '-').c_str());
  for (size_t i = 0; i < reports.size() + ratio; ++i)
    std::printf("%s:|", std::string(11, '-').c_str());
  std::printf("\n");
  for (const Row& row : TableRows(queries)) {
    std::printf("| %s |", PadRight(row.label, 22).c_str());
    for (const EngineReport& r : reports)
      std::printf(" %10s |", Fixed(row.value(r), row.decimals).c_str());
    if (ratio) {
      const double b = row.value(*base);
      const std::string text = b > 0 ? Fixed(row.value(*ours) / b, 2) + "×" : "-";
      std::printf(" %s |",
                  (std::string(text.size() < 11 ? 11 - text.size() : 0, ' ') + text).c_str());
    }
    std::printf("\n");
  }
}

nlohmann::json ToJson(const std::vector<BenchQuery>& queries,
                      const std::vector<EngineReport>& reports, size_t articles, uint64_t bytes) {
  nlohmann::json out;
  out["corpus"] = {{"articles", articles}, {"bytes", bytes}};
  out["queries"] = queries.size();
  for (const EngineReport& r : reports) {
    nlohmann::json e;
    e["index_seconds"] = r.index_seconds;
    e["index_mb_per_s"] = r.index_mb_per_s;
    e["index_cpu_seconds"] = r.index_cpu_seconds;
    e["errors"] = r.errors;
    for (std::string_view kind : {std::string_view(""), std::string_view("exact"),
                                  std::string_view("typo"), std::string_view("prefix")}) {
      const std::string key = kind.empty() ? "all" : std::string(kind);
      const std::vector<double> lat = LatenciesOf(r, queries, kind);
      e["latency_us"][key] = {{"p50", Percentile(lat, 50)},
                              {"p99", Percentile(lat, 99)},
                              {"mean", Mean(lat)},
                              {"max", Percentile(lat, 100)}};
      const std::vector<double> cpu = LatenciesOf(r, queries, kind, true);
      e["cpu_us"][key] = {{"p50", Percentile(cpu, 50)},
                          {"p99", Percentile(cpu, 99)},
                          {"mean", Mean(cpu)},
                          {"max", Percentile(cpu, 100)}};
      e["recall_at_5"][key] = r.Recall(queries, kind, 5);
      e["recall_at_1"][key] = r.Recall(queries, kind, 1);
    }
    out["engines"][r.name] = e;
  }
  return out;
}

// Writes every missed query (engine, kind, lang, query, expected, top 5) as TSV.
Status WriteMisses(const std::string& path, const std::vector<BenchQuery>& queries,
                   const std::vector<EngineReport>& reports) {
  std::ofstream out(path);
  if (!out) return Status::Error("cannot write " + path);
  out << "engine\tkind\tlang\tquery\texpected\ttop5\n";
  for (const EngineReport& r : reports) {
    for (size_t i = 0; i < queries.size(); ++i) {
      if (r.outcomes[i].rank > 0) continue;
      std::string top;
      for (const std::string& id : r.outcomes[i].top) top += (top.empty() ? "" : ",") + id;
      if (r.outcomes[i].error) top = "(error)";
      std::string expected;
      for (const std::string& id : queries[i].expected)
        expected += (expected.empty() ? "" : "|") + id;
      out << r.name << '\t' << queries[i].kind << '\t' << queries[i].lang << '\t' << queries[i].text
          << '\t' << expected << '\t' << top << '\n';
    }
  }
  return Status::Ok();
}

void PrintSlowest(const std::vector<BenchQuery>& queries, const std::vector<EngineReport>& reports,
                  size_t n) {
  for (const EngineReport& r : reports) {
    std::vector<size_t> order(queries.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return r.outcomes[a].cpu_micros > r.outcomes[b].cpu_micros;
    });
    std::cout << "\nslowest " << r.name << " queries (by CPU time):\n";
    for (size_t i = 0; i < std::min(n, order.size()); ++i) {
      const BenchQuery& q = queries[order[i]];
      std::printf("  %8.0f µs (CPU %8.0f µs)  %-6s %-6s %s\n", r.outcomes[order[i]].micros,
                  r.outcomes[order[i]].cpu_micros, q.kind.c_str(), q.lang.c_str(), q.text.c_str());
    }
  }
}

struct Flags {
  std::string articles_dir;
  std::string queries_file;
  std::string work_dir = "/tmp/kb-search-bench";
  std::string synonyms_file;
  std::vector<std::string> engines = {"fts5", "fts5_or", "kb"};
  std::string misses_file;
  size_t slowest = 0;
  int limit = 5;
  int index_runs = 1;
  bool give_lang = false;
  bool no_typos = false;
  bool json = false;
};

int Run(const Flags& flags) {
  StatusOr<std::vector<BenchQuery>> queries = LoadQueries(flags.queries_file);
  if (!queries.ok()) {
    std::cerr << queries.status().message() << "\n";
    return 1;
  }
  StatusOr<uint64_t> bytes = CorpusBytes(flags.articles_dir);
  if (!bytes.ok()) {
    std::cerr << bytes.status().message() << "\n";
    return 1;
  }
  std::filesystem::create_directories(flags.work_dir);

  std::vector<std::unique_ptr<Engine>> engines;
  for (const std::string& name : flags.engines) {
    if (name == "kb") {
      engines.push_back(std::make_unique<KbEngine>(flags.work_dir + "/kb.db", flags.synonyms_file,
                                                   flags.give_lang, !flags.no_typos, flags.limit));
    } else {
      engines.push_back(
          std::make_unique<Fts5Baseline>(flags.work_dir + "/" + name + ".db", name == "fts5_or"));
    }
  }
  StatusOr<std::vector<EngineReport>> run =
      RunEngines(engines, flags.articles_dir, *bytes, *queries, flags.index_runs);
  if (!run.ok()) {
    std::cerr << run.status().message() << "\n";
    return 1;
  }
  const std::vector<EngineReport>& reports = *run;
  StatusOr<PlainCorpus> corpus = ReadPlainCorpus(flags.articles_dir);
  const size_t articles = corpus.ok() ? corpus->articles.size() : 0;

  if (flags.json) {
    std::cout << ToJson(*queries, reports, articles, *bytes).dump(2) << "\n";
  } else {
    PrintTable(*queries, reports, articles, *bytes);
    if (flags.slowest > 0) PrintSlowest(*queries, reports, flags.slowest);
  }
  if (!flags.misses_file.empty()) {
    if (Status s = WriteMisses(flags.misses_file, *queries, reports); !s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace
}  // namespace kb::bench

int main(int argc, char** argv) {
  kb::bench::Flags flags;
  CLI::App app{"Search benchmark: our engine vs plain FTS5 on one article directory"};
  app.add_option("--articles", flags.articles_dir, "directory of article files")->required();
  app.add_option("--queries", flags.queries_file, "TSV: lang, kind, query, expected id(s)")
      ->required();
  app.add_option("--work-dir", flags.work_dir, "where the two index files are built");
  app.add_option("--synonyms", flags.synonyms_file, "synonyms file for our engine (default none)");
  app.add_option("--engines", flags.engines,
                 "comma-separated, run in this order: fts5 (words ANDed), fts5_or, kb")
      ->delimiter(',')
      ->check(CLI::IsMember({"fts5", "fts5_or", "kb"}))
      ->capture_default_str();
  app.add_option("--limit", flags.limit, "SearchOptions::limit for our engine (passages)");
  app.add_flag("--give-lang", flags.give_lang, "pass the query's language instead of detecting it");
  app.add_flag("--no-typos", flags.no_typos, "SearchOptions::typos = false for our engine");
  app.add_option("--misses", flags.misses_file, "write the missed queries of each engine as TSV");
  app.add_option("--slowest", flags.slowest, "print the N slowest queries of each engine");
  app.add_option("--index-runs", flags.index_runs,
                 "index N times, engines taking turns; the fastest build counts")
      ->check(CLI::Range(1, 100));
  app.add_flag("--json", flags.json, "machine-readable output");
  CLI11_PARSE(app, argc, argv);
  return kb::bench::Run(flags);
}
