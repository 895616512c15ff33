// --record saves each exchange (secrets removed, responses byte-exact); --replay answers from the
// files with no network and no credentials, and fails clearly on a request it has no recording for.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fake-bedrock/server.js';
import { FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN } from '../fake-bedrock/world.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** No credentials and an endpoint where nothing listens: a replay must not need either. */
const OFFLINE = { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };

async function recordThenReplay(args: string[]) {
  const home = await tempDir();
  const recorded = await runCli([...args, '--record', 'cassette'], { home, env: fake.env({ region: 'us-east-1', auth: 'temporary' }) });
  expect(recorded.code).toBe(0);
  const requests = fake.requests.length;
  const replayed = await runCli([...args, '--replay', 'cassette'], { home, env: OFFLINE });
  expect(fake.requests.length).toBe(requests);
  return { home, recorded, replayed };
}

describe('--record / --replay', () => {
  it.each([
    ['converse', ['converse', '-m', 'haiku-4.5', '--no-stream', 'hello']],
    ['converse streamed', ['converse', '-m', 'haiku-4.5', '--stream', 'hello']],
    ['invoke streamed', ['invoke', '-m', 'sonnet-4.5', '--stream', 'hello']],
    ['the Messages API, streamed', ['invoke', '--api', 'messages', '-m', 'opus-4.7', '--stream', 'hello']],
    ['models list', ['models', 'list', '--json']],
  ])('%s: the replay prints what the recorded run printed', async (_, args) => {
    fake.setWorld({ defaultReply: { text: 'recorded words, streamed or not' } });
    const { recorded, replayed } = await recordThenReplay(args);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);
    // Neither run has anything to warn about (the SDK warns when a JSON body is read as a string).
    expect(recorded.stderr).not.toMatch(/WARN|warning/i);
    expect(replayed.stderr).not.toMatch(/WARN|warning/i);
  });

  it('the files hold the request without secrets and the response bytes as received', async () => {
    const { home } = await recordThenReplay(['converse', '-m', 'haiku-4.5', '--stream', 'hello']);
    const files = (await readdir(join(home, 'cassette'))).sort();
    expect(files).toEqual(['0001-converse-stream.json']);
    const text = await readFile(join(home, 'cassette', files[0]!), 'utf8');
    for (const secret of [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN]) expect(text).not.toContain(secret);
    const exchange = JSON.parse(text) as { request: { headers: Record<string, string>; body: unknown }; response: { status: number; headers: Record<string, string>; bodyBase64: string } };
    expect(exchange.request.headers.authorization).toMatch(/\[redacted\]/);
    expect(exchange.request.body).toMatchObject({ messages: [{ role: 'user', content: [{ text: 'hello' }] }] });
    expect(exchange.response.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    // Eventstream frames start with a 4-byte total length; the first frame's length is the prelude's.
    const bytes = Buffer.from(exchange.response.bodyBase64, 'base64');
    expect(bytes.readUInt32BE(0)).toBeLessThanOrEqual(bytes.length);
  });

  it('a request with no recording fails clearly (exit 2), naming the directory', async () => {
    const { home } = await recordThenReplay(['converse', '-m', 'haiku-4.5', '--no-stream', 'hello']);
    const r = await runCli(['converse', '-m', 'haiku-4.5', '--no-stream', 'a different prompt', '--replay', 'cassette'], { home, env: OFFLINE });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no recording in .*cassette for POST \/model\/global\.anthropic\.claude-haiku-4-5-20251001-v1:0\/converse/);
    expect(r.stderr).toMatch(/--record/);
  });

  it('a missing replay directory is a usage error', async () => {
    const r = await runCli(['converse', '-m', 'haiku-4.5', '--no-stream', 'x', '--replay', 'nowhere'], { home: await tempDir(), env: OFFLINE });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no recordings in .*nowhere/);
  });
});
