// startChatmock(): runs the chatmock binary on an ephemeral port for a Node test (node:test,
// Jest, Vitest) and hands back its base URL, its journal and a stop function. No dependencies.
//
//   const mock = await startChatmock();
//   const client = new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-test' });
//   ...; assert.equal((await mock.requests()).length, 1); await mock.stop();
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const START_TIMEOUT_MS = 30_000;

/** The chatmock executable: options.binary, $CHATMOCK_BIN, else `chatmock` on PATH. */
function binaryPath(options) {
  return options.binary ?? process.env.CHATMOCK_BIN ?? 'chatmock';
}

/**
 * Starts `chatmock serve --port 0 --port-file …` with extra `options.args`;
 * `options.lenientParams: true` accepts request fields the API does not define.
 * @returns {Promise<{baseURL: string, port: number, requests: () => Promise<object[]>,
 *   clearRequests: () => Promise<void>, stop: () => Promise<void>}>}
 */
export async function startChatmock(options = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'chatmock-node-'));
  const portFile = join(folder, 'port');
  const lenient = options.lenientParams ? ['--lenient-params'] : [];
  const args = ['serve', '--port', '0', '--port-file', portFile, '--log', 'off', ...lenient,
    ...(options.args ?? [])];
  const child = spawn(binaryPath(options), args, { stdio: ['ignore', 'ignore', 'pipe'] });
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
    stop,
  };
}
