// `doctor` end to end: the built binary against the fake Bedrock, in a healthy world and in broken
// ones (no credentials, no region, expired session, no model access, wrong prefix, skewed clock,
// unreachable endpoint, a region-bound API key), checking exit codes, the JSON and the fix lines.
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MODELS,
  FAKE_ACCESS_KEY_ID,
  FAKE_BEARER_TOKEN,
  FAKE_SECRET_ACCESS_KEY,
  FAKE_SESSION_TOKEN,
  FAKE_TEMP_ACCESS_KEY_ID,
  startFakeBedrock,
  type FakeBedrock,
} from '../fake-bedrock/server.js';
import { makeShortTermKey } from '../helpers/api-key.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const IDS = ['node', 'catalog', 'config', 'region', 'credentials', 'identity', 'clock', 'endpoint', 'model', 'access', 'permissions', 'probe'];
const MINUTE = 60_000;

interface Check {
  id: string;
  title: string;
  status: 'pass' | 'warn' | 'fail' | 'skip';
  detail: string;
  fix: string | null;
  cause: string | null;
  info: string[];
}
interface Report {
  ok: boolean;
  strict: boolean;
  checks: Check[];
}

interface Run extends CliResult {
  report: Report;
  check(id: string): Check;
}

async function doctor(args: string[], env: Record<string, string | undefined> = fake.env({ region: 'us-west-2' }), home?: string): Promise<Run> {
  const result = await runCli(['doctor', '--json', ...args], { home: home ?? (await tempDir()), env });
  const report = JSON.parse(result.stdout) as Report;
  // The contract of every run: every check present, in order, and a fix under each warning and failure.
  expect(report.checks.map((c) => c.id)).toEqual(IDS);
  for (const c of report.checks) if (c.status === 'warn' || c.status === 'fail') expect(c.fix, `${c.id} has no fix`).toMatch(/\S/);
  expect(result.code).toBe(report.ok ? 0 : 6);
  return { ...result, report, check: (id) => report.checks.find((c) => c.id === id)! };
}

/** The same run in text form (no --json). */
async function doctorText(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return runCli(['doctor', ...args], { home: await tempDir(), env });
}

function expectNoSecrets(r: CliResult, ...secrets: string[]): void {
  for (const secret of [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID, FAKE_BEARER_TOKEN, ...secrets]) {
    expect(r.stdout).not.toContain(secret);
    expect(r.stderr).not.toContain(secret);
  }
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('doctor: a healthy setup', () => {
  it('passes every check it can run, exit 0, the documented JSON', async () => {
    const r = await doctor(['-m', 'haiku-4.5']);
    expect(r.code).toBe(0);
    expect(r.report.ok).toBe(true);
    expect(r.report.checks.map((c) => c.id)).toEqual(IDS);
    for (const c of r.report.checks) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'title', 'status', 'detail', 'fix']));
      expect(c.status).not.toBe('fail');
    }
    expect(r.report.checks.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual(IDS.slice(0, 10));
    expect(r.check('credentials').detail).toMatch(/environment variables.*AKID…EY01/);
    expect(r.check('identity').detail).toContain('arn:aws:iam::123456789012:user/fake-user');
    expect(r.check('config').info).toContain('model        haiku-4.5  (flag --model)');
    expect(r.check('model').detail).toContain(`global.${DEFAULT_MODELS.HAIKU45}`);
    expect(r.check('access').detail).toContain('enabled for this account in us-west-2');
    // Without --probe nothing is invoked: the permissions are a hint.
    expect(r.check('permissions')).toMatchObject({ status: 'skip' });
    expect(r.check('permissions').detail).toMatch(/not verified without --probe; needs bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream/);
    expect(r.check('permissions').info).toContain(`resource: arn:aws:bedrock:us-west-2:123456789012:inference-profile/global.${DEFAULT_MODELS.HAIKU45}`);
    expect(r.check('probe')).toMatchObject({ status: 'skip' });
    expect(fake.requestsFor('Converse')).toHaveLength(0);
    expect(fake.requestsFor('GetCallerIdentity')).toHaveLength(1);
    expect(fake.lastRequest('GetFoundationModelAvailability')?.modelId).toBe(DEFAULT_MODELS.HAIKU45);
    expect(fake.lastRequest('GetInferenceProfile')?.modelId).toBe(`global.${DEFAULT_MODELS.HAIKU45}`);
    expectNoSecrets(r);
  });

  it('--probe sends one Converse request with max_tokens 1 and reports tokens and cost', async () => {
    const r = await doctor(['-m', 'haiku-4.5', '--probe']);
    expect(r.code).toBe(0);
    expect(fake.requestsFor('Converse')).toHaveLength(1);
    expect(fake.lastRequest('Converse')?.body).toMatchObject({ inferenceConfig: { maxTokens: 1 } });
    expect(r.check('permissions')).toMatchObject({ status: 'pass' });
    expect(r.check('probe').status).toBe('pass');
    expect(r.check('probe').detail).toMatch(/^Converse with global\.anthropic\.claude-haiku-4-5-20251001-v1:0 answered in \d+ ms, \d+ input \+ \d+ output tokens, (\$[\d.]+|cost unknown)$/);
  });

  it('text output: one line per check with ✓, a summary, exit 0', async () => {
    const r = await doctorText(['-m', 'haiku-4.5'], fake.env({ region: 'us-west-2' }));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^[✓!✗-] {2}\S/.test(l))).toHaveLength(IDS.length);
    expect(r.stdout).toMatch(/^✓ {2}Credentials {2,}environment variables/m);
    expect(r.stdout).not.toContain('Fix:');
    expect(r.stdout).toMatch(/^ready: 10 passed, 0 warnings, 0 failed, 2 skipped$/m);
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour when piped
  });

  it('a Bedrock API key: identity is skipped with the reason, the clock is read from the control plane, the key never shown', async () => {
    const r = await doctor(['-m', 'haiku-4.5'], fake.env({ region: 'us-west-2', auth: 'bearer' }));
    expect(r.code).toBe(0);
    expect(r.check('credentials')).toMatchObject({ status: 'pass' });
    expect(r.check('credentials').detail).toContain('Bedrock API key (AWS_BEARER_TOKEN_BEDROCK): long-term key');
    expect(r.check('identity')).toMatchObject({ status: 'skip' });
    expect(r.check('identity').detail).toMatch(/API key has no STS identity/);
    expect(r.check('clock')).toMatchObject({ status: 'pass' });
    expect(r.check('access')).toMatchObject({ status: 'pass' });
    expect(fake.requestsFor('GetCallerIdentity')).toHaveLength(0);
    expect(fake.lastRequest('GetFoundationModelAvailability')?.auth.kind).toBe('bearer');
    expect(r.check('permissions').detail).toContain('bedrock:CallWithBearerToken');
    expectNoSecrets(r);
  });
});

describe('doctor: broken setups', () => {
  it('no credentials: fails with the fix; identity, clock and access are skipped with the reason', async () => {
    const r = await doctor(['-m', 'haiku-4.5'], fake.env({ region: 'us-west-2', auth: 'none' }));
    expect(r.code).toBe(6);
    expect(r.report.ok).toBe(false);
    expect(r.check('credentials')).toMatchObject({ status: 'fail', cause: 'bad-credentials' });
    expect(r.check('credentials').fix).toMatch(/AWS_PROFILE.*AWS_ACCESS_KEY_ID.*AWS_BEARER_TOKEN_BEDROCK/);
    for (const id of ['identity', 'clock', 'access']) {
      expect(r.check(id).status).toBe('skip');
      expect(r.check(id).detail).toMatch(/no credentials/);
    }
    // What needs no credentials still runs.
    expect(r.check('endpoint').status).toBe('pass');
    expect(r.check('model').status).toBe('pass');
    expect(fake.requestsFor('GetCallerIdentity')).toHaveLength(0);
  });

  it('text output: a Fix: line under every failure', async () => {
    const r = await doctorText(['-m', 'haiku-4.5'], fake.env({ region: 'us-west-2', auth: 'none' }));
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/^✗ {2}Credentials {2,}no AWS credentials found/m);
    expect(r.stdout).toMatch(/^✗ {2}Credentials.*\n {5,}Fix: Set AWS_PROFILE/m);
    expect(r.stdout).toMatch(/^- {2}Identity {2,}no credentials/m);
    expect(r.stdout).toMatch(/^not ready: .*1 failed/m);
  });

  it('no region: fails with where to set one; the model and access checks are skipped', async () => {
    const r = await doctor(['-m', 'haiku-4.5'], { ...fake.env(), AWS_REGION: undefined });
    expect(r.code).toBe(6);
    expect(r.check('region')).toMatchObject({ status: 'fail', cause: 'endpoint-config' });
    expect(r.check('region').fix).toMatch(/--region.*AWS_REGION/);
    expect(r.check('model')).toMatchObject({ status: 'skip', detail: 'no region is set (see Region)' });
    expect(r.check('access').status).toBe('skip');
    expect(r.check('config').info).toContain('region       not set');
  });

  it('an expired session: the identity check fails with bad-credentials, later signed checks are skipped', async () => {
    fake.setWorld({ auth: { expiredAccessKeyIds: [FAKE_TEMP_ACCESS_KEY_ID] } });
    const r = await doctor(['-m', 'haiku-4.5'], fake.env({ region: 'us-west-2', auth: 'temporary' }));
    expect(r.code).toBe(6);
    expect(r.check('credentials').detail).toContain('temporary (session token)');
    expect(r.check('identity')).toMatchObject({ status: 'fail', cause: 'bad-credentials' });
    expect(r.check('identity').detail).toMatch(/ExpiredToken/);
    expect(r.check('identity').fix).toMatch(/aws sso login|AWS_SESSION_TOKEN/);
    expect(r.check('access')).toMatchObject({ status: 'skip' });
    expect(r.check('access').detail).toMatch(/AWS refused the credentials/);
    // The clock still reads the failed answer's Date header.
    expect(r.check('clock').status).toBe('pass');
    expectNoSecrets(r);
  });

  it('credentials that expire soon warn (exit 0); --strict makes that a failure (exit 6); expired ones fail', async () => {
    const soon = new Date(Date.now() + 5 * MINUTE).toISOString();
    const env = { ...fake.env({ region: 'us-west-2', auth: 'temporary' }), AWS_CREDENTIAL_EXPIRATION: soon };
    const warned = await doctor(['-m', 'haiku-4.5'], env);
    expect(warned.code).toBe(0);
    expect(warned.check('credentials')).toMatchObject({ status: 'warn', cause: 'bad-credentials' });
    expect(warned.check('credentials').detail).toMatch(/expires in \d+m/);
    expect(warned.check('credentials').fix).toMatch(/AWS_SESSION_TOKEN/);

    const strict = await doctor(['-m', 'haiku-4.5', '--strict'], env);
    expect(strict.code).toBe(6);
    expect(strict.report).toMatchObject({ ok: false, strict: true });
    expect(strict.check('credentials').status).toBe('fail');

    const expired = await doctor(['-m', 'haiku-4.5'], { ...env, AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() - 60 * MINUTE).toISOString() });
    expect(expired.code).toBe(6);
    expect(expired.check('credentials').detail).toMatch(/expired 1h 0m ago|expired \d+m ago/);
  });

  it('no model access: GetFoundationModelAvailability says so, with the console fix', async () => {
    fake.setWorld({ modelPatches: { [DEFAULT_MODELS.HAIKU45]: { access: false } } });
    const r = await doctor(['-m', 'haiku-4.5']);
    expect(r.code).toBe(6);
    expect(r.check('access')).toMatchObject({ status: 'fail', cause: 'no-model-access' });
    expect(r.check('access').detail).toMatch(/not authorized.*no entitlement/);
    expect(r.check('access').fix).toMatch(/console\.aws\.amazon\.com\/bedrock.*modelaccess.*aws-marketplace:Subscribe/);
  });

  it('no model access, seen by --probe too: the probe fails with the explanation', async () => {
    fake.setWorld({ modelPatches: { [DEFAULT_MODELS.HAIKU45]: { access: false } } });
    const r = await doctor(['-m', 'haiku-4.5', '--probe']);
    expect(r.code).toBe(6);
    expect(r.check('probe')).toMatchObject({ status: 'fail', cause: 'no-model-access' });
    expect(r.check('permissions').status).toBe('skip');
  });

  it('a wrong prefix for the region: the model check fails with the corrected IDs; the region is fine', async () => {
    const r = await doctor(['-m', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'], fake.env({ region: 'eu-central-1' }));
    expect(r.code).toBe(6);
    expect(r.check('region').status).toBe('pass');
    expect(r.check('model')).toMatchObject({ status: 'fail', cause: 'prefix-region-mismatch' });
    expect(r.check('model').fix).toContain('global.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(r.check('model').fix).toContain('eu.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(r.check('access')).toMatchObject({ status: 'skip', detail: 'no valid model ID to check (see Model ID)' });
  });

  it('a clock 10 minutes off fails; 2 minutes off warns', async () => {
    fake.setFaults({ clockSkewMs: 10 * MINUTE });
    const far = await doctor(['-m', 'haiku-4.5']);
    expect(far.code).toBe(6);
    expect(far.check('clock')).toMatchObject({ status: 'fail', cause: 'clock-skew' });
    expect(far.check('clock').detail).toMatch(/this machine is 10m behind AWS/);
    expect(far.check('clock').fix).toMatch(/NTP/);

    fake.setFaults({ clockSkewMs: -2 * MINUTE });
    const near = await doctor(['-m', 'haiku-4.5']);
    expect(near.code).toBe(0);
    expect(near.check('clock')).toMatchObject({ status: 'warn', cause: 'clock-skew' });
    expect(near.check('clock').detail).toMatch(/this machine is 2m ahead of AWS/);
  });

  it('an unreachable endpoint: the endpoint check fails and names it', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await doctor(['-m', 'haiku-4.5'], { ...fake.env({ region: 'us-west-2' }), AWS_ENDPOINT_URL: url });
    expect(r.code).toBe(6);
    expect(r.check('endpoint')).toMatchObject({ status: 'fail', cause: 'endpoint-config' });
    expect(r.check('endpoint').detail).toBe(`cannot reach ${url}: ECONNREFUSED`);
    expect(r.check('endpoint').fix).toMatch(/env AWS_ENDPOINT_URL/);
    expect(r.check('identity')).toMatchObject({ status: 'fail', cause: 'endpoint-config' });
  });

  it('a short-term API key made for another region fails, without printing the key', async () => {
    const key = makeShortTermKey('eu-west-1', new Date(Date.now() - 60 * MINUTE), 12 * 3600);
    const r = await doctor(['-m', 'haiku-4.5'], { ...fake.env({ region: 'us-west-2', auth: 'none' }), AWS_BEARER_TOKEN_BEDROCK: key });
    expect(r.code).toBe(6);
    expect(r.check('credentials')).toMatchObject({ status: 'fail', cause: 'bad-credentials' });
    expect(r.check('credentials').detail).toMatch(/short-term key, for eu-west-1, expires in 1[01]h \d+m .*requests go to us-west-2/);
    expect(r.check('credentials').fix).toBe('Pass --region eu-west-1, or generate a key in us-west-2.');
    expectNoSecrets(r, key, key.slice(16, 60));
  });

  it('an invalid config file fails the config check; what needs the settings is skipped', async () => {
    const home = await tempDir();
    await writeTree(home, { '.bedrock-claude.json': '{"region": "us-west-2", "modle": "sonnet"}' });
    const r = await doctor([], fake.env({ region: 'us-west-2' }), home);
    expect(r.code).toBe(6);
    expect(r.check('config').status).toBe('fail');
    expect(r.check('config').detail).toMatch(/unknown key "modle"/);
    expect(r.check('config').fix).toMatch(/Known keys/);
    expect(r.check('region')).toMatchObject({ status: 'skip' });
  });
});

describe('doctor: AWS profiles', () => {
  const profileEnv = () => ({ ...fake.env({ region: 'us-west-2', auth: 'none' }), AWS_PROFILE: 'ci' });

  it('static keys in the shared credentials file: the profile is named as the source', async () => {
    const home = await tempDir();
    await writeTree(home, { '.aws/credentials': `[ci]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET_ACCESS_KEY}\n` });
    const r = await doctor(['-m', 'haiku-4.5'], profileEnv(), home);
    expect(r.code).toBe(0);
    expect(r.check('credentials').detail).toBe('shared credentials file (profile "ci"), AKID…EY01, long-term keys');
    expect(r.check('config').info).toContain('profile      ci  (env AWS_PROFILE)');
    expectNoSecrets(r);
  });

  it('an SSO profile without a login: fail with `aws sso login --profile`', async () => {
    const home = await tempDir();
    await writeTree(home, {
      '.aws/config': '[profile ci]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\n[sso-session corp]\nsso_start_url = https://example.invalid/start\nsso_region = us-east-1\n',
    });
    const r = await doctor(['-m', 'haiku-4.5'], profileEnv(), home);
    expect(r.code).toBe(6);
    expect(r.check('credentials')).toMatchObject({ status: 'fail', cause: 'bad-credentials', fix: 'Sign in again: `aws sso login --profile ci`.' });
  });

  it('a profile that does not exist: says so', async () => {
    const r = await doctor(['-m', 'haiku-4.5'], profileEnv());
    expect(r.check('credentials').detail).toMatch(/profile "ci" was not found in/);
    expect(r.check('credentials').fix).toMatch(/aws configure list-profiles/);
  });
});

describe('doctor --format github', () => {
  it('prints failures as ::error and warnings as ::warning annotations, exit 6', async () => {
    fake.setFaults({ clockSkewMs: 2 * MINUTE });
    const r = await runCli(['doctor', '-m', 'haiku-4.5', '--format', 'github'], { home: await tempDir(), env: fake.env({ region: 'us-west-2', auth: 'none' }) });
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/^::error title=bedrock-claude doctor%3A Credentials::no AWS credentials found: .*\. Fix: Set AWS_PROFILE/m);
    expect(r.stdout).toMatch(/^✓ Node\.js: v\d+/m);
    expect(r.stdout).toMatch(/^- Identity: no credentials/m);
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('::'))) expect(line).toMatch(/^::(error|warning) title=[^:]+::\S/);

    const warned = await runCli(['doctor', '-m', 'haiku-4.5', '--format', 'github'], { home: await tempDir(), env: fake.env({ region: 'us-west-2' }) });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/^::warning title=bedrock-claude doctor%3A Clock::this machine is 2m behind AWS .*\. Fix: Sync the clock/m);
  });

  it('rejects an unknown format (usage, exit 2)', async () => {
    const r = await runCli(['doctor', '--format', 'xml'], { home: await tempDir(), env: fake.env({ region: 'us-west-2' }) });
    expect(r.code).toBe(2);
  });
});
