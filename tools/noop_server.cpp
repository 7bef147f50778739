// A do-nothing cpp-httplib JSON endpoint for tools/load_test.sh: the same
// thread pool size, TCP_NODELAY and keep-alive settings as `kb serve`, and a
// fixed small JSON reply for GET and POST /noop. It measures the ceiling the
// HTTP library and this machine set, so the service's rate can be reported
// as a ratio of it.
//   noop_server [--port N] [--threads N]   (prints "listening on http://127.0.0.1:PORT")
#include <httplib.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  int port = 0;
  int threads = 72;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--port") == 0) port = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--threads") == 0) threads = std::atoi(argv[i + 1]);
  }
  httplib::Server server;
  // httplib owns the queue it gets from this factory (its API takes a raw pointer).
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(16 * 1024);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(10000);
  const std::string body = R"({"type":"noop","ok":true,"took_us":0})";
  auto reply = [&body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json; charset=utf-8");
  };
  server.Get("/noop", reply);
  server.Post("/noop", reply);
  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                              : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    std::cerr << "noop_server: cannot listen\n";
    return 1;
  }
  std::cout << "listening on http://127.0.0.1:" << bound << std::endl;
  return server.listen_after_bind() ? 0 : 1;
}
