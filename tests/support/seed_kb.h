// A real KB file built once per test binary from the project's own kb/
// (articles, catalogue, synonyms) with the intent model, in a temp dir.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "kb/engine.h"
#include "kb/knowledge_base.h"
#include "temp_dir.h"

namespace kb::testing {

class SeedKb {
 public:
  // The shared instance; builds the KB on first use (fails the test if it can't).
  static SeedKb& Get() {
    static SeedKb* instance = new SeedKb();
    return *instance;
  }
  const std::string& path() const { return path_; }
  const Engine& engine() const { return *engine_; }

 private:
  SeedKb() {
    IndexOptions options;
    options.articles_dir = SourcePath("kb/articles");
    options.intents_dir = SourcePath("kb/intents");
    options.synonyms_file = SourcePath("kb/synonyms.txt");
    options.kb_path = dir_.File("kb.db");
    options.build_model = BuildIntentModel;
    auto summary = BuildIndex(options);
    if (!summary.ok()) {
      ADD_FAILURE() << "cannot build the seed KB: " << summary.status().message();
      std::abort();
    }
    path_ = options.kb_path;
    auto engine = Engine::Open(path_);
    if (!engine.ok()) {
      ADD_FAILURE() << "cannot open the seed KB: " << engine.status().message();
      std::abort();
    }
    engine_ = std::move(engine).value();
  }
  TempDir dir_;
  std::string path_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace kb::testing
