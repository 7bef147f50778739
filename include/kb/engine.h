// The conversational engine: a question (and the dialogue so far) in, a
// reply out. Matches the question to an intent of the catalogue, answers with
// grounded steps, clarifies when several intents fit, declines politely when
// out of scope, and keeps the thread of a conversation.
//
// The dialogue state is a plain value: Respond(state, request) returns the
// reply and the next state, so dialogue logic is testable without HTTP.
// Thread safety: an Engine is immutable after Open and safe to share.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kb/knowledge_base.h"
#include "kb/lang.h"
#include "kb/status.h"

namespace kb {

struct ReplyStep {
  std::string text;
  std::string article;
  std::string section;
};

struct ReplySource {
  std::string article;
  std::string title;
  std::string section;
  std::string lang;
};

struct Suggestion {
  std::string intent;
  std::string label;
};

struct Candidate {
  std::string intent;
  double score = 0;
};

// Why a reply was chosen, for `--explain`, `/why` and the `explain` flag.
struct Explanation {
  std::string detected_lang;
  double lang_confidence = 0;
  std::vector<std::string> corrections;    // "pasword -> password"
  std::vector<std::string> matched_terms;  // features that fired, with synonyms
  std::vector<Candidate> candidates;       // top intents with scores
  double margin = 0;                       // top score minus the runner-up's
  std::string decision;                    // which rule decided the reply type
};

struct Reply {
  std::string type;                   // answer | clarify | search | fallback | smalltalk
  std::optional<std::string> intent;  // null for clarify / search / fallback
  double confidence = 0;
  std::string lang;
  std::string text;
  std::vector<ReplyStep> steps;
  std::vector<ReplySource> sources;
  std::vector<Suggestion> suggestions;
  std::string session_id;
  bool credentials_warning = false;  // the message looked like it held a secret
  std::optional<Explanation> explanation;
};

// What the engine remembers of a conversation between turns.
struct DialogueState {
  std::string lang;                     // sticky language ("" until known)
  bool lang_pinned = false;             // set by the user (/lang, request lang)
  std::string last_intent;              // last answered intent
  std::vector<Suggestion> suggestions;  // offered in the last clarify reply
  int turns = 0;
  int fallbacks = 0;          // consecutive fallbacks
  int still_not_working = 0;  // "it still doesn't work" count for last_intent
  std::string last_message;   // the previous message, credentials redacted
};

struct Request {
  std::string message;
  std::optional<Lang> lang;  // forces the reply language
  bool explain = false;
};

class Engine {
 public:
  // Opens the KB file and its stored intent model.
  static StatusOr<std::unique_ptr<Engine>> Open(const std::string& kb_path);
  ~Engine();

  Reply Respond(const DialogueState& state, const Request& request, DialogueState* next) const;

  const KnowledgeBase& knowledge_base() const;

  struct Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Builds the intent model's bytes from the catalogue at index time
// (IndexOptions::build_model).
StatusOr<std::string> BuildIntentModel(const Catalog& catalog, const std::vector<Article>& articles,
                                       const std::shared_ptr<const SynonymTable>& synonyms);

}  // namespace kb
