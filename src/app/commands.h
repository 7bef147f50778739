// Each subcommand of `kb` lives in its own cmd_<name>.cpp and registers
// itself on the CLI11 app: options, help text and the callback that runs it.
// A callback reports failure by throwing CLI::RuntimeError(exit_code) after
// printing a message that names what failed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "kb/analyzer.h"
#include "kb/article.h"
#include "kb/catalog.h"
#include "kb/status.h"

namespace kb::app {

// Where the README's commands find things with no flags: the project's kb/.
std::string DefaultArticlesDir();
std::string DefaultIntentsDir();
std::string DefaultSynonymsFile();
std::string DefaultKbPath();

// Whether standard output is a terminal (colour, progress bars, prompts).
bool StdoutIsTerminal();

// How `kb index` builds the intent model stored in the KB (the match layer).
std::function<StatusOr<std::string>(const Catalog&, const std::vector<Article>&,
                                    const std::shared_ptr<const SynonymTable>&)>
BuildIntentModelHook();

void AddIndexCommand(CLI::App& app);
void AddSearchCommand(CLI::App& app);
void AddAskCommand(CLI::App& app);
void AddChatCommand(CLI::App& app);
void AddTokenizeCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddReviewCommand(CLI::App& app);

}  // namespace kb::app
