// bedrock-runtime operations through the real SDK client.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig } from './clients.js';
import { DEFAULT_MODELS, startFakeBedrock, type FakeBedrock } from './server.js';

let fake: FakeBedrock;
let client: BedrockRuntimeClient;
const user = (text: string) => [{ role: 'user' as const, content: [{ text }] }];
const SONNET45_US = `us.${DEFAULT_MODELS.SONNET45}`;

beforeAll(async () => {
  fake = await startFakeBedrock();
  client = new BedrockRuntimeClient(sdkConfig(fake));
});
afterAll(async () => {
  client.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

async function collect(stream: AsyncIterable<ConverseStreamOutput> | undefined): Promise<ConverseStreamOutput[]> {
  const out: ConverseStreamOutput[] = [];
  for await (const e of stream ?? []) out.push(e);
  return out;
}

describe('Converse', () => {
  it('returns the default reply with usage', async () => {
    const r = await client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages: user('Hi') }));
    expect(r.output?.message?.content).toEqual([{ text: 'Hello from fake Bedrock.' }]);
    expect(r.stopReason).toBe('end_turn');
    expect(r.usage).toMatchObject({ inputTokens: 1, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
    expect(r.usage?.totalTokens).toBe((r.usage?.inputTokens ?? 0) + (r.usage?.outputTokens ?? 0));
    expect(r.metrics?.latencyMs).toBe(321);
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('renders thinking, text, tool use, cache tokens and stop reason', async () => {
    fake.reply({
      thinking: { text: 'Let me think.', signature: 'sig-1' },
      text: 'Checking the weather.',
      toolUse: { name: 'get_weather', input: { city: 'Paris' }, id: 'tooluse_fixed' },
      usage: { inputTokens: 12, outputTokens: 34, cacheReadInputTokens: 1028, cacheWriteInputTokens: 7 },
    });
    const r = await client.send(new ConverseCommand({ modelId: SONNET45_US, messages: user('Weather?') }));
    expect(r.output?.message?.content).toEqual([
      { reasoningContent: { reasoningText: { text: 'Let me think.', signature: 'sig-1' } } },
      { text: 'Checking the weather.' },
      { toolUse: { toolUseId: 'tooluse_fixed', name: 'get_weather', input: { city: 'Paris' } } },
    ]);
    expect(r.stopReason).toBe('tool_use');
    expect(r.usage).toMatchObject({ inputTokens: 12, outputTokens: 34, cacheReadInputTokens: 1028, cacheWriteInputTokens: 7, totalTokens: 1081 });
  });

  it('matches replies by prompt and model, and consumes `times`', async () => {
    fake.reply({ text: 'about cats' }, { prompt: 'cat' });
    fake.reply({ text: 'only once' }, { model: DEFAULT_MODELS.HAIKU45, operation: 'Converse' }, 1);
    const text = async (modelId: string, prompt: string) =>
      (await client.send(new ConverseCommand({ modelId, messages: user(prompt) }))).output?.message?.content?.[0]?.text;
    expect(await text(DEFAULT_MODELS.HAIKU3, 'tell me about a cat')).toBe('about cats');
    expect(await text(`global.${DEFAULT_MODELS.HAIKU45}`, 'dog')).toBe('only once');
    expect(await text(`global.${DEFAULT_MODELS.HAIKU45}`, 'dog')).toBe('Hello from fake Bedrock.');
  });

  it('accepts profile ARNs, application profile ARNs and foundation-model ARNs (URL-encoded in the path)', async () => {
    const region = 'us-east-1';
    const c = new BedrockRuntimeClient(sdkConfig(fake, { region }));
    for (const modelId of [
      `arn:aws:bedrock:${region}:123456789012:inference-profile/${SONNET45_US}`,
      `arn:aws:bedrock:${region}:123456789012:application-inference-profile/fakeapp00001`,
      `arn:aws:bedrock:${region}::foundation-model/${DEFAULT_MODELS.HAIKU3}`,
    ]) {
      const r = await c.send(new ConverseCommand({ modelId, messages: user('Hi') }));
      expect(r.stopReason).toBe('end_turn');
      expect(fake.lastRequest()?.modelId).toBe(modelId);
      expect(fake.lastRequest()?.path).toContain(encodeURIComponent(modelId));
    }
    c.destroy();
  });
});

describe('ConverseStream', () => {
  it('streams every event type: reasoning, text and toolUse deltas, stop and cache usage', async () => {
    fake.reply({
      thinking: { text: 'Thinking hard now', signature: 'sig-2' },
      text: 'Here it is.',
      toolUse: { name: 'lookup', input: { q: 'x', n: 2 } },
      usage: { inputTokens: 5, outputTokens: 6, cacheReadInputTokens: 100, cacheWriteInputTokens: 200 },
    });
    const r = await client.send(new ConverseStreamCommand({ modelId: SONNET45_US, messages: user('go') }));
    const events = await collect(r.stream);
    const kinds = events.map((e) => Object.keys(e).filter((k) => k !== '$unknown')[0]);
    expect(kinds[0]).toBe('messageStart');
    expect(kinds.slice(-2)).toEqual(['messageStop', 'metadata']);
    expect(kinds).toContain('contentBlockStart');
    const deltas = events.flatMap((e) => (e.contentBlockDelta ? [e.contentBlockDelta] : []));
    const reasoning = deltas.filter((d) => d.contentBlockIndex === 0).map((d) => d.delta?.reasoningContent);
    expect(reasoning.map((x) => x?.text ?? '').join('')).toBe('Thinking hard now');
    expect(reasoning.at(-1)).toEqual({ signature: 'sig-2' });
    expect(deltas.filter((d) => d.contentBlockIndex === 1).map((d) => d.delta?.text).join('')).toBe('Here it is.');
    const start = events.find((e) => e.contentBlockStart)?.contentBlockStart;
    expect(start?.contentBlockIndex).toBe(2);
    expect(start?.start?.toolUse?.name).toBe('lookup');
    expect(start?.start?.toolUse?.toolUseId).toMatch(/^tooluse_/);
    const input = deltas.filter((d) => d.contentBlockIndex === 2).map((d) => d.delta?.toolUse?.input).join('');
    expect(JSON.parse(input)).toEqual({ q: 'x', n: 2 });
    expect(events.filter((e) => e.contentBlockStop).map((e) => e.contentBlockStop?.contentBlockIndex)).toEqual([0, 1, 2]);
    expect(events.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('tool_use');
    expect(events.at(-1)?.metadata?.usage).toMatchObject({ inputTokens: 5, outputTokens: 6, cacheReadInputTokens: 100, cacheWriteInputTokens: 200, totalTokens: 311 });
    expect(events.at(-1)?.metadata?.metrics?.latencyMs).toBe(321);
    expect(fake.lastRequest()?.response).toMatchObject({ status: 200, stream: true, events: events.length });
  });

  it('streams a redacted reasoning block', async () => {
    fake.reply({ thinking: { redacted: Buffer.from('secret').toString('base64') }, text: 'ok' });
    const events = await collect((await client.send(new ConverseStreamCommand({ modelId: SONNET45_US, messages: user('x') }))).stream);
    const redacted = events.find((e) => e.contentBlockDelta?.delta?.reasoningContent?.redactedContent)?.contentBlockDelta?.delta?.reasoningContent?.redactedContent;
    expect(Buffer.from(redacted ?? new Uint8Array()).toString()).toBe('secret');
  });
});

describe('InvokeModel', () => {
  const body = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }], ...extra });

  it('returns an Anthropic message', async () => {
    fake.reply({ text: 'Hey', usage: { inputTokens: 3, outputTokens: 4, cacheReadInputTokens: 9 } });
    const r = await client.send(new InvokeModelCommand({ modelId: SONNET45_US, body: body(), contentType: 'application/json' }));
    const msg = JSON.parse(r.body.transformToString());
    expect(msg).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: 'Hey' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 3, output_tokens: 4, cache_read_input_tokens: 9, cache_creation_input_tokens: 0 },
    });
    expect(msg.id).toMatch(/^msg_bdrk_01/);
    expect(r.contentType).toBe('application/json');
  });

  it('renders thinking and tool_use blocks', async () => {
    fake.reply({ thinking: 'hmm', toolUse: [{ name: 'a', input: { x: 1 } }, { name: 'b', input: {} }] });
    const r = await client.send(new InvokeModelCommand({ modelId: SONNET45_US, body: body() }));
    const msg = JSON.parse(r.body.transformToString());
    expect(msg.content.map((b: { type: string }) => b.type)).toEqual(['thinking', 'tool_use', 'tool_use']);
    expect(msg.content[1]).toMatchObject({ name: 'a', input: { x: 1 } });
    expect(msg.content[1].id).toMatch(/^toolu_bdrk_01/);
    expect(msg.stop_reason).toBe('tool_use');
  });

  it('rejects a body without max_tokens like Bedrock', async () => {
    const err = await client
      .send(new InvokeModelCommand({ modelId: SONNET45_US, body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', messages: [] }) }))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'ValidationException',
      message: 'Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.',
    });
  });
});

describe('InvokeModelWithResponseStream', () => {
  it('sends base64 Anthropic events in chunk frames, message_stop with invocation metrics', async () => {
    fake.reply({ thinking: 'a b c', text: 'one two three', toolUse: { name: 't', input: { k: 'v' } }, usage: { inputTokens: 10, outputTokens: 20, cacheWriteInputTokens: 5 } });
    const r = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: SONNET45_US,
        body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
      }),
    );
    const events: Array<Record<string, any>> = [];
    for await (const e of r.body ?? []) events.push(JSON.parse(Buffer.from(e.chunk?.bytes ?? new Uint8Array()).toString()));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']));
    expect(events[0]?.message.usage).toMatchObject({ input_tokens: 10, cache_creation_input_tokens: 5 });
    const text = events.filter((e) => e.delta?.type === 'text_delta').map((e) => e.delta.text).join('');
    expect(text).toBe('one two three');
    expect(events.filter((e) => e.delta?.type === 'thinking_delta').map((e) => e.delta.thinking).join('')).toBe('a b c');
    expect(JSON.parse(events.filter((e) => e.delta?.type === 'input_json_delta').map((e) => e.delta.partial_json).join(''))).toEqual({ k: 'v' });
    expect(events.find((e) => e.type === 'message_delta')).toMatchObject({ delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 20 } });
    expect(events.at(-1)?.['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: 10, outputTokenCount: 20, cacheWriteInputTokenCount: 5 });
  });
});

describe('CountTokens', () => {
  it('counts a converse input (chars/4) and an invokeModel body', async () => {
    const r = await client.send(
      new CountTokensCommand({ modelId: DEFAULT_MODELS.SONNET45, input: { converse: { messages: user('abcdefghijklmnop') } } }),
    );
    expect(r.inputTokens).toBe(4);
    expect(fake.lastRequest()?.body).toEqual({ input: { converse: { messages: user('abcdefghijklmnop') } } });
    const body = new TextEncoder().encode(JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1, messages: [{ role: 'user', content: 'abcdefgh' }] }));
    const r2 = await client.send(new CountTokensCommand({ modelId: DEFAULT_MODELS.SONNET45, input: { invokeModel: { body } } }));
    expect(r2.inputTokens).toBe(2);
  });

  it('uses a canned usage when one matches', async () => {
    fake.reply({ usage: { inputTokens: 40, cacheReadInputTokens: 2 } }, { operation: 'CountTokens' });
    const r = await client.send(new CountTokensCommand({ modelId: DEFAULT_MODELS.HAIKU45, input: { converse: { messages: user('x') } } }));
    expect(r.inputTokens).toBe(42);
  });
});
