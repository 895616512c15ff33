// End-to-end: `cost estimate` as a user runs it: offline, no credentials, no region needed.
// (--exact against the fake Bedrock is tested separately.)
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { readLoggerOptions, readsIn } from '../helpers/reads.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

async function cli(args: string[], options: { env?: Record<string, string>; files?: Record<string, string | Uint8Array>; stdin?: string } = {}) {
  const home = await tempDir();
  const text: Record<string, string> = {};
  for (const [path, content] of Object.entries(options.files ?? {})) {
    if (typeof content === 'string') text[path] = content;
  }
  await writeTree(home, text);
  for (const [path, content] of Object.entries(options.files ?? {})) {
    if (typeof content !== 'string') await writeFile(`${home}/${path}`, content);
  }
  return { home, ...(await runCli(['cost', 'estimate', ...args], { home, env: options.env, stdin: options.stdin })) };
}

const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;
const AFTER_PROMO = ['--date', '2026-11-21'];

// The first 33 bytes of a PNG (signature and IHDR): all the header reader needs.
const png = (w: number, h: number) => {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return new Uint8Array(b);
};

describe('cost estimate: token counts', () => {
  it('--json has the documented fields; with no region it prices the global route and says so', async () => {
    const r = await cli(['-m', 'sonnet-4.5', '--input-tokens', '12000', '--output-tokens', '800', '--json', ...AFTER_PROMO]);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['modelId', 'scope', 'inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'batch', 'costUsd', 'pricesAsOf', 'priceSource']),
    );
    // global.anthropic.claude-sonnet-4-5…: 3 / 15 → 12,000×3 + 800×15 per 1M
    expect(out).toMatchObject({
      modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      scope: 'global',
      inputTokens: 12000,
      outputTokens: 800,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      batch: false,
      costUsd: { input: 0.036, output: 0.012, cacheRead: 0, cacheWrite: 0, total: 0.048 },
      pricesAsOf: '2026-08-21',
      region: null,
      tokenCountMethod: 'given',
    });
    expect(out.priceSource).toMatch(/genai-prices/);
    expect(r.stderr).toMatch(/no region set: pricing the global route .* without region checks/);
  });

  it('with a region the resolver picks the route: geographic scope costs 10% more', async () => {
    const r = await cli(['-m', 'sonnet-4.5', '--scope', 'geo', '--region', 'eu-west-1', '--input-tokens', '12000', '--output-tokens', '800', '--json']);
    expect(r.code).toBe(0);
    // eu.anthropic.claude-sonnet-4-5…: 3.3 / 16.5
    expect(json(r.stdout)).toMatchObject({ modelId: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0', scope: 'geo', region: 'eu-west-1', costUsd: { total: 0.0528 } });
    expect(r.stderr).not.toMatch(/no region set/);
  });

  it('a wrong route is still refused before pricing (exit 4)', async () => {
    const r = await cli(['-m', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', '--region', 'eu-central-1', '--input-tokens', '10']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('eu.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it('cache reads and 1-hour writes; piped output is tab-separated', async () => {
    const r = await cli(['-m', 'sonnet-4.5', '--input-tokens', '10000', '--output-tokens', '2000', '--cache-read-tokens', '50000', '--cache-write-tokens', '20000', '--cache-ttl', '1h']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    for (const line of lines) expect(line).toHaveLength(4);
    expect(lines).toContainEqual(['cache write (1h)', '20,000', '$6.00', '$0.12']);
    expect(lines).toContainEqual(['cache read', '50,000', '$0.30', '$0.015']);
    expect(lines).toContainEqual(['total per request', '82,000', '', '$0.195']);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it("Sonnet 5's promotional price applies on its dates", async () => {
    const promo = json((await cli(['-m', 'sonnet-5', '--input-tokens', '1000000', '--output-tokens', '1000000', '--date', '2026-08-31', '--json'])).stdout);
    const after = json((await cli(['-m', 'sonnet-5', '--input-tokens', '1000000', '--output-tokens', '1000000', '--date', '2026-09-01', '--json'])).stdout);
    expect([promo.costUsd.total, after.costUsd.total]).toEqual([12, 18]);
    expect(promo.priceRow).toMatchObject({ validTo: '2026-08-31' });
  });

  it('long context: Sonnet 4.5 above 200K input prices every line at the higher rates', async () => {
    const r = await cli(['-m', 'sonnet-4.5', '--input-tokens', '250000', '--output-tokens', '4000', '--json']);
    expect(json(r.stdout)).toMatchObject({ longContext: true, costUsd: { input: 1.5, output: 0.09, total: 1.59 } });
    expect(r.stderr).toMatch(/1M-context beta/);
  });

  it('--max-tokens prices the worst case; --thinking-budget adds thinking to expected output', async () => {
    const worst = json((await cli(['-m', 'haiku-4.5', '--input-tokens', '1000', '--max-tokens', '4000', '--json'])).stdout);
    expect(worst).toMatchObject({ outputTokens: 4000, tokenCount: { output: { basis: 'max-tokens' } }, costUsd: { output: 0.02 } });
    const thinking = json((await cli(['-m', 'haiku-4.5', '--input-tokens', '1000', '--output-tokens', '500', '--thinking-budget', '2000', '--json'])).stdout);
    expect(thinking).toMatchObject({ outputTokens: 2500, tokenCount: { output: { basis: 'given+thinking' } } });
  });
});

describe('cost estimate: text and attachments', () => {
  it('counts stdin offline, labelled as an estimate with its method', async () => {
    const r = await cli(['-m', 'haiku-4.5', '--output-tokens', '0', '-', '--json'], { stdin: 'a'.repeat(340) });
    expect(r.code).toBe(0);
    // 340 characters ÷ 3.4 characters per token = 100 tokens; Haiku 4.5 global: $1 per 1M
    expect(json(r.stdout)).toMatchObject({ inputTokens: 100, tokenCountMethod: 'offline-estimate', costUsd: { input: 0.0001 } });
    expect(r.stderr).toMatch(/input stdin: 100 tokens, offline estimate: 3.4 characters per token/);
    expect(r.stderr).toMatch(/add --exact/);
  });

  it('reads stdin when nothing else is given', async () => {
    const r = await cli(['-m', 'opus-4.7', '--json'], { stdin: 'b'.repeat(250) });
    // Opus 4.7 uses the newer tokenizer: 2.5 characters per token
    expect(json(r.stdout)).toMatchObject({ inputTokens: 100, outputTokens: 0 });
    expect(r.stderr).toMatch(/output: none given/);
  });

  it('an argument, a prompt file and --input-tokens add up', async () => {
    const r = await cli(['-m', 'haiku-4.5', 'x'.repeat(34), '--input-tokens', '5', '--json'], {});
    expect(json(r.stdout)).toMatchObject({ inputTokens: 15, tokenCountMethod: 'given+offline-estimate' });
    const file = await cli(['-m', 'haiku-4.5', '--prompt-file', 'p.txt', '--json'], { files: { 'p.txt': 'y'.repeat(68) } });
    expect(json(file.stdout)).toMatchObject({ inputTokens: 20 });
  });

  it('--attach: image tokens from the header, PDFs by pages, text files counted', async () => {
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n';
    const r = await cli(['-m', 'haiku-4.5', '--attach', 'a.png', 'b.pdf', 'c.md', '--json'], { files: { 'a.png': png(1000, 1000), 'b.pdf': pdf, 'c.md': 'z'.repeat(34) } });
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    // 1,296 (36×36 patches) + 2 pages × 3,000 + 10
    expect(out.inputTokens).toBe(7306);
    expect(out.tokenCount.input.map((p: { source: string; tokens: number }) => [p.source, p.tokens])).toEqual([['a.png', 1296], ['b.pdf', 6000], ['c.md', 10]]);
    expect(r.stderr).toMatch(/2 pages × 3,000 tokens \(upper end of Anthropic's 1,500–3,000 per page/);
  });

  it('large images are resized as Anthropic documents (high-resolution tier for Opus 4.7+)', async () => {
    const r = await cli(['-m', 'opus-4.7', '--attach', 'big.png', '--json'], { files: { 'big.png': png(3840, 2160) } });
    expect(json(r.stdout).inputTokens).toBe(4784);
    expect(r.stderr).toContain('resized to 2576×1449');
  });
});

describe('cost estimate: workloads, credits, compare', () => {
  it('--requests/--per month: per request, per day and per month', async () => {
    const r = await cli(['-m', 'sonnet-4.5', '--input-tokens', '12000', '--output-tokens', '800', '--requests', '1000', '--per', 'month', '--json']);
    expect(json(r.stdout).workload).toEqual({
      requests: 1000,
      per: 'month',
      requestsPerDay: 1000 / 30,
      requestsPerMonth: 1000,
      daysPerMonth: 30,
      costUsd: { perRequest: 0.048, daily: 1.6, monthly: 48 },
    });
  });

  it('--credits: how long the pool lasts, as data on stdout', async () => {
    const r = await cli(['-m', 'sonnet-4.5', '--input-tokens', '12000', '--output-tokens', '800', '--requests', '1000', '--credits', '5000']);
    const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(lines).toContainEqual(['per day (1,000 requests)', '12,800,000', '', '$48.00']);
    expect(lines).toContainEqual(['per month (30,000 requests, 30 days)', '384,000,000', '', '$1,440.00']);
    expect(lines).toContainEqual(['$5,000.00 credits last', '', '', '3.5 months (104.2 days)']);
    const data = json((await cli(['-m', 'sonnet-4.5', '--input-tokens', '12000', '--output-tokens', '800', '--credits', '5000', '--json'])).stdout);
    expect(data.credits).toEqual({ usd: 5000, requests: 104166, lastsDays: null, lastsMonths: null });
  });

  it('--compare: current Haiku, Sonnet and Opus on each scope, cheapest first, with the difference', async () => {
    const r = await cli(['--compare', '--input-tokens', '5000', '--output-tokens', '500', '--requests', '20000', '--credits', '10000', '--json', ...AFTER_PROMO]);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    const rows = out.rows as Array<Record<string, any>>;
    expect(rows.map((row) => `${row.name}/${row.scope}`)).toEqual([
      'Claude Haiku 4.5/global',
      'Claude Haiku 4.5/geo',
      'Claude Sonnet 5/global',
      'Claude Sonnet 5/geo',
      'Claude Opus 5/global',
      'Claude Opus 5/geo',
    ]);
    expect(out).toMatchObject({ basis: 'monthly', cheapest: 'global.anthropic.claude-haiku-4-5-20251001-v1:0' });
    // Haiku 4.5 global: 5,000×1 + 500×5 per 1M = $0.0075; × 20,000 × 30 = $4,500 a month
    expect(rows[0]).toMatchObject({ differenceUsd: 0, differencePercent: 0, workload: { costUsd: { perRequest: 0.0075, monthly: 4500 } } });
    expect(rows[1]).toMatchObject({ differenceUsd: 450, differencePercent: 10 });
    expect(rows[4]).toMatchObject({ differenceUsd: 18000, differencePercent: 400, credits: { lastsDays: 13.33 } });
  });

  it('--compare with a region and extra -m models; piped as TSV', async () => {
    const r = await cli(['--compare', '-m', 'sonnet-4.5', '-m', 'opus-4.6', '--region', 'ap-northeast-1', '--input-tokens', '5000', '--output-tokens', '500', ...AFTER_PROMO]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    const ids = lines.map((l) => l[2]);
    expect(ids).toContain('jp.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(ids).toContain('global.anthropic.claude-opus-4-6-v1');
    expect(lines[0]?.[5]).toBe('+$0.00');
    for (const line of lines) expect(line).toHaveLength(6);
  });
});

describe('cost estimate: prices', () => {
  it('--batch with no known batch price: on-demand prices, loudly labelled', async () => {
    const r = await cli(['-m', 'haiku-4.5', '--input-tokens', '1000', '--output-tokens', '100', '--batch', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ batch: true, batchPriceKnown: false, costUsd: { total: 0.0015 } });
    expect(r.stderr).toMatch(/warning: BATCH PRICE UNKNOWN: .*ON-DEMAND prices/);
    const table = await cli(['-m', 'haiku-4.5', '--input-tokens', '1000', '--batch']);
    expect(table.stdout).toContain('total per request (ON-DEMAND price: no batch price known)');
  });

  it('--prices overrides the catalog for the models it names, with its source and date', async () => {
    const prices = JSON.stringify({ source: 'ACME addendum', asOf: '2026-07-01', models: { 'haiku-4.5': { '*': { input: 0.8, output: 4, batch: { input: 0.4, output: 2 } } } } });
    const r = await cli(['-m', 'haiku-4.5', '--input-tokens', '1000', '--output-tokens', '100', '--batch', '--prices', 'p.json', '--json'], { files: { 'p.json': prices } });
    expect(json(r.stdout)).toMatchObject({ batchPriceKnown: true, costUsd: { input: 0.0004, output: 0.0002, total: 0.0006 }, pricesAsOf: '2026-07-01', priceSource: 'ACME addendum (--prices p.json)' });
  });

  it('a model without a known price says so: exit 0, costs null, never $0', async () => {
    const r = await cli(['-m', 'fable-5.1', '--input-tokens', '1000', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ costUsd: { input: null, output: null, cacheRead: null, cacheWrite: null, total: null }, priceSource: null, pricesAsOf: null });
    expect(r.stderr).toMatch(/warning: no known price for Claude Fable 5.1/);
    const table = await cli(['-m', 'fable-5.1', '--input-tokens', '1000']);
    expect(table.stdout).toContain('no known price');
    expect(table.stdout).not.toMatch(/\$0\.00/);
  });
});

describe('cost estimate: bad input', () => {
  it.each([
    [['--input-tokens', '-5'], /argument '-5' is invalid/],
    [['--input-tokens', 'abc'], /argument 'abc' is invalid/],
    [['--output-tokens', '1.5'], /expected a whole number/],
    [['--cache-ttl', '2h', '--input-tokens', '1'], /Allowed choices are 5m, 1h/],
    [['--input-tokens', '1', '--per', 'day'], /--per needs --requests/],
    [['-m', 'haiku', '-m', 'opus', '--input-tokens', '1'], /-m was given 2 times/],
    [['--input-tokens', '1', '--output-tokens', '1', '--max-tokens', '5'], /both set the output/],
    [['--prompt-file', 'missing.txt'], /cannot read --prompt-file missing.txt: no such file/],
    [['--attach', 'missing.png'], /cannot read attachment missing.png/],
    [['--input-tokens', '1', '--prices', 'missing.json'], /cannot read --prices file/],
    [['--input-tokens', '1', '--date', 'tomorrow'], /--date "tomorrow" is not a date/],
    [['--input-tokens', '1', '--credits', '0'], /--credits must be more than 0/],
  ])('%j → exit 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('no tokens and no text: exit 2 with what to give', async () => {
    const r = await cli(['-m', 'sonnet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: nothing to estimate: no token counts and no text');
    expect(r.stderr).toMatch(/fix: Give token counts \(--input-tokens/);
  });

  it('an attachment it cannot count is a usage error', async () => {
    const r = await cli(['--attach', 'x.bin'], { files: { 'x.bin': new Uint8Array([0, 1, 2, 3, 255, 0]) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot count tokens for x.bin/);
  });

  it('an invalid --prices file names the file and the key', async () => {
    const r = await cli(['--input-tokens', '1', '--prices', 'p.json', '--json'], { files: { 'p.json': '{"models":{"haiku-4.5":{"global":{"input":"cheap","output":1}}}}' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--prices p.json: models."haiku-4.5".global.input must be a number ≥ 0');
    expect(r.stderr).toMatch(/"exitCode":2/);
  });

  it('--exact needs a region (exit 3) and says where to set one', async () => {
    const r = await cli(['-m', 'haiku-4.5', 'hello', '--exact']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no AWS region is set');
  });
});

describe('cost estimate loads no AWS SDK', () => {
  it('reads the CLI bundle and never the vendor bundle, where the SDK is', async () => {
    const home = await tempDir();
    const r = await runCli(['cost', 'estimate', '-m', 'sonnet', 'hello', '--compare', '--region', 'us-east-1'], { home, env: { NODE_OPTIONS: await readLoggerOptions(home) } });
    expect(r.code).toBe(0);
    const read = readsIn(r.stderr).map((path) => basename(path));
    expect(read).toContain('cli.cjs');
    expect(read).not.toContain('vendor.cjs');
    expect(await readFile(join(dirname(BIN), '..', 'dist', 'vendor.cjs'), 'utf8')).toContain('AmazonBedrockFrontendService'); // where the SDK is
  });
});

