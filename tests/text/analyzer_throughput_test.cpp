// Analyzer throughput on the shipped articles (the indexer's target is
// 20 MB/s on one core for the full pipeline). Disabled by default because
// timing is not a pass/fail property on a shared machine; run with
//   text_tests --gtest_also_run_disabled_tests --gtest_filter='*Throughput*'
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kb/analyzer.h"

namespace kb {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(AnalyzerThroughputTest, DISABLED_FullPipelineMegabytesPerSecond) {
  std::string corpus;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(KB_SOURCE_DIR) + "/kb/articles")) {
    corpus += ReadAll(entry.path());
    corpus += '\n';
  }
  ASSERT_FALSE(corpus.empty());
  auto table = SynonymTable::Parse(ReadAll(std::string(KB_SOURCE_DIR) + "/kb/synonyms.txt"));
  ASSERT_TRUE(table.ok());
  for (Lang lang : {Lang::kIt, Lang::kEn, Lang::kUnknown}) {
    Analyzer analyzer(*table);
    size_t bytes = 0, tokens = 0;
    const auto start = std::chrono::steady_clock::now();
    double seconds = 0;
    while (seconds < 2.0) {
      // Paragraph-sized inputs, as the indexer feeds them.
      size_t pos = 0;
      while (pos < corpus.size()) {
        size_t end = corpus.find("\n\n", pos);
        if (end == std::string::npos) end = corpus.size();
        tokens += analyzer.Analyze(std::string_view(corpus).substr(pos, end - pos), lang).size();
        pos = end + 2;
      }
      bytes += corpus.size();
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    std::printf("lang=%s: %.1f MB/s, %.2f M tokens/s\n",
                LangCode(lang).empty() ? "unknown" : std::string(LangCode(lang)).c_str(),
                bytes / seconds / 1e6, tokens / seconds / 1e6);
    RecordProperty(std::string("mb_per_s_") + std::string(LangCode(lang)),
                   static_cast<int>(bytes / seconds / 1e6));
  }
}

}  // namespace
}  // namespace kb
