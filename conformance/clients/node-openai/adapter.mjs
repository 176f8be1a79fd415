// chatmock conformance adapter for the official `openai` npm package (conformance/README.md).
// It uses the SDK the way its README teaches: chat.completions.create for a JSON reply and the
// chat.completions.stream helper (ChatCompletionStream) for a stream, whose finalChatCompletion()
// is the SDK's own reassembly; for Responses cases ("api": "responses") responses.create and the
// responses.stream helper (ResponseStream) and its finalResponse(). Whatever the SDK throws
// becomes an ok:false observation; the adapter never decides what is right, it reports what the
// SDK gave its caller. One case per stdin line, one observation line each, until end of input:
// a single case when run once per case, many under chatmock-conform --persistent.
import readline from 'node:readline';
import OpenAI from 'openai';

const orNull = (value) => (value === undefined ? null : value);

function observedToolCall(call) {
  // Function tools carry {name, arguments}; custom tools carry {name, input}.
  const fn = call?.function ?? call?.custom ?? null;
  return {
    id: orNull(call?.id),
    name: orNull(fn?.name),
    arguments: orNull(call?.function ? fn?.arguments : fn?.input),
  };
}

function observedCompletion(completion) {
  return {
    ok: true,
    id: orNull(completion?.id),
    model: orNull(completion?.model),
    choices: (Array.isArray(completion?.choices) ? completion.choices : []).map((choice) => {
      const message = choice?.message ?? {};
      const fc = message.function_call;
      return {
        index: orNull(choice?.index),
        finish_reason: orNull(choice?.finish_reason),
        content: orNull(message.content),
        refusal: orNull(message.refusal),
        tool_calls: (Array.isArray(message.tool_calls) ? message.tool_calls : []).map(observedToolCall),
        function_call: fc ? { name: orNull(fc.name), arguments: orNull(fc.arguments) } : null,
      };
    }),
    usage: completion?.usage
      ? {
          prompt_tokens: orNull(completion.usage.prompt_tokens),
          completion_tokens: orNull(completion.usage.completion_tokens),
          total_tokens: orNull(completion.usage.total_tokens),
        }
      : null,
  };
}

function observedOutputItem(item) {
  const observed = { type: orNull(item?.type), id: orNull(item?.id) };
  if (item?.type === 'message') {
    observed.content = (Array.isArray(item.content) ? item.content : []).map((part) =>
      part?.type === 'refusal'
        ? { type: part.type, refusal: orNull(part.refusal) }
        : {
            type: orNull(part?.type),
            text: orNull(part?.text),
            annotations: (Array.isArray(part?.annotations) ? part.annotations : []).map((a) => ({
              type: orNull(a?.type),
              url: orNull(a?.url),
              title: orNull(a?.title),
              start_index: orNull(a?.start_index),
              end_index: orNull(a?.end_index),
            })),
          },
    );
  } else if (item?.type === 'function_call') {
    Object.assign(observed, { call_id: orNull(item.call_id), name: orNull(item.name), arguments: orNull(item.arguments) });
  } else if (item?.type === 'reasoning') {
    observed.summary = (Array.isArray(item.summary) ? item.summary : []).map((part) => orNull(part?.text));
  } else {
    observed.status = orNull(item?.status);
  }
  return observed;
}

// `output_text` is the SDK's own convenience (ResponsesParser addOutputText): reported as given.
function observedResponse(response, events) {
  const usage = response?.usage;
  return {
    ok: true,
    id: orNull(response?.id),
    model: orNull(response?.model),
    status: orNull(response?.status),
    incomplete_reason: orNull(response?.incomplete_details?.reason),
    response_error: response?.error ? { code: orNull(response.error.code), message: orNull(response.error.message) } : null,
    output_text: orNull(response?.output_text),
    output: (Array.isArray(response?.output) ? response.output : []).map(observedOutputItem),
    usage: usage
      ? { input_tokens: orNull(usage.input_tokens), output_tokens: orNull(usage.output_tokens), total_tokens: orNull(usage.total_tokens) }
      : null,
    events,
  };
}

async function createResponse(client, request, headers) {
  if (request.stream) {
    const { stream: _ignored, ...body } = request;
    const stream = client.responses.stream(body, { headers });
    let events = 0;
    stream.on('event', () => (events += 1));
    const response = await stream.finalResponse();
    return observedResponse(response, events);
  }
  return observedResponse(await client.responses.create(request, { headers }), null);
}

function observedError(error) {
  if (error instanceof OpenAI.APIConnectionError) {
    // Includes APIConnectionTimeoutError: no (complete) response reached the SDK.
    return { ok: false, error: { status: null, type: 'connection_error', code: null, message: String(error.message) } };
  }
  if (error instanceof OpenAI.APIError) {
    // `status` is undefined for an error event inside a 200 stream (streaming.ts), reported as null.
    const body = error.error && typeof error.error === 'object' ? error.error : {};
    return {
      ok: false,
      error: {
        status: orNull(error.status),
        type: orNull(error.type ?? body.type),
        code: orNull(error.code ?? body.code),
        message: orNull(typeof body.message === 'string' ? body.message : error.message),
      },
    };
  }
  // SyntaxError from a malformed event, OpenAIError from the stream helper's own checks, …
  return {
    ok: false,
    error: { status: null, type: error?.constructor?.name ?? 'Error', code: null, message: String(error?.message ?? error) },
  };
}

async function runCase(line) {
  const request = JSON.parse(line);
  const headers = request.headers ?? {};
  const api = request.api ?? 'chat';
  delete request.headers;
  delete request.api;
  const client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY ?? '' });
  try {
    if (api === 'responses') return await createResponse(client, request, headers);
    if (request.stream) {
      const { stream: _ignored, ...body } = request;
      const runner = client.chat.completions.stream(body, { headers });
      return observedCompletion(await runner.finalChatCompletion());
    }
    return observedCompletion(await client.chat.completions.create(request, { headers }));
  } catch (error) {
    return observedError(error);
  }
}

for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  let observation;
  try {
    observation = await runCase(line);
  } catch (error) {
    observation = { ok: false, error: { status: null, type: 'adapter_error', code: null, message: String(error?.message ?? error) } };
  }
  process.stdout.write(JSON.stringify(observation) + '\n');
}
