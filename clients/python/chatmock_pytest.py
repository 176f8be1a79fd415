"""pytest plugin: a `chatmock` fixture that runs the chatmock binary for one test.

Standard library only. `pip install ./clients/python` registers it (pytest11 entry point); from a
checkout without installing, use `-p chatmock_pytest` with this folder on PYTHONPATH. The binary
is $CHATMOCK_BIN, else `chatmock` on PATH, else the chatmock checkout's build.

    def test_reply(chatmock):
        client = openai.OpenAI(base_url=chatmock.base_url, api_key="sk-test")
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
        assert chatmock.requests()[0]["path"] == "/v1/chat/completions"
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest

__all__ = ["Chatmock", "chatmock", "find_binary"]

_START_TIMEOUT_S = 30


_BUILD_DIRS = ("build/release", "build/serve", "build/dev")


def _checkout_candidates():
    """build/*/server/chatmock in the checkout this file is in, then in the working directory."""
    roots = [os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
             os.getcwd()]
    seen = []
    for root in roots:
        for build in _BUILD_DIRS:
            path = os.path.join(root, build, "server", "chatmock")
            if path not in seen:
                seen.append(path)
    return seen


def find_binary():
    """The chatmock executable: $CHATMOCK_BIN, else `chatmock` on PATH, else a checkout build."""
    tried = []
    env = os.environ.get("CHATMOCK_BIN")
    if env:
        if os.access(env, os.X_OK):
            return env
        tried.append("$CHATMOCK_BIN=" + env + " (not an executable file)")
    else:
        tried.append("$CHATMOCK_BIN (unset)")
    on_path = shutil.which("chatmock")
    if on_path:
        return on_path
    tried.append("chatmock on PATH")
    for path in _checkout_candidates():
        if os.access(path, os.X_OK):
            return path
        tried.append(path)
    raise RuntimeError("chatmock not found; tried " + ", ".join(tried) +
                       ". Build it (scripts/serve) or set CHATMOCK_BIN.")


class Chatmock:
    """A running `chatmock serve --port 0`; stop() ends it. Also a context manager."""

    def __init__(self, *args, binary=None, lenient_params=False):
        self._folder = tempfile.mkdtemp(prefix="chatmock-pytest-")
        port_file = os.path.join(self._folder, "port")
        self._stderr = open(os.path.join(self._folder, "stderr"), "w+b")
        command = [binary or find_binary(), "serve", "--port", "0", "--port-file", port_file,
                   "--log", "off", *(["--lenient-params"] if lenient_params else []), *args]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self._stderr)
        self.port = self._wait_for_port(port_file)
        self.root_url = "http://127.0.0.1:%d" % self.port
        self.base_url = self.root_url + "/v1"

    def _wait_for_port(self, port_file):
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._stderr.seek(0)
                reason = self._stderr.read().decode(errors="replace").strip()
                self.stop()
                raise RuntimeError("chatmock exited with %s: %s" % (self._process.returncode, reason))
            try:
                with open(port_file) as f:
                    text = f.read().strip()
                if text:
                    return int(text)
            except FileNotFoundError:
                pass
            time.sleep(0.01)
        self.stop()
        raise RuntimeError("chatmock did not write its port within %d s" % _START_TIMEOUT_S)

    def _admin(self, method, path):
        request = urllib.request.Request(self.root_url + path, method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def requests(self):
        """The journal, oldest first: dicts with id, method, path, headers, body, scenario, status."""
        return self._admin("GET", "/_chatmock/requests")["requests"]

    def clear_requests(self):
        """Empties the journal."""
        self._admin("DELETE", "/_chatmock/requests")

    def reset(self):
        """Journal, scenario sequences and rate-limit state back to the start."""
        self._admin("POST", "/_chatmock/reset")

    def stop(self):
        """SIGTERM, then wait (kill after 10 s); idempotent."""
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if not self._stderr.closed:
            self._stderr.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


@pytest.fixture
def chatmock(request):
    """A fresh chatmock per test. Extra serve flags: @pytest.mark.chatmock_args("--strict", ...)."""
    marker = request.node.get_closest_marker("chatmock_args")
    server = Chatmock(*(marker.args if marker else ()))
    try:
        yield server
    finally:
        server.stop()


def pytest_configure(config):
    config.addinivalue_line("markers", "chatmock_args(*flags): extra `chatmock serve` flags")
