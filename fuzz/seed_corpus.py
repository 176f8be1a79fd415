#!/usr/bin/env python3
"""Regenerates the seed corpora in fuzz/corpus/ from a running chatmock (scenario outputs),
the conformance cases and the shipped fixtures. Usage: fuzz/seed_corpus.py http://127.0.0.1:PORT
Each file is named by what it holds; reproducers of fixed crashes (crash-*) are never touched."""
import hashlib, json, pathlib, sys, urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
URL = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
HEADERS = {"Authorization": "Bearer sk-fuzz", "Content-Type": "application/json"}


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def post(body, headers):
    request = urllib.request.Request(URL + "/v1/chat/completions", json.dumps(body).encode(),
                                     {**HEADERS, **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()
    except Exception:  # scenarios that cut the connection
        return b""


def requests_from_cases():
    seen = {}
    for path in sorted((ROOT / "conformance" / "cases").glob("*.json")):
        for case in json.loads(path.read_text())["cases"]:
            text = json.dumps(case["request"], sort_keys=True)
            seen.setdefault(hashlib.sha1(text.encode()).hexdigest()[:8], (case, text))
    return list(seen.values())


def main():
    scenarios = [s["name"] for s in json.load(urllib.request.urlopen(URL + "/_chatmock/scenarios"))]
    cases = requests_from_cases()
    plain = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}

    # request_validator: every distinct conformance request plus hand-made invalid ones.
    for case, text in cases:
        write("request_validator", "case_" + case["id"], text)
    invalid = {
        "no_messages": {"model": "gpt-4o"},
        "bad_role": {"model": "gpt-4o", "messages": [{"role": "robot", "content": "x"}]},
        "temperature_high": {**plain, "temperature": 9},
        "tool_bad_schema": {**plain, "tools": [{"type": "function", "function": {"name": "f", "parameters": 3}}]},
        "tool_call_orphan": {"model": "gpt-4o", "messages": [{"role": "tool", "content": "x", "tool_call_id": "c"}]},
        "response_format_schema": {**plain, "response_format": {"type": "json_schema", "json_schema": {"name": "s", "schema": {"type": "object"}}}},
        "n_zero": {**plain, "n": 0},
        "logit_bias": {**plain, "logit_bias": {"50256": -101}},
    }
    for name, body in invalid.items():
        write("request_validator", "invalid_" + name, json.dumps(body))
    write("request_validator", "not_json", "{\"model\": ")
    write("request_validator", "deep", "[" * 200 + "]" * 200)

    # responses_request: /v1/responses bodies, valid and invalid (hand-made; the committed
    # corpus/responses_request/ holds them, this keeps a regeneration from losing the idea).
    responses_plain = {"model": "gpt-4o-mini", "input": "hi"}
    for name, body in {
        "string_input": responses_plain,
        "items_input": {**responses_plain, "instructions": "Be terse.",
                        "input": [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}]},
        "invalid_missing_model": {"input": "hi"},
        "invalid_input_type": {"model": "gpt-4o", "input": 42},
    }.items():
        write("responses_request", name, json.dumps(body))

    # sse_decoder: streamed scenario outputs; the first byte picks the fragment size.
    stream_scenarios = [s for s in scenarios if s.startswith(("sse_", "stream_", "usage", "tool", "refusal", "fuzz", "default", "parallel", "logprobs", "mid_stream", "error"))][:34]
    for i, name in enumerate(stream_scenarios):
        body = post({**plain, "stream": True, "stream_options": {"include_usage": True}},
                    {"X-Chatmock-Scenario": name, "X-Chatmock-Seed": str(i + 1), "X-Chatmock-Fuzz-Level": "3"})
        if body:
            write("sse_decoder", "stream_" + name, bytes([i * 7 % 64]) + body)
    write("sse_decoder", "json_body_for_stream", b"\x05" + post(plain, {"X-Chatmock-Seed": "1"}))

    # fixture_loader: the shipped fixtures plus small broken ones.
    for path in sorted((ROOT / "fixtures" / "mappings").rglob("*.json")):
        write("fixture_loader", "shipped_" + path.stem, path.read_bytes())
    write("fixture_loader", "unknown_key", '{"prority": 1, "reply": {"content": "x"}}')
    write("fixture_loader", "bad_regex", '{"match": {"last_user_message": {"matches": "("}}, "reply": {"content": "x"}}')
    write("fixture_loader", "synthesize_tools", '{"match": {"model": "gpt-4o", "tools": ["get_weather"], "headers": {"x-tenant": "acme", "x-debug": {"absent": true}}}, "reply": {"synthesize": {"kind": "tool_calls", "tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]}}}')
    write("fixture_loader", "chunks_cut", '{"reply": {"headers": {"content-type": "text/event-stream"}, "chunks": [{"delay_ms": 5, "data": "data: {}\\n\\n"}, {"data_base64": "ZGF0YTogW0RPTkVdCgo="}], "ending": "cut"}}')
    write("fixture_loader", "replies_states", '{"scenario_name": "loop", "required_state": "Started", "new_state": "done", "match": {"messages": [{"index": -1, "role": "user", "content": {"regex": "^w"}}], "body": {"temperature": 0}}, "replies": [{"status": 429, "body": {"error": {"message": "slow"}}}, {"body_text": "<html>", "headers": {"content-type": "text/html"}}]}')
    write("fixture_loader", "array_of_two", '[{"reply": {"body_text": "a"}}, {"id": "b", "scenario": "refusal", "reply": {"synthesize": {"content": "b"}}}]')

    # scenario_expression: single names, compositions, sequences and near misses.
    for name in scenarios[:24]:
        write("scenario_expression", "name_" + name, name)
    for text in ["", "default", "refusal+fuzz", "tool_call,default", "a+b,c", " refusal , default ",
                 "refusal++", ",", "+", "fuzz+fuzz+fuzz", "DEFAULT", "null_content,refusal,fuzz"]:
        write("scenario_expression", "expr_" + hashlib.sha1(text.encode()).hexdigest()[:8], text)

    # http_handler: "METHOD /path", headers, blank line, body (see fuzz_http_handler.cpp).
    def http(name, method, path, headers, body=""):
        lines = [f"{method} {path}"] + [f"{k}: {v}" for k, v in headers.items()]
        write("http_handler", name, "\n".join(lines) + "\n\n" + body)
    auth = {"Authorization": "Bearer sk-fuzz", "Content-Type": "application/json"}
    for i, name in enumerate(scenarios[::4][:16]):
        http("chat_" + name, "POST", "/v1/chat/completions",
             {**auth, "X-Chatmock-Scenario": name, "X-Chatmock-Seed": str(i)},
             json.dumps({**plain, "stream": i % 2 == 0}))
    http("chat_path_scenario", "POST", "/scenarios/refusal/v1/chat/completions", auth, json.dumps(plain))
    http("chat_no_auth", "POST", "/v1/chat/completions", {"Content-Type": "application/json"}, json.dumps(plain))
    http("chat_bad_json", "POST", "/v1/chat/completions", auth, "{\"model\":")
    http("chat_knobs", "POST", "/v1/chat/completions",
         {**auth, "X-Chatmock-Latency": "ttft=5,itl=1", "X-Chatmock-Words": "40", "X-Chatmock-Finish-Reason": "length",
          "X-Chatmock-Session": "s1", "X-Chatmock-Service-Tier": "flex"}, json.dumps({**plain, "stream": True}))
    http("chat_tools", "POST", "/v1/chat/completions", auth, json.dumps(cases[0][0]["request"]))
    http("models", "GET", "/v1/models", auth)
    http("model_one", "GET", "/v1/models/gpt-4o", auth)
    http("admin_health", "GET", "/_chatmock/health", {})
    http("admin_requests", "GET", "/_chatmock/requests", {})
    http("admin_fixtures_post", "POST", "/_chatmock/fixtures", {"Content-Type": "application/json"},
         (ROOT / "fixtures" / "mappings" / "refusal.json").read_text())
    http("admin_fixture_delete", "DELETE", "/_chatmock/fixtures/refusal", {})
    http("admin_reset", "POST", "/_chatmock/reset", {})
    http("admin_near_misses", "GET", "/_chatmock/near-misses", {})
    http("wrong_method", "GET", "/v1/chat/completions", auth)


if __name__ == "__main__":
    main()
