// `kb review`: lists the questions that ended in a fallback or got a
// thumbs-down, grouped by similarity with counts, largest group first, so a
// KB author sees what to add.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "feedback_store.h"
#include "review.h"

namespace kb::app {
namespace {

struct ReviewFlags {
  std::string feedback_db;
  double threshold = 0.5;
  int limit = 50;
  bool json = false;
};

void Review(const ReviewFlags& flags) {
  auto store = server::FeedbackStore::OpenReadOnly(flags.feedback_db);
  if (!store.ok()) {
    std::cerr << "kb review: " << store.status().message() << "\n";
    throw CLI::RuntimeError(1);
  }
  auto items = (*store)->ReviewItems();
  if (!items.ok()) {
    std::cerr << "kb review: " << items.status().message() << "\n";
    throw CLI::RuntimeError(1);
  }
  const std::vector<server::ReviewGroup> groups = server::GroupForReview(*items, flags.threshold);
  const size_t shown = std::min(groups.size(), static_cast<size_t>(std::max(0, flags.limit)));
  if (flags.json) {
    for (size_t i = 0; i < shown; ++i) {
      const server::ReviewGroup& g = groups[i];
      nlohmann::json intents = nlohmann::json::object();
      for (const auto& [intent, count] : g.intents)
        intents[intent.empty() ? "null" : intent] = count;
      std::cout << nlohmann::json{{"count", g.count},
                                  {"fallbacks", g.fallbacks},
                                  {"thumbs_down", g.thumbs_down},
                                  {"words", g.words},
                                  {"examples", g.examples},
                                  {"intents", intents},
                                  {"comments", g.comments}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    }
    return;
  }
  if (groups.empty()) {
    std::cout << "Nothing to review: no fallbacks or thumbs-down in " << flags.feedback_db << "\n";
    return;
  }
  std::cout << items->size() << " questions to review in " << groups.size() << " groups\n\n";
  for (size_t i = 0; i < shown; ++i) {
    const server::ReviewGroup& g = groups[i];
    std::cout << g.count << " × ";
    for (size_t w = 0; w < g.words.size(); ++w) std::cout << (w ? " " : "") << g.words[w];
    std::cout << "  (" << g.fallbacks << " fallback, " << g.thumbs_down << " thumbs-down";
    for (const auto& [intent, count] : g.intents) {
      if (!intent.empty()) std::cout << "; " << intent << " ×" << count;
    }
    std::cout << ")\n";
    for (const std::string& example : g.examples) std::cout << "    “" << example << "”\n";
    for (const std::string& comment : g.comments) std::cout << "    comment: " << comment << "\n";
  }
  if (shown < groups.size()) std::cout << "\n… " << groups.size() - shown << " more groups\n";
}

}  // namespace

void AddReviewCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "review", "List questions that ended in a fallback or a thumbs-down, grouped by similarity");
  auto flags = std::make_shared<ReviewFlags>();
  flags->feedback_db =
      (std::filesystem::path(DefaultKbPath()).parent_path() / "feedback.db").string();
  cmd->add_option("--feedback-db", flags->feedback_db, "Feedback database")
      ->envname("KB_FEEDBACK_DB")
      ->capture_default_str();
  cmd->add_option("--similarity", flags->threshold,
                  "Minimum Jaccard overlap of content words to share a group")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--limit", flags->limit, "Groups to show")->capture_default_str();
  cmd->add_flag("--json", flags->json, "One JSON object per group");
  cmd->callback([flags] { Review(*flags); });
}

}  // namespace kb::app
