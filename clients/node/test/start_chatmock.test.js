// startChatmock() with the official openai package: replies, scenarios, journal, errors, stop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { findChatmock, startChatmock } from '../index.js';

const request = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] };
let mock;
let client;

before(async () => {
  mock = await startChatmock();
  client = new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-test', maxRetries: 0 });
});
after(async () => { await mock.stop(); });

test('answers a chat completion through the openai package', async () => {
  await mock.clearRequests();
  const completion = await client.chat.completions.create(request);
  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  const requests = await mock.requests();
  assert.equal(requests.length, 1);
  assert.equal(requests[0].path, '/v1/chat/completions');
  assert.equal(requests[0].body.model, 'gpt-4o-mini'); // JSON bodies come back parsed
});

test('streams with a scenario chosen per request', async () => {
  const stream = await client.chat.completions.create(
    { ...request, stream: true },
    { headers: { 'X-Chatmock-Scenario': 'tool_calls' } });
  let name = '';
  for await (const chunk of stream) {
    for (const call of chunk.choices[0]?.delta?.tool_calls ?? []) name += call.function?.name ?? '';
  }
  assert.ok(name.length > 0);
});

test('an error scenario surfaces as the SDK error type', async () => {
  await assert.rejects(
    client.chat.completions.create(request, { headers: { 'X-Chatmock-Scenario': 'error_429' } }),
    (error) => error instanceof OpenAI.RateLimitError && error.status === 429);
});

test('clearRequests empties the journal', async () => {
  await client.chat.completions.create(request);
  await mock.clearRequests();
  assert.deepEqual(await mock.requests(), []);
});

test('extra args reach chatmock serve', async () => {
  const refusing = await startChatmock({ args: ['--scenario', 'refusal'] });
  try {
    const sdk = new OpenAI({ baseURL: refusing.baseURL, apiKey: 'sk-test', maxRetries: 0 });
    const completion = await sdk.chat.completions.create(request);
    assert.equal(typeof completion.choices[0].message.refusal, 'string');
  } finally {
    await refusing.stop();
  }
});

test('a bad flag rejects with chatmock\'s reason', async () => {
  await assert.rejects(startChatmock({ args: ['--latency', 'nonsense'] }), /--latency/);
});

test('stop() ends the server', async () => {
  const short = await startChatmock();
  await short.stop();
  await assert.rejects(fetch(`${short.baseURL}/models`));
});

test('reset() restarts scenario sequences and empties the journal', async () => {
  const headers = { 'X-Chatmock-Scenario': 'error_500,default', 'X-Chatmock-Session': 'reset-test' };
  const sdk = new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-test', maxRetries: 0 });
  await assert.rejects(sdk.chat.completions.create(request, { headers }));
  await sdk.chat.completions.create(request, { headers });
  await mock.reset();
  assert.deepEqual(await mock.requests(), []);
  await assert.rejects(sdk.chat.completions.create(request, { headers }),
    (error) => error.status === 500, 'the sequence starts over after reset()');
});

test('a missing binary names every place looked in', async () => {
  const saved = { bin: process.env.CHATMOCK_BIN, path: process.env.PATH };
  process.env.CHATMOCK_BIN = '/nonexistent/chatmock';
  process.env.PATH = '/nonexistent';
  try {
    const { path, tried } = findChatmock();
    assert.match(tried.join(' '), /\$CHATMOCK_BIN=\/nonexistent\/chatmock/);
    assert.match(tried.join(' '), /chatmock on PATH/);
    // The checkout's own build is the last place looked: found there, or named as tried.
    if (path === null) assert.match(tried.join(' '), /build\/release\/server\/chatmock/);
    else assert.match(path, /build\/(release|serve|dev)\/server\/chatmock$/);
  } finally {
    process.env.CHATMOCK_BIN = saved.bin;
    process.env.PATH = saved.path;
  }
});
