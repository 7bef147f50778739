// Query files, plain article reading and percentile arithmetic for the search
// benchmark. See bench_queries.h.
#include "bench_queries.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace kb::bench {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = text.find(sep, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsArticleFile(const fs::directory_entry& entry) {
  if (!entry.is_regular_file()) return false;
  const std::string ext = entry.path().extension().string();
  return ext == ".md" || ext == ".txt" || ext == ".markdown";
}

StatusOr<std::vector<fs::path>> ArticlePaths(const std::string& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::Error("cannot list " + dir + ": " + ec.message());
  std::vector<fs::path> paths;
  for (const auto& entry : it) {
    if (IsArticleFile(entry)) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

PlainArticle ParsePlain(std::string id, std::string_view text) {
  PlainArticle article{std::move(id), "", ""};
  if (text.starts_with("---\n")) {
    size_t end = text.find("\n---\n", 3);
    if (end != std::string_view::npos) {
      for (const std::string& line : Split(text.substr(4, end - 4), '\n')) {
        if (line.starts_with("title:")) article.title = std::string(Trim(line.substr(6)));
      }
      text.remove_prefix(end + 5);
    }
  }
  if (article.title.empty()) {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      std::string_view line =
          Trim(text.substr(pos, eol == std::string_view::npos ? eol : eol - pos));
      pos = eol == std::string_view::npos ? text.size() : eol + 1;
      if (!line.empty()) {
        article.title = std::string(line);
        break;
      }
    }
    text.remove_prefix(pos);
  }
  article.body = std::string(text);
  return article;
}

}  // namespace

StatusOr<std::vector<BenchQuery>> LoadQueries(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error("cannot open query file " + path);
  std::vector<BenchQuery> queries;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.starts_with("#")) continue;
    std::vector<std::string> cols = Split(line, '\t');
    if (cols.size() >= 2 && cols[0] == "lang" && cols[1] == "kind") continue;  // header
    if (cols.size() != 4) {
      return Status::Error(path + ":" + std::to_string(line_no) +
                           ": expected 4 tab-separated columns");
    }
    if (cols[1] != "exact" && cols[1] != "typo" && cols[1] != "prefix") {
      return Status::Error(path + ":" + std::to_string(line_no) + ": unknown kind '" + cols[1] +
                           "'");
    }
    queries.push_back({cols[0], cols[1], cols[2], Split(cols[3], '|')});
  }
  if (queries.empty()) return Status::Error("no queries in " + path);
  return queries;
}

StatusOr<PlainCorpus> ReadPlainCorpus(const std::string& dir) {
  StatusOr<std::vector<fs::path>> paths = ArticlePaths(dir);
  if (!paths.ok()) return paths.status();
  PlainCorpus corpus;
  for (const fs::path& path : *paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Error("cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = std::move(buffer).str();
    corpus.bytes += text.size();
    corpus.articles.push_back(ParsePlain(path.stem().string(), text));
  }
  return corpus;
}

StatusOr<uint64_t> CorpusBytes(const std::string& dir) {
  StatusOr<std::vector<fs::path>> paths = ArticlePaths(dir);
  if (!paths.ok()) return paths.status();
  uint64_t bytes = 0;
  for (const fs::path& path : *paths) {
    std::error_code ec;
    bytes += fs::file_size(path, ec);
    if (ec) return Status::Error("cannot stat " + path.string() + ": " + ec.message());
  }
  return bytes;
}

double Percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
  rank = std::clamp<size_t>(rank, 1, samples.size());
  return samples[rank - 1];
}

int HitRank(const std::vector<std::string>& ranked, const std::vector<std::string>& expected) {
  for (size_t i = 0; i < ranked.size(); ++i) {
    if (std::find(expected.begin(), expected.end(), ranked[i]) != expected.end()) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

}  // namespace kb::bench
