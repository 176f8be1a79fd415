#!/bin/sh
# The test helpers as a user installs them, offline: `pip install ./clients/python` registers the
# pytest plugin (a test gets the `chatmock` fixture with no -p), and `npm install ./clients/node`
# makes `import { startChatmock } from 'chatmock'` work. Sources are copied first so the build
# leaves nothing in the checkout. Exit 77 (skip) when pip/setuptools or npm is missing.
# usage: helpers_install_test.sh SOURCE_DIR   (CHATMOCK_BIN set by CTest)
set -eu
source_dir=$1
work=$(mktemp -d /tmp/chatmock-helpers-XXXXXX)
trap 'rm -rf "$work"' EXIT
skipped=0

# Debian's python3-pytest/-setuptools live under /usr/bin/python3, maybe not the python3 on PATH.
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import pytest, setuptools, pip' 2>/dev/null; then python=$candidate; break; fi
done
if [ -n "$python" ]; then
  cp -r "$source_dir/clients/python" "$work/python-src"
  rm -rf "$work/python-src/tests"
  "$python" -m pip install -q --no-build-isolation --no-index --no-deps --target "$work/site" \
    "$work/python-src" 2>&1 | grep -v "WARNING: Running pip as" || true
  test -f "$work/site/chatmock_pytest.py"
  mkdir "$work/project"
  cat > "$work/project/test_uses_fixture.py" <<'PY'
import json, urllib.request

def test_fixture_is_there_without_dash_p(chatmock):
    request = urllib.request.Request(chatmock.base_url + "/chat/completions", method="POST",
        data=json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer k"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    assert len(chatmock.requests()) == 1
    chatmock.reset()
    assert chatmock.requests() == []
PY
  (cd "$work/project" && PYTHONPATH="$work/site" "$python" -m pytest -q -p no:cacheprovider)
  echo "pip install ./clients/python: plugin registered through pytest11"
else
  echo "SKIP pip: python3 with pytest, setuptools and pip needed"; skipped=1
fi

if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  mkdir "$work/node-project"
  cd "$work/node-project"
  echo '{"name":"uses-chatmock","version":"1.0.0","type":"module","private":true}' > package.json
  npm install --offline --no-audit --no-fund --loglevel=error "$source_dir/clients/node" >/dev/null
  node --input-type=module -e "
    import { startChatmock } from 'chatmock';
    const mock = await startChatmock();
    const reply = await fetch(mock.baseURL + '/models', { headers: { Authorization: 'Bearer k' } });
    if (reply.status !== 200) throw new Error('HTTP ' + reply.status);
    await mock.reset();
    await mock.stop();
    console.log('npm install ./clients/node: import from \"chatmock\" works');
  "
else
  echo "SKIP npm: node and npm needed"; skipped=$((skipped + 1))
fi
[ "$skipped" -lt 2 ] || exit 77
