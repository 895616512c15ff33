// Retries with visible reasons, timeouts, Ctrl-C and closed pipes, against the fake Bedrock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fake-bedrock/server.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function cli(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { home: await tempDir(), env: { ...fake.env({ region: 'us-west-2' }), ...env } });
}

describe('retries', () => {
  it('throttling is retried, each retry announced on stderr', async () => {
    fake.setFaults({ throttle: 2 });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', 'hi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Hello from fake Bedrock.\n');
    expect(r.stderr).toMatch(/retrying in \d+\.\d s: ThrottlingException \(attempt 2\/5\)/);
    expect(r.stderr).toMatch(/\(attempt 3\/5\)/);
    expect(fake.requestsFor('Converse')).toHaveLength(3);
  });

  it('5xx is retried too; --quiet hides the notices', async () => {
    fake.setFaults({ serverError: 1 });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '-q', 'hi']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(fake.requestsFor('Converse')).toHaveLength(2);
  });

  it('after the last attempt: exit 5, throttling, and the quota to raise', async () => {
    fake.setFaults({ throttle: 10 });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '--max-attempts', '2', '--json', 'hi']);
    expect(r.code).toBe(5);
    expect(fake.requestsFor('Converse')).toHaveLength(2);
    const { error } = JSON.parse(r.stderr.trim().split('\n').pop()!) as { error: { cause: string; message: string; fix: string } };
    expect(error.cause).toBe('throttling');
    expect(error.message).toContain('after 2 attempts');
    expect(error.fix).toMatch(/quota/i);
  });

  it('AWS_MAX_ATTEMPTS is honoured', async () => {
    fake.setFaults({ throttle: 10 });
    await cli(['converse', '-m', 'haiku-4.5', '--no-stream', 'hi'], { AWS_MAX_ATTEMPTS: '1' });
    expect(fake.requestsFor('Converse')).toHaveLength(1);
  });

  it.each([
    ['validation', { error: { error: 'invalidModelId' as const } }],
    ['access denied', { error: { error: 'noAccess' as const } }],
    ['expired credentials', { error: { error: 'expiredToken' as const } }],
  ])('%s is never retried', async (_, faults) => {
    fake.setFaults(faults);
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', 'hi']);
    expect(r.code).toBe(5);
    expect(fake.requestsFor('Converse')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/retrying/);
  });
});

describe('timeouts', () => {
  it('a reply slower than --timeout fails with a hint to stream', async () => {
    fake.setFaults({ latencyMs: 5000 });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '--timeout', '1', '--max-attempts', '1', 'hi']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/no data from Bedrock for too long/);
    expect(r.stderr).toMatch(/--stream/);
  });
});

/** Runs the CLI and presses Ctrl-C as soon as it has printed something. */
async function interruptAtFirstOutput(args: string[], stdin = '') {
  const child = spawnCli(args, { home: await tempDir(), env: fake.env({ region: 'us-west-2' }) });
  child.stdin.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout === '') child.kill('SIGINT');
      stdout += d;
    });
    child.on('close', resolve);
  });
  return { code, stdout, stderr };
}

describe('interrupts and pipes', () => {
  it('Ctrl-C during a stream keeps what was printed and exits 130', async () => {
    fake.setWorld({ defaultReply: { text: Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ') } });
    fake.setFaults({ eventDelayMs: 50 });
    const { code, stdout, stderr } = await interruptAtFirstOutput(['converse', '-m', 'haiku-4.5', '--stream', 'hi']);
    expect(code).toBe(130);
    expect(stdout.startsWith('w0')).toBe(true);
    expect(stdout.split(' ').length).toBeLessThan(200);
    expect(stderr).toMatch(/interrupted/);
  });

  it('Ctrl-C during --jsonl: the lines printed stay valid JSONL and a summary says how many were not run', async () => {
    fake.setFaults({ latencyMs: 100 });
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify(`prompt ${i}`)).join('\n');
    const { code, stdout, stderr } = await interruptAtFirstOutput(['converse', '--jsonl', '-m', 'haiku-4.5', '--concurrency', '2'], lines);
    expect(code).toBe(130);
    const printed = stdout.trim().split('\n').map((line) => JSON.parse(line) as { index: number });
    expect(printed.map((l) => l.index)).toEqual(printed.map((_, i) => i));
    expect(printed.length).toBeLessThan(40);
    expect(stderr).toMatch(new RegExp(`interrupted: ${printed.length} of 40 results printed, ${40 - printed.length} not run`));
  });

  it('Ctrl-C while waiting for a prompt on stdin (nothing in flight) exits 130 at once', async () => {
    const child = spawnCli(['converse', '-m', 'haiku-4.5'], { home: await tempDir(), env: fake.env({ region: 'us-west-2' }) });
    // stdin stays open: the command waits for the prompt. Press Ctrl-C once it is running.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(fake.requestsFor('Converse')).toHaveLength(0);
  });

  it('a broken stream with --stream --json ends with an error event on stdout', async () => {
    fake.setWorld({ defaultReply: { text: 'alpha beta gamma delta epsilon zeta eta theta' } });
    fake.setFaults({ breakStream: { afterEvents: 3, mode: 'exception', exceptionType: 'throttlingException' } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--stream', '--json', '--max-attempts', '1', 'x']);
    expect(r.code).toBe(5);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; cause?: string });
    expect(events.some((e) => e.type === 'text')).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ type: 'error', cause: 'throttling' });
  });

  it('a closed pipe (| head -1) ends quietly', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify(`prompt ${i}`)).join('\n');
    const child = spawnCli(['converse', '--jsonl', '-m', 'haiku-4.5', '--concurrency', '16'], { home: await tempDir(), env: fake.env({ region: 'us-west-2' }) });
    child.stdin.end(lines);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error:/);
  });
});
