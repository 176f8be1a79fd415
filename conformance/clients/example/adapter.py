# A complete chatmock-conform adapter in Python's standard library (conformance/README.md).
import json, os, sys, urllib.error, urllib.request

def err(status, e):
    e = e if isinstance(e, dict) else {}
    return {"ok": False, "error": {"status": status, **{k: e.get(k) for k in ("type", "code", "message")}}}

def observe(c):  # a ChatCompletion (or a folded stream) → the observation
    if "error" in c: return err(None, c["error"])
    tool = lambda t: {"id": t.get("id"), "name": t["function"]["name"], "arguments": t["function"]["arguments"]}
    ch = [{"index": x.get("index"), "finish_reason": x.get("finish_reason"), "content": x["message"].get("content"),
           "refusal": x["message"].get("refusal"), "function_call": x["message"].get("function_call"),
           "tool_calls": [tool(t) for t in x["message"].get("tool_calls") or []]} for x in c.get("choices", [])]
    u = c.get("usage")
    return {"ok": True, "id": c.get("id"), "model": c.get("model"), "choices": ch,
            "usage": u and {k: u.get(k) for k in ("prompt_tokens", "completion_tokens", "total_tokens")}}

def fold(lines):  # SSE "data:" lines → one completion (no streamed tool calls); an error event wins
    c = {"choices": {}}
    for k in (json.loads(l[5:]) for l in lines if l.startswith("data:") and l[5:].strip() not in ("", "[DONE]")):
        if k.get("error"): return {"error": k["error"]}
        c.update({f: k[f] for f in ("id", "model", "usage") if k.get(f) is not None})
        for x in k.get("choices") or []:
            m = c["choices"].setdefault(x["index"], {"index": x["index"], "message": {"tool_calls": []}})
            d, m["finish_reason"] = x.get("delta") or {}, x.get("finish_reason") or m.get("finish_reason")
            m["message"].update({f: m["message"].get(f, "") + d[f] for f in ("content", "refusal") if d.get(f) is not None})
    return dict(c, choices=[c["choices"][i] for i in sorted(c["choices"])])

req = json.load(sys.stdin); headers = req.pop("headers", {})
if req.pop("api", "chat") != "chat": sys.exit(print(json.dumps({"unsupported": "Chat Completions only"})))
headers.update({"Authorization": "Bearer " + os.environ.get("OPENAI_API_KEY", ""), "Content-Type": "application/json"})
try:
    with urllib.request.urlopen(urllib.request.Request(os.environ["OPENAI_BASE_URL"] + "/chat/completions",
                                                       json.dumps(req).encode(), headers), timeout=60) as r:
        body = r.read().decode()
        print(json.dumps(observe(fold(body.splitlines()) if req.get("stream") else json.loads(body))))
except urllib.error.HTTPError as e:
    body = e.read()
    print(json.dumps(err(e.code, json.loads(body).get("error") if body.startswith(b"{") else None)))
except Exception as e:
    print(json.dumps({"ok": False, "error": {"status": None, "type": type(e).__name__, "code": None, "message": str(e)}}))
