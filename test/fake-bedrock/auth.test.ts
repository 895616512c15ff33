// Authorization parsing and the front door's real rejections.
import { BedrockClient, ListInferenceProfilesCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, BedrockRuntimeServiceException, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAuth } from './auth.js';
import { sdkConfig, signedFetch, STATIC_CREDENTIALS, TEMPORARY_CREDENTIALS } from './clients.js';
import { DEFAULT_MODELS, FAKE_BEARER_TOKEN, startFakeBedrock, type FakeBedrock } from './server.js';

let fake: FakeBedrock;
const messages = [{ role: 'user' as const, content: [{ text: 'Hi' }] }];
const converse = new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages });

beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function send(cfg: ReturnType<typeof sdkConfig>): Promise<BedrockRuntimeServiceException | 'ok'> {
  const c = new BedrockRuntimeClient(cfg);
  try {
    await c.send(converse);
    return 'ok';
  } catch (e) {
    return e as BedrockRuntimeServiceException;
  } finally {
    c.destroy();
  }
}

describe('parseAuth', () => {
  it('reads the SigV4 credential scope', () => {
    const info = parseAuth({
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIDFAKE/20260101/eu-west-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
      'x-amz-date': '20260101T000000Z',
    });
    expect(info).toMatchObject({ kind: 'sigv4', accessKeyId: 'AKIDFAKE', scopeDate: '20260101', region: 'eu-west-1', service: 'bedrock', signedHeaders: ['host', 'x-amz-date'] });
  });

  it('flags incomplete signatures, and recognises bearer tokens and API keys', () => {
    expect(parseAuth({ authorization: 'AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request', 'x-amz-date': 'x' })).toMatchObject({
      kind: 'malformed',
      problem: "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    });
    expect(parseAuth({ authorization: 'Bearer tok' })).toMatchObject({ kind: 'bearer', token: 'tok' });
    expect(parseAuth({ 'x-api-key': 'k', 'x-amz-security-token': 's' })).toMatchObject({ kind: 'api-key', token: 'k', hasSessionToken: true });
    expect(parseAuth({})).toMatchObject({ kind: 'none' });
  });
});

describe('SigV4', () => {
  it('serves the region of the credential scope and records key, region and service', async () => {
    expect(await send(sdkConfig(fake, { region: 'eu-central-1' }))).toBe('ok');
    expect(fake.lastRequest()).toMatchObject({
      region: 'eu-central-1',
      auth: { kind: 'sigv4', accessKeyId: STATIC_CREDENTIALS.accessKeyId, region: 'eu-central-1', service: 'bedrock', hasSessionToken: false },
    });
    expect(fake.lastRequest()?.headers.authorization).toBe('REDACTED');
  });

  it('temporary credentials need their session token', async () => {
    expect(await send(sdkConfig(fake, { credentials: TEMPORARY_CREDENTIALS }))).toBe('ok');
    expect(fake.lastRequest()?.auth.hasSessionToken).toBe(true);
    expect(fake.lastRequest()?.headers['x-amz-security-token']).toBe('REDACTED');
    const noToken = await send(sdkConfig(fake, { credentials: { ...TEMPORARY_CREDENTIALS, sessionToken: undefined } }));
    expect(noToken).toMatchObject({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
    fake.setWorld({ auth: { sessionTokens: { [TEMPORARY_CREDENTIALS.accessKeyId]: 'another-token' } } });
    expect(await send(sdkConfig(fake, { credentials: TEMPORARY_CREDENTIALS }))).toMatchObject({ name: 'UnrecognizedClientException' });
  });

  it('unknown and expired keys', async () => {
    fake.setWorld({ auth: { accessKeyIds: ['AKIDFAKEONLYTHISONE1'], expiredAccessKeyIds: [STATIC_CREDENTIALS.accessKeyId] } });
    const expired = await send(sdkConfig(fake));
    expect(expired).toMatchObject({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired', $metadata: { httpStatusCode: 403 } });
    const unknown = await send(sdkConfig(fake, { credentials: { accessKeyId: 'AKIDFAKEUNKNOWN00001', secretAccessKey: 'fake-secret' } }));
    expect(unknown).toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    expect(unknown).toBeInstanceOf(BedrockRuntimeServiceException);
  });

  it('a region outside the world → InvalidSignatureException "valid region"', async () => {
    const e = await send(sdkConfig(fake, { region: 'us-wset-2' }));
    expect(e).toMatchObject({ name: 'InvalidSignatureException', message: 'Credential should be scoped to a valid region.' });
  });

  it('the wrong signing name → InvalidSignatureException "correct service"', async () => {
    const r = await signedFetch(`${fake.url}/model/${encodeURIComponent(DEFAULT_MODELS.HAIKU3)}/converse`, {
      body: JSON.stringify({ messages }),
      region: 'us-west-2',
      service: 'bedrock-runtime',
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/');
    expect(await r.json()).toEqual({ message: "Credential should be scoped to correct service: 'bedrock'." });
    expect(fake.lastRequest()?.auth).toMatchObject({ service: 'bedrock-runtime', region: 'us-west-2' });
  });

  it('no signature at all → MissingAuthenticationTokenException', async () => {
    const r = await fetch(`${fake.url}/foundation-models`);
    expect(r.status).toBe(403);
    expect(r.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException:/);
    expect(await r.json()).toEqual({ message: 'Missing Authentication Token' });
    expect(fake.lastRequest()?.auth.kind).toBe('none');
  });
});

describe('Bedrock API keys (Authorization: Bearer)', () => {
  it('works on runtime and control plane; the region is the world default', async () => {
    fake.setWorld({ defaultRegion: 'eu-west-1' });
    const cfg = sdkConfig(fake, { bearerToken: FAKE_BEARER_TOKEN, region: 'eu-west-1' });
    const c = new BedrockRuntimeClient(cfg);
    await c.send(new ConverseCommand({ modelId: `eu.${DEFAULT_MODELS.SONNET45}`, messages }));
    c.destroy();
    expect(fake.lastRequest()).toMatchObject({ region: 'eu-west-1', auth: { kind: 'bearer' } });
    const b = new BedrockClient(cfg);
    await b.send(new ListInferenceProfilesCommand({}));
    b.destroy();
    expect(fake.lastRequest()?.auth.kind).toBe('bearer');
  });

  it('rejects a token without the API-key prefix, an unknown token, and a token bound to another region', async () => {
    const bad = await send(sdkConfig(fake, { bearerToken: 'not-an-api-key' }));
    expect(bad).toMatchObject({ message: 'Invalid API Key format: Must start with pre-defined prefix', $metadata: { httpStatusCode: 403 } });
    fake.setWorld({ auth: { bearerTokens: { [FAKE_BEARER_TOKEN]: { region: 'us-east-1' }, 'ABSK-fake-expired': { expired: true } } } });
    const unknown = await send(sdkConfig(fake, { bearerToken: 'ABSK-fake-other' }));
    expect(unknown).toMatchObject({ message: 'Authentication failed: Please make sure your API Key is valid.' });
    const elsewhere = await send(sdkConfig(fake, { bearerToken: FAKE_BEARER_TOKEN })); // served region: us-west-2
    expect(elsewhere).toMatchObject({ message: 'Authentication failed: Please make sure your API Key is valid.' });
    const expired = await send(sdkConfig(fake, { bearerToken: 'ABSK-fake-expired' }));
    expect(expired).toMatchObject({ name: 'ExpiredTokenException' });
    fake.world.defaultRegion = 'us-east-1';
    expect(await send(sdkConfig(fake, { bearerToken: FAKE_BEARER_TOKEN }))).toBe('ok');
  });
});
