#!/bin/sh
# ctest wrapper: installs the locked devDependencies (the official openai package) when
# node_modules is missing, then runs the node:test suite against $CHATMOCK_BIN.
set -e
cd "$(dirname "$0")"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test test/
