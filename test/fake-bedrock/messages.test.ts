// The Anthropic Messages API on Bedrock (/anthropic/v1/messages), via fetch
// with a real SigV4 signature, an x-api-key, or a bearer token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSse, signedFetch } from './clients.js';
import { DEFAULT_MODELS, FAKE_BEARER_TOKEN, startFakeBedrock, type FakeBedrock } from './server.js';

let fake: FakeBedrock;
const OPUS = DEFAULT_MODELS.OPUS47; // bare ID: served on Mantle in us-east-1
const VERSION = { 'anthropic-version': '2023-06-01' };
const body = (extra: Record<string, unknown> = {}) => JSON.stringify({ model: OPUS, max_tokens: 256, messages: [{ role: 'user', content: 'Hello' }], ...extra });

beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const messagesUrl = () => `${fake.url}/anthropic/v1/messages`;

describe('JSON', () => {
  it('answers a SigV4 (bedrock-mantle) request with a first-party message', async () => {
    fake.reply({ thinking: 'hm', text: 'Hi there', usage: { inputTokens: 7, outputTokens: 3, cacheReadInputTokens: 11 } });
    const r = await signedFetch(messagesUrl(), { body: body(), headers: VERSION, region: 'us-east-1', service: 'bedrock-mantle' });
    expect(r.status).toBe(200);
    expect(r.headers.get('request-id')).toBeTruthy();
    const msg = await r.json();
    expect(msg).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: OPUS,
      content: [{ type: 'thinking', thinking: 'hm' }, { type: 'text', text: 'Hi there' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 7, output_tokens: 3, cache_read_input_tokens: 11, cache_creation_input_tokens: 0 },
    });
    expect(fake.lastRequest()).toMatchObject({ operation: 'Messages', modelId: OPUS, region: 'us-east-1', auth: { kind: 'sigv4', service: 'bedrock-mantle' } });
    expect(fake.lastRequest()?.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('accepts a profile ID signed for service bedrock (the runtime host)', async () => {
    const r = await signedFetch(messagesUrl(), { body: body({ model: `global.${OPUS}` }), headers: VERSION, region: 'us-west-2', service: 'bedrock' });
    expect(r.status).toBe(200);
    expect((await r.json()).model).toBe(`global.${OPUS}`);
  });

  it('accepts x-api-key and Authorization: Bearer (region from the world / x-fake-region)', async () => {
    const viaKey = await fetch(messagesUrl(), { method: 'POST', body: body(), headers: { ...VERSION, 'x-api-key': FAKE_BEARER_TOKEN, 'x-fake-region': 'us-east-1' } });
    expect(viaKey.status).toBe(200);
    expect(fake.lastRequest()?.auth.kind).toBe('api-key');
    expect(fake.lastRequest()?.headers['x-api-key']).toBe('REDACTED');
    const viaBearer = await fetch(messagesUrl(), {
      method: 'POST',
      body: body({ model: `us.${OPUS}` }),
      headers: { ...VERSION, authorization: `Bearer ${FAKE_BEARER_TOKEN}` },
    });
    expect(viaBearer.status).toBe(200);
    expect(fake.lastRequest()).toMatchObject({ region: 'us-west-2', auth: { kind: 'bearer' } });
  });

  it('counts tokens', async () => {
    const r = await signedFetch(`${messagesUrl()}/count_tokens`, {
      body: JSON.stringify({ model: OPUS, messages: [{ role: 'user', content: 'abcdefgh' }] }),
      headers: VERSION,
      region: 'us-east-1',
    });
    expect(await r.json()).toEqual({ input_tokens: 2 });
    expect(fake.lastRequest()?.operation).toBe('MessagesCountTokens');
  });
});

describe('SSE', () => {
  it('streams first-party events with "stream": true', async () => {
    fake.reply({ text: 'one two three', toolUse: { name: 'f', input: { a: 1 } }, usage: { inputTokens: 4, outputTokens: 9 } });
    const r = await signedFetch(messagesUrl(), { body: body({ stream: true }), headers: VERSION, region: 'us-east-1' });
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await r.text());
    const names = events.map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(['message_start', 'ping', 'content_block_start']);
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    for (const e of events) expect((e.data as { type: string }).type).toBe(e.event);
    const deltas = events.map((e) => e.data as { delta?: { type: string; text?: string; partial_json?: string } });
    expect(deltas.filter((d) => d.delta?.type === 'text_delta').map((d) => d.delta?.text).join('')).toBe('one two three');
    expect(JSON.parse(deltas.filter((d) => d.delta?.type === 'input_json_delta').map((d) => d.delta?.partial_json).join(''))).toEqual({ a: 1 });
    expect(events.find((e) => e.event === 'message_delta')?.data).toMatchObject({ delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } });
    expect(events.at(-1)?.data).toEqual({ type: 'message_stop' });
  });

  it('breaks a stream with an SSE error event', async () => {
    fake.setFaults({ breakStream: { afterEvents: 3, exceptionType: 'serviceUnavailableException' } });
    const r = await signedFetch(messagesUrl(), { body: body({ stream: true }), headers: VERSION, region: 'us-east-1' });
    const events = parseSse(await r.text());
    expect(events).toHaveLength(4);
    expect(events.at(-1)).toEqual({ event: 'error', data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
  });
});

describe('Anthropic-shaped errors', () => {
  const expectError = async (r: Response, status: number, type: string, message?: string) => {
    expect(r.status).toBe(status);
    const b = await r.json();
    expect(b).toMatchObject({ type: 'error', error: { type } });
    if (message) expect(b.error.message).toBe(message);
    expect(b.request_id).toBe(r.headers.get('request-id'));
  };

  it('missing anthropic-version / max_tokens', async () => {
    await expectError(await signedFetch(messagesUrl(), { body: body(), region: 'us-east-1' }), 400, 'invalid_request_error', 'anthropic-version: header is required');
    await expectError(
      await signedFetch(messagesUrl(), { body: JSON.stringify({ model: OPUS, messages: [] }), headers: VERSION, region: 'us-east-1' }),
      400,
      'invalid_request_error',
      'max_tokens: Field required',
    );
  });

  it('unknown model, prefixed ID on Mantle, bare ID where Mantle does not serve it, model without the Messages API', async () => {
    await expectError(await signedFetch(messagesUrl(), { body: body({ model: 'anthropic.nope' }), headers: VERSION, region: 'us-east-1' }), 404, 'not_found_error', 'model: anthropic.nope');
    await expectError(await signedFetch(messagesUrl(), { body: body({ model: `us.${OPUS}` }), headers: VERSION, region: 'us-east-1' }), 404, 'not_found_error');
    await expectError(await signedFetch(messagesUrl(), { body: body(), headers: VERSION, region: 'us-west-2' }), 404, 'not_found_error');
    await expectError(
      await signedFetch(messagesUrl(), { body: body({ model: `us.${DEFAULT_MODELS.SONNET45}` }), headers: VERSION, region: 'us-east-1', service: 'bedrock' }),
      400,
      'invalid_request_error',
    );
  });

  it('no access → permission_error; auth failures and throttling keep the Anthropic shape', async () => {
    fake.setWorld({ modelPatches: { [OPUS]: { access: false } } });
    await expectError(await signedFetch(messagesUrl(), { body: body(), headers: VERSION, region: 'us-east-1' }), 403, 'permission_error');
    await expectError(
      await signedFetch(messagesUrl(), { body: body(), headers: VERSION, region: 'us-east-1', service: 'bedrock-runtime' }),
      403,
      'authentication_error',
      "Credential should be scoped to correct service: 'bedrock-mantle'.",
    );
    fake.setFaults({ throttle: 1 });
    await expectError(await signedFetch(messagesUrl(), { body: body(), headers: VERSION, region: 'us-east-1' }), 429, 'rate_limit_error');
  });
});
