// parse_bench: reads every article file (.txt, .md, .markdown) of one
// directory into memory, then times kb::ParseArticle over all of them for a
// few repetitions, so that file I/O stays out of the figure (MB/s of raw
// article bytes, one thread). With --dump FILE it also writes every parse
// result in a stable text form, so two builds can be compared with `cmp`.
// A benchmark, not a test: see tools/README.md.
//
// Single-threaded.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "kb/article.h"

namespace kb::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct ArticleFile {
  std::string id;  // the file stem, as the indexer names articles
  std::string bytes;
};

bool IsArticleFile(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".markdown";
}

// The directory's article files, sorted by path (the indexer's order).
std::vector<ArticleFile> LoadArticles(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && IsArticleFile(entry.path())) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<ArticleFile> files;
  files.reserve(paths.size());
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    files.push_back({path.stem().string(), std::string(std::istreambuf_iterator<char>(in), {})});
  }
  return files;
}

// One article's parse result (or its error) as text. Every field is on its
// own tagged line; embedded newlines cannot occur in cleaned text, but the
// byte counts make the form unambiguous regardless.
void DumpArticle(const ArticleFile& file, std::ostream& out) {
  auto field = [&out](std::string_view tag, std::string_view value) {
    out << tag << ' ' << value.size() << ' ' << value << '\n';
  };
  field("file", file.id);
  StatusOr<Article> parsed = ParseArticle(file.id, file.bytes);
  if (!parsed.ok()) {
    field("error", parsed.status().message());
    return;
  }
  const Article& article = *parsed;
  field("id", article.id);
  field("title", article.title);
  field("lang", article.lang);
  for (const std::string& warning : article.warnings) field("warning", warning);
  for (const Section& section : article.sections) {
    field("section", section.heading);
    for (const std::string& paragraph : section.paragraphs) field("paragraph", paragraph);
    for (const Step& step : section.steps) {
      field("step " + std::to_string(step.ordinal), step.text);
    }
  }
}

int Run(const std::string& dir, int repetitions, const std::string& dump_path) {
  const std::vector<ArticleFile> files = LoadArticles(dir);
  size_t total_bytes = 0;
  for (const ArticleFile& file : files) total_bytes += file.bytes.size();
  const double megabytes = static_cast<double>(total_bytes) / 1e6;
  std::printf("%zu articles, %.2f MB\n", files.size(), megabytes);

  if (!dump_path.empty()) {
    std::ofstream out(dump_path, std::ios::binary);
    for (const ArticleFile& file : files) DumpArticle(file, out);
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", dump_path.c_str());
      return 1;
    }
  }

  double best = 0;
  size_t failures = 0;
  for (int rep = 0; rep < repetitions; ++rep) {
    failures = 0;
    const Clock::time_point start = Clock::now();
    for (const ArticleFile& file : files)
      failures += ParseArticle(file.id, file.bytes).ok() ? 0 : 1;
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    best = rep == 0 ? seconds : std::min(best, seconds);
    std::printf("run %d: %.3f s, %.1f MB/s\n", rep + 1, seconds, megabytes / seconds);
  }
  std::printf("best: %.3f s, %.1f MB/s (%zu articles failed to parse)\n", best, megabytes / best,
              failures);
  return 0;
}

}  // namespace
}  // namespace kb::bench

int main(int argc, char** argv) {
  CLI::App app{"parse_bench: kb::ParseArticle throughput over an article directory"};
  std::string dir;
  int repetitions = 5;
  std::string dump_path;
  app.add_option("dir", dir, "directory of article files")
      ->required()
      ->check(CLI::ExistingDirectory);
  app.add_option("-n,--repetitions", repetitions, "timed passes over all articles")
      ->check(CLI::PositiveNumber);
  app.add_option("--dump", dump_path, "write every parse result to this file");
  CLI11_PARSE(app, argc, argv);
  return kb::bench::Run(dir, repetitions, dump_path);
}
