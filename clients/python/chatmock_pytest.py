"""pytest plugin: one chatmock server per test run, and a `chatmock` session of it per test.

Standard library only. `pip install ./clients/python` registers it (pytest11 entry point); from a
checkout without installing, use `-p chatmock_pytest` with this folder on PYTHONPATH. The binary
is $CHATMOCK_BIN, else `chatmock` on PATH, else the chatmock checkout's build.

    def test_reply(chatmock):
        client = openai.OpenAI(base_url=chatmock.base_url, api_key="sk-test")
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
        assert len(chatmock.requests(path="/v1/chat/completions")) == 1

`chatmock.base_url` is http://127.0.0.1:PORT/sessions/ID/v1 with ID derived from the test's node
id, so the server files this test's requests, stubs and scenario sequences under its own session
and tests sharing the server never see each other's.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

__all__ = ["Chatmock", "ChatmockSession", "chatmock", "chatmock_server", "find_binary",
           "session_id_for"]

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


# The server's rule for a session id in a /sessions/{id}/ path.
_SESSION_ID = re.compile(r"[A-Za-z0-9._~:@+=,-]{1,128}")
_NOT_SESSION_CHARS = re.compile(r"[^A-Za-z0-9._~:@+=,-]+")


def _check_session_id(name):
    if not isinstance(name, str) or not _SESSION_ID.fullmatch(name):
        raise ValueError("invalid chatmock session id %r: 1-128 characters from "
                         "A-Z a-z 0-9 . _ ~ : @ + = , -" % (name,))
    return name


def session_id_for(text):
    """A valid session id for `text` (a test's node id): `text` itself when it already is one,
    else its allowed characters with a hash of the original appended, so ids stay distinct."""
    if _SESSION_ID.fullmatch(text):
        return text
    digest = "~" + hashlib.sha1(text.encode()).hexdigest()[:10]
    cleaned = _NOT_SESSION_CHARS.sub("_", text).strip("_") or "test"
    return cleaned[:128 - len(digest)] + digest


class Chatmock:
    """A running `chatmock serve --port 0`; stop() ends it. Also a context manager.

    Its requests()/clear_requests()/reset() cover the whole server; session(name) gives a view
    scoped to one session, for tests (or threads) sharing this server."""

    def __init__(self, *args, binary=None, lenient_params=False):
        self._command_args = (binary, lenient_params, args)
        self._start()

    def _start(self):
        binary, lenient_params, args = self._command_args
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

    def _admin(self, method, path, session=None, body=None, query=None):
        query = dict(query or {})
        if session is not None:
            query["session"] = session
        if query:
            path += "?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.root_url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            # The reply says why (a bad pattern or stub names the field): keep it in the message.
            detail = error.read().decode(errors="replace")
            raise urllib.error.HTTPError(error.url, error.code, "%s: %s" % (error.reason, detail),
                                         error.headers, None) from None
        return json.loads(body) if body else None

    @property
    def running(self):
        """False once stop() ran or the process died."""
        return self._process.poll() is None

    def session(self, name):
        """A ChatmockSession: this server seen through session `name` (ValueError if invalid)."""
        return ChatmockSession(self, name)

    def requests(self, **filters):
        """The journal, oldest first: dicts with id, method, path, headers, body, scenario, status,
        session, …; filters (path, scenario, status, since, limit) are the server's query ones."""
        return self._admin("GET", "/_chatmock/requests", query=filters)["requests"]

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


class ChatmockSession:
    """One session of a Chatmock server: the base URL under /sessions/ID/ and the admin API
    filtered by ?session=ID, so its journal, stubs and sequences are its own. Thread-safe."""

    def __init__(self, server, name):
        self.server = server
        self.session = _check_session_id(name)

    @property
    def port(self):
        return self.server.port

    @property
    def root_url(self):
        return self.server.root_url

    @property
    def base_url(self):
        """http://127.0.0.1:PORT/sessions/ID/v1: an SDK pointed here is in this session."""
        return "%s/sessions/%s/v1" % (self.server.root_url, self.session)

    def _admin(self, method, path, body=None, query=None):
        return self.server._admin(method, path, session=self.session, body=body, query=query)

    def requests(self, **filters):
        """This session's journal, oldest first. Paths are as sent, /sessions/ID/ included;
        requests(path="/v1/chat/completions") matches them with the prefixes taken off."""
        return self._admin("GET", "/_chatmock/requests", query=filters)["requests"]

    def count(self, pattern):
        """How many of this session's requests match `pattern` (a stub's "match" object)."""
        return self._admin("POST", "/_chatmock/requests/count", pattern)["count"]

    def find(self, pattern):
        """This session's requests that match `pattern` (a stub's "match" object), oldest first."""
        return self._admin("POST", "/_chatmock/requests/find", pattern)["requests"]

    def add_stub(self, stub):
        """Adds a stub (or a list of stubs) answering only this session; returns their ids."""
        stubs = stub if isinstance(stub, list) else [stub]
        scoped = [dict(s, session=self.session) for s in stubs]
        return self._admin("POST", "/_chatmock/fixtures", scoped)["ids"]

    def clear_requests(self):
        """Empties this session's journal."""
        self._admin("DELETE", "/_chatmock/requests")

    def reset(self):
        """This session's journal, stubs and scenario sequences back to the start."""
        self._admin("POST", "/_chatmock/reset")

    def stop(self):
        """Stops the server (every session of it); the shared server restarts for later tests."""
        self.server.stop()


@pytest.fixture(scope="session")
def chatmock_server():
    """One chatmock for the whole test run; the `chatmock` fixture hands out sessions of it."""
    server = Chatmock()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def chatmock(request):
    """This test's session of the shared server, or of a dedicated server started with extra
    serve flags for a test marked @pytest.mark.chatmock_args("--strict", ...)."""
    name = session_id_for(request.node.nodeid)
    marker = request.node.get_closest_marker("chatmock_args")
    if marker:
        server = Chatmock(*marker.args)
        try:
            yield server.session(name)
        finally:
            server.stop()
        return
    server = request.getfixturevalue("chatmock_server")
    if not server.running:  # an earlier test called stop()
        server.stop()
        server._start()
    view = server.session(name)
    try:
        yield view
    finally:
        # Frees what the session holds on the shared server (journal entries, stubs, sequences).
        if server.running:
            try:
                view.reset()
            except OSError:
                pass


def pytest_configure(config):
    config.addinivalue_line("markers", "chatmock_args(*flags): extra `chatmock serve` flags")
