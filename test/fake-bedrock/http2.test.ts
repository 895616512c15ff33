// The runtime client's default handler speaks h2c with prior knowledge; the
// fake hands such connections to an HTTP/2 server with the same handler.
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, ThrottlingException, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STATIC_CREDENTIALS } from './clients.js';
import { DEFAULT_MODELS, startFakeBedrock, type FakeBedrock } from './server.js';

let fake: FakeBedrock;
let client: BedrockRuntimeClient;
const messages = [{ role: 'user' as const, content: [{ text: 'Hi' }] }];

beforeAll(async () => {
  fake = await startFakeBedrock();
  // No requestHandler: the SDK default (NodeHttp2Handler).
  client = new BedrockRuntimeClient({ endpoint: fake.url, region: 'us-west-2', credentials: STATIC_CREDENTIALS, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

describe('HTTP/2 (h2c prior knowledge)', () => {
  it('serves Converse, ConverseStream and errors to the default client', async () => {
    const r = await client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
    expect(r.output?.message?.content?.[0]?.text).toBe('Hello from fake Bedrock.');
    expect(fake.lastRequest()?.headers[':authority']).toMatch(/^127\.0\.0\.1:/);
    const s = await client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
    const events: ConverseStreamOutput[] = [];
    for await (const e of s.stream ?? []) events.push(e);
    expect(events.at(-1)?.metadata?.usage?.totalTokens).toBeGreaterThan(0);
    await expect(client.send(new ConverseCommand({ modelId: 'nope', messages }))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('breaks a stream with an exception frame', async () => {
    fake.setFaults({ breakStream: { afterEvents: 2 } });
    const s = await client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
    const events: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const e of s.stream ?? []) events.push(e);
    })().catch((e: unknown) => e);
    expect(events).toHaveLength(2);
    expect(error).toBeInstanceOf(ThrottlingException);
  });

  it('survives connection faults: a reset session, then a destroyed stream, then a normal call', async () => {
    fake.setFaults({ resetConnection: 1 });
    await expect(client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }))).rejects.toBeInstanceOf(Error);
    fake.setFaults({ breakStream: { afterEvents: 1, mode: 'destroy' } });
    const s = await client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
    const error = await (async () => {
      for await (const _e of s.stream ?? []) {
        // drain
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    fake.setFaults({});
    await expect(client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }))).resolves.toBeDefined();
  });
});
