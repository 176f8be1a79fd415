// The stack's ceiling: the smallest cpp-httplib server that answers every POST with one fixed
// ChatCompletion body (TCP_NODELAY on, fixed pool). chatmock's figures are ratios against it.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <httplib.h>

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 8;
  static const std::string body =
      R"({"id":"chatcmpl-bench","object":"chat.completion","created":1735689600,"model":"gpt-4o-mini-2024-07-18",)"
      R"("choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?",)"
      R"("refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],)"
      R"("usage":{"prompt_tokens":9,"completion_tokens":9,"total_tokens":18},"service_tier":"default",)"
      R"("system_fingerprint":"fp_bench"})";
  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server.set_tcp_nodelay(true);
  server.Post(".*", [](const httplib::Request&, httplib::Response& res) { res.set_content(body, "application/json"); });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::printf("minimal httplib listening on http://127.0.0.1:%d\n", port);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
