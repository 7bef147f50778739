// Fuzz target: ParseArticle on arbitrary file contents (plain text and
// Markdown readers, cleaning rules, mojibake repair, step extraction).
// Invariants: a broken file is an error, never a crash; a parsed article has
// sections, and every step an ordinal counting from 1.
#include <string_view>

#include "fuzz_target.h"
#include "kb/article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto article = kb::ParseArticle("fuzz", bytes);
  if (!article.ok()) {
    KB_FUZZ_CHECK(!article.status().message().empty());
    return 0;
  }
  KB_FUZZ_CHECK(!article->sections.empty());
  for (const kb::Section& section : article->sections) {
    int ordinal = 0;
    for (const kb::Step& step : section.steps) KB_FUZZ_CHECK(step.ordinal == ++ordinal);
  }
  return 0;
}
