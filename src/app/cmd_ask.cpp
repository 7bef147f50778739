// `kb ask`: answers one question, or (no argument) one question per stdin
// line in one process. A line may be a JSON object {"message", "session_id",
// "lang"}: lines sharing a session_id are one conversation, as over HTTP.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "kb/engine.h"
#include "kb/json.h"
#include "kb/session_store.h"
#include "kb/utf8.h"
#include "reply_printer.h"

namespace kb::app {
namespace {

struct AskFlags {
  std::string kb_path = DefaultKbPath();
  std::string question;
  std::string lang;
  bool json = false;
  bool explain = false;
};

// One input line -> one output line (JSON mode) or block (text mode).
class Asker {
 public:
  Asker(const Engine& engine, const AskFlags& flags) : engine_(engine), flags_(flags) {}

  void Line(const std::string& line) {
    Request request;
    request.explain = flags_.explain;
    if (!flags_.lang.empty()) request.lang = LangFromCode(flags_.lang);
    std::string session_id;
    if (!IsValidUtf8(line)) return Error("invalid_utf8", "the line is not valid UTF-8");
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] == '{') {
      nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
      if (object.is_discarded() || !object.is_object()) {
        return Error("invalid_json", "the line starts with '{' but is not a JSON object");
      }
      auto message = object.find("message");
      if (message == object.end() || !message->is_string()) {
        return Error("invalid_request", "\"message\" must be a string");
      }
      request.message = message->get<std::string>();
      if (auto id = object.find("session_id"); id != object.end() && !id->is_null()) {
        if (!id->is_string()) return Error("invalid_request", "\"session_id\" must be a string");
        session_id = id->get<std::string>();
      }
      if (auto lang = object.find("lang"); lang != object.end() && !lang->is_null()) {
        if (!lang->is_string() || !LangFromCode(lang->get<std::string>())) {
          return Error("invalid_request", "\"lang\" must be one of en, it, es, fr, de");
        }
        request.lang = LangFromCode(lang->get<std::string>());
      }
      if (auto explain = object.find("explain"); explain != object.end() && explain->is_boolean()) {
        request.explain = explain->get<bool>();
      }
    } else {
      request.message = line;
    }
    if (session_id.empty()) session_id = SessionStore::NewId();
    DialogueState next;
    Reply reply = engine_.Respond(sessions_.Get(session_id), request, &next);
    sessions_.Put(session_id, next);
    reply.session_id = session_id;
    if (flags_.json) {
      std::cout << ReplyToJson(reply).dump() << "\n";
    } else {
      std::cout << FormatReply(reply, StdoutIsTerminal());
      if (reply.explanation) std::cout << FormatExplanation(*reply.explanation, StdoutIsTerminal());
    }
    std::cout.flush();
  }

 private:
  void Error(const char* code, const char* message) {
    if (flags_.json) {
      std::cout << ErrorJson(code, message).dump() << "\n";
    } else {
      std::cerr << "kb ask: " << message << "\n";
    }
  }

  const Engine& engine_;
  const AskFlags& flags_;
  SessionStore sessions_{100000, std::chrono::hours(24)};
};

}  // namespace

void AddAskCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("ask", "Answer a question (or one per stdin line)");
  auto flags = std::make_shared<AskFlags>();
  cmd->add_option("question", flags->question, "The question (omit to read stdin lines)");
  cmd->add_option("--kb", flags->kb_path, "KB file")->capture_default_str();
  cmd->add_option("--lang", flags->lang, "Reply language (en, it, es, fr, de)");
  cmd->add_flag("--json", flags->json, "Print reply objects as JSON, one per line");
  cmd->add_flag("--explain", flags->explain, "Explain why each reply was chosen");
  cmd->callback([flags, cmd] {
    if (!flags->lang.empty() && !LangFromCode(flags->lang)) {
      std::cerr << "kb ask: unknown language '" << flags->lang << "' (en, it, es, fr, de)\n";
      throw CLI::RuntimeError(2);
    }
    auto engine = Engine::Open(flags->kb_path);
    if (!engine.ok()) {
      std::cerr << "kb ask: " << engine.status().message() << "\n";
      throw CLI::RuntimeError(1);
    }
    Asker asker(**engine, *flags);
    if (cmd->count("question") > 0) {
      asker.Line(flags->question);
      return;
    }
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      asker.Line(line);
    }
  });
}

std::function<StatusOr<std::string>(const Catalog&, const std::vector<Article>&,
                                    const std::shared_ptr<const SynonymTable>&)>
BuildIntentModelHook() {
  return BuildIntentModel;
}

}  // namespace kb::app
