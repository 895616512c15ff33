// What the fake records about each request, reset(), respondWith() and env().
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig, TEMPORARY_CREDENTIALS } from './clients.js';
import { DEFAULT_MODELS, startFakeBedrock, type FakeBedrock } from './server.js';

let fake: FakeBedrock;
let client: BedrockRuntimeClient;

beforeAll(async () => {
  fake = await startFakeBedrock({ world: { defaultReply: { text: 'recorded' } } });
  client = new BedrockRuntimeClient(sdkConfig(fake, { credentials: TEMPORARY_CREDENTIALS, region: 'us-east-2' }));
});
afterAll(async () => {
  client.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

describe('request recording', () => {
  it('records method, raw path, decoded model ID, headers (secrets redacted), parsed body, region and auth', async () => {
    const modelId = `arn:aws:bedrock:us-east-2:123456789012:inference-profile/us.${DEFAULT_MODELS.SONNET45}`;
    const input = { modelId, messages: [{ role: 'user' as const, content: [{ text: 'Hi' }] }], inferenceConfig: { maxTokens: 50 } };
    const r = await client.send(new ConverseCommand(input));
    expect(r.output?.message?.content?.[0]?.text).toBe('recorded');
    expect(fake.requests).toHaveLength(1);
    const rec = fake.requests[0];
    expect(rec).toMatchObject({
      seq: 1,
      method: 'POST',
      path: `/model/${encodeURIComponent(modelId)}/converse`,
      operation: 'Converse',
      modelId,
      query: {},
      body: { messages: input.messages, inferenceConfig: { maxTokens: 50 } },
      region: 'us-east-2',
      auth: { kind: 'sigv4', accessKeyId: TEMPORARY_CREDENTIALS.accessKeyId, region: 'us-east-2', service: 'bedrock', hasSessionToken: true },
      response: { status: 200 },
    });
    expect(rec?.path).toContain('%3A');
    expect(rec?.path).toContain('%2F');
    expect(rec?.headers).toMatchObject({
      authorization: 'REDACTED',
      'x-amz-security-token': 'REDACTED',
      'content-type': 'application/json',
      'amz-sdk-request': 'attempt=1; max=1',
    });
    expect(rec?.headers['user-agent']).toMatch(/aws-sdk-js/);
    expect(JSON.stringify(fake.requests)).not.toContain(TEMPORARY_CREDENTIALS.sessionToken);
  });

  it('records InvokeModel bodies and the accept header; requestsFor/lastRequest filter by operation', async () => {
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 9, messages: [{ role: 'user', content: 'x' }] };
    await client.send(new InvokeModelCommand({ modelId: DEFAULT_MODELS.HAIKU3, body: JSON.stringify(body), accept: 'application/json' }));
    await client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages: [{ role: 'user', content: [{ text: 'y' }] }] }));
    expect(fake.requestsFor('InvokeModel')).toHaveLength(1);
    expect(fake.lastRequest('InvokeModel')).toMatchObject({ body, headers: { accept: 'application/json' } });
    expect(fake.lastRequest()?.operation).toBe('Converse');
  });

  it('reset() clears requests, replies, faults and world changes', async () => {
    fake.reply({ text: 'temporary' });
    fake.setFaults({ throttle: 3 });
    fake.setWorld({ removeModels: [DEFAULT_MODELS.HAIKU3] });
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect(fake.faults).toEqual({});
    const r = await client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages: [{ role: 'user', content: [{ text: 'y' }] }] }));
    expect(r.output?.message?.content?.[0]?.text).toBe('recorded');
  });
});

describe('respondWith', () => {
  it('serves a raw response verbatim to the next matching request, bypassing auth and faults', async () => {
    fake.setFaults({ throttle: 1 });
    fake.respondWith(
      { status: 200, headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'fixed-id' }, body: '{"output":{"message":{"role":"assistant","content":[{"text":"raw"}]}},"stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":1}}' },
      { when: (r) => r.operation === 'Converse' },
    );
    const r = await client.send(new ConverseCommand({ modelId: 'anything', messages: [{ role: 'user', content: [{ text: 'y' }] }] }));
    expect(r.output?.message?.content?.[0]?.text).toBe('raw');
    expect(r.$metadata.requestId).toBe('fixed-id');
    await expect(client.send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages: [{ role: 'user', content: [{ text: 'y' }] }] }))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });
});

describe('env()', () => {
  it('gives the variables to run the CLI against the fake', () => {
    expect(fake.env()).toMatchObject({
      AWS_ENDPOINT_URL: fake.url,
      AWS_REGION: 'us-west-2',
      AWS_ACCESS_KEY_ID: expect.stringMatching(/^AKIDFAKE/),
      AWS_SECRET_ACCESS_KEY: 'fake-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(fake.env({ auth: 'temporary' }).AWS_SESSION_TOKEN).toBe('fake-session-token');
    const bearer = fake.env({ auth: 'bearer', region: 'eu-west-1' });
    expect(bearer.AWS_BEARER_TOKEN_BEDROCK).toMatch(/^ABSK/);
    expect(bearer.AWS_ACCESS_KEY_ID).toBeUndefined();
    expect(bearer.AWS_REGION).toBe('eu-west-1');
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
