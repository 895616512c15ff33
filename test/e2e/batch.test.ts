// batch submit → wait → results end to end: the built binary, the real S3 and Bedrock SDK clients,
// and the fake Bedrock's batch jobs and S3 (it "runs" a job by answering each record).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fake-bedrock/server.js';
import { FAKE_BATCH_BUCKET } from '../fake-bedrock/world.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ROLE = 'arn:aws:iam::123456789012:role/BedrockBatchRole';
const S3 = `s3://${FAKE_BATCH_BUCKET}/jobs`;

const prompts = (n: number, text = (i: number) => `prompt ${i}`) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `item-${i}`, prompt: text(i) })).join('\n');

async function cli(args: string[], options: { stdin?: string; home?: string } = {}) {
  return runCli(args, { home: options.home ?? (await tempDir()), stdin: options.stdin, env: fake.env({ region: 'us-east-1' }) });
}

async function submit(input: string, extra: string[] = [], home?: string) {
  return cli(['batch', 'submit', '--input', '-', '-m', 'haiku-4.5', '--s3', S3, '--role-arn', ROLE, '--job-name', 'nightly-run', ...extra], { stdin: input, home });
}

describe('batch submit', () => {
  it('converts the JSONL to records, uploads them and creates the job; stdout is the job ARN', async () => {
    const r = await submit(prompts(120), ['--max-tokens', '200']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:model-invocation-job\/[a-z0-9]+\n$/);
    expect(r.stderr).toMatch(/submitted 120 records as nightly-run/);
    expect(r.stderr).toMatch(/no verified Bedrock batch price/);

    const uploaded = fake.s3.get(FAKE_BATCH_BUCKET, 'jobs/nightly-run/input/records.jsonl')!.toString('utf8').trim().split('\n');
    expect(uploaded).toHaveLength(120);
    expect(JSON.parse(uploaded[7]!)).toEqual({
      recordId: 'R0000000007',
      modelInput: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 200, messages: [{ role: 'user', content: [{ type: 'text', text: 'prompt 7' }] }] },
    });
    expect(fake.lastRequest('CreateModelInvocationJob')?.body).toMatchObject({
      jobName: 'nightly-run',
      roleArn: ROLE,
      modelId: 'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      inputDataConfig: { s3InputDataConfig: { s3Uri: `${S3}/nightly-run/input/` } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: `${S3}/nightly-run/output/` } },
    });
  });

  it('--json gives the job, the record count and the estimate', async () => {
    const r = await submit(prompts(100), ['--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ jobName: 'nightly-run', records: 100, modelId: 'global.anthropic.claude-haiku-4-5-20251001-v1:0', priceBasis: 'on-demand', estimatedCostUsd: expect.any(Number) });
  });

  it('large inputs go up in parts (multipart upload)', async () => {
    const r = await submit(prompts(110, (i) => `${i} ${'lorem ipsum '.repeat(5000)}`));
    expect(r.code).toBe(0);
    expect(fake.requestsFor('CreateMultipartUpload')).toHaveLength(1);
    expect(fake.requestsFor('UploadPart').length).toBeGreaterThan(1);
    expect(fake.s3.get(FAKE_BATCH_BUCKET, 'jobs/nightly-run/input/records.jsonl')!.toString('utf8').trim().split('\n')).toHaveLength(110);
  });

  it.each([
    ['too few records', prompts(10), [], 4, /10 records: a batch job needs at least 100/],
    ['an invalid line', `${prompts(120)}\nnot json`, [], 2, /line 121: line 121 is not JSON/],
    ['a missing role', prompts(120), ['--role-arn', ''], 2, /needs --role-arn/],
    ['a malformed role ARN', prompts(120), ['--role-arn', 'BedrockBatchRole'], 2, /is not an IAM role ARN/],
    ['a bad S3 URI', prompts(120), ['--s3', 'https://bucket/x'], 2, /is not an S3 URI/],
    ['an invalid bucket name', prompts(120), ['--s3', 's3://No_Such/x'], 2, /not a valid bucket name/],
    ['a parameter a model refuses', prompts(120), ['--temperature', '0.5', '-m', 'opus-4.7'], 4, /sampling parameters/],
  ])('%s → exit %i before anything is uploaded', async (_, input, extra, code, message) => {
    const r = await submit(input, extra);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(fake.s3.list(FAKE_BATCH_BUCKET)).toHaveLength(0);
    expect(fake.requestsFor('CreateModelInvocationJob')).toHaveLength(0);
  });

  it('--min-records follows an account quota', async () => {
    expect((await submit(prompts(10), ['--min-records', '5'])).code).toBe(0);
  });
});

describe('submit → wait → results', () => {
  it('polls to Completed, then prints one result line per input in input order, with ids and cost', async () => {
    const home = await tempDir();
    fake.setWorld({ replies: [{ when: { prompt: /^prompt (\d+)$/ }, reply: { text: 'answered', usage: { inputTokens: 10, outputTokens: 20 } } }] });
    const submitted = await submit(prompts(120), ['--wait', '--poll-interval', '0.01'], home);
    expect(submitted.code).toBe(0);
    const [arn, status] = submitted.stdout.trim().split('\n').pop()!.split('\t');
    expect(status).toBe('Completed');
    expect(fake.requestsFor('GetModelInvocationJob').length).toBeGreaterThan(2);

    const r = await cli(['batch', 'results', arn!], { home });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { index: number; id: string; text: string; costUsd: number; usage: { inputTokens: number } });
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 120 }, (_, i) => `item-${i}`));
    expect(lines[0]).toMatchObject({ text: 'answered', usage: { inputTokens: 10 } });
    // Haiku 4.5 global, on-demand: 10 × $1 + 20 × $5 per 1M = $0.00011 a record.
    expect(lines[0]!.costUsd).toBeCloseTo(0.00011, 12);
    expect(r.stderr).toMatch(/120 records · 0 failed/);
  });

  it('failed records get an error line, the others are kept; exit 5', async () => {
    const home = await tempDir();
    fake.setWorld({ replies: [{ when: { prompt: /^prompt 3$/ }, reply: { error: 'throttling' } }] });
    const submitted = await submit(prompts(100), ['--wait', '--poll-interval', '0.01'], home);
    const arn = submitted.stdout.trim().split('\n')[0]!;
    const r = await cli(['batch', 'results', arn], { home });
    expect(r.code).toBe(5);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { index: number; error?: { cause: string } });
    expect(lines).toHaveLength(100);
    expect(lines[3]?.error?.cause).toBe('throttling');
    expect(lines.filter((l) => l.error)).toHaveLength(1);
  });

  it('a job that fails validation: --wait exits 5 with its message', async () => {
    fake.setWorld({ batchMinRecords: 1000 });
    const r = await submit(prompts(120), ['--wait', '--poll-interval', '0.01']);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/\tFailed\n$/);
    expect(r.stderr).toMatch(/message: /);
  });

  it('results before the job has output say to wait', async () => {
    const submitted = await submit(prompts(100));
    const r = await cli(['batch', 'results', submitted.stdout.trim()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no output yet[\s\S]*--wait/);
  });
});

describe('status, list, cancel', () => {
  it('status without a job shows the latest; list shows jobs; cancel stops one', async () => {
    const first = (await submit(prompts(100))).stdout.trim();
    const status = await cli(['batch', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ jobArn: first, jobName: 'nightly-run' });

    const list = await cli(['batch', 'list', '--json']);
    expect((JSON.parse(list.stdout) as Array<{ jobArn: string }>).map((j) => j.jobArn)).toContain(first);

    const cancelled = await cli(['batch', 'cancel', first]);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toMatch(/\t(Stopping|Stopped)\n$/);
    expect(fake.requestsFor('StopModelInvocationJob')).toHaveLength(1);
  });

  it('an unknown job → exit 5 with the explanation', async () => {
    const r = await cli(['batch', 'status', 'abcdefghijkl']);
    expect(r.code).toBe(5);
  });
});
