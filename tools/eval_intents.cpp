// eval_intents: the engine's quality and speed on the labelled question set
// (tests/data/questions.tsv), beside a plain FTS5 BM25 baseline over the
// catalogue's training phrases, in the same run.
//
// Reports accuracy by language and by kind, in-scope accuracy, out-of-scope
// rejection, false rejections, clarification rate on ambiguous questions, the
// most confused intent pairs, and per-question latency (p50/p99) and
// questions per second.
//
//   build/tools/eval_intents [--kb kb/kb.db] [--set tests/data/questions.tsv] [--json]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "kb/engine.h"

namespace {

struct Row {
  std::string lang, kind, expected, question;
};

std::vector<Row> ReadSet(const std::string& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Row row;
    std::getline(fields, row.lang, '\t');
    std::getline(fields, row.kind, '\t');
    std::getline(fields, row.expected, '\t');
    std::getline(fields, row.question);
    if (!row.question.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

// What a reply counts as, in the set's vocabulary.
std::string Outcome(const kb::Reply& reply) {
  if (reply.type == "clarify") return "clarify";
  if (reply.type == "fallback" || reply.type == "search") return "fallback";
  return reply.intent.value_or("fallback");
}

bool InScope(const Row& row) { return row.expected != "fallback" && row.expected != "clarify"; }

// Plain FTS5 (unicode61, remove_diacritics 2, bm25) over the training phrases.
class Fts5Baseline {
 public:
  explicit Fts5Baseline(const kb::Catalog& catalog) {
    sqlite3_open(":memory:", &db_);
    sqlite3_exec(db_,
                 "CREATE VIRTUAL TABLE p USING fts5(phrase, intent UNINDEXED,"
                 " tokenize='unicode61 remove_diacritics 2')",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert;
    sqlite3_prepare_v2(db_, "INSERT INTO p VALUES(?, ?)", -1, &insert, nullptr);
    for (const kb::Intent& intent : catalog.intents) {
      const std::string id = intent.kind == kb::IntentKind::kOutOfScope  ? "fallback"
                             : intent.kind == kb::IntentKind::kAmbiguous ? "clarify"
                                                                         : intent.id;
      for (const auto& [lang, text] : intent.texts) {
        for (const std::string& phrase : text.phrases) {
          sqlite3_bind_text(insert, 1, phrase.c_str(), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text(insert, 2, id.c_str(), -1, SQLITE_TRANSIENT);
          sqlite3_step(insert);
          sqlite3_reset(insert);
        }
      }
    }
    sqlite3_finalize(insert);
    sqlite3_prepare_v2(db_, "SELECT intent FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 1", -1,
                       &query_, nullptr);
  }
  ~Fts5Baseline() {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }

  std::string Classify(const std::string& question) {
    // Each run of letters/digits becomes a quoted term, ORed.
    std::string expr, word;
    auto flush = [&] {
      if (word.empty()) return;
      if (!expr.empty()) expr += " OR ";
      expr += "\"" + word + "\"";
      word.clear();
    };
    for (unsigned char c : question) {
      if (std::isalnum(c) || c >= 0x80) {
        word += static_cast<char>(c);
      } else {
        flush();
      }
    }
    flush();
    if (expr.empty()) return "fallback";
    sqlite3_bind_text(query_, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
    std::string out = "fallback";
    if (sqlite3_step(query_) == SQLITE_ROW) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(query_, 0));
    }
    sqlite3_reset(query_);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

struct Tally {
  int right = 0, total = 0;
  void Add(bool ok) {
    right += ok;
    ++total;
  }
  double Rate() const { return total ? static_cast<double>(right) / total : 0; }
};

struct Report {
  std::map<std::string, Tally> by_lang, by_kind, in_scope_by_lang;
  Tally in_scope, oos_rejected, false_rejections, ambiguous_clarified, overall;
  std::map<std::pair<std::string, std::string>, int> confusions;

  void Add(const Row& row, const std::string& got) {
    const bool ok = got == row.expected;
    overall.Add(ok);
    by_lang[row.lang].Add(ok);
    by_kind[row.kind].Add(ok);
    if (InScope(row)) {
      in_scope.Add(ok);
      in_scope_by_lang[row.lang].Add(ok);
      false_rejections.Add(got == "fallback");
    }
    if (row.expected == "fallback") oos_rejected.Add(got == "fallback");
    if (row.expected == "clarify") ambiguous_clarified.Add(got == "clarify");
    if (!ok) ++confusions[{row.expected, got}];
  }

  nlohmann::json ToJson() const {
    nlohmann::json j;
    for (const auto& [k, t] : by_lang) j["by_lang"][k] = {{"accuracy", t.Rate()}, {"n", t.total}};
    for (const auto& [k, t] : by_kind) j["by_kind"][k] = {{"accuracy", t.Rate()}, {"n", t.total}};
    for (const auto& [k, t] : in_scope_by_lang) {
      j["in_scope_by_lang"][k] = {{"accuracy", t.Rate()}, {"n", t.total}};
    }
    j["overall"] = overall.Rate();
    j["in_scope_accuracy"] = in_scope.Rate();
    j["oos_rejection"] = oos_rejected.Rate();
    j["false_rejection"] = false_rejections.Rate();
    j["ambiguous_clarified"] = ambiguous_clarified.Rate();
    return j;
  }
};

void PrintSideBySide(const Report& engine, const Report& baseline) {
  std::printf("%-22s %10s %10s %6s\n", "", "engine", "fts5-bm25", "n");
  auto line = [](const char* name, const Tally& a, const Tally& b) {
    std::printf("%-22s %9.1f%% %9.1f%% %6d\n", name, 100 * a.Rate(), 100 * b.Rate(), a.total);
  };
  line("overall", engine.overall, baseline.overall);
  line("in-scope accuracy", engine.in_scope, baseline.in_scope);
  line("out-of-scope rejected", engine.oos_rejected, baseline.oos_rejected);
  line("false rejections", engine.false_rejections, baseline.false_rejections);
  line("ambiguous clarified", engine.ambiguous_clarified, baseline.ambiguous_clarified);
  for (const auto& [lang, t] : engine.by_lang) {
    line(("lang " + lang).c_str(), t, baseline.by_lang.at(lang));
  }
  for (const auto& [lang, t] : engine.in_scope_by_lang) {
    line(("in-scope " + lang).c_str(), t, baseline.in_scope_by_lang.at(lang));
  }
  for (const auto& [kind, t] : engine.by_kind) {
    line(("kind " + kind).c_str(), t, baseline.by_kind.at(kind));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string kb_path = KB_PROJECT_DIR "/kb/kb.db";
  std::string set_path = KB_PROJECT_DIR "/tests/data/questions.tsv";
  bool json = false, verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--kb") && i + 1 < argc) {
      kb_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--set") && i + 1 < argc) {
      set_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--json")) {
      json = true;
    } else if (!std::strcmp(argv[i], "--verbose")) {
      verbose = true;
    } else {
      std::fprintf(stderr, "usage: eval_intents [--kb FILE] [--set FILE] [--json] [--verbose]\n");
      return 2;
    }
  }
  auto engine = kb::Engine::Open(kb_path);
  if (!engine.ok()) {
    std::fprintf(stderr, "eval_intents: %s\n", engine.status().message().c_str());
    return 1;
  }
  const std::vector<Row> rows = ReadSet(set_path);
  if (rows.empty()) {
    std::fprintf(stderr, "eval_intents: no questions in %s\n", set_path.c_str());
    return 1;
  }
  Report ours, baseline;
  Fts5Baseline fts5((*engine)->knowledge_base().catalog());
  std::vector<double> latencies_us;
  std::vector<std::pair<double, std::string>> slowest;  // latency, reply type and question
  const auto started = std::chrono::steady_clock::now();
  for (const Row& row : rows) {
    kb::Request request;
    request.message = row.question;
    const auto t0 = std::chrono::steady_clock::now();
    const kb::Reply reply = (*engine)->Respond({}, request, nullptr);
    latencies_us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    const std::string got = Outcome(reply);
    slowest.push_back({latencies_us.back(), reply.type + " " + row.question.substr(0, 80)});
    ours.Add(row, got);
    if (verbose && got != row.expected) {
      std::printf("MISS [%s/%s] expected %s got %s: %s\n", row.lang.c_str(), row.kind.c_str(),
                  row.expected.c_str(), got.c_str(), row.question.c_str());
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto baseline_started = std::chrono::steady_clock::now();
  for (const Row& row : rows) baseline.Add(row, fts5.Classify(row.question));
  const double baseline_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - baseline_started).count();
  std::sort(latencies_us.begin(), latencies_us.end());
  std::sort(slowest.rbegin(), slowest.rend());
  const double p50 = latencies_us[latencies_us.size() / 2];
  const double p99 =
      latencies_us[std::min(latencies_us.size() - 1, latencies_us.size() * 99 / 100)];
  const double qps = rows.size() / seconds;

  if (json) {
    nlohmann::json j = {{"engine", ours.ToJson()},
                        {"fts5_baseline", baseline.ToJson()},
                        {"questions", rows.size()},
                        {"latency_us", {{"p50", p50}, {"p99", p99}}},
                        {"questions_per_second", qps},
                        {"baseline_questions_per_second", rows.size() / baseline_seconds}};
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("%zu questions from %s\n\n", rows.size(), set_path.c_str());
  PrintSideBySide(ours, baseline);
  std::printf("\nengine: p50 %.0f µs, p99 %.0f µs per question, %.0f questions/s (one thread)\n",
              p50, p99, qps);
  std::vector<std::pair<int, std::pair<std::string, std::string>>> pairs;
  for (const auto& [pair, count] : ours.confusions) pairs.push_back({count, pair});
  std::sort(pairs.rbegin(), pairs.rend());
  std::printf("\nmost confused (expected -> got):\n");
  for (size_t i = 0; i < pairs.size() && i < 12; ++i) {
    std::printf("  %3d  %s -> %s\n", pairs[i].first, pairs[i].second.first.c_str(),
                pairs[i].second.second.c_str());
  }
  if (verbose) {
    std::printf("\nslowest questions:\n");
    for (size_t i = 0; i < slowest.size() && i < 10; ++i) {
      std::printf("  %7.0f µs  %s\n", slowest[i].first, slowest[i].second.c_str());
    }
  }
  return 0;
}
