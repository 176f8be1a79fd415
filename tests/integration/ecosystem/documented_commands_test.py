#!/usr/bin/env python3
"""Every curl command a user can copy from README.md, docs/ci.md and `chatmock serve --help`
runs as written against a started chatmock and gets a 2xx. The documented port (8080) and the
CI variables ($OPENAI_BASE_URL, $CHATMOCK_URL, $CHATMOCK_ADMIN_TOKEN) are pointed at the server.

usage: documented_commands_test.py CHATMOCK_BIN SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
import time

ADMIN_TOKEN = "doc-test-token"


def curl_commands(text):
    """curl commands in fenced blocks (joined across trailing backslashes) and inline code."""
    commands = []
    joined = re.sub(r"\\\n\s*", " ", text)
    for line in joined.splitlines():
        stripped = line.strip()
        if stripped.startswith("curl "):
            commands.append(stripped)
        elif stripped.startswith("- run: curl ") or stripped.startswith("run: curl "):
            commands.append(stripped.split("run: ", 1)[1])
    for inline in re.findall(r"`(curl [^`]+)`", text):
        commands.append(inline)
    # Inline spans also appear inside the lines matched above; keep each command once.
    seen, unique = set(), []
    for command in commands:
        command = command.strip().rstrip("`")
        if command.startswith("curl ") and command not in seen:
            seen.add(command)
            unique.append(command)
    return unique


def start(binary, workdir):
    port_file = os.path.join(workdir, "port")
    server = subprocess.Popen(
        [binary, "serve", "--port", "0", "--port-file", port_file, "--log", "off",
         "--admin-token", ADMIN_TOKEN],
        stdout=subprocess.DEVNULL)
    for _ in range(3000):
        if os.path.exists(port_file):
            with open(port_file) as f:
                port = f.read().strip()
            if port:
                return server, port
        time.sleep(0.01)
    server.kill()
    sys.exit("chatmock did not start")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    sources = {}
    for name in ["README.md", "docs/ci.md"]:
        with open(os.path.join(source, name)) as f:
            sources[name] = f.read()
    sources["chatmock serve --help"] = subprocess.run(
        [binary, "serve", "--help"], capture_output=True, text=True, check=True).stdout
    failures, ran = [], 0
    with tempfile.TemporaryDirectory() as workdir:
        server, port = start(binary, workdir)
        env = dict(os.environ,
                   OPENAI_BASE_URL=f"http://127.0.0.1:{port}/v1",
                   CHATMOCK_URL=f"http://127.0.0.1:{port}",
                   CHATMOCK_ADMIN_TOKEN=ADMIN_TOKEN)
        try:
            for where, text in sources.items():
                for command in curl_commands(text):
                    runnable = command.replace(":8080", f":{port}").replace("s3cret", ADMIN_TOKEN)
                    # The status goes to stderr so a command's own redirects stay as written.
                    runnable = runnable.replace(
                        "curl ", "curl -o /dev/null -w '%{stderr}%{http_code}\\n' ", 1)
                    done = subprocess.run(["bash", "-c", runnable], cwd=workdir, env=env,
                                          capture_output=True, text=True, timeout=30)
                    status = (done.stderr.strip().splitlines() or ["000"])[-1]
                    ran += 1
                    if not status.startswith("2"):
                        failures.append(f"{where}: HTTP {status}: {command}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"{ran} documented curl commands run")
    if ran == 0:
        failures.append("no curl command found in the docs")
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
