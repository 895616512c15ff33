// No secret in any output: every command runs with recognisable fake credentials, with --debug,
// --dry-run, --json and failures, and all of stdout and stderr is searched for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fake-bedrock/server.js';
import { FAKE_BEARER_TOKEN, FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN } from '../fake-bedrock/world.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());

const SECRETS = [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, FAKE_BEARER_TOKEN];

const COMMANDS: Array<[string, string[], 'temporary' | 'bearer', string?]> = [
  ['models list live', ['models', 'list', '--refresh', '--debug'], 'temporary'],
  ['models list with an API key', ['models', 'list', '--refresh', '--debug'], 'bearer'],
  ['models resolve', ['models', 'resolve', 'sonnet', '--debug', '--json'], 'temporary'],
  ['converse', ['converse', '-m', 'haiku-4.5', '--no-stream', '--debug', '--json', 'hi'], 'temporary'],
  ['converse streamed', ['converse', '-m', 'haiku-4.5', '--stream', '--json', '--debug', 'hi'], 'temporary'],
  ['converse --dry-run', ['converse', '-m', 'haiku-4.5', '--dry-run', '--debug', 'hi'], 'temporary'],
  ['converse --jsonl', ['converse', '--jsonl', '-m', 'haiku-4.5', '--debug'], 'temporary', '"a"\n"b"\n'],
  ['invoke streamed', ['invoke', '-m', 'sonnet-4.5', '--stream', '--debug', 'hi'], 'temporary'],
  ['invoke --api messages', ['invoke', '--api', 'messages', '-m', 'opus-4.7', '--no-stream', '--debug', 'hi'], 'temporary'],
  ['invoke --api messages with an API key', ['invoke', '--api', 'messages', '-m', 'opus-4.7', '--no-stream', '--debug', 'hi'], 'bearer'],
  ['converse with an API key', ['converse', '-m', 'haiku-4.5', '--no-stream', '--debug', 'hi'], 'bearer'],
  ['a failing call', ['converse', '-m', 'haiku-4.5', '--no-stream', '--debug', '--json', 'fail please'], 'temporary'],
  ['explain', ['explain', '--json', 'ExpiredTokenException: The security token included in the request is expired'], 'temporary'],
];

describe('no secret appears in any output', () => {
  it.each(COMMANDS)('%s', async (_, args, auth, stdin) => {
    fake.reset();
    fake.setWorld({ replies: [{ when: { prompt: 'fail please' }, reply: { error: 'expiredToken' } }] });
    const r = await runCli(args, { home: await tempDir(), stdin, env: fake.env({ region: 'us-east-1', auth }) });
    const output = r.stdout + r.stderr;
    expect(output.length).toBeGreaterThan(0);
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });

  it('--debug shows the headers with the secrets redacted', async () => {
    fake.reset();
    const r = await runCli(['converse', '-m', 'haiku-4.5', '--no-stream', '--debug', 'hi'], { home: await tempDir(), env: fake.env({ region: 'us-east-1', auth: 'temporary' }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/> authorization: AWS4-HMAC-SHA256 Credential=\[redacted\]\/\d{8}\/us-east-1\/bedrock\/aws4_request/);
    expect(r.stderr).toMatch(/> x-amz-security-token: \[redacted\]/);
    expect(r.stderr).toMatch(/< 200/);
  });

  it('a bearer token is redacted in --debug', async () => {
    fake.reset();
    const r = await runCli(['converse', '-m', 'haiku-4.5', '--no-stream', '--debug', 'hi'], { home: await tempDir(), env: fake.env({ region: 'us-east-1', auth: 'bearer' }) });
    expect(r.stderr).toMatch(/> authorization: Bearer \[redacted\]/);
  });
});
