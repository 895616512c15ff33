// invoke and converse end to end: the built binary against the fake Bedrock, over real SDK clients.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fake-bedrock/server.js';
import { loadRecordings, recordingToResponse } from '../fake-bedrock/wire.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const HAIKU45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';

async function cli(args: string[], options: { stdin?: string; env?: Record<string, string>; home?: string } = {}): Promise<CliResult> {
  const home = options.home ?? (await tempDir());
  return runCli(args, { home, stdin: options.stdin, env: { ...fake.env({ region: 'us-west-2' }), ...options.env } });
}

const lastJsonLine = (text: string) => JSON.parse(text.trim().split('\n').pop()!) as { error: { cause: string; exitCode: number; message: string } };

describe('converse', () => {
  it('prints only the model text on stdout and usage on stderr', async () => {
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', 'Say hello']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Hello from fake Bedrock.\n');
    expect(r.stderr).toMatch(/in \d+ · out \d+ · cache read 0/);
    const request = fake.lastRequest('Converse')!;
    expect(request.modelId).toBe(`global.${HAIKU45}`);
    expect(request.body).toMatchObject({
      messages: [{ role: 'user', content: [{ text: 'Say hello' }] }],
      inferenceConfig: { maxTokens: 4096 },
    });
  });

  it('reads the prompt from stdin, with and without "-"', async () => {
    for (const args of [['converse', '-m', 'haiku-4.5'], ['converse', '-m', 'haiku-4.5', '-']]) {
      const r = await cli(args, { stdin: 'from a pipe\n' });
      expect(r.code).toBe(0);
      expect(fake.lastRequest('Converse')?.body).toMatchObject({ messages: [{ content: [{ text: 'from a pipe\n' }] }] });
    }
  });

  it('--stream uses ConverseStream and prints the text as it arrives', async () => {
    fake.setWorld({ defaultReply: { text: 'one two three four five' } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--stream', 'count']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('one two three four five\n');
    expect(fake.lastRequest('ConverseStream')).toBeDefined();
  });

  it('--json: the documented object, with usage including cache tokens', async () => {
    fake.setWorld({ defaultReply: { text: 'cached answer', usage: { inputTokens: 12, outputTokens: 3, cacheReadInputTokens: 2048, cacheWriteInputTokens: 0 } } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--json', 'hi']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      modelId: `global.${HAIKU45}`,
      api: 'converse',
      text: 'cached answer',
      stopReason: 'end_turn',
      usage: { inputTokens: 12, outputTokens: 3, cacheReadInputTokens: 2048, cacheWriteInputTokens: 0 },
    });
    expect(JSON.parse(r.stdout)).toHaveProperty('costUsd');
  });

  it('--stream --json: one NDJSON event per line, thinking and tool use included', async () => {
    fake.setWorld({ defaultReply: { thinking: { text: 'Let me think.', signature: 'sig-1' }, text: 'Done.', toolUse: { name: 'get_weather', input: { city: 'Paris' } } } });
    const r = await cli(['converse', '-m', 'sonnet-4.5', '--stream', '--json', 'weather?']);
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    const types = new Set(events.map((e) => e.type));
    expect([...types]).toEqual(expect.arrayContaining(['thinking', 'thinking_signature', 'text', 'tool_use', 'stop', 'usage']));
    expect(events.find((e) => e.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { city: 'Paris' } });
  });

  it('--system, --system @file, --temperature and --stop reach the request', async () => {
    const home = await tempDir();
    await writeFile(join(home, 'system.txt'), 'You are terse.');
    await cli(['converse', '-m', 'haiku-4.5', '--system', '@system.txt', '--temperature', '0.2', '--stop', 'END', '--max-tokens', '100', 'x'], { home });
    expect(fake.lastRequest('Converse')?.body).toMatchObject({
      system: [{ text: 'You are terse.' }],
      inferenceConfig: { maxTokens: 100, temperature: 0.2, stopSequences: ['END'] },
    });
  });

  it('--thinking and --cache build the Anthropic fields and cache points', async () => {
    await cli(['converse', '-m', 'sonnet-4.5', '--thinking', '2048', '--max-tokens', '8000', '--cache', '--system', 'sys', 'x']);
    expect(fake.lastRequest('Converse')?.body).toMatchObject({
      system: [{ text: 'sys' }, { cachePoint: { type: 'default' } }],
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2048 } },
    });
  });
});

describe('invoke', () => {
  it('sends an Anthropic Messages body with bedrock-2023-05-31 to InvokeModel', async () => {
    const r = await cli(['invoke', '-m', 'sonnet-4.5', '--no-stream', '--beta', 'context-1m-2025-08-07', 'Hi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Hello from fake Bedrock.\n');
    const request = fake.lastRequest('InvokeModel')!;
    expect(request.modelId).toBe('global.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(request.body).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 4096,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      anthropic_beta: ['context-1m-2025-08-07'],
    });
  });

  it('--stream reads chunk events from InvokeModelWithResponseStream', async () => {
    fake.setWorld({ defaultReply: { text: 'streamed through chunks' } });
    const r = await cli(['invoke', '-m', 'sonnet-4.6', '--stream', '--json', 'Hi']);
    expect(r.code).toBe(0);
    const text = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; text?: string }).filter((e) => e.type === 'text').map((e) => e.text).join('');
    expect(text).toBe('streamed through chunks');
    expect(fake.lastRequest('InvokeModelWithResponseStream')).toBeDefined();
  });

  it('--body sends a raw body as given; invalid JSON is exit 2', async () => {
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'raw' }] };
    const ok = await cli(['invoke', '-m', 'haiku-4.5', '--no-stream', '--body', '-'], { stdin: JSON.stringify(body) });
    expect(ok.code).toBe(0);
    expect(fake.lastRequest('InvokeModel')?.body).toEqual(body);
    const bad = await cli(['invoke', '-m', 'haiku-4.5', '--body', '-'], { stdin: '{"messages": [' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid JSON/);
  });
});

describe('--dry-run', () => {
  it('prints API, region, endpoint, model ID and body; sends nothing; needs no credentials', async () => {
    const r = await cli(['converse', '-m', 'haiku-4.5', '--dry-run', '--no-stream', 'hello'], { env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' } });
    expect(r.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      api: 'converse',
      region: 'us-west-2',
      modelId: `global.${HAIKU45}`,
      endpoint: `${fake.url}/model/global.${encodeURIComponent(HAIKU45)}/converse`,
      body: { messages: [{ role: 'user', content: [{ text: 'hello' }] }] },
    });
  });
});

describe('attachments', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 0, 2, 0, 0, 0, 3]), Buffer.alloc(16)]);

  it('images and documents become content blocks before the text', async () => {
    const home = await tempDir();
    await writeFile(join(home, 'chart.png'), png);
    await writeFile(join(home, 'Q3 report (final).pdf'), '%PDF-1.4\n%fake\n');
    await writeFile(join(home, 'notes.md'), '# notes\n');
    const r = await cli(['converse', '-m', 'sonnet-4.5', '--no-stream', '--attach', 'chart.png', '--attach', 'Q3 report (final).pdf', '--attach', 'notes.md', 'Summarise'], { home });
    expect(r.code).toBe(0);
    const content = (fake.lastRequest('Converse')?.body as { messages: Array<{ content: Array<Record<string, any>> }> }).messages[0]!.content;
    expect(content.map((block) => Object.keys(block)[0])).toEqual(['image', 'document', 'document', 'text']);
    expect(content[0]).toMatchObject({ image: { format: 'png', source: { bytes: png.toString('base64') } } });
    expect(content[1]).toMatchObject({ document: { format: 'pdf', name: 'Q3 report (final)' } });
    expect(content[2]).toMatchObject({ document: { format: 'md', name: 'notes' } });
  });

  it.each([
    ['a file that is not an image or document', 'data.bin', Buffer.from([1, 2, 3, 0, 4]), /not a supported attachment/],
    ['an image above 3.75 MB', 'big.png', Buffer.concat([png, Buffer.alloc(4 * 1024 * 1024)]), /at most 3.75 MB/],
  ])('%s → exit 4 attachment-limit, nothing sent', async (_, name, bytes, message) => {
    const home = await tempDir();
    await writeFile(join(home, name), bytes);
    const r = await cli(['converse', '-m', 'haiku-4.5', '--attach', name, '--json', '--', 'x'], { home });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(message);
    expect(lastJsonLine(r.stderr).error.cause).toBe('attachment-limit');
    expect(fake.requests).toHaveLength(0);
  });

  it('a missing attachment file is a usage error', async () => {
    const r = await cli(['converse', '-m', 'haiku-4.5', '--attach', 'nope.png', '--', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('attachment nope.png does not exist');
  });
});

describe('per-model parameter rules, checked before sending', () => {
  it.each([
    [['-m', 'sonnet-4.5', '--temperature', '0.5', '--top-p', '0.9'], 'unsupported-parameter'],
    [['-m', 'opus-4.7', '--temperature', '0.5'], 'unsupported-parameter'],
    [['-m', 'sonnet-4.5', '--thinking', '500'], 'thinking-config'],
    [['-m', 'sonnet-4.5', '--thinking', '4096', '--max-tokens', '4096'], 'thinking-config'],
    [['-m', 'opus-4.7', '--thinking', '4096', '--max-tokens', '8192'], 'thinking-config'],
    [['-m', 'sonnet-4.5', '--thinking', '2048', '--max-tokens', '8192', '--temperature', '0.3'], 'thinking-config'],
    [['-m', 'haiku-4.5', '--max-tokens', '200000'], 'token-limit'],
  ])('%j → exit 4 %s', async (args, cause) => {
    const r = await cli(['converse', ...args, '--json', 'x']);
    expect(r.code).toBe(4);
    expect(lastJsonLine(r.stderr).error.cause).toBe(cause);
    expect(fake.requests).toHaveLength(0);
  });

  it('the configured default max tokens is capped at the model limit instead', async () => {
    const home = await tempDir();
    await writeFile(join(home, '.bedrock-claude.json'), JSON.stringify({ maxTokens: 500000 }));
    await cli(['converse', '-m', 'haiku-4.5', '--no-stream', 'x'], { home });
    expect(fake.lastRequest('Converse')?.body).toMatchObject({ inferenceConfig: { maxTokens: 64000 } });
  });
});

describe('bad input', () => {
  it.each([
    [['converse', '-m', 'haiku-4.5', '   '], /prompt is empty/],
    [['converse', '-m', 'haiku-4.5', '--max-tokens', 'lots', 'x'], /expected a positive integer/],
    [['converse', '-m', 'haiku-4.5', '--max-tokens', '-5', 'x'], /./],
    [['converse', '-m', 'haiku-4.5', '--thinking', 'lots', 'x'], /--thinking expects a token budget/],
  ])('%j → exit 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('binary data on stdin is refused', async () => {
    const r = await cli(['converse', '-m', 'haiku-4.5'], { stdin: '\u0000\u0001binary' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/looks binary/);
  });
});

describe('Bedrock errors', () => {
  it('a ValidationException → exit 5 with the explanation', async () => {
    fake.setWorld({ defaultReply: { error: 'invalidModelId' } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '--json', 'x']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('The provided model identifier is invalid.');
    expect(lastJsonLine(r.stderr).error.exitCode).toBe(5);
  });

  it('access denied → exit 5 no-model-access', async () => {
    fake.setWorld({ modelPatches: { [HAIKU45]: { access: false } } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '--json', 'x']);
    expect(r.code).toBe(5);
    expect(lastJsonLine(r.stderr).error.cause).toBe('no-model-access');
  });

  it('a stream that breaks keeps what was printed, then explains', async () => {
    fake.setWorld({ defaultReply: { text: 'alpha beta gamma delta epsilon zeta eta theta' } });
    fake.setFaults({ breakStream: { afterEvents: 3, mode: 'exception', exceptionType: 'modelStreamErrorException' } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--stream', 'x']);
    expect(r.code).toBe(5);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect('alpha beta gamma delta epsilon zeta eta theta').toContain(r.stdout.trim());
    expect(r.stderr).toMatch(/error: .*ModelStreamErrorException/);
  });
});

describe('real recorded Bedrock bytes through the CLI', () => {
  const recordings = loadRecordings().filter(({ recording }) => ['Converse', 'ConverseStream', 'InvokeModel', 'InvokeModelWithResponseStream'].includes(recording.api) && recording.response.status === 200);

  it.each(recordings.map(({ file, recording }) => [file, recording] as const))('%s', async (_, recording) => {
    fake.respondWith(recordingToResponse(recording));
    const command = recording.api.startsWith('Converse') ? 'converse' : 'invoke';
    const stream = recording.api.endsWith('Stream') ? '--stream' : '--no-stream';
    const r = await cli([command, '-m', 'haiku-4.5', stream, '--json', 'replayed']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const text = stream === '--stream' ? lines.filter((e) => e.type === 'text').map((e) => e.text).join('') : lines[0]!.text;
    const toolUses = stream === '--stream' ? lines.filter((e) => e.type === 'tool_use') : lines[0]!.toolUses;
    expect(text.length + toolUses.length).toBeGreaterThan(0);
    const usage = stream === '--stream' ? lines.find((e) => e.type === 'usage')?.usage : lines[0]!.usage;
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeGreaterThan(0);
  });
});

describe('invoke --api messages (the Messages API on Bedrock)', () => {
  const messagesCli = (args: string[], env: Record<string, string> = {}) =>
    cli(['invoke', '--api', 'messages', ...args], { env: { ...fake.env({ region: 'us-east-1' }), ...env } });

  it('a profile goes to bedrock-runtime /anthropic/v1/messages, signed for "bedrock"', async () => {
    const r = await messagesCli(['-m', 'opus-4.7', '--no-stream', 'Hi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Hello from fake Bedrock.\n');
    const request = fake.lastRequest('Messages')!;
    expect(request.auth).toMatchObject({ kind: 'sigv4', service: 'bedrock', region: 'us-east-1' });
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.body).toEqual({ model: 'global.anthropic.claude-opus-4-7', max_tokens: 4096, messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
  });

  it('the bare in-region ID goes to bedrock-mantle, signed for "bedrock-mantle", streamed as SSE', async () => {
    fake.setWorld({ defaultReply: { text: 'server-sent words' } });
    const r = await messagesCli(['-m', 'anthropic.claude-opus-4-7', '--stream', 'Hi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('server-sent words\n');
    const request = fake.lastRequest('Messages')!;
    expect(request.auth).toMatchObject({ service: 'bedrock-mantle' });
    expect(request.body).toMatchObject({ model: 'anthropic.claude-opus-4-7', stream: true });
  });

  it('betas go in the anthropic-beta header; a Bedrock API key goes as a bearer token', async () => {
    const r = await messagesCli(['-m', 'opus-4.7', '--no-stream', '--beta', 'a-1', '--beta', 'b-2', 'Hi'], fake.env({ region: 'us-east-1', auth: 'bearer' }));
    expect(r.code).toBe(0);
    const request = fake.lastRequest('Messages')!;
    expect(request.headers['anthropic-beta']).toBe('a-1,b-2');
    expect(request.auth.kind).toBe('bearer');
  });

  it('an Anthropic-shaped error is explained, exit 5', async () => {
    fake.setWorld({ defaultReply: { error: { status: 400, name: 'invalid_request_error', message: 'temperature: Extra inputs are not permitted' } } });
    const r = await messagesCli(['-m', 'opus-4.7', '--no-stream', '--json', 'Hi']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('Extra inputs are not permitted');
  });

  it('an ARN-versioned model is refused before sending', async () => {
    const r = await messagesCli(['-m', 'sonnet-4.5', 'Hi']);
    expect(r.code).toBe(4);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('multi-turn', () => {
  it('--continue sends the last exchange back with the new prompt, and keeps the model', async () => {
    const home = await tempDir();
    fake.setWorld({ replies: [{ when: { prompt: 'first question' }, reply: { text: 'first answer' } }] });
    expect((await cli(['converse', '-m', 'haiku-4.5', '--no-stream', 'first question'], { home })).code).toBe(0);
    const r = await cli(['converse', '--continue', '--no-stream', 'second question'], { home });
    expect(r.code).toBe(0);
    const request = fake.lastRequest('Converse')!;
    expect(request.modelId).toBe(`global.${HAIKU45}`);
    expect((request.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: [{ text: 'first question' }] },
      { role: 'assistant', content: [{ text: 'first answer' }] },
      { role: 'user', content: [{ text: 'second question' }] },
    ]);
  });

  it('--conversation <file> reads and appends a conversation file a script can drive', async () => {
    const home = await tempDir();
    for (const prompt of ['one', 'two', 'three']) {
      expect((await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '--conversation', 'chat.json', prompt], { home })).code).toBe(0);
    }
    const { readFile } = await import('node:fs/promises');
    const saved = JSON.parse(await readFile(join(home, 'chat.json'), 'utf8')) as { messages: Array<{ role: string }> };
    expect(saved.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect((fake.lastRequest('Converse')?.body as { messages: unknown[] }).messages).toHaveLength(5);
  });

  it('a damaged conversation file is a usage error', async () => {
    const home = await tempDir();
    await writeFile(join(home, 'chat.json'), '{"messages": [');
    const r = await cli(['converse', '-m', 'haiku-4.5', '--conversation', 'chat.json', 'x'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
  });
});

describe('--cache', () => {
  it('below the model minimum: sent, with a warning that Bedrock will not cache it', async () => {
    const r = await cli(['converse', '-m', 'sonnet-4.5', '--no-stream', '--cache', '--system', 'short', 'x']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the cached prefix is about \d+ tokens, below the [\d,]+ that Claude Sonnet 4.5 needs/);
    expect(fake.lastRequest('Converse')?.body).toMatchObject({ system: [{ text: 'short' }, { cachePoint: { type: 'default' } }] });
  });

  it('above the minimum: no warning', async () => {
    const r = await cli(['converse', '-m', 'sonnet-4.5', '--no-stream', '--cache', '--system', 'word '.repeat(5000), 'x']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
  });
});

describe('actual cost from usage', () => {
  it('prices every usage line on the route used (geographic: +10% from Sonnet 4.5 on)', async () => {
    fake.setWorld({ defaultReply: { text: 'ok', usage: { inputTokens: 1000, outputTokens: 500, cacheReadInputTokens: 2000, cacheWriteInputTokens: 1000 } } });
    const r = await cli(['converse', '-m', 'sonnet-4.5', '--scope', 'geo', '--no-stream', '--json', 'x']);
    // Regional Sonnet 4.5 per 1M: input 3.30, output 16.50, cache read 0.33, cache write (5m) 4.125
    // (pricing-sources.json, us.anthropic.claude-sonnet-4-5-20250929-v1:0):
    // 1000×3.30 + 500×16.50 + 2000×0.33 + 1000×4.125 = 16,335 per 1M → $0.016335
    expect(JSON.parse(r.stdout)).toMatchObject({ modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', costUsd: 0.016335 });
  });

  it('the stderr usage line carries the same cost', async () => {
    fake.setWorld({ defaultReply: { text: 'ok', usage: { inputTokens: 1_000_000, outputTokens: 100_000 } } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', 'x']);
    // Global Haiku 4.5: $1 in, $5 out per 1M → 1.00 + 0.50
    expect(r.stderr).toMatch(/in 1,000,000 · out 100,000 · cache read 0 · \$1\.50/);
  });
});

describe('converse --estimate', () => {
  it('prints the estimate (input counted offline, output at max tokens) beside the actual cost', async () => {
    fake.setWorld({ defaultReply: { text: 'ok', usage: { inputTokens: 10, outputTokens: 100 } } });
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '--estimate', '--max-tokens', '1000', '--json', 'a short prompt']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { costUsd: number; estimate: { inputTokens: number; outputTokens: number; costUsd: number }; estimateDifferenceUsd: number };
    expect(out.estimate.outputTokens).toBe(1000);
    expect(out.estimate.inputTokens).toBeGreaterThan(0);
    // Haiku 4.5 global: $1 in / $5 out per 1M; actual 10 in + 100 out = $0.00051.
    expect(out.costUsd).toBeCloseTo(0.00051, 12);
    expect(out.estimate.costUsd).toBeGreaterThan(out.costUsd);
    expect(out.estimateDifferenceUsd).toBeCloseTo(out.costUsd - out.estimate.costUsd, 12);
  });

  it('on a terminal-less run the comparison is one stderr line', async () => {
    const r = await cli(['converse', '-m', 'haiku-4.5', '--no-stream', '--estimate', 'hello']);
    expect(r.stderr).toMatch(/estimate ≤ \$[\d.]+ \(in ~\d+, out ≤ [\d,]+\) · actual \$[\d.]+ · \$[\d.]+ under the estimate/);
  });
});

describe('a Messages-API model that Bedrock refuses on Converse', () => {
  it('converse fails (exit 5) and the fix names invoke and --api messages', async () => {
    // Whether Sonnet 5 takes Converse is not documented (research: messages-endpoint §3); the
    // default fake world refuses it there.
    const r = await cli(['converse', '-m', 'sonnet-5', '--no-stream', 'hi']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/ValidationException: This action doesn't support the model/);
    expect(r.stderr).toMatch(/fix: .*bedrock-claude invoke -m sonnet-5/);
    // …and the fix works.
    const invoked = await cli(['invoke', '-m', 'sonnet-5', '--no-stream', 'hi']);
    expect(invoked.code).toBe(0);
  });
});
