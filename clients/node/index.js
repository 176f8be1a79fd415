// startChatmock(): runs the chatmock binary on an ephemeral port for a Node test (node:test,
// Jest, Vitest) and hands back its base URL, its journal, reset and stop. No dependencies.
// `npm install ./clients/node` (or a path/tarball) makes it importable as 'chatmock'.
//
//   const mock = await startChatmock();
//   const client = new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-test' });
//   ...; assert.equal((await mock.requests()).length, 1); await mock.stop();
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const START_TIMEOUT_MS = 30_000;

const BUILD_DIRS = ['build/release', 'build/serve', 'build/dev'];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The chatmock executable and the places looked in: options.binary, $CHATMOCK_BIN, `chatmock` on
 * PATH, then build/{release,serve,dev}/server/chatmock in the chatmock checkout this file is in
 * (clients/node) and in the working directory.
 */
export function findChatmock(options = {}) {
  const tried = [];
  const explicit = options.binary ?? process.env.CHATMOCK_BIN;
  if (explicit) {
    if (executable(explicit)) return { path: explicit, tried };
    tried.push(`${options.binary ? 'options.binary' : '$CHATMOCK_BIN'}=${explicit} (not executable)`);
  } else {
    tried.push('$CHATMOCK_BIN (unset)');
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'chatmock'))) return { path: join(dir, 'chatmock'), tried };
  }
  tried.push('chatmock on PATH');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const root of [join(here, '..', '..'), process.cwd()]) {
    for (const build of BUILD_DIRS) {
      const candidate = join(root, build, 'server', 'chatmock');
      if (executable(candidate)) return { path: candidate, tried };
      tried.push(candidate);
    }
  }
  return { path: null, tried };
}

/**
 * Starts `chatmock serve --port 0 --port-file …` with extra `options.args`;
 * `options.lenientParams: true` accepts request fields the API does not define.
 * @returns {Promise<{baseURL: string, port: number, requests: () => Promise<object[]>,
 *   clearRequests: () => Promise<void>, reset: () => Promise<void>, stop: () => Promise<void>}>}
 */
export async function startChatmock(options = {}) {
  const found = findChatmock(options);
  if (found.path === null) {
    throw new Error(`chatmock not found; tried ${found.tried.join(', ')}. ` +
                    'Build it (scripts/serve) or set CHATMOCK_BIN.');
  }
  const folder = await mkdtemp(join(tmpdir(), 'chatmock-node-'));
  const portFile = join(folder, 'port');
  const lenient = options.lenientParams ? ['--lenient-params'] : [];
  const args = ['serve', '--port', '0', '--port-file', portFile, '--log', 'off', ...lenient,
    ...(options.args ?? [])];
  const child = spawn(found.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exit = null;
  exited.then((e) => { exit = e; });
  child.once('error', (error) => { exit = { code: null, signal: null, error }; });

  const stop = async () => {
    if (exit === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  let port = 0;
  while (port === 0) {
    if (exit !== null) {
      await stop();
      const why = exit.error ? exit.error.message : `exit code ${exit.code}`;
      throw new Error(`chatmock did not start (${why}): ${stderr.trim()}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`chatmock did not write its port within ${START_TIMEOUT_MS} ms`);
    }
    port = Number.parseInt(await readFile(portFile, 'utf8').catch(() => ''), 10) || 0;
    if (port === 0) await sleep(10);
  }

  const rootURL = `http://127.0.0.1:${port}`;
  const admin = async (method, path) => {
    const response = await fetch(rootURL + path, { method });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  };
  return {
    baseURL: `${rootURL}/v1`,
    port,
    /** The journal, oldest first: {id, method, path, headers, body, scenario, status, …}. */
    requests: async () => (await admin('GET', '/_chatmock/requests')).requests,
    clearRequests: async () => { await admin('DELETE', '/_chatmock/requests'); },
    /** Journal, scenario sequences and rate-limit state back to the start (POST /_chatmock/reset). */
    reset: async () => { await admin('POST', '/_chatmock/reset'); },
    stop,
  };
}
