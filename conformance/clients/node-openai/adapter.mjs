// chatmock conformance adapter for the official `openai` npm package (conformance/README.md).
// It uses the SDK the way its README teaches: chat.completions.create for a JSON reply and the
// chat.completions.stream helper (ChatCompletionStream) for a stream, whose finalChatCompletion()
// is the SDK's own reassembly. Whatever the SDK throws becomes an ok:false observation; the
// adapter never decides what is right, it reports what the SDK gave its caller.
import OpenAI from 'openai';

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (piece) => (text += piece));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

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

async function main() {
  const request = JSON.parse(await readStdin());
  const headers = request.headers ?? {};
  delete request.headers;
  const client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY ?? '' });
  try {
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

let observation;
try {
  observation = await main();
} catch (error) {
  observation = { ok: false, error: { status: null, type: 'adapter_error', code: null, message: String(error?.message ?? error) } };
}
process.stdout.write(JSON.stringify(observation) + '\n');
