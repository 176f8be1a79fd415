#!/usr/bin/env python3
"""chatmock conformance adapter for the official `openai` Python package (conformance/README.md).

JSON replies go through chat.completions.create; streams through the SDK's stream helper
(chat.completions.stream → get_final_completion), its own reassembly. Whatever the SDK raises
becomes an ok:false observation. Without the package installed it prints a skip marker, which
chatmock-conform reports as one SKIP line.
"""
import json
import os
import sys

try:
    import openai
except ImportError:
    print(json.dumps({"skip": "python package 'openai' is not installed (pip install openai)"}))
    sys.exit(0)


def observed_tool_call(call):
    function = getattr(call, "function", None)
    custom = getattr(call, "custom", None)
    return {
        "id": getattr(call, "id", None),
        "name": getattr(function or custom, "name", None),
        "arguments": getattr(function, "arguments", None) if function else getattr(custom, "input", None),
    }


def observed_completion(completion):
    choices = []
    for choice in completion.choices or []:
        message = choice.message
        fc = getattr(message, "function_call", None)
        choices.append({
            "index": choice.index,
            "finish_reason": choice.finish_reason,
            "content": message.content,
            "refusal": getattr(message, "refusal", None),
            "tool_calls": [observed_tool_call(c) for c in (message.tool_calls or [])],
            "function_call": {"name": fc.name, "arguments": fc.arguments} if fc else None,
        })
    usage = completion.usage
    return {
        "ok": True, "id": completion.id, "model": completion.model, "choices": choices,
        "usage": None if usage is None else {
            "prompt_tokens": usage.prompt_tokens,
            "completion_tokens": usage.completion_tokens,
            "total_tokens": usage.total_tokens,
        },
    }


def observed_error(error):
    if isinstance(error, openai.APIConnectionError):
        return {"ok": False, "error": {"status": None, "type": "connection_error", "code": None, "message": str(error)}}
    if isinstance(error, openai.APIError):
        body = error.body if isinstance(error.body, dict) else {}
        body = body.get("error", body) if isinstance(body.get("error", body), dict) else body
        return {"ok": False, "error": {
            "status": getattr(error, "status_code", None),  # None for an error inside a 200 stream
            "type": getattr(error, "type", None) or body.get("type"),
            "code": getattr(error, "code", None) or body.get("code"),
            "message": body.get("message", error.message),
        }}
    return {"ok": False, "error": {"status": None, "type": type(error).__name__, "code": None, "message": str(error)}}


def main():
    request = json.loads(sys.stdin.read())
    headers = request.pop("headers", {}) or {}
    if request.pop("api", "chat") == "responses":  # Chat Completions only, for now
        return {"unsupported": "this adapter does not drive client.responses yet"}
    client = openai.OpenAI(base_url=os.environ.get("OPENAI_BASE_URL"), api_key=os.environ.get("OPENAI_API_KEY", ""))
    try:
        if request.pop("stream", False):
            chat = client.chat.completions if hasattr(client.chat.completions, "stream") else client.beta.chat.completions
            with chat.stream(**request, extra_headers=headers) as stream:
                return observed_completion(stream.get_final_completion())
        return observed_completion(client.chat.completions.create(**request, extra_headers=headers))
    except Exception as error:  # the observation reports whatever reached the caller
        return observed_error(error)


if __name__ == "__main__":
    try:
        observation = main()
    except Exception as error:
        observation = {"ok": False, "error": {"status": None, "type": "adapter_error", "code": None, "message": str(error)}}
    print(json.dumps(observation))
