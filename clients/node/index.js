// startChatmock(): runs the chatmock binary on an ephemeral port for a Node test (node:test,
// Jest, Vitest) and hands back its base URL, its journal, reset and stop. No dependencies.
// `npm install ./clients/node` (or a path/tarball) makes it importable as 'chatmock'.
//
//   const mock = await startChatmock();
//   const client = new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-test' });
//   ...; assert.equal((await mock.requests()).length, 1); await mock.stop();
//
// Tests running in parallel share one mock through sessions: mock.session('worker-1').baseURL
// is …/sessions/worker-1/v1, and that session's journal, stubs and sequences are its own.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const START_TIMEOUT_MS = 30_000;

const BUILD_DIRS = ['build/release', 'build/serve', 'build/dev'];

// The server's rule for a session id in a /sessions/{id}/ path.
const SESSION_ID = /^[A-Za-z0-9._~:@+=,-]{1,128}$/;

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
 * @returns {Promise<{baseURL: string, rootURL: string, port: number,
 *   session: (name: string) => object, requests: () => Promise<object[]>,
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
  const admin = async (method, path, { session, body, filters } = {}) => {
    const params = new URLSearchParams(filters);
    if (session !== undefined) params.set('session', session);
    const query = params.size ? `?${params}` : '';
    const init = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const response = await fetch(rootURL + path + query, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}${query}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  /**
   * One session of this mock: an SDK given `baseURL` (…/sessions/NAME/v1) is in it without
   * headers, and every method sees or changes that session only. Throws on an invalid name.
   */
  const session = (name) => {
    if (typeof name !== 'string' || !SESSION_ID.test(name)) {
      throw new TypeError(`invalid chatmock session name ${JSON.stringify(name)}: ` +
                          '1-128 characters from A-Z a-z 0-9 . _ ~ : @ + = , -');
    }
    const scoped = (method, path, body, filters) =>
      admin(method, path, { session: name, body, filters });
    return {
      name,
      baseURL: `${rootURL}/sessions/${name}/v1`,
      /**
       * This session's journal, oldest first. Paths are as sent (/sessions/NAME/ included);
       * `filters` are the server's: {path: '/v1/chat/completions'} ignores the prefixes, and
       * scenario, status, since, limit.
       */
      requests: async (filters) =>
        (await scoped('GET', '/_chatmock/requests', undefined, filters)).requests,
      /** How many of this session's requests match `pattern`, a stub's "match" object. */
      count: async (pattern) => (await scoped('POST', '/_chatmock/requests/count', pattern)).count,
      /** This session's requests that match `pattern`, oldest first. */
      find: async (pattern) => (await scoped('POST', '/_chatmock/requests/find', pattern)).requests,
      /** Adds a stub (or an array of stubs) that answers this session only; resolves to the ids. */
      addStub: async (stub) => {
        const stubs = (Array.isArray(stub) ? stub : [stub]).map((s) => ({ ...s, session: name }));
        return (await scoped('POST', '/_chatmock/fixtures', stubs)).ids;
      },
      clearRequests: async () => { await scoped('DELETE', '/_chatmock/requests'); },
      /** This session's journal, stubs and scenario sequences back to the start. */
      reset: async () => { await scoped('POST', '/_chatmock/reset'); },
    };
  };

  return {
    baseURL: `${rootURL}/v1`,
    rootURL,
    port,
    session,
    /**
     * The journal of every session, oldest first: {id, method, path, headers, body, scenario,
     * status, session, …}; `filters` as for a session's requests().
     */
    requests: async (filters) => (await admin('GET', '/_chatmock/requests', { filters })).requests,
    clearRequests: async () => { await admin('DELETE', '/_chatmock/requests'); },
    /** Journal, scenario sequences and rate-limit state back to the start (POST /_chatmock/reset). */
    reset: async () => { await admin('POST', '/_chatmock/reset'); },
    stop,
  };
}
