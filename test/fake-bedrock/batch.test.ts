// Batch inference (model invocation jobs) through the real @aws-sdk/client-bedrock,
// with inputs and outputs in the fake S3 (@aws-sdk/client-s3, lib-storage).
import {
  BedrockClient,
  ConflictException,
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  ListModelInvocationJobsCommand,
  paginateListModelInvocationJobs,
  ResourceNotFoundException,
  StopModelInvocationJobCommand,
  ValidationException,
  type CreateModelInvocationJobCommandInput,
  type GetModelInvocationJobCommandOutput,
  type ModelInvocationJobStatus,
} from '@aws-sdk/client-bedrock';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig } from './clients.js';
import { DEFAULT_MODELS, FAKE_BATCH_BUCKET, startFakeBedrock, type BatchOutputLine, type FakeBedrock } from './server.js';

const BUCKET = FAKE_BATCH_BUCKET;
const ROLE = 'arn:aws:iam::123456789012:role/BedrockBatchRole';
const REGION = 'us-east-1';
let fake: FakeBedrock;
let bedrock: BedrockClient;
let s3: S3Client;

beforeAll(async () => {
  fake = await startFakeBedrock({ world: { batchMinRecords: 5, s3Buckets: [BUCKET, 'outputs', { name: 'locked', forbidden: true }] } });
  bedrock = new BedrockClient(sdkConfig(fake, { region: REGION }));
  s3 = new S3Client({ ...sdkConfig(fake, { region: REGION }), forcePathStyle: true });
});
afterAll(async () => {
  bedrock.destroy();
  s3.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

const record = (i: number, prompt = `Question ${i}?`) => ({
  recordId: `REC${String(i).padStart(8, '0')}`,
  modelInput: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }] },
});
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const records = (n: number) => Array.from({ length: n }, (_, i) => record(i));

/** Upload through lib-storage, as the CLI does. */
async function upload(key: string, body: string, bucket = BUCKET): Promise<void> {
  await new Upload({ client: s3, params: { Bucket: bucket, Key: key, Body: Buffer.from(body) } }).done();
}

function jobInput(over: Partial<CreateModelInvocationJobCommandInput> = {}): CreateModelInvocationJobCommandInput {
  return {
    jobName: 'nightly-eval-1',
    roleArn: ROLE,
    modelId: DEFAULT_MODELS.HAIKU45,
    inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/in/input.jsonl` } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${BUCKET}/out/` } },
    ...over,
  };
}

const create = async (over: Partial<CreateModelInvocationJobCommandInput> = {}) =>
  (await bedrock.send(new CreateModelInvocationJobCommand(jobInput(over)))).jobArn ?? '';
const get = (jobIdentifier: string) => bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier }));

/** Poll (never more than `max` times) until the job ends; the statuses seen, in order. */
async function pollToEnd(arn: string, max = 20): Promise<{ statuses: ModelInvocationJobStatus[]; job: GetModelInvocationJobCommandOutput }> {
  const statuses: ModelInvocationJobStatus[] = [];
  for (let i = 0; i < max; i++) {
    const job = await get(arn);
    statuses.push(job.status as ModelInvocationJobStatus);
    if (['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'].includes(job.status ?? '')) return { statuses, job };
  }
  throw new Error(`job did not end: ${statuses.join(' ')}`);
}

async function readText(key: string, bucket = BUCKET): Promise<string> {
  const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await r.Body?.transformToString()) ?? '';
}
const parseLines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as BatchOutputLine);
const jobId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

describe('a batch job from create to outputs', () => {
  it('runs Submitted → Validating → InProgress → Completed, one step per poll, and writes outputs + manifest', async () => {
    await upload('in/input.jsonl', jsonl(records(20)));
    fake.reply({ text: 'Paris.', usage: { inputTokens: 12, outputTokens: 3 } }, { prompt: 'Question 7?' });
    const arn = await create({ tags: [{ key: 'team', value: 'eval' }] });
    expect(arn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:model-invocation-job\/[a-z0-9]{12}$/);
    const id = jobId(arn);

    const first = await get(arn);
    expect(first).toMatchObject({
      jobArn: arn,
      jobName: 'nightly-eval-1',
      modelId: DEFAULT_MODELS.HAIKU45,
      roleArn: ROLE,
      status: 'Submitted',
      inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/in/input.jsonl`, s3InputFormat: 'JSONL' } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${BUCKET}/out/` } },
      timeoutDurationInHours: 168,
      totalRecordCount: 0,
    });
    expect(first.submitTime).toBeInstanceOf(Date);
    expect(first.jobExpirationTime?.getTime()).toBe((first.submitTime?.getTime() ?? 0) + 168 * 3600_000);
    expect(first.endTime).toBeUndefined();
    expect(first.clientRequestToken).toBeTruthy(); // the SDK fills in the idempotency token
    expect(fake.s3.list(BUCKET, 'out/')).toEqual([]);

    const { statuses, job } = await pollToEnd(arn);
    expect(['Submitted', ...statuses]).toEqual(['Submitted', 'Validating', 'InProgress', 'Completed']);
    expect(job).toMatchObject({ totalRecordCount: 20, processedRecordCount: 20, successRecordCount: 20, errorRecordCount: 0 });
    expect(job.endTime).toBeInstanceOf(Date);
    expect(job.message).toBeUndefined();

    expect(fake.s3.list(BUCKET, 'out/')).toEqual([`out/${id}/input.jsonl.out`, `out/${id}/manifest.json.out`]);
    const lines = parseLines(await readText(`out/${id}/input.jsonl.out`));
    expect(lines).toHaveLength(20);
    expect(lines.map((l) => l.recordId).sort()).toEqual(records(20).map((r) => r.recordId));
    expect(lines.map((l) => l.recordId)).not.toEqual(records(20).map((r) => r.recordId)); // order is not guaranteed
    const seven = lines.find((l) => l.recordId === 'REC00000007');
    expect(seven?.modelInput).toEqual(record(7).modelInput);
    expect(seven?.modelOutput).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5-20251001',
      content: [{ type: 'text', text: 'Paris.' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 12, output_tokens: 3 },
    });
    expect(lines.find((l) => l.recordId === 'REC00000001')?.modelOutput).toMatchObject({ content: [{ type: 'text', text: 'Hello from fake Bedrock.' }] });
    expect(Object.keys(lines[0] ?? {})).toEqual(['recordId', 'modelInput', 'modelOutput']);

    const manifest = JSON.parse(await readText(`out/${id}/manifest.json.out`)) as Record<string, number>;
    expect(manifest).toMatchObject({ totalRecordCount: 20, processedRecordCount: 20, successRecordCount: 20, errorRecordCount: 0 });
    expect(Object.keys(manifest)).toEqual(['totalRecordCount', 'processedRecordCount', 'successRecordCount', 'errorRecordCount', 'inputTokenCount', 'outputTokenCount']);
    expect(manifest.outputTokenCount).toBeGreaterThan(3);

    // Terminal: further polls change nothing.
    expect((await get(id)).status).toBe('Completed');
    expect(fake.requestsFor('GetModelInvocationJob').at(-1)).toMatchObject({ path: `/model-invocation-job/${id}`, region: REGION, response: { status: 200 } });
    expect(fake.lastRequest('CreateModelInvocationJob')).toMatchObject({
      method: 'POST',
      path: '/model-invocation-job',
      body: { jobName: 'nightly-eval-1', roleArn: ROLE, tags: [{ key: 'team', value: 'eval' }] },
      headers: { authorization: 'REDACTED' },
    });
  });

  it('records errors per record (reply rules with an error, malformed modelInput) and ends PartiallyCompleted', async () => {
    const bad = record(3);
    delete (bad.modelInput as Partial<typeof bad.modelInput>).max_tokens;
    await upload('in/input.jsonl', jsonl([...records(3), bad, record(4, 'please throttle me'), record(5)]));
    fake.reply({ error: 'throttling' }, { prompt: 'throttle', test: (ctx) => ctx.batch !== undefined });
    const arn = await create();
    const { statuses, job } = await pollToEnd(arn);
    expect(statuses.at(-1)).toBe('PartiallyCompleted');
    expect(job).toMatchObject({ totalRecordCount: 6, processedRecordCount: 6, successRecordCount: 4, errorRecordCount: 2 });
    const lines = parseLines(fake.s3.get(BUCKET, `out/${jobId(arn)}/input.jsonl.out`)?.toString() ?? '');
    const byId = new Map(lines.map((l) => [l.recordId, l]));
    expect(byId.get('REC00000003')).toEqual({
      recordId: 'REC00000003',
      modelInput: bad.modelInput,
      error: { errorCode: 400, errorMessage: 'Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.' },
    });
    expect(byId.get('REC00000004')?.error).toEqual({ errorCode: 429, errorMessage: 'Too many requests, please wait before trying again.' });
    expect(byId.get('REC00000004')?.modelOutput).toBeUndefined();
    const manifest = JSON.parse(fake.s3.get(BUCKET, `out/${jobId(arn)}/manifest.json.out`)?.toString() ?? '{}') as Record<string, number>;
    expect(manifest).toMatchObject({ successRecordCount: 4, errorRecordCount: 2 });
  });

  it('reads every .jsonl under an input prefix, one output per file; Converse jobs answer in Converse shape', async () => {
    await upload('batch/a.jsonl', jsonl(records(3)));
    await upload('batch/sub/b.jsonl', jsonl([3, 4].map((i) => ({ recordId: `B${i}`, modelInput: { messages: [{ role: 'user', content: [{ text: `q${i}` }] }] } }))));
    fake.s3.put(BUCKET, 'batch/notes.txt', 'ignored');
    // a.jsonl holds InvokeModel bodies: as Converse input they are still valid (messages, first user).
    const arn = await create({
      inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/batch/` } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://outputs/results' } },
      modelInvocationType: 'Converse',
      modelId: `us.${DEFAULT_MODELS.SONNET45}`,
    });
    const { job } = await pollToEnd(arn);
    expect(job).toMatchObject({ status: 'Completed', modelInvocationType: 'Converse', totalRecordCount: 5 });
    const id = jobId(arn);
    expect(fake.s3.list('outputs')).toEqual([`results/${id}/a.jsonl.out`, `results/${id}/b.jsonl.out`, `results/${id}/manifest.json.out`]);
    const b = parseLines(fake.s3.get('outputs', `results/${id}/b.jsonl.out`)?.toString() ?? '');
    expect(b.find((l) => l.recordId === 'B4')?.modelOutput).toMatchObject({
      output: { message: { role: 'assistant', content: [{ text: 'Hello from fake Bedrock.' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
    });
  });

  it('gives records without a recordId an 11-character one', async () => {
    await upload('in/input.jsonl', jsonl(records(5).map((r) => ({ modelInput: r.modelInput }))));
    const arn = await create();
    await pollToEnd(arn);
    const lines = parseLines(fake.s3.get(BUCKET, `out/${jobId(arn)}/input.jsonl.out`)?.toString() ?? '');
    expect(lines.every((l) => /^[A-Z0-9]{11}$/.test(l.recordId))).toBe(true);
  });
});

describe('job validation', () => {
  it('fails jobs with too few records, a malformed line or a record without modelInput', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['few', jsonl(records(4)), /^The number of records in the input \(4\) is less than the minimum of 5 records/],
      ['malformed', jsonl(records(5)) + '{"recordId": "X", "modelInput": \n', /^Malformed JSON at line 6 of s3:\/\/fake-bedrock-batch\/in\/malformed.jsonl/],
      ['nomodelinput', jsonl([...records(5), { recordId: 'X' }]), /line 6 .* missing the required field modelInput/],
    ];
    for (const [name, body, message] of cases) {
      await upload(`in/${name}.jsonl`, body);
      const arn = await create({ jobName: name, inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/in/${name}.jsonl` } } });
      const { statuses, job } = await pollToEnd(arn);
      expect(statuses).toEqual(['Submitted', 'Validating', 'Failed']);
      expect(job.message).toMatch(message);
      expect(job.endTime).toBeInstanceOf(Date);
    }
    expect(fake.s3.list(BUCKET, 'out/')).toEqual([]);
  });

  it('rejects bad requests at create with ValidationException (fields, model, S3 locations)', async () => {
    await upload('in/input.jsonl', jsonl(records(5)));
    const reject = (over: Partial<CreateModelInvocationJobCommandInput>) => bedrock.send(new CreateModelInvocationJobCommand(jobInput(over))).then(() => undefined, (e: unknown) => e);
    const roleErr = await reject({ roleArn: 'BedrockBatchRole' });
    expect(roleErr).toBeInstanceOf(ValidationException);
    expect((roleErr as Error).message).toBe(
      "1 validation error detected: Value 'BedrockBatchRole' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+",
    );
    const two = (await reject({ jobName: 'bad name!', timeoutDurationInHours: 12 })) as Error;
    expect(two.message).toMatch(/^2 validation errors detected: Value 'bad name!' at 'jobName' .*; Value '12' at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value greater than or equal to 24$/);
    expect(await reject({ modelId: 'anthropic.claude-nope-v1:0' })).toMatchObject({ name: 'ValidationException', message: 'The provided model identifier is invalid.' });
    expect(await reject({ modelId: DEFAULT_MODELS.NOVA_MICRO })).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/does not support batch inference/) });
    expect(await reject({ inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/in/missing.jsonl` } } })).toMatchObject({
      name: 'ValidationException',
      message: `No .jsonl files were found at the input location s3://${BUCKET}/in/missing.jsonl.`,
    });
    expect(await reject({ inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://no-such-bucket/in.jsonl' } } })).toMatchObject({ message: expect.stringMatching(/bucket no-such-bucket .*does not exist/) });
    expect(await reject({ outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://locked/out/' } } })).toMatchObject({ message: expect.stringMatching(/could not access s3:\/\/locked\/out\//) });
    expect(await reject({ inputDataConfig: { s3InputDataConfig: { s3Uri: 'https://example.com/x.jsonl' } } })).toMatchObject({ message: expect.stringMatching(/at 'inputDataConfig.s3InputDataConfig.s3Uri'/) });
    expect(fake.requestsFor('CreateModelInvocationJob').every((r) => r.response?.status === 400)).toBe(true);
    fake.setWorld({ batchMinRecords: 5, modelPatches: { [DEFAULT_MODELS.NOVA_MICRO]: { batch: true } } });
    expect(await create({ modelId: DEFAULT_MODELS.NOVA_MICRO })).toMatch(/model-invocation-job/);
    expect(await reject({ jobName: 'nightly-eval-1' })).toMatchObject({ message: 'The provided job name is currently in use.' });
  });

  it('Get with an unknown or malformed identifier', async () => {
    await expect(get('abcdefabcdef')).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(get('arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefabcdef')).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(get('not a job')).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/at 'jobIdentifier'/) });
    expect(fake.lastRequest()?.path).toBe('/model-invocation-job/not%20a%20job');
  });
});

describe('stop, list, idempotency', () => {
  it('stops a running job: Stopping, then Stopped, no outputs; stopping it again is refused', async () => {
    await upload('in/input.jsonl', jsonl(records(5)));
    const arn = await create();
    expect((await get(arn)).status).toBe('Submitted');
    await bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arn }));
    expect(fake.lastRequest()).toMatchObject({ operation: 'StopModelInvocationJob', path: `/model-invocation-job/${encodeURIComponent(arn)}/stop` });
    const { statuses, job } = await pollToEnd(arn);
    expect(statuses).toEqual(['Stopping', 'Stopped']);
    expect(job.endTime).toBeInstanceOf(Date);
    expect(fake.s3.list(BUCKET, 'out/')).toEqual([]);
    await expect(bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arn }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('lists jobs newest first, filtered by status and name, in pages', async () => {
    await upload('in/input.jsonl', jsonl(records(5)));
    const arns: string[] = [];
    for (const name of ['alpha-1', 'alpha-2', 'beta-1', 'alpha-3', 'beta-2']) arns.push(await create({ jobName: name }));
    await bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arns[2] ?? '' }));

    const all = await bedrock.send(new ListModelInvocationJobsCommand({}));
    expect(all.invocationJobSummaries?.map((j) => j.jobName)).toEqual(['beta-2', 'alpha-3', 'beta-1', 'alpha-2', 'alpha-1']);
    const asc = await bedrock.send(new ListModelInvocationJobsCommand({ sortBy: 'CreationTime', sortOrder: 'Ascending', nameContains: 'alpha' }));
    expect(asc.invocationJobSummaries?.map((j) => j.jobName)).toEqual(['alpha-1', 'alpha-2', 'alpha-3']);
    expect(fake.lastRequest()?.query).toEqual({ sortBy: 'CreationTime', sortOrder: 'Ascending', nameContains: 'alpha' });
    // Each List is a poll of every job: the stopped one has moved on from Stopping.
    const stopped = await bedrock.send(new ListModelInvocationJobsCommand({ statusEquals: 'Stopped' }));
    expect(stopped.invocationJobSummaries?.map((j) => j.jobArn)).toEqual([arns[2]]);
    expect(stopped.invocationJobSummaries?.[0]).toMatchObject({ roleArn: ROLE, modelId: DEFAULT_MODELS.HAIKU45, status: 'Stopped' });

    const pages: string[][] = [];
    for await (const page of paginateListModelInvocationJobs({ client: bedrock, pageSize: 2 }, { sortOrder: 'Descending' })) {
      pages.push((page.invocationJobSummaries ?? []).map((j) => j.jobName ?? ''));
    }
    expect(pages).toEqual([['beta-2', 'alpha-3'], ['beta-1', 'alpha-2'], ['alpha-1']]);
    await expect(bedrock.send(new ListModelInvocationJobsCommand({ statusEquals: 'Running' as ModelInvocationJobStatus }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/Member must satisfy enum value set: \[Submitted, InProgress, Completed/),
    });
    // Jobs are per region.
    const eu = new BedrockClient(sdkConfig(fake, { region: 'eu-west-1' }));
    expect((await eu.send(new ListModelInvocationJobsCommand({}))).invocationJobSummaries).toEqual([]);
    await expect(eu.send(new GetModelInvocationJobCommand({ jobIdentifier: arns[0] }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    eu.destroy();
  });

  it('is idempotent on clientRequestToken; a different request with the same token conflicts', async () => {
    await upload('in/input.jsonl', jsonl(records(5)));
    const a = await create({ clientRequestToken: 'retry-token-1' });
    const b = await create({ clientRequestToken: 'retry-token-1' });
    expect(b).toBe(a);
    expect(fake.batch.jobs()).toHaveLength(1);
    expect((await get(a)).clientRequestToken).toBe('retry-token-1');
    await expect(create({ clientRequestToken: 'retry-token-1', jobName: 'other-name' })).rejects.toBeInstanceOf(ConflictException);
  });
});

describe('pacing and faults', () => {
  it('world.batchPolls / batchStepsPerState set how many polls each state lasts', async () => {
    await upload('in/input.jsonl', jsonl(records(5)));
    fake.setWorld({ batchMinRecords: 5, batchPolls: { Submitted: 0, InProgress: 3 } });
    const { statuses } = await pollToEnd(await create());
    expect(statuses).toEqual(['Validating', 'InProgress', 'InProgress', 'InProgress', 'Completed']);
    fake.setWorld({ batchMinRecords: 5, batchStepsPerState: 2, batchPolls: { Scheduled: 1 } });
    const slow = await pollToEnd(await create({ jobName: 'slow' }));
    expect(slow.statuses).toEqual(['Submitted', 'Submitted', 'Validating', 'Validating', 'Scheduled', 'InProgress', 'InProgress', 'Completed']);
    expect(fake.batch.job(jobId(await create({ jobName: 'peeked' })))?.status).toBe('Submitted'); // peeking does not poll
  });

  it('batchJobFailure fails (or expires) jobs at a given step', async () => {
    await upload('in/input.jsonl', jsonl(records(5)));
    fake.setFaults({ batchJobFailure: { after: 'InProgress', message: 'Model capacity unavailable.', count: 1 } });
    const failed = await pollToEnd(await create());
    expect(failed.statuses).toEqual(['Submitted', 'Validating', 'InProgress', 'Failed']);
    expect(failed.job.message).toBe('Model capacity unavailable.');
    expect(fake.s3.list(BUCKET, 'out/')).toEqual([]);
    const fine = await pollToEnd(await create({ jobName: 'second' })); // count: 1 is used up
    expect(fine.statuses.at(-1)).toBe('Completed');

    fake.setWorld({ batchMinRecords: 5, batchPolls: { Scheduled: 1 } });
    fake.setFaults({ batchJobFailure: { after: 'Scheduled', status: 'Expired' } });
    const expired = await pollToEnd(await create({ jobName: 'third' }));
    expect(expired.statuses).toEqual(['Submitted', 'Validating', 'Scheduled', 'Expired']);
    expect(expired.job.message).toBeTruthy();
  });

  it('request faults apply to the batch operations like any other', async () => {
    await upload('in/input.jsonl', jsonl(records(5)));
    fake.setFaults({ throttle: 1, operations: ['CreateModelInvocationJob'] });
    await expect(create()).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
    expect(await create()).toMatch(/model-invocation-job/);
  });
});
