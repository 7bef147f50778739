// `kb chat`: the REPL. On a terminal: line editing and history (libedit),
// colour, a prompt; Ctrl-C clears the line, Ctrl-D (or /quit) leaves. Piped:
// plain lines in, plain replies out, no prompt or colour.
#include <editline/readline.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "kb/engine.h"
#include "kb/json.h"
#include "kb/utf8.h"
#include "reply_printer.h"

namespace kb::app {
namespace {

volatile sig_atomic_t interrupted = 0;

void OnInterrupt(int) { interrupted = 1; }

constexpr const char* kHelp =
    "Ask a question about signing in to Seller Central, in English, Italian, Spanish,\n"
    "French or German. Commands:\n"
    "  /help          this help\n"
    "  /lang xx       reply in en, it, es, fr or de (/lang auto to detect again)\n"
    "  /reset         start a new conversation\n"
    "  /search text   search the articles' passages\n"
    "  /why           explain the last reply\n"
    "  /quit          leave (or Ctrl-D)\n"
    "A number picks one of the offered choices.\n";

struct ChatFlags {
  std::string kb_path = DefaultKbPath();
  std::string lang;
  bool explain = false;
};

// Reads lines: libedit on a terminal, std::getline otherwise.
class LineReader {
 public:
  explicit LineReader(bool interactive) : interactive_(interactive) {
    if (!interactive_) return;
    if (const char* home = std::getenv("HOME")) history_ = std::string(home) + "/.kb_history";
    using_history();
    read_history(history_.c_str());
    struct sigaction action {};
    action.sa_handler = OnInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: the read returns and we redraw
    sigaction(SIGINT, &action, nullptr);
  }
  ~LineReader() {
    if (interactive_ && !history_.empty()) write_history(history_.c_str());
  }

  // False at end of input.
  bool Read(const std::string& prompt, std::string& line) {
    if (!interactive_) return static_cast<bool>(std::getline(std::cin, line));
    for (;;) {
      interrupted = 0;
      char* raw = readline(prompt.c_str());
      if (raw == nullptr) {
        if (interrupted) {  // Ctrl-C: drop the line, prompt again
          std::cout << "^C\n";
          continue;
        }
        std::cout << "\n";
        return false;  // Ctrl-D
      }
      line = raw;
      std::free(raw);
      if (!line.empty()) add_history(line.c_str());
      return true;
    }
  }

 private:
  bool interactive_;
  std::string history_;
};

}  // namespace

void AddChatCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("chat", "Talk with the assistant (REPL)");
  auto flags = std::make_shared<ChatFlags>();
  cmd->add_option("--kb", flags->kb_path, "KB file")->capture_default_str();
  cmd->add_option("--lang", flags->lang, "Reply language (en, it, es, fr, de)");
  cmd->add_flag("--explain", flags->explain, "Explain every reply");
  cmd->callback([flags] {
    auto engine = Engine::Open(flags->kb_path);
    if (!engine.ok()) {
      std::cerr << "kb chat: " << engine.status().message() << "\n";
      throw CLI::RuntimeError(1);
    }
    const bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    const bool colour = interactive && std::getenv("NO_COLOR") == nullptr;
    DialogueState state;
    std::optional<Lang> forced = LangFromCode(flags->lang);
    std::optional<Explanation> last_explanation;
    if (interactive) {
      std::cout << "Seller Central access assistant. /help for commands, Ctrl-D to leave.\n";
    }
    LineReader reader(interactive);
    const std::string prompt = colour ? "\001\033[1;32m\002you>\001\033[0m\002 " : "you> ";
    for (std::string line; reader.Read(prompt, line);) {
      if (!IsValidUtf8(line)) {
        std::cout << "(that line is not valid UTF-8; please type it again)\n";
        continue;
      }
      if (line == "/quit" || line == "/exit") break;
      if (line == "/help") {
        std::cout << kHelp;
        continue;
      }
      if (line == "/reset") {
        state = DialogueState{};
        std::cout << "(new conversation)\n";
        continue;
      }
      if (line == "/why") {
        std::cout << (last_explanation ? FormatExplanation(*last_explanation, colour)
                                       : "(nothing to explain yet)\n");
        continue;
      }
      if (line.rfind("/lang", 0) == 0) {
        const std::string code = line.size() > 6 ? line.substr(6) : "";
        if (code == "auto") {
          forced.reset();
          state.lang_pinned = false;
          std::cout << "(language: detected)\n";
        } else if (auto lang = LangFromCode(code)) {
          forced = lang;
          std::cout << "(language: " << code << ")\n";
        } else {
          std::cout << "(usage: /lang en|it|es|fr|de|auto)\n";
        }
        continue;
      }
      if (line.rfind("/search", 0) == 0) {
        auto result = (*engine)->knowledge_base().Search(line.size() > 8 ? line.substr(8) : "", {});
        if (!result.ok() || result->passages.empty()) {
          std::cout << "(no passage found)\n";
          continue;
        }
        int n = 0;
        for (const Passage& p : result->passages) {
          std::cout << ++n << ". " << p.title << " § " << p.section << "\n   "
                    << p.text.substr(0, 200) << (p.text.size() > 200 ? "…" : "") << "\n";
        }
        continue;
      }
      if (!line.empty() && line[0] == '/') {
        std::cout << "(unknown command; /help lists them)\n";
        continue;
      }
      Request request;
      request.message = line;
      request.lang = forced;
      request.explain = true;
      DialogueState next;
      Reply reply = (*engine)->Respond(state, request, &next);
      state = next;
      last_explanation = reply.explanation;
      std::cout << FormatReply(reply, colour);
      if (flags->explain && reply.explanation) {
        std::cout << FormatExplanation(*reply.explanation, colour);
      }
      std::cout.flush();
    }
  });
}

}  // namespace kb::app
