// chatmock's deliberately fragile conformance adapter (conformance/README.md adapter protocol):
// no SDK, plain fetch, and the two habits that crash real clients on odd replies — it calls
// .trim() on `content` and JSON.parse on tool-call arguments without any guard. It exists so
// `chatmock-conform --fuzz` has something to find; never copy it into a real client.
'use strict';

async function readStdin() {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const piece of process.stdin) text += piece;
  return text;
}

// Folds streamed chunks into one message, trusting every field to be where the spec puts it.
function assemble(events) {
  const message = { content: '', tool_calls: [] };
  let completion = { choices: [] };
  let finish = null;
  for (const data of events) {
    if (data === '[DONE]') break;
    const chunk = JSON.parse(data);
    completion = chunk;
    const delta = chunk.choices[0].delta;
    if (delta.content !== undefined) message.content = (message.content ?? '') + delta.content;
    for (const call of delta.tool_calls ?? []) {
      const slot = (message.tool_calls[call.index] ??= { id: call.id, function: { name: '', arguments: '' } });
      if (call.function?.name) slot.function.name += call.function.name;
      if (call.function?.arguments) slot.function.arguments += call.function.arguments;
    }
    finish = chunk.choices[0].finish_reason ?? finish;
  }
  return { ...completion, choices: [{ index: 0, finish_reason: finish, message }] };
}

function sseEvents(text) {
  return text
    .split('\n\n')
    .map((block) => block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n'))
    .filter((data) => data.length > 0);
}

function observe(completion) {
  return {
    ok: true,
    id: completion.id ?? null,
    model: completion.model ?? null,
    choices: completion.choices.map((choice) => ({
      index: choice.index ?? 0,
      finish_reason: choice.finish_reason ?? null,
      content: choice.message.content.trim(), // fragile on purpose: null or a number throws
      refusal: choice.message.refusal ?? null,
      tool_calls: (choice.message.tool_calls ?? []).map((call) => ({
        id: call.id ?? null,
        name: call.function.name,
        // fragile on purpose: parsed to "check" it, without a try
        arguments: JSON.stringify(JSON.parse(call.function.arguments)),
      })),
      function_call: null,
    })),
    usage: completion.usage ?? null,
  };
}

async function main() {
  const request = JSON.parse(await readStdin());
  const headers = request.headers ?? {};
  delete request.headers;
  if (request.api === 'responses') return { unsupported: 'the fragile adapter speaks Chat Completions only' };
  const response = await fetch(`${process.env.OPENAI_BASE_URL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.OPENAI_API_KEY}`, ...headers },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  if (!response.ok) {
    const error = JSON.parse(text).error ?? {};
    return { ok: false, error: { status: response.status, type: error.type ?? null, code: error.code ?? null, message: error.message ?? null } };
  }
  return observe(request.stream ? assemble(sseEvents(text)) : JSON.parse(text));
}

// No catch: an exception ends the process with a stack trace and no observation, as it would
// end a real program.
main().then((observation) => process.stdout.write(JSON.stringify(observation) + '\n'));
