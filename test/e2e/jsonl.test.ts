// converse --jsonl: many prompts, bounded concurrency, results in input order, failures isolated.
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

interface ResultLine {
  index: number;
  id?: string | number;
  text: string | null;
  usage: { inputTokens: number } | null;
  costUsd: number | null;
  error?: { cause: string; message: string };
}

async function jsonl(input: string, args: string[] = []) {
  const r = await runCli(['converse', '--jsonl', '-m', 'haiku-4.5', ...args], { home: await tempDir(), stdin: input, env: fake.env({ region: 'us-west-2' }) });
  const lines = r.stdout.trim() === '' ? [] : r.stdout.trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
  return { ...r, lines };
}

describe('converse --jsonl', () => {
  it('answers every line, in input order, at the requested concurrency', async () => {
    const prompts = Array.from({ length: 24 }, (_, i) => `prompt number ${i}`);
    fake.setWorld({ replies: prompts.map((p, i) => ({ when: { prompt: new RegExp(`^${p}$`) }, reply: { text: `answer ${i}` } })) });
    fake.setFaults({ latencyMs: 20 });
    const r = await jsonl(prompts.map((p) => JSON.stringify(p)).join('\n'), ['--concurrency', '8']);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => l.index)).toEqual(prompts.map((_, i) => i));
    expect(r.lines.map((l) => l.text)).toEqual(prompts.map((_, i) => `answer ${i}`));
    expect(fake.requestsFor('Converse')).toHaveLength(24);
    expect(r.stderr).toMatch(/24 items · 0 failed/);
  });

  it('takes objects with id, system and maxTokens', async () => {
    const r = await jsonl(`${JSON.stringify({ id: 'a-1', prompt: 'hello', system: 'be brief', maxTokens: 50 })}\n`);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatchObject({ index: 0, id: 'a-1', text: 'Hello from fake Bedrock.' });
    expect(r.lines[0]).toHaveProperty('costUsd');
    expect(fake.lastRequest('Converse')?.body).toMatchObject({ system: [{ text: 'be brief' }], inferenceConfig: { maxTokens: 50 } });
  });

  it('a failed item gets an error line; the others are kept; exit 5', async () => {
    fake.setWorld({ replies: [{ when: { prompt: 'boom' }, reply: { error: 'noAccess' } }] });
    const input = ['"first"', 'not json at all', '{"prompt": ""}', '"boom"', '"last"'].join('\n');
    const r = await jsonl(input, ['--concurrency', '2']);
    expect(r.code).toBe(5);
    expect(r.lines).toHaveLength(5);
    expect(r.lines.map((l) => l.error?.cause ?? 'ok')).toEqual(['ok', 'usage', 'usage', 'no-model-access', 'ok']);
    expect(r.lines[4]).toMatchObject({ index: 4, text: 'Hello from fake Bedrock.' });
    expect(r.stderr).toMatch(/5 items · 3 failed/);
  });

  it('blank lines are not items', async () => {
    const r = await jsonl('"one"\n\n   \n"two"\n');
    expect(r.lines.map((l) => l.index)).toEqual([0, 1]);
  });

  it('per-item parameter rules fail the item, not the run', async () => {
    const r = await jsonl('"fine"\n{"prompt": "too long", "maxTokens": 999999}\n');
    expect(r.code).toBe(5);
    expect(r.lines[1]?.error?.cause).toBe('token-limit');
    expect(r.lines[0]?.error).toBeUndefined();
  });

  it('a prompt argument with --jsonl is a usage error', async () => {
    const r = await runCli(['converse', '--jsonl', 'hello'], { home: await tempDir(), env: fake.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reads its prompts from stdin/);
  });
});
