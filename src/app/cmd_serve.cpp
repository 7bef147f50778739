// `kb serve`: the HTTP service. Parses flags (each also from a KB_*
// environment variable), starts kb::server::Server and handles signals on a
// dedicated thread: SIGTERM/SIGINT stop it gracefully (in-flight requests
// finish, exit 0), SIGHUP reloads the re-indexed KB.
#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "commands.h"
#include "server.h"

namespace kb::app {
namespace {

struct ServeFlags {
  server::ServerOptions options;
  std::string cors;  // comma-separated allow-list
  size_t search_cache_mb = 64;
};

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');) {
    const size_t begin = item.find_first_not_of(' ');
    const size_t end = item.find_last_not_of(' ');
    if (begin != std::string::npos) items.push_back(item.substr(begin, end - begin + 1));
  }
  return items;
}

void LogEvent(const nlohmann::json& event) {
  std::cerr << event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

int Serve(ServeFlags& flags) {
  flags.options.cors_origins = SplitList(flags.cors);
  flags.options.search_cache_bytes = flags.search_cache_mb << 20;
  // Block the signals in every thread; the signal thread takes them with sigwait.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto created = server::Server::Create(flags.options);
  if (!created.ok()) {
    std::cerr << "kb serve: " << created.status().message() << "\n";
    return 1;
  }
  server::Server& http = **created;
  auto port = http.Bind();
  if (!port.ok()) {
    std::cerr << "kb serve: " << port.status().message() << "\n";
    return 1;
  }
  std::cout << "listening on http://" << http.host() << ":" << *port << std::endl;

  std::thread signal_thread([&http, signals] {
    for (;;) {
      int signal = 0;
      if (sigwait(&signals, &signal) != 0) continue;
      if (signal == SIGHUP) {
        const Status status = http.Reload();
        LogEvent({{"event", "reload"}, {"ok", status.ok()}, {"error", status.message()}});
        continue;
      }
      LogEvent({{"event", "shutdown"}, {"signal", signal == SIGINT ? "SIGINT" : "SIGTERM"}});
      http.Stop();
      return;
    }
  });
  const Status status = http.Run();
  if (!status.ok()) {
    // Wake the signal thread so it can end.
    kill(getpid(), SIGTERM);
  }
  signal_thread.join();
  if (!status.ok()) {
    std::cerr << "kb serve: " << status.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "Serve the chat engine over HTTP (JSON API, widget)");
  auto flags = std::make_shared<ServeFlags>();
  server::ServerOptions& o = flags->options;
  o.kb_path = DefaultKbPath();
  o.feedback_db = (std::filesystem::path(DefaultKbPath()).parent_path() / "feedback.db").string();
  cmd->add_option("--host", o.host, "Address to listen on")
      ->envname("KB_HOST")
      ->capture_default_str();
  cmd->add_option("--port", o.port, "Port (0 = any free port)")
      ->envname("KB_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", o.threads, "Worker threads (each keep-alive connection holds one)")
      ->envname("KB_THREADS")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--kb", o.kb_path, "KB file")->envname("KB_FILE")->capture_default_str();
  cmd->add_option("--feedback-db", o.feedback_db, "Feedback database (SQLite)")
      ->envname("KB_FEEDBACK_DB")
      ->capture_default_str();
  cmd->add_option("--cors-origin", flags->cors,
                  "Origins allowed to call the API from a browser (comma-separated, * = any)")
      ->envname("KB_CORS_ORIGIN");
  cmd->add_option("--search-cache-mb", flags->search_cache_mb,
                  "Memory for recent search answers, in MiB (0 = no cache)")
      ->envname("KB_SEARCH_CACHE_MB")
      ->check(CLI::Range(0, 65536))
      ->capture_default_str();
  cmd->add_option("--rate-limit", o.rate_limit, "Requests per second per client (0 = off)")
      ->envname("KB_RATE_LIMIT")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--rate-burst", o.rate_burst, "Burst size per client (0 = twice the rate)")
      ->envname("KB_RATE_BURST")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--admin-token", o.admin_token,
                  "Bearer token for POST /admin/reload (no token = no admin routes)")
      ->envname("KB_ADMIN_TOKEN");
  cmd->add_flag("--log-messages", o.log_messages,
                "Log the (credential-redacted) message text of chat requests")
      ->envname("KB_LOG_MESSAGES");
  cmd->add_flag("!--no-log", o.log_requests, "Do not write a log line per request")
      ->envname("KB_NO_LOG");
  cmd->callback([flags] {
    const int code = Serve(*flags);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace kb::app
