"""The chatmock pytest fixture, driven as users drive it: urllib (and openai when importable)."""

import json
import os
import pty
import select
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

import chatmock_pytest

REQUEST = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}]}


def post(base_url, body, headers=None, key="sk-test"):
    request = urllib.request.Request(base_url + "/chat/completions", data=json.dumps(body).encode(),
                                     method="POST")
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("Authorization", "Bearer " + key)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_fixture_serves_chat_completions(chatmock):
    assert chatmock.base_url == "http://127.0.0.1:%d/sessions/%s/v1" % (chatmock.port,
                                                                      chatmock.session)
    assert chatmock.root_url == "http://127.0.0.1:%d" % chatmock.port
    status, body = post(chatmock.base_url, REQUEST)
    assert status == 200
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["finish_reason"] == "stop"


def test_journal_records_and_clears(chatmock):
    post(chatmock.base_url, REQUEST, {"X-Chatmock-Scenario": "refusal"})
    requests = chatmock.requests()
    # Paths are kept as sent; the path filter sees them without the /sessions/ID prefix.
    assert [r["path"] for r in requests] == ["/sessions/%s/v1/chat/completions" % chatmock.session]
    assert chatmock.requests(path="/v1/chat/completions") == requests
    assert chatmock.requests(status=200, limit=1) == requests
    assert chatmock.requests(status=500) == []
    assert requests[0]["scenario"] == "refusal"
    assert requests[0]["body"]["model"] == "gpt-4o-mini"  # JSON bodies come back parsed
    chatmock.clear_requests()
    assert chatmock.requests() == []


def test_seed_header_repeats_bytes(chatmock):
    first = post(chatmock.base_url, REQUEST, {"X-Chatmock-Seed": "5"})
    assert first == post(chatmock.base_url, REQUEST, {"X-Chatmock-Seed": "5"})


@pytest.mark.chatmock_args("--scenario", "error_429")
def test_marker_passes_serve_flags(chatmock, chatmock_server):
    assert chatmock.server is not chatmock_server  # its own server, still seen as a session
    assert chatmock.base_url.endswith("/sessions/%s/v1" % chatmock.session)
    status, body = post(chatmock.base_url, REQUEST)
    assert status == 429
    assert body["error"]["code"] == "rate_limit_exceeded"


def test_missing_key_gets_the_real_401(chatmock):
    status, body = post(chatmock.base_url, REQUEST, key=None)
    assert status == 401
    assert body["error"]["type"] == "invalid_request_error"
    assert "API key" in body["error"]["message"]


def test_stop_ends_the_process():
    server = chatmock_pytest.Chatmock()
    process = server._process
    server.stop()
    assert process.returncode == 0
    server.stop()  # idempotent


def test_bad_flag_reports_the_reason():
    with pytest.raises(RuntimeError, match="exited"):
        chatmock_pytest.Chatmock("--latency", "nonsense")


def test_openai_sdk_when_installed(chatmock):
    openai = pytest.importorskip("openai")
    client = openai.OpenAI(base_url=chatmock.base_url, api_key="sk-test", max_retries=0)
    completion = client.chat.completions.create(**REQUEST)
    assert completion.choices[0].message.role == "assistant"
    assert len(chatmock.requests()) == 1


def run_on_a_terminal(argv, seconds=60):
    """Runs argv with stdout and stderr on a pseudo-terminal; returns (exit code, output)."""
    leader, follower = pty.openpty()
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    output = b""
    deadline = time.monotonic() + seconds
    while True:
        if not select.select([leader], [], [], max(0, deadline - time.monotonic()))[0]:
            process.kill()  # hung: fail with what it printed instead of hanging the suite
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return process.wait(timeout=seconds), output.decode(errors="replace")


def test_request_log_is_coloured_on_a_terminal(tmp_path):
    port_file = tmp_path / "port"
    script = (
        "import subprocess, sys, time, urllib.request, json\n"
        "p = subprocess.Popen([sys.argv[1], 'serve', '--port', '0', '--port-file', sys.argv[2]])\n"
        "while True:\n"
        "    try:\n"
        "        port = int(open(sys.argv[2]).read()); break\n"
        "    except (OSError, ValueError):\n"
        "        time.sleep(0.01)\n"
        "r = urllib.request.Request('http://127.0.0.1:%d/v1/chat/completions' % port,\n"
        "    data=json.dumps(REQUEST).encode(),\n"
        "    headers={'Authorization': 'Bearer k', 'Content-Type': 'application/json'})\n"
        "try:\n"
        "    urllib.request.urlopen(r, timeout=30).read()\n"
        "finally:\n"
        "    p.terminate()\n"
        "sys.exit(p.wait())\n").replace("REQUEST", repr(REQUEST))
    code, output = run_on_a_terminal(
        [sys.executable, "-c", script, chatmock_pytest.find_binary(), str(port_file)])
    assert code == 0, output
    assert "POST /v1/chat/completions \x1b[32m200\x1b[0m" in output, output


def test_conform_draws_a_progress_bar_on_a_terminal():
    conform = os.environ.get("CHATMOCK_CONFORM_BIN")
    client = os.environ.get("CHATMOCK_CPP_CLIENT")
    if not conform or not client:
        pytest.skip("CHATMOCK_CONFORM_BIN / CHATMOCK_CPP_CLIENT not set")
    code, output = run_on_a_terminal(
        [conform, "--client", client, "--chatmock", chatmock_pytest.find_binary(),
         "--cases", "error_40*"])
    assert code == 0, output
    assert "\r\x1b[2K[" in output and "#" in output, output
    assert "passed, 0 failed" in output, output


def test_missing_binary_names_every_place_looked_in(monkeypatch):
    monkeypatch.setenv("CHATMOCK_BIN", "/nonexistent/chatmock")
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(chatmock_pytest, "_BUILD_DIRS", ("no-such-build",))
    with pytest.raises(RuntimeError) as error:
        chatmock_pytest.find_binary()
    message = str(error.value)
    assert "$CHATMOCK_BIN=/nonexistent/chatmock" in message
    assert "chatmock on PATH" in message
    assert "no-such-build/server/chatmock" in message
