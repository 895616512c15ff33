// Bad input anywhere: one clear message, exit 2 (usage) or 3 (configuration), never a stack trace,
// and nothing sent. One row per kind of mistake.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fake-bedrock/server.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());

interface Row {
  name: string;
  args: string[];
  code: 2 | 3 | 4;
  message: RegExp;
  stdin?: string | Buffer;
  files?: Record<string, string | Buffer>;
}

const ROWS: Row[] = [
  { name: 'unknown flag', args: ['converse', '--temprature', '0.5', 'x'], code: 2, message: /unknown option '--temprature'/ },
  { name: 'unknown command', args: ['conversee', 'x'], code: 2, message: /unknown command 'conversee'/ },
  { name: 'missing argument', args: ['batch', 'results'], code: 2, message: /missing required argument 'job'/ },
  { name: 'non-numeric number', args: ['converse', '--max-tokens', 'many', 'x'], code: 2, message: /expected a positive integer, got "many"/ },
  { name: 'negative number', args: ['cost', 'estimate', '-m', 'haiku', '--input-tokens', '-5'], code: 2, message: /-5/ },
  { name: 'zero concurrency', args: ['converse', '--jsonl', '--concurrency', '0'], code: 2, message: /positive integer/ },
  { name: 'empty prompt', args: ['converse', '-m', 'haiku'], stdin: '  \n ', code: 2, message: /the prompt is empty/ },
  { name: 'binary data on stdin', args: ['converse', '-m', 'haiku'], stdin: 'abc\u0000def', code: 2, message: /looks binary/ },
  { name: 'invalid UTF-8 on stdin', args: ['converse', '-m', 'haiku'], stdin: Buffer.from([0xff, 0xfe, 0x41]), code: 2, message: /stdin is not valid UTF-8 text/ },
  { name: 'missing file', args: ['converse', '-m', 'haiku', '--system', '@nope.txt', 'x'], code: 2, message: /nope\.txt does not exist/ },
  { name: 'a directory as a file', args: ['invoke', '--body', 'dir'], files: { 'dir/.keep': '' }, code: 2, message: /dir is a directory/ },
  { name: 'invalid JSON body', args: ['invoke', '--body', 'body.json'], files: { 'body.json': '{"messages": [' }, code: 2, message: /is not valid JSON/ },
  { name: 'a body that is not an object', args: ['invoke', '--body', 'body.json'], files: { 'body.json': '[1,2]' }, code: 2, message: /must be a JSON object/ },
  { name: 'invalid tools file', args: ['converse', '-m', 'haiku', '--tools', 'tools.json', 'x'], files: { 'tools.json': '{"name": 1}' }, code: 2, message: /must hold an array/ },
  { name: 'invalid config JSON', args: ['models', 'resolve', 'sonnet'], files: { '.bedrock-claude.json': '{,}' }, code: 3, message: /is not valid JSON/ },
  { name: 'unknown config key', args: ['models', 'resolve', 'sonnet'], files: { '.bedrock-claude.json': '{"modle":"x"}' }, code: 3, message: /unknown key "modle"/ },
  { name: 'bad thinking value', args: ['converse', '-m', 'haiku', '--thinking', 'lots', 'x'], code: 2, message: /--thinking expects a token budget/ },
  { name: 'oversized request (over 20 MB)', args: ['invoke', '-m', 'haiku', '--body', 'big.json'], files: { 'big.json': JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'x'.repeat(21 * 1024 * 1024) }] }) }, code: 4, message: /Bedrock takes at most 20 MB/ },
];

describe('bad input: a clear message, the right exit code, no stack trace, nothing sent', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_, row) => {
    const home = await tempDir();
    for (const [path, content] of Object.entries(row.files ?? {})) {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(home, path, '..'), { recursive: true });
      if (!path.endsWith('/.keep')) await writeFile(join(home, path), content);
      else await mkdir(join(home, path, '..'), { recursive: true });
    }
    const before = fake.requests.length;
    const r = await runCli(row.args, { home, stdin: row.stdin, env: fake.env({ region: 'us-east-1' }) });
    expect(r.code).toBe(row.code);
    expect(r.stderr).toMatch(row.message);
    expect(r.stderr).not.toMatch(/\n\s+at [\w.<>]+ \(/);
    expect(r.stdout).toBe('');
    expect(fake.requests.length).toBe(before);
  });
});
