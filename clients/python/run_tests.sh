#!/bin/sh
# ctest wrapper: runs the chatmock pytest plugin's tests with the first python3 that has pytest
# (Debian's python3-pytest lives under /usr/bin/python3, which may not be the python3 on PATH).
# Exits 77 (CTest SKIP_RETURN_CODE) only when no interpreter has pytest.
here=$(cd "$(dirname "$0")" && pwd)
for python in python3 /usr/bin/python3; do
  if "$python" -c 'import pytest' 2>/dev/null; then
    exec "$python" -m pytest -q -p no:cacheprovider "$here/tests" "$@"
  fi
done
echo "SKIP: pytest is not installed (apt-get install python3-pytest)" >&2
exit 77
