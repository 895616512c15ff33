// The pure parts of doctor: report rendering (text, JSON, GitHub annotations), API-key reading,
// credential-source words and the IAM hint.
import { describe, expect, it } from 'vitest';
import { inspectApiKey } from '../../src/doctor/api-key.js';
import { credentialFix, describeCredentialSource, maskKeyId } from '../../src/doctor/credential-source.js';
import { permissionHint } from '../../src/doctor/iam.js';
import { escapeData, escapeProperty, renderGithub, renderJson, renderText } from '../../src/doctor/render.js';
import type { DoctorReport } from '../../src/doctor/run.js';
import { makeStyle } from '../../src/io.js';
import { resolveModel } from '../../src/resolver.js';
import { makeShortTermKey } from '../helpers/api-key.js';

const report: DoctorReport = {
  ok: false,
  strict: false,
  checks: [
    { id: 'node', title: 'Node.js', status: 'pass', detail: 'v20.20.2, bedrock-claude 0.1.0' },
    { id: 'credentials', title: 'Credentials', status: 'fail', detail: 'no AWS credentials found', fix: 'Set AWS_PROFILE.', cause: 'bad-credentials' },
    { id: 'clock', title: 'Clock', status: 'warn', detail: 'this machine is 2m behind AWS, 50%', fix: 'Sync the clock.', cause: 'clock-skew' },
    { id: 'identity', title: 'Identity', status: 'skip', detail: 'no credentials (see Credentials)' },
    { id: 'config', title: 'Config', status: 'pass', detail: 'no config file', info: ['region  us-west-2  (env AWS_REGION)'] },
  ],
};

describe('renderText', () => {
  it('one line per check, Fix: under warnings and failures, info indented, a summary', () => {
    expect(renderText(report, makeStyle(false))).toBe(
      [
        '✓  Node.js      v20.20.2, bedrock-claude 0.1.0',
        '✗  Credentials  no AWS credentials found',
        '                Fix: Set AWS_PROFILE.',
        '!  Clock        this machine is 2m behind AWS, 50%',
        '                Fix: Sync the clock.',
        '-  Identity     no credentials (see Credentials)',
        '✓  Config       no config file',
        '                region  us-west-2  (env AWS_REGION)',
        '',
        'not ready: 2 passed, 1 warning, 1 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });

  it('colours the symbols on a TTY', () => {
    const text = renderText(report, makeStyle(true));
    expect(text).toContain('\x1b[32m✓\x1b[39m');
    expect(text).toContain('\x1b[31m✗\x1b[39m');
  });
});

describe('renderJson', () => {
  it('the design.md shape: ok, and id/title/status/detail/fix for every check (fix null when none)', () => {
    const json = renderJson(report, '0.1.0');
    expect(json).toMatchObject({ ok: false, strict: false, version: '0.1.0' });
    expect(json.checks[0]).toEqual({ id: 'node', title: 'Node.js', status: 'pass', detail: 'v20.20.2, bedrock-claude 0.1.0', fix: null, cause: null, info: [] });
    expect(json.checks[1]).toMatchObject({ status: 'fail', fix: 'Set AWS_PROFILE.', cause: 'bad-credentials' });
  });
});

describe('renderGithub', () => {
  it('::error for failures, ::warning for warnings, plain lines otherwise', () => {
    const lines = renderGithub(report).trimEnd().split('\n');
    expect(lines).toEqual([
      '✓ Node.js: v20.20.2, bedrock-claude 0.1.0',
      '::error title=bedrock-claude doctor%3A Credentials::no AWS credentials found. Fix: Set AWS_PROFILE.',
      '::warning title=bedrock-claude doctor%3A Clock::this machine is 2m behind AWS, 50%25. Fix: Sync the clock.',
      '- Identity: no credentials (see Credentials)',
      '✓ Config: no config file',
      'not ready: 2 passed, 1 warning, 1 failed, 1 skipped',
    ]);
  });

  it('escapes workflow-command data and properties', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
    expect(escapeProperty('a: b, c')).toBe('a%3A b%2C c');
  });
});

describe('inspectApiKey', () => {
  it('reads region and expiry from a short-term key', () => {
    const issued = new Date('2026-11-21T10:00:00Z');
    expect(inspectApiKey(makeShortTermKey('eu-central-1', issued, 43200))).toEqual({
      kind: 'short-term',
      region: 'eu-central-1',
      issuedAt: issued,
      expiresAt: new Date('2026-11-21T22:00:00Z'),
    });
  });

  it.each([
    ['ABSKQmVkcm9ja0FQSUtleS1hYmM=', { kind: 'long-term' }],
    ['bedrock-api-key-%%%not-base64', { kind: 'short-term' }],
    ['sk-ant-something', { kind: 'unknown' }],
  ])('%s → %j', (key, expected) => {
    expect(inspectApiKey(key)).toEqual(expected);
  });
});

describe('credential source', () => {
  it.each([
    [{ CREDENTIALS_ENV_VARS: 'g' }, 'environment variables (AWS_ACCESS_KEY_ID)'],
    [{ CREDENTIALS_PROFILE_SSO: 'r', CREDENTIALS_SSO: 's' }, 'SSO (profile "dev")'],
    [{ CREDENTIALS_PROFILE_SOURCE_PROFILE: 'o', CREDENTIALS_STS_ASSUME_ROLE: 'i' }, 'assumed role (profile "dev")'],
    [{ CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN: 'q' }, 'web identity (profile "dev")'],
    [{ CREDENTIALS_PROFILE_PROCESS: 'v', CREDENTIALS_PROCESS: 'w' }, 'credential_process (profile "dev")'],
    [{ CREDENTIALS_HTTP: 'z' }, 'container credentials (AWS_CONTAINER_CREDENTIALS_*)'],
    [{ CREDENTIALS_IMDS: '0' }, 'EC2 instance metadata (instance role)'],
    [{ CREDENTIALS_PROFILE: 'n' }, 'shared credentials file (profile "dev")'],
  ])('$source %j → %s', (features, words) => {
    expect(describeCredentialSource({ features, env: {}, profile: 'dev' })).toBe(words);
  });

  it('falls back to the environment when the SDK did not tag the credentials', () => {
    expect(describeCredentialSource({ env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token' } })).toBe('web identity (AWS_WEB_IDENTITY_TOKEN_FILE)');
    expect(describeCredentialSource({ env: { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/creds' } })).toMatch(/^container/);
    expect(describeCredentialSource({ env: { AWS_PROFILE: 'ci' } })).toBe('profile "ci"');
  });

  it('masks key IDs and picks fixes from the provider message', () => {
    expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
    expect(maskKeyId('short')).toBe('…');
    expect(credentialFix('Token is expired. To refresh this SSO session run aws sso login', 'dev')).toBe('Sign in again: `aws sso login --profile dev`.');
    expect(credentialFix('Could not resolve credentials using profile: [nope] in configuration/credentials file(s).', 'nope')).toMatch(/aws configure list-profiles/);
  });
});

describe('permissionHint', () => {
  const resolve = (input: string, region: string, scope: 'auto' | 'region' = 'auto') => resolveModel({ input, region, scope, scopeExplicit: scope !== 'auto', today: '2026-11-21' });

  it('a geographic profile: the profile ARN and the foundation model in every routed region', () => {
    const hint = permissionHint({ resolution: resolve('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1'), region: 'us-east-1', account: '123456789012', bearer: false });
    expect(hint.actions).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
    expect(hint.resources).toEqual([
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0',
    ]);
  });

  it('the Messages API on bedrock-mantle: bedrock-mantle:CreateInference on the project; an API key adds CallWithBearerToken', () => {
    const hint = permissionHint({ resolution: resolve('opus-4.7', 'us-east-1', 'region'), region: 'us-east-1', bearer: true });
    expect(hint.actions).toEqual(['bedrock-mantle:CreateInference', 'bedrock:CallWithBearerToken']);
    expect(hint.resources).toEqual(['arn:aws:bedrock-mantle:us-east-1:<account>:project/default']);
  });

  it('GovCloud partition', () => {
    const hint = permissionHint({ resolution: resolve('anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-gov-west-1'), region: 'us-gov-west-1', bearer: false });
    expect(hint.resources).toEqual(['arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0']);
  });
});

describe('credentialFix', () => {
  it.each([
    ['profile "proc" (credential_process) gave no credentials: Could not load credentials from any providers', /credential_process command/],
    ['profile "r" (role_arn arn:aws:iam::1:role/x) gave no credentials: Could not load credentials from any providers', /sts:AssumeRole/],
    ['profile "nope" was not found in /h/.aws/config or /h/.aws/credentials', /aws configure list-profiles/],
    ['Could not load credentials from any providers', /Set AWS_PROFILE/],
  ])('%s', (message, fix) => {
    expect(credentialFix(message, 'x')).toMatch(fix);
  });
});
