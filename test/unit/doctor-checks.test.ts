// Each doctor check on its own, with plain fake services and a pinned clock: no AWS, no network.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/config/load.js';
import { CliError, ExitCode } from '../../src/errors.js';
import { verdicts } from '../../src/doctor/check.js';
import { accessCheck, accessProblems, routedRegions } from '../../src/doctor/checks/access.js';
import { clockCheck } from '../../src/doctor/checks/clock.js';
import { configCheck } from '../../src/doctor/checks/config.js';
import { credentialsCheck } from '../../src/doctor/checks/credentials.js';
import { endpointCheck, endpointTargets } from '../../src/doctor/checks/endpoint.js';
import { identityCheck } from '../../src/doctor/checks/identity.js';
import { modelCheck } from '../../src/doctor/checks/model.js';
import { permissionsCheck } from '../../src/doctor/checks/permissions.js';
import { probeCheck } from '../../src/doctor/checks/probe.js';
import { regionCheck } from '../../src/doctor/checks/region.js';
import { catalogCheckFor, nodeCheck } from '../../src/doctor/checks/runtime.js';
import { deriveResolution } from '../../src/doctor/resolve.js';
import { runDoctor } from '../../src/doctor/run.js';
import type { CheckDefinition, DoctorContext, DoctorOptions, DoctorServices, Facts, SigV4Credentials } from '../../src/doctor/types.js';
import { catalog } from '../../src/catalog/index.js';
import { makeShortTermKey } from '../helpers/api-key.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const MINUTE = 60_000;
const HAIKU45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';

function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    region: { value: 'us-west-2', source: { kind: 'env', name: 'AWS_REGION' } },
    model: { value: 'haiku-4.5', source: { kind: 'flag', name: '--model' } },
    scope: { value: 'auto', source: { kind: 'default' } },
    maxTokens: { value: 4096, source: { kind: 'default' } },
    maxAttempts: { value: 5, source: { kind: 'default' } },
    retryMode: { value: 'standard', source: { kind: 'default' } },
    aliases: {},
    files: [],
    ...overrides,
  } as Settings;
}

const STATIC: SigV4Credentials = { source: 'environment variables (AWS_ACCESS_KEY_ID)', maskedKeyId: 'AKID…EY01', temporary: false };

function services(overrides: Partial<DoctorServices> = {}): DoctorServices {
  return {
    loadSettings: async () => settings(),
    resolveSigV4: async () => STATIC,
    callerIdentity: async () => ({ account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'AID' }),
    modelAvailability: async () => ({ agreement: 'AVAILABLE', authorization: 'AUTHORIZED', entitlement: 'AVAILABLE', region: 'AVAILABLE' }),
    inferenceProfile: async (_s, region, id) => ({ id, modelArns: [`arn:aws:bedrock:::foundation-model/${HAIKU45}`, `arn:aws:bedrock:${region}::foundation-model/${HAIKU45}`] }),
    ping: async (url) => ({ url, ok: true, status: 404, ms: 3, date: NOW }),
    serverTime: () => ({ date: NOW, receivedAt: NOW, via: 'STS' }),
    readLiveCache: async () => undefined,
    probe: async () => ({ ok: true, api: 'Converse', ms: 120, inputTokens: 8, outputTokens: 1, costUsd: 0.000013 }),
    ...overrides,
  };
}

function options(overrides: Partial<DoctorOptions> = {}): DoctorOptions {
  return { env: {}, probe: false, strict: false, now: () => NOW, nodeVersion: '20.20.2', toolVersion: '0.1.0', endpointTimeoutMs: 1000, ...overrides };
}

/** A context with the given facts; `learned` collects what the check hands on. */
function context(facts: Partial<Facts> = {}, svc: Partial<DoctorServices> = {}, opts: Partial<DoctorOptions> = {}) {
  const learned: Partial<Facts> = {};
  const all: Facts = { ...facts };
  const ctx: DoctorContext = {
    options: options(opts),
    services: services(svc),
    facts: all,
    learn: (update) => {
      Object.assign(learned, update);
      Object.assign(all, update);
    },
  };
  return { ctx, learned };
}

/** Facts as they stand after config + resolution for the default settings. */
async function resolved(s: Settings = settings(), extra: Partial<Facts> = {}): Promise<Partial<Facts>> {
  const base: Partial<Facts> = { settings: s, region: s.region?.value, auth: { kind: 'sigv4', sigv4: STATIC }, ...extra };
  const { ctx } = context(base);
  return { ...base, ...(await deriveResolution(ctx)) };
}

const run = (check: CheckDefinition, ctx: DoctorContext) => check.run(ctx, verdicts(check.id, check.title));

describe('node and catalog', () => {
  it.each([
    ['20.20.2', 'pass'],
    ['22.1.0', 'pass'],
    ['18.19.0', 'fail'],
  ])('Node.js %s → %s', async (version, status) => {
    const { ctx } = context({}, {}, { nodeVersion: version });
    expect((await run(nodeCheck, ctx)).status).toBe(status);
  });

  it('warns when the catalog is older than 180 days', async () => {
    const fresh = await run(catalogCheckFor({ ...catalog, asOf: '2026-09-26' }), context().ctx);
    expect(fresh).toMatchObject({ status: 'pass' });
    expect(fresh.detail).toContain('(56 days old)');
    const old = await run(catalogCheckFor({ ...catalog, asOf: '2026-01-01' }), context().ctx);
    expect(old).toMatchObject({ status: 'warn' });
    expect(old.fix).toMatch(/Update bedrock-claude/);
  });
});

describe('config', () => {
  it('lists each setting with its source and hands the settings on', async () => {
    const { ctx, learned } = context();
    const result = await run(configCheck, ctx);
    expect(result.status).toBe('pass');
    expect(result.info).toContain('region       us-west-2  (env AWS_REGION)');
    expect(result.info).toContain('profile      not set (default credential chain)');
    expect(learned.region).toBe('us-west-2');
  });

  it('an invalid file fails with the loader message and fix', async () => {
    const error = new CliError('config file /x/.bedrock-claude.json: unknown key "modle"', { exitCode: ExitCode.config, cause: 'config', fix: 'Known keys: region, …' });
    const { ctx, learned } = context({}, { loadSettings: async () => Promise.reject(error) });
    expect(await run(configCheck, ctx)).toMatchObject({ status: 'fail', detail: error.message, fix: 'Known keys: region, …' });
    expect(learned.settingsError).toBe(error);
  });
});

describe('region', () => {
  it('no region: fail with where to set it', async () => {
    const { ctx } = context({ settings: settings({ region: undefined }) });
    const result = await run(regionCheck, ctx);
    expect(result).toMatchObject({ status: 'fail', cause: 'endpoint-config' });
    expect(result.fix).toMatch(/--region/);
  });

  it('a region the catalog does not know warns', async () => {
    const s = settings({ region: { value: 'xx-nowhere-1', source: { kind: 'flag', name: '--region' } } });
    expect(await run(regionCheck, context({ settings: s, region: 'xx-nowhere-1' }).ctx)).toMatchObject({ status: 'warn' });
  });

  it('a model with no route from the region fails the region check', async () => {
    const s = settings({ region: { value: 'sa-east-1', source: { kind: 'env', name: 'AWS_REGION' } }, model: { value: 'opus-4.1', source: { kind: 'flag', name: '--model' } } });
    const facts = await resolved(s);
    expect(facts.resolutionError?.causeCode).toBe('model-not-in-region');
    expect(await run(regionCheck, context(facts).ctx)).toMatchObject({ status: 'fail', cause: 'model-not-in-region' });
  });
});

describe('credentials', () => {
  const withEnv = (env: Record<string, string>, svc: Partial<DoctorServices> = {}, facts: Partial<Facts> = { settings: settings(), region: 'us-west-2' }) =>
    context(facts, svc, { env });

  it('static keys: source and masked key ID', async () => {
    const { ctx, learned } = withEnv({});
    const result = await run(credentialsCheck, ctx);
    expect(result).toMatchObject({ status: 'pass', detail: 'environment variables (AWS_ACCESS_KEY_ID), AKID…EY01, long-term keys' });
    expect(learned.auth?.kind).toBe('sigv4');
  });

  it.each([
    [2 * 60 * MINUTE, 'pass', /expires in 2h 0m \(2026-11-21 14:00 UTC\)/],
    [10 * MINUTE, 'warn', /expires in 10m/],
    [-5 * MINUTE, 'fail', /expired 5m ago/],
  ])('temporary credentials expiring in %d ms → %s', async (offset, status, detail) => {
    const creds: SigV4Credentials = { source: 'SSO (profile "dev")', maskedKeyId: 'ASIA…7777', temporary: true, expiration: new Date(NOW.getTime() + offset) };
    const result = await run(credentialsCheck, withEnv({}, { resolveSigV4: async () => creds }).ctx);
    expect(result.status).toBe(status);
    expect(result.detail).toMatch(detail);
    if (status !== 'pass') expect(result.fix).toBe('Sign in again: `aws sso login --profile dev`.' + (status === 'warn' ? ' A job longer than that will fail midway.' : ''));
  });

  it('nothing found: fail, and the fix follows the provider message', async () => {
    const { ctx, learned } = withEnv({}, { resolveSigV4: async () => Promise.reject(new Error('The SSO session associated with this profile has expired.')) });
    const result = await run(credentialsCheck, ctx);
    expect(result).toMatchObject({ status: 'fail', cause: 'bad-credentials' });
    expect(result.fix).toMatch(/aws sso login/);
    expect(learned.auth).toMatchObject({ kind: 'none' });
  });

  it('a short-term API key: region and expiry read from the key, never the key itself', async () => {
    const key = makeShortTermKey('us-west-2', new Date(NOW.getTime() - 60 * MINUTE), 12 * 3600);
    const { ctx, learned } = withEnv({ AWS_BEARER_TOKEN_BEDROCK: key }, { resolveSigV4: async () => Promise.reject(new Error('none')) });
    const result = await run(credentialsCheck, ctx);
    expect(result).toMatchObject({ status: 'pass', detail: 'Bedrock API key (AWS_BEARER_TOKEN_BEDROCK): short-term key, for us-west-2, expires in 11h 0m (2026-11-21 23:00 UTC)' });
    expect(JSON.stringify(result)).not.toContain(key.slice(16, 40));
    expect(learned.auth).toMatchObject({ kind: 'bearer', bearer: { region: 'us-west-2' } });
  });

  it.each([
    ['another region', makeShortTermKey('eu-west-1', NOW, 3600), 'fail', /for eu-west-1.*requests go to us-west-2/],
    ['expired', makeShortTermKey('us-west-2', new Date(NOW.getTime() - 13 * 3600_000), 12 * 3600), 'fail', /expired 1h 0m ago/],
    ['about to expire', makeShortTermKey('us-west-2', new Date(NOW.getTime() - 50 * MINUTE), 3600), 'warn', /expires in 10m/],
    ['long-term', 'ABSKQmVkcm9ja0FQSUtleS1mYWtl', 'pass', /long-term key/],
    ['not a key', 'Bearer xyz', 'warn', /not in a known format/],
  ])('an API key, %s → %s', async (_name, key, status, detail) => {
    const result = await run(credentialsCheck, withEnv({ AWS_BEARER_TOKEN_BEDROCK: key }).ctx);
    expect(result.status).toBe(status);
    expect(result.detail).toMatch(detail);
  });
});

describe('identity', () => {
  it('skips a bearer token with the reason', async () => {
    const { ctx } = context({ settings: settings(), auth: { kind: 'bearer', bearer: { kind: 'long-term' } } });
    expect(await run(identityCheck, ctx)).toMatchObject({ status: 'skip', detail: expect.stringMatching(/no STS identity/) });
  });

  it('refused credentials fail and make later signed checks skip', async () => {
    const expired = new CliError('GetCallerIdentity failed: ExpiredToken: The security token included in the request is expired', {
      exitCode: ExitCode.bedrock,
      cause: 'bad-credentials',
      fix: 'Refresh them.',
    });
    const { ctx, learned } = context({ settings: settings(), region: 'us-west-2', auth: { kind: 'sigv4', sigv4: STATIC } }, { callerIdentity: async () => Promise.reject(expired) });
    expect(await run(identityCheck, ctx)).toMatchObject({ status: 'fail', cause: 'bad-credentials', fix: 'Refresh them.' });
    expect(learned.credentialsRefused).toMatch(/^ExpiredToken/);
    expect((await run(accessCheck, ctx)).detail).toMatch(/AWS refused the credentials/);
  });
});

describe('clock', () => {
  const at = (skewMs: number) => ({ serverTime: () => ({ date: new Date(NOW.getTime() + skewMs), receivedAt: NOW, via: 'STS' }) });
  it.each([
    [0, 'pass', /in sync/],
    [30_000, 'pass', /30s behind AWS/],
    [-150_000, 'warn', /3m ahead of AWS/],
    [6 * MINUTE, 'fail', /6m behind AWS.*refuses/],
  ])('skew %d ms → %s', async (skew, status, detail) => {
    const result = await run(clockCheck, context({ auth: { kind: 'sigv4', sigv4: STATIC } }, at(skew)).ctx);
    expect(result.status).toBe(status);
    expect(result.detail).toMatch(detail);
    if (status !== 'pass') expect(result).toMatchObject({ cause: 'clock-skew', fix: expect.stringMatching(/NTP/) });
  });

  it('with no AWS answer yet, pings the control endpoint and reads its Date', async () => {
    let time: { date: Date; receivedAt: Date; via: string } | undefined;
    const pinged: string[] = [];
    const { ctx } = context(
      { settings: settings(), region: 'eu-west-1', auth: { kind: 'bearer', bearer: { kind: 'long-term' } } },
      {
        serverTime: () => time,
        ping: async (url) => {
          pinged.push(url);
          time = { date: new Date(NOW.getTime() + 3 * MINUTE), receivedAt: NOW, via: 'bedrock.eu-west-1.amazonaws.com' };
          return { url, ok: true, status: 403, ms: 20 };
        },
      },
    );
    expect(await run(clockCheck, ctx)).toMatchObject({ status: 'warn' });
    expect(pinged).toEqual(['https://bedrock.eu-west-1.amazonaws.com']);
  });

  it('skips without credentials', async () => {
    expect((await run(clockCheck, context({ auth: { kind: 'none', reason: 'x' } }).ctx)).status).toBe('skip');
  });
});

describe('endpoint', () => {
  it('the regional endpoints by default, bedrock-mantle for a Messages-API-only route, one ping per URL', async () => {
    expect(endpointTargets({ settings: settings(), region: 'us-west-2' }).map((t) => t.url)).toEqual([
      'https://bedrock-runtime.us-west-2.amazonaws.com',
      'https://bedrock.us-west-2.amazonaws.com',
    ]);
    const mantle = await resolved(settings({ region: { value: 'us-east-1', source: { kind: 'default' } }, model: { value: 'opus-4.7', source: { kind: 'default' } }, scope: { value: 'region', source: { kind: 'flag', name: '--scope' } } }));
    expect(endpointTargets(mantle).map((t) => t.name)).toEqual(['bedrock-runtime', 'bedrock-mantle', 'bedrock']);
    const configured = settings({ runtimeEndpoint: { value: 'http://127.0.0.1:9', source: { kind: 'env', name: 'AWS_ENDPOINT_URL' } }, controlEndpoint: { value: 'http://127.0.0.1:9', source: { kind: 'env', name: 'AWS_ENDPOINT_URL' } } });
    expect(endpointTargets({ settings: configured, region: 'us-west-2' })).toEqual([{ name: 'bedrock-runtime, bedrock', url: 'http://127.0.0.1:9', source: 'env AWS_ENDPOINT_URL' }]);
  });

  it.each([
    ['ENOTFOUND', /check the region name \(us-west-2\)/],
    ['TIMEOUT', /firewall and proxy/],
    ['ECONNREFUSED', /network, firewall and proxy/],
  ])('%s fails with endpoint-config and a fix', async (code, fix) => {
    const { ctx } = context({ settings: settings(), region: 'us-west-2' }, { ping: async (url) => ({ url, ok: false, code, ms: 5 }) });
    const result = await run(endpointCheck, ctx);
    expect(result).toMatchObject({ status: 'fail', cause: 'endpoint-config', detail: `cannot reach https://bedrock-runtime.us-west-2.amazonaws.com: ${code}` });
    expect(result.fix).toMatch(fix);
  });
});

describe('model', () => {
  it('passes with the ID that would be sent and why', async () => {
    const result = await run(modelCheck, context(await resolved()).ctx);
    expect(result).toMatchObject({ status: 'pass', detail: `haiku-4.5 → global.${HAIKU45} (Claude Haiku 4.5, global profile, active, bedrock-runtime)` });
    expect(result.info?.[0]).toMatch(/^why: alias "haiku-4.5"/);
  });

  it('a bare ID that needs a profile fails with the profile IDs', async () => {
    const facts = await resolved(settings({ model: { value: HAIKU45, source: { kind: 'flag', name: '--model' } } }));
    const result = await run(modelCheck, context(facts).ctx);
    expect(result).toMatchObject({ status: 'fail', cause: 'needs-inference-profile' });
    expect(result.fix).toContain(`global.${HAIKU45}`);
  });

  it('a legacy model warns with its replacement', async () => {
    const facts = await resolved(settings({ model: { value: 'claude-3-5-haiku', source: { kind: 'flag', name: '--model' } } }));
    const result = await run(modelCheck, context(facts).ctx);
    expect(result).toMatchObject({ status: 'warn', cause: 'model-end-of-life' });
    expect(result.fix).toMatch(/Move to Claude Haiku 4.5: -m haiku-4.5/);
  });
});

describe('access', () => {
  it('passes, asks for the profile, and hands on its foundation-model ARNs', async () => {
    const { ctx, learned } = context(await resolved());
    const result = await run(accessCheck, ctx);
    expect(result.status).toBe('pass');
    expect(result.detail).toContain('routes to any commercial region (global), us-west-2');
    expect(learned.profileModelArns).toHaveLength(2);
  });

  it.each([
    [{ authorization: 'NOT_AUTHORIZED', entitlement: 'NOT_AVAILABLE' }, 'fail', 'no-model-access'],
    [{ agreement: 'PENDING' }, 'warn', 'no-model-access'],
    [{ region: 'NOT_AVAILABLE' }, 'fail', 'model-not-in-region'],
  ])('availability %j → %s %s', async (answer, status, cause) => {
    const availability = { agreement: 'AVAILABLE', authorization: 'AUTHORIZED', entitlement: 'AVAILABLE', region: 'AVAILABLE', ...answer };
    const { ctx } = context(await resolved(), { modelAvailability: async () => availability });
    expect(await run(accessCheck, ctx)).toMatchObject({ status, cause });
  });

  it('a role that may not ask gets a warning, not a failure', async () => {
    const denied = new CliError('GetFoundationModelAvailability failed: AccessDeniedException: not authorized to perform: bedrock:GetFoundationModelAvailability', {
      exitCode: ExitCode.bedrock,
      cause: 'iam-permission',
    });
    const { ctx } = context(await resolved(), { modelAvailability: async () => Promise.reject(denied) });
    const result = await run(accessCheck, ctx);
    expect(result).toMatchObject({ status: 'warn', cause: 'iam-permission' });
    expect(result.fix).toMatch(/--probe/);
  });

  it('a profile that does not exist from the region fails', async () => {
    const missing = new CliError('GetInferenceProfile failed: ResourceNotFoundException: Inference profile x not found.', { exitCode: ExitCode.bedrock, cause: 'model-not-in-region', fix: 'Check the ID.' });
    const { ctx } = context(await resolved(), { inferenceProfile: async () => Promise.reject(missing) });
    expect(await run(accessCheck, ctx)).toMatchObject({ status: 'fail', cause: 'model-not-in-region' });
  });

  it('helpers', () => {
    expect(accessProblems({ agreement: 'NOT_AVAILABLE' })[0]?.text).toMatch(/not accepted/);
    expect(routedRegions(['arn:aws:bedrock:us-east-2::foundation-model/x', 'arn:aws:bedrock:us-east-1::foundation-model/x'])).toBe('us-east-1, us-east-2');
  });
});

describe('permissions and probe', () => {
  it('without --probe: skipped, with the hint', async () => {
    const result = await run(permissionsCheck, context(await resolved()).ctx);
    expect(result.status).toBe('skip');
    expect(result.detail).toMatch(/^not verified without --probe; needs bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream on 2 resources$/);
    expect(await run(probeCheck, context(await resolved()).ctx)).toMatchObject({ status: 'skip' });
  });

  it('with --probe: the probe decides, and the probe check reports latency, tokens and cost', async () => {
    const { ctx, learned } = context(await resolved(), {}, { probe: true });
    expect(await run(permissionsCheck, ctx)).toMatchObject({ status: 'pass' });
    expect(learned.probe?.ok).toBe(true);
    expect(await run(probeCheck, ctx)).toMatchObject({ status: 'pass', detail: `Converse with global.${HAIKU45} answered in 120 ms, 8 input + 1 output tokens, $0.000013` });
  });

  it('a denied probe fails the permissions with the IAM fix', async () => {
    const denied = new CliError('Converse failed: AccessDeniedException: User: arn:aws:iam::1:user/x is not authorized to perform: bedrock:InvokeModel', { exitCode: ExitCode.bedrock, cause: 'iam-permission', fix: 'Add an Allow statement.' });
    const { ctx } = context(await resolved(), { probe: async () => ({ ok: false, api: 'Converse', ms: 50, error: denied }) }, { probe: true });
    const permissions = await run(permissionsCheck, ctx);
    expect(permissions).toMatchObject({ status: 'fail', cause: 'iam-permission' });
    expect(permissions.fix).toMatch(/^Allow bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream on the resources below/);
    expect(await run(probeCheck, ctx)).toMatchObject({ status: 'fail', cause: 'iam-permission', detail: denied.message });
  });
});

describe('runDoctor', () => {
  it('runs every check in order; --strict turns warnings into failures', async () => {
    const late = { serverTime: () => ({ date: new Date(NOW.getTime() + 2 * MINUTE), receivedAt: NOW, via: 'STS' }) };
    const report = await runDoctor(options(), services(late));
    expect(report.checks.map((c) => c.id)).toEqual(['node', 'catalog', 'config', 'region', 'credentials', 'identity', 'clock', 'endpoint', 'model', 'access', 'permissions', 'probe']);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.id === 'clock')?.status).toBe('warn');
    const strict = await runDoctor(options({ strict: true }), services(late));
    expect(strict.ok).toBe(false);
    expect(strict.checks.find((c) => c.id === 'clock')?.status).toBe('fail');
  });

  it('a check that throws is reported as its own failure; the rest still run', async () => {
    const broken: CheckDefinition = { id: 'node', title: 'Node.js', run: async () => Promise.reject(new Error('boom')) };
    const report = await runDoctor(options(), services(), [broken, catalogCheckFor(catalog)]);
    expect(report.checks.map((c) => c.status)).toEqual(['fail', 'pass']);
    expect(report.checks[0]?.detail).toBe('internal error in this check: boom');
  });
});
