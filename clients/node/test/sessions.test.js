// mock.session(name): sessions of one mock used in parallel keep their journals, stubs and
// scenario sequences apart; count/find take a stub's "match" object; bad names throw.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startChatmock } from '../index.js';

let mock;

before(async () => { mock = await startChatmock(); });
after(async () => { await mock.stop(); });

const ask = (baseURL, content, model = 'gpt-4o-mini') =>
  fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-test' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });

const contentOf = (request) => request.body.messages[0].content;

test('four sessions in parallel each see only their own journal', async () => {
  const names = ['node-a', 'node-b', 'node-c', 'node-d'];
  const results = await Promise.all(names.map(async (name) => {
    const session = mock.session(name);
    // A retrying client against the session's own sequence: 500, 500, then 200.
    const retrying = `${mock.rootURL}/sessions/${name}/scenarios/error_500,error_500,default/v1`;
    const client = new OpenAI({ baseURL: retrying, apiKey: 'sk-test', maxRetries: 2 });
    const completion = await client.chat.completions.create(
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `from ${name}` }] },
      { timeout: 30_000 });
    const requests = await session.requests();
    await session.reset();
    return { name, completion, requests };
  }));
  for (const { name, completion, requests } of results) {
    assert.equal(completion.object, 'chat.completion', name);
    assert.deepEqual(requests.map((r) => r.status), [500, 500, 200], name);
    assert.deepEqual(new Set(requests.map((r) => r.session)), new Set([name]));
    assert.deepEqual(new Set(requests.map(contentOf)), new Set([`from ${name}`]));
  }
});

test('requests() passes the server\'s filters, scoped to the session', async () => {
  const session = mock.session('node-filters');
  await ask(session.baseURL, 'one');
  await ask(`${mock.rootURL}/sessions/node-filters/scenarios/error_500/v1`, 'two');
  const all = await session.requests();
  assert.deepEqual(all.map((r) => r.path), ['/sessions/node-filters/v1/chat/completions',
    '/sessions/node-filters/scenarios/error_500/v1/chat/completions']);
  assert.deepEqual(await session.requests({ path: '/v1/chat/completions' }), all);
  assert.deepEqual((await session.requests({ status: 500 })).map(contentOf), ['two']);
  assert.deepEqual(await session.requests({ limit: 1 }), all.slice(1));
  const failed = await mock.requests({ status: 500 });
  assert.equal(failed.filter((r) => r.session === 'node-filters').length, 1);
  await session.reset();
});

test('count and find take a stub match pattern, per session', async () => {
  const mine = mock.session('node-count');
  const other = mock.session('node-count-other');
  await Promise.all([
    ask(mine.baseURL, 'What is the weather in Paris?', 'gpt-4o'),
    ask(mine.baseURL, 'Tell me a joke', 'gpt-4o'),
    ask(other.baseURL, 'What is the weather in Rome?', 'gpt-4o'),
  ]);
  const pattern = { model: 'gpt-4o', last_user_message: { contains: 'weather' } };
  assert.equal(await mine.count(pattern), 1);
  assert.equal(await other.count(pattern), 1);
  const found = await mine.find(pattern);
  assert.deepEqual(found.map(contentOf), ['What is the weather in Paris?']);
  await mine.clearRequests();
  assert.equal(await mine.count(pattern), 0);
  assert.equal(await other.count(pattern), 1);
  await Promise.all([mine.reset(), other.reset()]);
});

test('a session stub answers that session only', async () => {
  const mine = mock.session('node-stub');
  const other = mock.session('node-stub-other');
  const ids = await mine.addStub({ match: { model: 'stubbed' },
    reply: { synthesize: { content: 'from a session stub' } } });
  assert.equal(ids.length, 1);
  const content = async (session) =>
    (await (await ask(session.baseURL, 'hi', 'stubbed')).json()).choices[0].message.content;
  assert.equal(await content(mine), 'from a session stub');
  assert.notEqual(await content(other), 'from a session stub');
  await mine.reset();
  assert.notEqual(await content(mine), 'from a session stub', 'reset() removes the session stubs');
  await other.reset();
});

test('the session base URL and name', () => {
  const session = mock.session('a.b_c~d:e@f+g=h,i-j');
  assert.equal(session.name, 'a.b_c~d:e@f+g=h,i-j');
  assert.equal(session.baseURL, `http://127.0.0.1:${mock.port}/sessions/a.b_c~d:e@f+g=h,i-j/v1`);
});

test('invalid session names throw', () => {
  for (const name of ['', 'a/b', 'a b', '[x]', 'x'.repeat(129), 'é', undefined, 7]) {
    assert.throws(() => mock.session(name), /invalid chatmock session name/, String(name));
  }
  assert.doesNotThrow(() => mock.session('x'.repeat(128)));
});
