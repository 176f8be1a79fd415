// The stack's ceiling: the smallest cpp-httplib server that answers every POST with one fixed
// ChatCompletion body (TCP_NODELAY on, fixed pool). chatmock's figures are ratios against it.
// Usage: chatmock-bench-httplib [THREADS] [--port-file FILE]; other arguments are ignored, so
// the cold-start probe can launch it with chatmock's own `serve --port 0 --port-file F` line.
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
  int threads = 8;
  std::string port_file;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--port-file" && i + 1 < argc) {
      port_file = argv[++i];
    } else if (i == 1 && std::atoi(argv[1]) > 0) {
      threads = std::atoi(argv[1]);
    }
  }
  static const std::string body =
      R"({"id":"chatcmpl-bench","object":"chat.completion","created":1735689600,"model":"gpt-4o-mini-2024-07-18",)"
      R"("choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?",)"
      R"("refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],)"
      R"("usage":{"prompt_tokens":9,"completion_tokens":9,"total_tokens":18},"service_tier":"default",)"
      R"("system_fingerprint":"fp_bench"})";
  httplib::Server server;
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  server.set_tcp_nodelay(true);
  server.Post(".*", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  if (!port_file.empty()) std::ofstream(port_file) << port << '\n';
  std::printf("minimal httplib listening on http://127.0.0.1:%d\n", port);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
