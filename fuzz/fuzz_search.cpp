// Fuzz target: KnowledgeBase::Search over the seed KB (built once from the
// project's kb/ into a temporary file): the query builder, typo correction,
// the FTS5 expressions it writes and the highlighter, with the first byte
// choosing the options. Invariant: any text is a valid query (never an
// SQLite/FTS5 error), and results respect the limit.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_target.h"
#include "kb/knowledge_base.h"

namespace {

// The seed KB in a temporary file, removed at exit.
struct SeedKbFile {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("kb-fuzz-search-" + std::to_string(getpid()) + ".db"))
                         .string();
  std::unique_ptr<kb::KnowledgeBase> kb;

  SeedKbFile() {
    kb::IndexOptions options;
    options.articles_dir = KB_SOURCE_DIR "/kb/articles";
    options.intents_dir = "";
    options.synonyms_file = KB_SOURCE_DIR "/kb/synonyms.txt";
    options.kb_path = path;
    auto built = kb::BuildIndex(options);
    KB_FUZZ_CHECK(built.ok());
    auto opened = kb::KnowledgeBase::Open(path);
    KB_FUZZ_CHECK(opened.ok());
    kb = std::move(opened).value();
  }
  ~SeedKbFile() {
    kb.reset();
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

const kb::KnowledgeBase& SeedKb() {
  static SeedKbFile file;
  return *file.kb;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  kb::SearchOptions options;
  options.prefix_last = (data[0] & 1) != 0;
  options.typos = (data[0] & 2) != 0;
  options.limit = 1 + (data[0] >> 4);
  if (data[0] & 4) options.lang = kb::kLangs[(data[0] >> 3) % kb::kLangs.size()];
  const std::string_view query(reinterpret_cast<const char*>(data + 1), size - 1);
  auto result = SeedKb().Search(query, options);
  if (!result.ok()) {
    std::fprintf(stderr, "search failed: %s\n", result.status().message().c_str());
  }
  KB_FUZZ_CHECK(result.ok());
  KB_FUZZ_CHECK(static_cast<int>(result->passages.size()) <= options.limit);
  return 0;
}
