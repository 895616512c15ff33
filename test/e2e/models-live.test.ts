// `models list` live against the fake Bedrock: ListFoundationModels + every page of
// ListInferenceProfiles, merged with the catalog, cached, and read back by the resolver.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fake-bedrock/server.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

interface Row {
  modelId: string;
  profiles: string[];
  source: string;
  lifecycle: string;
  inRegion: boolean;
  price: { scope: string } | null;
}

async function list(home: string, args: string[] = [], env = fake.env({ region: 'us-west-2' })) {
  return runCli(['models', 'list', '--json', ...args], { home, env });
}

describe('models list (live)', () => {
  it('merges every page of ListInferenceProfiles with ListFoundationModels and the catalog', async () => {
    fake.setWorld({ profilePageSize: 3 });
    const r = await list(await tempDir());
    expect(r.code).toBe(0);
    expect(fake.requestsFor('ListFoundationModels')).toHaveLength(1);
    expect(fake.lastRequest('ListFoundationModels')?.query).toMatchObject({ byProvider: 'Anthropic' });
    expect(fake.requestsFor('ListInferenceProfiles').length).toBeGreaterThan(2);

    const rows = JSON.parse(r.stdout) as Row[];
    const sonnet45 = rows.find((row) => row.modelId === 'anthropic.claude-sonnet-4-5-20250929-v1:0');
    // Only the profiles this region's ListInferenceProfiles returned, global first.
    expect(sonnet45).toMatchObject({
      source: 'bedrock',
      profiles: ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
      price: { scope: 'global' },
      inRegion: false,
    });
    // Not Claude, provisioned-only variants and application profiles stay out.
    expect(rows.map((row) => row.modelId)).not.toContain('amazon.nova-micro-v1:0');
    expect(rows.some((row) => row.modelId.endsWith(':200k'))).toBe(false);
    expect(rows.flatMap((row) => row.profiles).every((id) => /^(global|us)\./.test(id))).toBe(true);
  });

  it('shows a model Bedrock lists that the catalog does not know', async () => {
    fake.setWorld({
      models: [{ modelId: 'anthropic.claude-opus-9', modelName: 'Claude Opus 9', providerName: 'Anthropic', regions: ['us-west-2'], inferenceTypes: ['INFERENCE_PROFILE'], lifecycle: 'ACTIVE', inputModalities: ['TEXT'], outputModalities: ['TEXT'], streaming: true }],
    });
    const rows = JSON.parse((await list(await tempDir())).stdout) as Row[];
    expect(rows.find((row) => row.modelId === 'anthropic.claude-opus-9')).toMatchObject({ source: 'bedrock-only', price: null });
  });

  it('caches the answer: a second run makes no request, --refresh asks again', async () => {
    const home = await tempDir();
    await list(home);
    const requests = fake.requests.length;
    const cached = await list(home);
    expect(cached.code).toBe(0);
    expect(fake.requests.length).toBe(requests);
    expect(cached.stderr).toMatch(/cached list from/);
    await list(home, ['--refresh']);
    expect(fake.requests.length).toBeGreaterThan(requests);
  });

  it('the resolver then follows what Bedrock listed for the region', async () => {
    const home = await tempDir();
    const env = fake.env({ region: 'us-west-2' });
    // The catalog knows a global Opus 4.5 profile; this fake region does not list it.
    const id = 'global.anthropic.claude-opus-4-5-20251101-v1:0';
    expect((await runCli(['models', 'resolve', id], { home, env })).code).toBe(0);
    await list(home);
    const after = await runCli(['models', 'resolve', id, '--json'], { home, env });
    expect(after.code).toBe(4);
    expect(after.stderr).toMatch(/ListInferenceProfiles in us-west-2 .* does not list/);
  });

  it('a cache written for another endpoint is not used', async () => {
    const home = await tempDir();
    await list(home);
    const other = await startFakeBedrock();
    try {
      await list(home, [], other.env({ region: 'us-west-2' }));
      expect(other.requestsFor('ListFoundationModels')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('signs for the bedrock service in the configured region', async () => {
    await list(await tempDir(), [], fake.env({ region: 'eu-central-1' }));
    const request = fake.lastRequest('ListInferenceProfiles');
    expect(request?.auth).toMatchObject({ kind: 'sigv4', region: 'eu-central-1', service: 'bedrock' });
  });

  it('works with a Bedrock API key (bearer token)', async () => {
    const r = await list(await tempDir(), [], fake.env({ region: 'us-west-2', auth: 'bearer' }));
    expect(r.code).toBe(0);
    expect(fake.lastRequest('ListFoundationModels')?.auth.kind).toBe('bearer');
  });
});

describe('models list (live) errors', () => {
  it('no credentials → exit 3 bad-credentials, without probing anything beyond loopback', async () => {
    const env = fake.env({ region: 'us-west-2', auth: 'none' });
    const r = await runCli(['models', 'list', '--json'], { home: await tempDir(), env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no AWS credentials found');
    expect(JSON.parse(r.stderr.trim().split('\n').pop()!).error.cause).toBe('bad-credentials');
  });

  it('an expired session → exit 5 bad-credentials', async () => {
    fake.setWorld({ auth: { expiredAccessKeyIds: ['ASIDFAKETEMPORARYKEY'] } });
    const r = await runCli(['models', 'list', '--json'], { home: await tempDir(), env: fake.env({ region: 'us-west-2', auth: 'temporary' }) });
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stderr.trim().split('\n').pop()!).error).toMatchObject({ cause: 'bad-credentials', exception: 'ExpiredTokenException' });
  });

  it('no region → exit 3 before any request', async () => {
    const env = { ...fake.env(), AWS_REGION: '' };
    const r = await runCli(['models', 'list'], { home: await tempDir(), env });
    expect(r.code).toBe(3);
    expect(fake.requests).toHaveLength(0);
  });

  it('an unreachable endpoint → exit 5 endpoint-config', async () => {
    const r = await runCli(['models', 'list', '--endpoint-url', 'http://127.0.0.1:9'], { home: await tempDir(), env: fake.env() });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/cannot reach the endpoint/);
  });
});
