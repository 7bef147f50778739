// Each subcommand of `kb` lives in its own cmd_<name>.cpp and registers
// itself on the CLI11 app: options, help text and the callback that runs it.
// A callback reports failure by throwing CLI::RuntimeError(exit_code) after
// printing a message that names what failed.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace kb::app {

// Where the README's commands find things with no flags: the project's kb/.
std::string DefaultArticlesDir();
std::string DefaultKbPath();

void AddIndexCommand(CLI::App& app);
void AddSearchCommand(CLI::App& app);
void AddTokenizeCommand(CLI::App& app);

}  // namespace kb::app
