// Bedrock batch inference over S3: upload the records, create the job, read its state, and turn its
// output back into our JSONL result lines. The AWS calls live here; the command only presents them.
import { randomUUID } from 'node:crypto';
import { bedrockControlClient, s3Client, type ClientOptions } from '../aws/clients.js';
import { fromAwsError } from '../aws/errors.js';
import { partsFromAnthropic, usageFromAnthropic } from '../chat/anthropic.js';
import type { Usage } from '../chat/types.js';
import { usageError } from '../errors.js';
import { explainError } from '../explain/index.js';
import { indexOfRecordId } from './records.js';
import { keyOf, parseS3Uri, s3Uri, type S3Location } from './s3uri.js';

export const TERMINAL_STATES = ['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'];
export const FAILED_STATES = ['PartiallyCompleted', 'Failed', 'Stopped', 'Expired'];

export interface JobSummary {
  jobArn: string;
  jobId: string;
  jobName: string | null;
  status: string;
  message: string | null;
  modelId: string | null;
  submitTime: string | null;
  lastModifiedTime: string | null;
  endTime: string | null;
  inputS3Uri: string | null;
  outputS3Uri: string | null;
}

export interface SubmitRequest {
  location: S3Location;
  jobName: string;
  modelId: string;
  roleArn: string;
  body: string;
  ids: Array<string | number | null>;
  timeoutHours?: number;
}

export const jobIdOf = (jobArn: string) => jobArn.split('/').pop() ?? jobArn;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
const JOB_NAME = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;

export function checkRoleArn(roleArn: string | undefined): string {
  if (!roleArn) throw usageError('batch submit needs --role-arn: the IAM role Bedrock uses to read and write your S3 data', 'Create a service role for Bedrock batch inference with s3:GetObject/PutObject/ListBucket on the bucket, and pass its ARN.');
  if (!ROLE_ARN.test(roleArn)) throw usageError(`--role-arn "${roleArn}" is not an IAM role ARN`, 'Expected arn:aws:iam::<account>:role/<name>.');
  return roleArn;
}

export function defaultJobName(now = new Date()): string {
  return `bedrock-claude-${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${randomUUID().slice(0, 8)}`;
}

export function checkJobName(name: string): string {
  if (!JOB_NAME.test(name)) throw usageError(`job name "${name}" is not valid`, 'Use letters, digits and hyphens (at most 63 characters to start).');
  return name;
}

/** Where a job's files go under --s3: <prefix>/<job name>/{input/records.jsonl, ids.json, output/}. */
export function layout(location: S3Location, jobName: string) {
  return {
    inputKey: keyOf(location, jobName, 'input', 'records.jsonl'),
    idsKey: keyOf(location, jobName, 'ids.json'),
    inputUri: s3Uri(location, jobName, 'input') + '/',
    outputUri: s3Uri(location, jobName, 'output') + '/',
  };
}

/** Uploads the records (multipart when large, by the SDK's Upload) and creates the job. */
export async function submitJob(request: SubmitRequest, clients: ClientOptions): Promise<{ jobArn: string; inputUri: string; outputUri: string }> {
  const paths = layout(request.location, request.jobName);
  const s3 = await s3Client(clients);
  try {
    const { Upload } = await import('@aws-sdk/lib-storage');
    await new Upload({ client: s3, params: { Bucket: request.location.bucket, Key: paths.inputKey, Body: request.body, ContentType: 'application/jsonl' } }).done();
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await s3.send(new PutObjectCommand({ Bucket: request.location.bucket, Key: paths.idsKey, Body: JSON.stringify({ version: 1, ids: request.ids }), ContentType: 'application/json' }));
  } catch (err) {
    throw fromAwsError(err, `uploading the batch input to ${s3Uri(request.location, request.jobName)}`);
  } finally {
    s3.destroy();
  }
  const bedrock = await bedrockControlClient(clients);
  try {
    const { CreateModelInvocationJobCommand } = await import('@aws-sdk/client-bedrock');
    const created = await bedrock.send(
      new CreateModelInvocationJobCommand({
        jobName: request.jobName,
        roleArn: request.roleArn,
        modelId: request.modelId,
        clientRequestToken: randomUUID(),
        inputDataConfig: { s3InputDataConfig: { s3Uri: paths.inputUri, s3InputFormat: 'JSONL' } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: paths.outputUri } },
        ...(request.timeoutHours ? { timeoutDurationInHours: request.timeoutHours } : {}),
      }),
    );
    return { jobArn: created.jobArn ?? '', inputUri: paths.inputUri, outputUri: paths.outputUri };
  } catch (err) {
    throw fromAwsError(err, 'creating the batch job', { model: request.modelId, region: clients.region, api: 'control-plane' });
  } finally {
    bedrock.destroy();
  }
}

function summary(job: Record<string, any>): JobSummary {
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : typeof d === 'string' ? d : null);
  return {
    jobArn: job.jobArn,
    jobId: jobIdOf(job.jobArn ?? ''),
    jobName: job.jobName ?? null,
    status: job.status ?? 'Unknown',
    message: job.message ?? null,
    modelId: job.modelId ?? null,
    submitTime: iso(job.submitTime),
    lastModifiedTime: iso(job.lastModifiedTime),
    endTime: iso(job.endTime),
    inputS3Uri: job.inputDataConfig?.s3InputDataConfig?.s3Uri ?? null,
    outputS3Uri: job.outputDataConfig?.s3OutputDataConfig?.s3Uri ?? null,
  };
}

export async function getJob(job: string, clients: ClientOptions): Promise<JobSummary> {
  const bedrock = await bedrockControlClient(clients);
  try {
    const { GetModelInvocationJobCommand } = await import('@aws-sdk/client-bedrock');
    return summary(await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: job })));
  } catch (err) {
    throw fromAwsError(err, `reading batch job ${job}`, { region: clients.region, api: 'control-plane' });
  } finally {
    bedrock.destroy();
  }
}

export async function listJobs(clients: ClientOptions, filter: { status?: string; max: number }): Promise<JobSummary[]> {
  const bedrock = await bedrockControlClient(clients);
  try {
    const { paginateListModelInvocationJobs } = await import('@aws-sdk/client-bedrock');
    const jobs: JobSummary[] = [];
    const input = { sortBy: 'CreationTime' as const, sortOrder: 'Descending' as const, ...(filter.status ? { statusEquals: filter.status as never } : {}) };
    for await (const page of paginateListModelInvocationJobs({ client: bedrock, pageSize: Math.min(filter.max, 100) }, input)) {
      for (const job of page.invocationJobSummaries ?? []) {
        jobs.push(summary(job));
        if (jobs.length >= filter.max) return jobs;
      }
    }
    return jobs;
  } catch (err) {
    throw fromAwsError(err, 'listing batch jobs', { region: clients.region, api: 'control-plane' });
  } finally {
    bedrock.destroy();
  }
}

export async function cancelJob(job: string, clients: ClientOptions): Promise<void> {
  const bedrock = await bedrockControlClient(clients);
  try {
    const { StopModelInvocationJobCommand } = await import('@aws-sdk/client-bedrock');
    await bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: job }));
  } catch (err) {
    throw fromAwsError(err, `stopping batch job ${job}`, { region: clients.region, api: 'control-plane' });
  } finally {
    bedrock.destroy();
  }
}

export interface RecordResult {
  index: number;
  id?: string | number;
  recordId: string;
  text: string | null;
  stopReason: string | null;
  usage: Usage | null;
  error?: { cause: string; message: string };
}

export interface JobOutput {
  results: RecordResult[];
  manifest: Record<string, number> | null;
}

/** Reads every output file of a job and returns the records in input order. */
export async function readOutput(job: JobSummary, clients: ClientOptions): Promise<JobOutput> {
  if (!job.outputS3Uri) throw usageError(`batch job ${job.jobId} has no output location`, 'Check the job with `bedrock-claude batch status`.');
  const output = parseS3Uri(job.outputS3Uri, 'the job output');
  const outputPrefix = `${keyOf(output, job.jobId)}/`;
  const s3 = await s3Client(clients);
  try {
    const { GetObjectCommand, paginateListObjectsV2 } = await import('@aws-sdk/client-s3');
    const read = async (bucket: string, key: string) => {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return (await object.Body?.transformToString('utf8')) ?? '';
    };
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: output.bucket, Prefix: outputPrefix })) {
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    }
    if (keys.length === 0) {
      throw usageError(`no output yet for batch job ${job.jobId} under ${job.outputS3Uri}`, job.status === 'Completed' ? 'Check the output bucket and the role.' : `The job is ${job.status}; wait for it: bedrock-claude batch status ${job.jobId} --wait`);
    }
    const manifestKey = keys.find((k) => k.endsWith('manifest.json.out'));
    const manifest = manifestKey ? (JSON.parse(await read(output.bucket, manifestKey)) as Record<string, number>) : null;
    const ids = await readIds(job, read);
    const results: RecordResult[] = [];
    for (const key of keys.filter((k) => k.endsWith('.jsonl.out')).sort()) {
      for (const line of (await read(output.bucket, key)).split('\n')) {
        if (line.trim() !== '') results.push(recordResult(JSON.parse(line) as Record<string, any>, results.length, ids));
      }
    }
    results.sort((a, b) => a.index - b.index);
    return { results, manifest };
  } catch (err) {
    throw fromAwsError(err, `reading the output of batch job ${job.jobId}`, { region: clients.region });
  } finally {
    s3.destroy();
  }
}

/** ids.json, written beside the input by `batch submit`; a job from elsewhere has none. */
async function readIds(job: JobSummary, read: (bucket: string, key: string) => Promise<string>): Promise<Array<string | number | null> | undefined> {
  if (!job.inputS3Uri) return undefined;
  const input = parseS3Uri(job.inputS3Uri, 'the job input');
  const parent = input.prefix.replace(/\/?input(\/records\.jsonl)?$/, '');
  try {
    return (JSON.parse(await read(input.bucket, keyOf({ bucket: input.bucket, prefix: parent }, 'ids.json'))) as { ids: Array<string | number | null> }).ids;
  } catch {
    return undefined;
  }
}

function recordResult(line: Record<string, any>, position: number, ids: Array<string | number | null> | undefined): RecordResult {
  const recordId = String(line.recordId ?? '');
  const index = indexOfRecordId(recordId) ?? position;
  const id = ids?.[index] ?? (indexOfRecordId(recordId) === undefined ? recordId : undefined);
  const base = { index, recordId, ...(id !== undefined && id !== null ? { id } : {}) };
  if (line.error || !line.modelOutput) {
    const message = String(line.error?.errorMessage ?? 'no output for this record');
    const explained = explainError({ message, httpStatus: Number(line.error?.errorCode) || undefined }, {});
    return { ...base, text: null, stopReason: null, usage: null, error: { cause: explained.cause, message } };
  }
  const output = line.modelOutput as Record<string, any>;
  const text = partsFromAnthropic(output.content ?? [])
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('');
  return { ...base, text, stopReason: output.stop_reason ?? null, usage: usageFromAnthropic(output.usage) };
}
