// `kb index`: builds the KB file from the articles, the catalogue and the
// synonyms, printing one line per article and a summary.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.h"
#include "kb/knowledge_base.h"

namespace kb::app {

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

void AddIndexCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("index", "Build the knowledge base from articles and intents");
  struct Flags {
    IndexOptions options;
    bool quiet = false;
  };
  auto flags = std::make_shared<Flags>();
  flags->options.articles_dir = DefaultArticlesDir();
  flags->options.intents_dir = DefaultIntentsDir();
  flags->options.synonyms_file = DefaultSynonymsFile();
  flags->options.kb_path = DefaultKbPath();
  cmd->add_option("--articles", flags->options.articles_dir, "Directory of article files")
      ->capture_default_str();
  cmd->add_option("--intents", flags->options.intents_dir,
                  "Directory of the intent catalogue ('' for none)")
      ->capture_default_str();
  cmd->add_option("--synonyms", flags->options.synonyms_file, "Synonyms file ('' for none)")
      ->capture_default_str();
  cmd->add_option("--kb", flags->options.kb_path, "KB file to write")->capture_default_str();
  cmd->add_flag("-q,--quiet", flags->quiet, "Print only the summary");
  cmd->callback([flags] {
    IndexOptions options = flags->options;
    const bool terminal = StdoutIsTerminal();
    options.on_article = [&](const ArticleReport& r) {
      if (terminal) std::printf("\r\033[K");
      if (!r.error.empty()) {
        std::printf("skipped %s: %s\n", r.id.c_str(), r.error.c_str());
        return;
      }
      if (flags->quiet) return;
      std::printf("%-28s %-3s %3d sections %3d steps%s\n", r.id.c_str(), r.lang.c_str(), r.sections,
                  r.steps, r.unchanged ? "  (unchanged)" : "");
      for (const std::string& warning : r.warnings)
        std::printf("    warning: %s\n", warning.c_str());
    };
    if (terminal) {
      options.on_progress = [](size_t done, size_t total) {
        if (total < 50) return;
        const int width = 30;
        const int filled = static_cast<int>(width * done / total);
        std::printf("\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(),
                    std::string(width - filled, ' ').c_str(), done, total);
        std::fflush(stdout);
      };
    }
    options.build_model = BuildIntentModelHook();
    auto summary = BuildIndex(options);
    if (!summary.ok()) {
      std::cerr << "kb index: " << summary.status().message() << "\n";
      throw CLI::RuntimeError(1);
    }
    std::printf(
        "indexed %d articles (%d unchanged, %d skipped), %d sections, %d steps, "
        "%.1f KB in %.3f s -> %s\n",
        summary->articles, summary->unchanged, summary->skipped, summary->sections, summary->steps,
        summary->bytes / 1024.0, summary->seconds, options.kb_path.c_str());
  });
}

}  // namespace kb::app
