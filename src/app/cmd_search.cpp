// `kb search`: ranked passages for support agents, as text or as the
// /v1/search JSON object; with no query argument, one query per stdin line.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "kb/json.h"
#include "kb/knowledge_base.h"

namespace kb::app {
namespace {

void PrintText(const SearchResult& result) {
  if (result.passages.empty()) {
    std::printf("no passage found\n");
    return;
  }
  int rank = 0;
  for (const Passage& p : result.passages) {
    std::string snippet = p.snippet;
    // Terminal highlighting instead of HTML marks; entities back to text.
    const bool bold = StdoutIsTerminal();
    for (auto [from, to] : {std::pair<std::string, std::string>{"<mark>", bold ? "\033[1m" : "*"},
                            {"</mark>", bold ? "\033[0m" : "*"},
                            {"&lt;", "<"},
                            {"&gt;", ">"},
                            {"&quot;", "\""},
                            {"&#39;", "'"},
                            {"&amp;", "&"}}) {
      for (size_t at; (at = snippet.find(from)) != std::string::npos;) {
        snippet.replace(at, from.size(), to);
      }
    }
    std::printf("%d. [%s] %s — %s%s (score %.2f)\n   %s\n", ++rank, p.lang.c_str(), p.title.c_str(),
                p.section.c_str(), p.step ? (" · step " + std::to_string(p.step)).c_str() : "",
                p.score, snippet.c_str());
  }
  std::printf("(%zu results in %lld µs)\n", result.passages.size(),
              static_cast<long long>(result.took_us));
}

}  // namespace

void AddSearchCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("search", "Search the knowledge base's passages");
  struct Flags {
    std::string kb_path = DefaultKbPath();
    std::string query;
    std::string lang;
    int limit = 10;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  cmd->add_option("query", flags->query, "Query text (omit to read one query per stdin line)");
  cmd->add_option("--kb", flags->kb_path, "KB file")->capture_default_str();
  cmd->add_option("--lang", flags->lang, "Only passages in this language (en, it, ...)");
  cmd->add_option("--limit", flags->limit, "Maximum number of passages")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--json", flags->json, "Print the /v1/search JSON object");
  cmd->callback([flags, cmd] {
    auto kb = KnowledgeBase::Open(flags->kb_path);
    if (!kb.ok()) {
      std::cerr << "kb search: " << kb.status().message() << "\n";
      throw CLI::RuntimeError(1);
    }
    SearchOptions options;
    options.limit = flags->limit;
    options.lang_filter = flags->lang;
    if (!flags->lang.empty() && !LangFromCode(flags->lang)) {
      std::cerr << "kb search: unknown language '" << flags->lang << "'\n";
      throw CLI::RuntimeError(2);
    }
    auto run = [&](const std::string& query) {
      auto result = (*kb)->Search(query, options);
      if (!result.ok()) {
        if (flags->json) {
          std::cout << ErrorJson("search_failed", result.status().message()).dump() << "\n";
        } else {
          std::cerr << "kb search: " << result.status().message() << "\n";
        }
        return;
      }
      if (flags->json) {
        std::cout << SearchResultToJson(*result).dump() << "\n";
      } else {
        PrintText(*result);
      }
    };
    if (cmd->count("query") > 0) {
      run(flags->query);
      return;
    }
    for (std::string line; std::getline(std::cin, line);) run(line);
  });
}

}  // namespace kb::app
