// Faults on demand, observed through the real SDK client. No durations are
// asserted; latency faults are only checked to still work.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InternalServerException,
  InvokeModelWithResponseStreamCommand,
  ServiceUnavailableException,
  ThrottlingException,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig } from './clients.js';
import { DEFAULT_MODELS, startFakeBedrock, type FakeBedrock, type RecordedRequest } from './server.js';

let fake: FakeBedrock;
let client: BedrockRuntimeClient;
const messages = [{ role: 'user' as const, content: [{ text: 'one two three four five six' }] }];
const converse = () => client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
const statuses = () => fake.requests.map((r) => r.response?.status);

beforeAll(async () => {
  fake = await startFakeBedrock();
  client = new BedrockRuntimeClient(sdkConfig(fake));
});
afterAll(async () => {
  client.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

async function drain(stream: AsyncIterable<unknown> | undefined): Promise<{ events: unknown[]; error?: unknown }> {
  const events: unknown[] = [];
  try {
    for await (const e of stream ?? []) events.push(e);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

describe('counted faults', () => {
  it('throttles the first N requests with 429 ThrottlingException', async () => {
    fake.setFaults({ throttle: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await converse().catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ThrottlingException);
      expect(e).toMatchObject({ message: 'Too many requests, please wait before trying again.', $metadata: { httpStatusCode: 429 } });
    }
    await expect(converse()).resolves.toBeDefined();
    expect(statuses()).toEqual([429, 429, 200]);
  });

  it('5xx: 500 InternalServerException, 503 ServiceUnavailableException; the SDK retries them', async () => {
    fake.setFaults({ serverError: { count: 1, status: 503 } });
    const e = await converse().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ServiceUnavailableException);
    expect(e).toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 503 } });
    fake.setFaults({ serverError: 2 });
    const retrying = new BedrockRuntimeClient(sdkConfig(fake, { maxAttempts: 3 }));
    const r = await retrying.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
    retrying.destroy();
    expect(r.$metadata.attempts).toBe(3);
    expect(statuses().slice(-3)).toEqual([500, 500, 200]);
    expect(fake.requests.at(-2)?.headers['amz-sdk-request']).toBe('attempt=2; max=3');
  });

  it('applies counted faults in a fixed order, and any named error', async () => {
    fake.setFaults({ throttle: 1, serverError: 1, error: { error: 'modelNotReady' } });
    const errors = [];
    for (let i = 0; i < 4; i++) errors.push(await converse().then(() => 'ok', (err: Error) => err.name));
    expect(errors).toEqual(['ThrottlingException', 'InternalServerException', 'ModelNotReadyException', 'ok']);
    fake.setFaults({ error: { count: 1, error: { status: 400, name: 'ServiceQuotaExceededException', message: 'quota' } } });
    await expect(converse()).rejects.toMatchObject({ name: 'ServiceQuotaExceededException', message: 'quota' });
  });

  it('can be limited to some operations', async () => {
    fake.setFaults({ throttle: 5, operations: ['ConverseStream'] });
    await expect(converse()).resolves.toBeDefined();
    await expect(client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }))).rejects.toBeInstanceOf(ThrottlingException);
  });

  it('resets the connection for the first N requests; the SDK retries ECONNRESET', async () => {
    fake.setFaults({ resetConnection: 1 });
    const e = await converse().catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'ECONNRESET' });
    expect(fake.requests[0]?.response).toEqual({ status: 0, destroyed: true });
    fake.setFaults({ resetConnection: 1 });
    const retrying = new BedrockRuntimeClient(sdkConfig(fake, { maxAttempts: 2 }));
    await expect(retrying.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }))).resolves.toMatchObject({ $metadata: { attempts: 2 } });
    retrying.destroy();
  });
});

describe('latency', () => {
  it('delayed responses and slow streams still work', async () => {
    fake.setFaults({ latencyMs: 15, firstEventDelayMs: 15, eventDelayMs: 1 });
    await expect(converse()).resolves.toBeDefined();
    const r = await client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
    const { events, error } = await drain(r.stream);
    expect(error).toBeUndefined();
    expect((events.at(-1) as ConverseStreamOutput).metadata).toBeDefined();
  });

  it('a delayed request is answered after a fast one sent later', async () => {
    fake.setFaults({ latencyMs: 150, operations: ['Converse'] });
    const order: string[] = [];
    await Promise.all([
      converse().then(() => order.push('slow')),
      client.send(new CountTokensCommand({ modelId: DEFAULT_MODELS.HAIKU3, input: { converse: { messages } } })).then(() => order.push('fast')),
    ]);
    expect(order).toEqual(['fast', 'slow']);
  });
});

describe('broken streams', () => {
  it('ConverseStream: an exception frame after N events is thrown from the iterator as its class', async () => {
    fake.setFaults({ breakStream: { afterEvents: 3 } });
    const r = await client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }));
    const { events, error } = await drain(r.stream);
    expect(events).toHaveLength(3);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error).toMatchObject({ message: 'Too many requests, please wait before trying again.' });
    expect(fake.lastRequest()?.response).toMatchObject({ stream: true, events: 3 });
  });

  it('InvokeModelWithResponseStream: a chosen exception type and message', async () => {
    fake.setFaults({ breakStream: { afterEvents: 2, exceptionType: 'internalServerException', message: 'mid-stream failure' } });
    const r = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: DEFAULT_MODELS.HAIKU3,
        body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
      }),
    );
    const { events, error } = await drain(r.body);
    expect(events).toHaveLength(2);
    expect(error).toBeInstanceOf(InternalServerException);
    expect((error as Error).message).toBe('mid-stream failure');
  });

  it('destroy mode: the socket dies mid-stream; `count` limits how many streams break', async () => {
    fake.setFaults({ breakStream: { afterEvents: 2, mode: 'destroy', count: 1 } });
    const first = await drain((await client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }))).stream);
    expect(first.events).toHaveLength(2);
    expect(first.error).toBeInstanceOf(Error);
    expect(fake.lastRequest()?.response).toMatchObject({ destroyed: true, events: 2 });
    const second = await drain((await client.send(new ConverseStreamCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }))).stream);
    expect(second.error).toBeUndefined();
  });

  it('a client that disconnects mid-stream or during latency leaves the fake healthy', async () => {
    const done: RecordedRequest[] = [];
    let notify = () => {};
    const own = await startFakeBedrock({ faults: { eventDelayMs: 20, latencyMs: 5 }, onRequest: (r) => (done.push(r), notify()) });
    const finished = (n: number) => new Promise<void>((resolve) => (notify = () => done.length >= n && resolve()));
    const headers = { authorization: 'Bearer ABSK-fake', 'content-type': 'application/json' };
    const path = `/model/${encodeURIComponent(DEFAULT_MODELS.HAIKU3)}/converse-stream`;
    const body = JSON.stringify({ messages });
    // Disconnect after the first stream bytes.
    const first = finished(1);
    const req = request(`${own.url}${path}`, { method: 'POST', headers }, (res) => res.once('data', () => req.destroy()));
    req.on('error', () => {});
    req.end(body);
    await first;
    expect(done[0]?.response?.stream).toBe(true);
    expect(done[0]?.response?.events).toBeLessThan(5);
    // Disconnect while the fake is still in its latency delay.
    const second = finished(2);
    const req2 = request(`${own.url}${path}`, { method: 'POST', headers });
    req2.on('error', () => {});
    req2.end(body, () => setImmediate(() => req2.destroy()));
    await second;
    // Still serving.
    own.setFaults({});
    const c = new BedrockRuntimeClient(sdkConfig(own));
    await expect(c.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages }))).resolves.toBeDefined();
    c.destroy();
    await own.close();
  });
});
