// `kb`: index, search, ask, chat, serve. Parses flags and calls the library.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"kb: a multilingual knowledge-base assistant for Seller Central access problems"};
  app.require_subcommand(1);
  kb::app::AddIndexCommand(app);
  kb::app::AddSearchCommand(app);
  kb::app::AddAskCommand(app);
  kb::app::AddChatCommand(app);
  kb::app::AddTokenizeCommand(app);
  kb::app::AddServeCommand(app);
  kb::app::AddReviewCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
