// Bedrock batch inference (model invocation jobs) on the control plane:
// CreateModelInvocationJob, GetModelInvocationJob, ListModelInvocationJobs,
// StopModelInvocationJob. Jobs run deterministically, with no timers: every
// Get (or List, for each job it lists) is one poll, a state lasts
// world.batchPolls[state] polls, then the job moves on:
//   Submitted → Validating → (Scheduled) → InProgress → Completed | PartiallyCompleted
//   Validating → Failed (bad input), Stop → Stopping → Stopped, faults → Failed | Expired.
// On completion every record is answered as InvokeModel (or Converse) with
// its modelInput would be, and the outputs are written to the fake S3 the
// way Bedrock writes them (AWS doc "View the results of a batch inference job").
import { createHash } from 'node:crypto';
import { Errors, FakeBedrockError, NS_BEDROCK, type ErrorSpec } from './errors.js';
import { resolveError, type FaultState } from './faults.js';
import {
  anthropicMessage,
  converseResponse,
  fakeId,
  lastUserText,
  normalizeReply,
  sortKeys,
  type CannedReply,
  type ReplyContext,
} from './replies.js';
import { findModel, findProfile } from './resolve.js';
import type { S3Store } from './s3.js';
import { batchCapable, type BatchPollState, type FakeModel, type World } from './world.js';

export type BatchStatus =
  | 'Submitted'
  | 'Validating'
  | 'Scheduled'
  | 'InProgress'
  | 'Completed'
  | 'PartiallyCompleted'
  | 'Failed'
  | 'Stopping'
  | 'Stopped'
  | 'Expired';

const STATUSES: BatchStatus[] = ['Submitted', 'InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped', 'PartiallyCompleted', 'Expired', 'Validating', 'Scheduled'];
const TERMINAL = new Set<BatchStatus>(['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired']);

// Constraints from the Bedrock API model (ModelInvocationJobName, RoleArn, …); AWS matches the whole value.
const PATTERNS = {
  jobName: '[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}',
  roleArn: 'arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+',
  clientRequestToken: '[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}',
  s3Uri: "s3://[a-z0-9][-.a-z0-9]{1,61}(?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?",
  jobIdentifier: '((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job/)?[a-z0-9]{12})',
} as const;
const matches = (pattern: string, value: string) => new RegExp(`^(?:${pattern})$`).test(value);

const DEFAULT_TIMEOUT_HOURS = 168;

const validation = (message: string) => new FakeBedrockError({ status: 400, name: 'ValidationException', message, namespace: NS_BEDROCK });
const notFound = (message: string) => new FakeBedrockError({ status: 404, name: 'ResourceNotFoundException', message, namespace: NS_BEDROCK });

/** Smithy-style "N validation error(s) detected: …" (the format of Errors.maxResultsRange). */
class Violations {
  readonly list: string[] = [];
  add(path: string, value: unknown, constraint: string): void {
    const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
    this.list.push(`Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }
  /** A required string with length bounds and an optional pattern. */
  string(path: string, value: unknown, opts: { required?: boolean; min?: number; max: number; pattern?: string }): void {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, value, 'Member must not be null');
      return;
    }
    if (typeof value !== 'string') return this.add(path, value, 'Member must be a string');
    if (value.length < (opts.min ?? 0)) return this.add(path, value, `Member must have length greater than or equal to ${opts.min ?? 0}`);
    if (value.length > opts.max) return this.add(path, value, `Member must have length less than or equal to ${opts.max}`);
    if (opts.pattern && !matches(opts.pattern, value)) this.add(path, value, `Member must satisfy regular expression pattern: ${opts.pattern}`);
  }
  oneOf(path: string, value: unknown, allowed: string[]): void {
    if (value !== undefined && !allowed.includes(String(value))) this.add(path, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  throwIfAny(): void {
    const n = this.list.length;
    if (n > 0) throw validation(`${n} validation error${n > 1 ? 's' : ''} detected: ${this.list.join('; ')}`);
  }
}

export interface S3Location {
  bucket: string;
  key: string;
}

export function parseS3Uri(uri: string): S3Location {
  const rest = uri.slice('s3://'.length);
  const slash = rest.indexOf('/');
  return slash === -1 ? { bucket: rest, key: '' } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

/** A lowercase (job IDs) or uppercase (record IDs) alphanumeric ID from a seed. */
function alnum(seed: string, length: number, upper = false): string {
  const abc = upper ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' : 'abcdefghijklmnopqrstuvwxyz0123456789';
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += abc[(digest[i % digest.length] ?? 0) % abc.length];
  return out;
}

interface InputRecord {
  recordId: string;
  modelInput: unknown;
}

interface InputFile {
  key: string;
  /** Output object name: `<name>.out`. */
  name: string;
  records: InputRecord[];
}

interface Job {
  seq: number;
  id: string;
  arn: string;
  region: string;
  jobName: string;
  modelId: string;
  model: FakeModel;
  roleArn: string;
  clientRequestToken: string;
  fingerprint: string;
  input: S3Location & { uri: string };
  output: S3Location & { uri: string };
  inputDataConfig: Record<string, unknown>;
  outputDataConfig: Record<string, unknown>;
  vpcConfig?: unknown;
  timeoutDurationInHours: number;
  modelInvocationType: 'InvokeModel' | 'Converse';
  status: BatchStatus;
  /** Polls that have reported the current status. */
  polls: number;
  message?: string;
  submitTime: Date;
  lastModifiedTime: Date;
  endTime?: Date;
  jobExpirationTime: Date;
  files?: InputFile[];
  counts: { total: number; processed: number; success: number; error: number };
}

export interface BatchDeps {
  world(): World;
  s3: S3Store;
  faults: FaultState;
  /** The canned reply for one request, chosen as the runtime chooses it (rules, model reply, default). */
  selectReply(ctx: ReplyContext, model: FakeModel): CannedReply;
  /** The `model` field of an InvokeModel reply. */
  anthropicModelName(model: FakeModel): string;
  /** Changes after fake.reset(), so IDs differ between tests but not between runs. */
  seed(): string;
}

/** One output line: the record and its answer or error. */
export interface BatchOutputLine {
  recordId: string;
  modelInput: unknown;
  modelOutput?: unknown;
  error?: { errorCode: number; errorMessage: string };
}

export class BatchJobs {
  private jobs: Job[] = [];
  private created = 0;

  constructor(private readonly deps: BatchDeps) {}

  clear(): void {
    this.jobs = [];
  }

  // -------------------------------------------------------------------------
  // Operations

  create(region: string, body: unknown): { jobArn: string } {
    const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
    const s3In = ((b.inputDataConfig as Record<string, unknown> | undefined)?.s3InputDataConfig ?? {}) as Record<string, unknown>;
    const s3Out = ((b.outputDataConfig as Record<string, unknown> | undefined)?.s3OutputDataConfig ?? {}) as Record<string, unknown>;
    const v = new Violations();
    v.string('jobName', b.jobName, { required: true, min: 1, max: 63, pattern: PATTERNS.jobName });
    v.string('roleArn', b.roleArn, { required: true, max: 2048, pattern: PATTERNS.roleArn });
    v.string('clientRequestToken', b.clientRequestToken, { min: 1, max: 256, pattern: PATTERNS.clientRequestToken });
    v.string('modelId', b.modelId, { required: true, min: 1, max: 2048 });
    v.string('inputDataConfig.s3InputDataConfig.s3Uri', s3In.s3Uri, { required: true, min: 1, max: 1024, pattern: PATTERNS.s3Uri });
    v.oneOf('inputDataConfig.s3InputDataConfig.s3InputFormat', s3In.s3InputFormat, ['JSONL']);
    v.string('outputDataConfig.s3OutputDataConfig.s3Uri', s3Out.s3Uri, { required: true, min: 1, max: 1024, pattern: PATTERNS.s3Uri });
    const timeout = b.timeoutDurationInHours;
    if (timeout !== undefined && timeout !== null) {
      if (typeof timeout !== 'number' || timeout < 24) v.add('timeoutDurationInHours', timeout, 'Member must have value greater than or equal to 24');
      else if (timeout > 168) v.add('timeoutDurationInHours', timeout, 'Member must have value less than or equal to 168');
    }
    v.oneOf('modelInvocationType', b.modelInvocationType, ['InvokeModel', 'Converse']);
    v.throwIfAny();

    const world = this.deps.world();
    // Idempotency: the same token with the same request is the same job (whatever its state now).
    const token = typeof b.clientRequestToken === 'string' ? b.clientRequestToken : undefined;
    const { clientRequestToken: _token, ...rest } = b;
    const fingerprint = JSON.stringify(sortKeys(rest));
    const previous = token ? this.jobs.find((j) => j.region === region && j.clientRequestToken === token) : undefined;
    if (previous) {
      if (previous.fingerprint === fingerprint) return { jobArn: previous.arn };
      // guess: real text not recorded.
      throw new FakeBedrockError({
        status: 409,
        name: 'ConflictException',
        message: 'The request is in conflict with a previous request that used the same client request token with different parameters.',
        namespace: NS_BEDROCK,
      });
    }

    const jobName = String(b.jobName);
    const modelId = String(b.modelId);
    // Real text for CreateModelCustomizationJob/CreateModelImportJob; assumed the same here.
    if (this.jobs.some((j) => j.region === region && j.jobName === jobName)) throw validation('The provided job name is currently in use.');
    const model = this.resolveModel(world, region, modelId);
    const input = { uri: String(s3In.s3Uri), ...parseS3Uri(String(s3In.s3Uri)) };
    const output = { uri: String(s3Out.s3Uri), ...parseS3Uri(String(s3Out.s3Uri)) };
    const roleArn = String(b.roleArn);
    this.checkBucket(world, region, input, roleArn);
    this.checkBucket(world, region, output, roleArn);
    if (this.inputKeys(input).length === 0) {
      // guess: real text not recorded.
      throw validation(`No .jsonl files were found at the input location ${input.uri}.`);
    }

    this.created += 1;
    const id = alnum(`${this.deps.seed()}:${this.created}:${jobName}`, 12);
    const now = new Date();
    const hours = typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_HOURS;
    const job: Job = {
      seq: this.created,
      id,
      arn: `arn:aws:bedrock:${region}:${world.accountId}:model-invocation-job/${id}`,
      region,
      jobName,
      modelId,
      model,
      roleArn,
      clientRequestToken: token ?? alnum(`token:${id}`, 32),
      fingerprint,
      input,
      output,
      inputDataConfig: { s3InputDataConfig: { s3InputFormat: 'JSONL', ...s3In } },
      outputDataConfig: { s3OutputDataConfig: { ...s3Out } },
      vpcConfig: b.vpcConfig,
      timeoutDurationInHours: hours,
      modelInvocationType: b.modelInvocationType === 'Converse' ? 'Converse' : 'InvokeModel',
      status: 'Submitted',
      polls: 0,
      submitTime: now,
      lastModifiedTime: now,
      jobExpirationTime: new Date(now.getTime() + hours * 3600_000),
      counts: { total: 0, processed: 0, success: 0, error: 0 },
    };
    this.jobs.push(job);
    return { jobArn: job.arn };
  }

  get(region: string, identifier: string): Record<string, unknown> {
    const job = this.find(region, identifier);
    this.poll(job);
    return this.render(job);
  }

  list(region: string, q: Record<string, string>): Record<string, unknown> {
    const v = new Violations();
    v.oneOf('statusEquals', q.statusEquals, STATUSES);
    v.oneOf('sortBy', q.sortBy, ['CreationTime']);
    v.oneOf('sortOrder', q.sortOrder, ['Ascending', 'Descending']);
    if (q.nameContains !== undefined) v.string('nameContains', q.nameContains, { min: 1, max: 63, pattern: PATTERNS.jobName });
    v.throwIfAny();
    let max = 1000;
    if (q.maxResults !== undefined) {
      max = Number(q.maxResults);
      if (!Number.isInteger(max) || max < 1 || max > 1000) throw new FakeBedrockError(Errors.maxResultsRange(q.maxResults));
    }
    const after = q.submitTimeAfter ? Date.parse(q.submitTimeAfter) : undefined;
    const before = q.submitTimeBefore ? Date.parse(q.submitTimeBefore) : undefined;
    const inRegion = this.jobs.filter((j) => j.region === region);
    for (const j of inRegion) this.poll(j);
    const selected = inRegion
      .filter((j) => !q.statusEquals || j.status === q.statusEquals)
      .filter((j) => !q.nameContains || j.jobName.includes(q.nameContains))
      .filter((j) => after === undefined || j.submitTime.getTime() > after)
      .filter((j) => before === undefined || j.submitTime.getTime() < before)
      .sort((a, b) => (q.sortOrder === 'Ascending' ? a.seq - b.seq : b.seq - a.seq));
    const start = q.nextToken ? decodeToken(q.nextToken) : 0;
    const page = selected.slice(start, start + max);
    const out: Record<string, unknown> = { invocationJobSummaries: page.map((j) => this.render(j)) };
    if (start + max < selected.length) out.nextToken = encodeToken(start + max);
    return out;
  }

  stop(region: string, identifier: string): Record<string, never> {
    const job = this.find(region, identifier);
    if (TERMINAL.has(job.status)) {
      // guess: real text not recorded.
      throw validation(`The job ${job.arn} cannot be stopped because it is in ${job.status} status.`);
    }
    if (job.status !== 'Stopping') this.setStatus(job, 'Stopping');
    return {};
  }

  // -------------------------------------------------------------------------
  // Test helpers (no polling)

  /** The job as GetModelInvocationJob would show it now, without advancing it. */
  peek(identifier: string): Record<string, unknown> | undefined {
    const job = this.jobs.find((j) => j.arn === identifier || j.id === identifier);
    return job ? this.render(job) : undefined;
  }

  all(): Array<Record<string, unknown>> {
    return this.jobs.map((j) => this.render(j));
  }

  // -------------------------------------------------------------------------
  // Internals

  private resolveModel(world: World, region: string, modelId: string): FakeModel {
    const profile = findProfile(world, region, modelId);
    let model: FakeModel | undefined;
    if (profile) model = findModel(world, profile.modelId);
    else {
      const arn = /^arn:aws[a-z-]*:bedrock:([^:]*)::foundation-model\/(.+)$/.exec(modelId);
      const base = arn ? (arn[1] === region ? arn[2] : undefined) : modelId;
      const m = base ? findModel(world, base) : undefined;
      if (m && m.regions.includes(region)) model = m;
    }
    if (!model || model.lifecycle === 'END_OF_LIFE') throw new FakeBedrockError(Errors.invalidModelId());
    if (model.legacyInactive) throw new FakeBedrockError(Errors.legacyInactive());
    if (model.access === false) throw new FakeBedrockError(Errors.noAccess());
    // guess: real text not recorded.
    if (!batchCapable(model)) throw validation(`The model ${modelId} does not support batch inference.`);
    return model;
  }

  /** The bucket must exist, be in the job's region and be readable/writable with the role. */
  private checkBucket(world: World, region: string, loc: S3Location & { uri: string }, roleArn: string): void {
    const bucket = world.s3Buckets.find((b) => b.name === loc.bucket);
    // guesses: real texts not recorded.
    if (!bucket) throw validation(`The S3 bucket ${loc.bucket} in ${loc.uri} does not exist.`);
    if (bucket.region && bucket.region !== region) throw validation(`The S3 bucket ${loc.bucket} must be in the same region as the batch inference job (${region}).`);
    if (bucket.forbidden) throw validation(`Amazon Bedrock could not access ${loc.uri} with the role ${roleArn}. Check that the role has the required S3 permissions.`);
  }

  /** Input objects: the object itself, or the `.jsonl` objects under the prefix. */
  private inputKeys(input: S3Location): string[] {
    const s3 = this.deps.s3;
    if (input.key && !input.key.endsWith('/') && s3.get(input.bucket, input.key)) return input.key.endsWith('.jsonl') ? [input.key] : [];
    const prefix = input.key === '' || input.key.endsWith('/') ? input.key : `${input.key}/`;
    return s3.keys(input.bucket, prefix).filter((k) => k.endsWith('.jsonl'));
  }

  private find(region: string, identifier: string): Job {
    const v = new Violations();
    v.string('jobIdentifier', identifier, { max: 1011, pattern: PATTERNS.jobIdentifier });
    v.throwIfAny();
    const job = this.jobs.find((j) => j.region === region && (j.arn === identifier || j.id === identifier));
    // guess: real text not recorded.
    if (!job) throw notFound(`Could not find the model invocation job ${identifier}.`);
    return job;
  }

  private limit(status: BatchStatus): number {
    return this.deps.world().batchPolls[status as BatchPollState] ?? 1;
  }

  /** One poll: move on if the current state has been reported enough, then report. */
  private poll(job: Job): void {
    if (!TERMINAL.has(job.status) && job.polls >= this.limit(job.status)) this.advance(job);
    job.polls += 1;
  }

  private setStatus(job: Job, status: BatchStatus, message?: string): void {
    job.status = status;
    job.polls = 0;
    job.lastModifiedTime = new Date();
    if (message !== undefined) job.message = message;
    if (TERMINAL.has(status)) job.endTime = job.lastModifiedTime;
  }

  private advance(job: Job): void {
    const from = job.status;
    const fault = from === 'Stopping' ? undefined : this.deps.faults.takeBatchFailure(from);
    if (fault) {
      const expired = fault.status === 'Expired';
      // guesses: real texts not recorded.
      const message = fault.message ?? (expired ? 'The job expired before it could be started.' : 'Internal failure. Try again later.');
      this.setStatus(job, expired ? 'Expired' : 'Failed', message);
      return;
    }
    switch (from) {
      case 'Submitted':
        this.setStatus(job, 'Validating');
        break;
      case 'Validating': {
        const problem = this.validate(job);
        if (problem) {
          this.setStatus(job, 'Failed', problem);
          return;
        }
        this.setStatus(job, 'Scheduled');
        break;
      }
      case 'Scheduled':
        this.setStatus(job, 'InProgress');
        break;
      case 'InProgress': {
        const problem = this.run(job);
        if (problem) this.setStatus(job, 'Failed', problem);
        else this.setStatus(job, job.counts.error > 0 ? this.deps.world().batchRecordErrorStatus : 'Completed');
        return;
      }
      case 'Stopping':
        this.setStatus(job, 'Stopped');
        return;
      default:
        return;
    }
    // States declared with 0 polls are passed straight through.
    if (!TERMINAL.has(job.status) && this.limit(job.status) === 0) this.advance(job);
  }

  /** Read and check the input; a message if the job must fail. (guesses: real texts not recorded) */
  private validate(job: Job): string | undefined {
    const world = this.deps.world();
    const bucket = world.s3Buckets.find((b) => b.name === job.input.bucket);
    if (!bucket || bucket.forbidden) return `Amazon Bedrock could not read the input data at ${job.input.uri}.`;
    const keys = this.inputKeys(job.input);
    if (keys.length === 0) return `No .jsonl files were found at the input location ${job.input.uri}.`;
    const files: InputFile[] = [];
    let total = 0;
    for (const key of keys) {
      const uri = `s3://${job.input.bucket}/${key}`;
      const text = this.deps.s3.get(job.input.bucket, key)?.body.toString('utf8') ?? '';
      const records: InputRecord[] = [];
      const lines = text.split(/\r?\n/);
      for (const [i, line] of lines.entries()) {
        if (line.trim() === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          return `Malformed JSON at line ${i + 1} of ${uri}: each line must be one JSON object.`;
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return `Malformed record at line ${i + 1} of ${uri}: each line must be one JSON object.`;
        const r = parsed as Record<string, unknown>;
        if (r.modelInput === undefined || r.modelInput === null) return `The record at line ${i + 1} of ${uri} is missing the required field modelInput.`;
        const recordId = typeof r.recordId === 'string' && r.recordId !== '' ? r.recordId : alnum(`${job.id}:${key}:${i}`, 11, true);
        records.push({ recordId, modelInput: r.modelInput });
      }
      total += records.length;
      files.push({ key, name: key.slice(key.lastIndexOf('/') + 1), records });
    }
    job.counts.total = total;
    if (total < world.batchMinRecords) {
      return `The number of records in the input (${total}) is less than the minimum of ${world.batchMinRecords} records required for a batch inference job.`;
    }
    if (total > world.batchMaxRecords) {
      return `The number of records in the input (${total}) exceeds the maximum of ${world.batchMaxRecords} records per batch inference job.`;
    }
    job.files = files;
    return undefined;
  }

  /** Answer every record and write the outputs; a message if the job must fail. */
  private run(job: Job): string | undefined {
    const world = this.deps.world();
    const bucket = world.s3Buckets.find((b) => b.name === job.output.bucket);
    // guess: real text not recorded.
    if (!bucket || bucket.forbidden) return `Amazon Bedrock could not write the output data to ${job.output.uri}.`;
    const prefix = job.output.key === '' || job.output.key.endsWith('/') ? job.output.key : `${job.output.key}/`;
    let inputTokens = 0;
    let outputTokens = 0;
    const counts = { total: 0, processed: 0, success: 0, error: 0 };
    for (const file of job.files ?? []) {
      const lines = file.records.map((record, i) => {
        const seed = `${this.deps.seed()}:${job.id}:${file.key}:${i}`;
        const answer = this.answer(job, record, seed);
        counts.total += 1;
        counts.processed += 1;
        if (answer.error) counts.error += 1;
        else {
          counts.success += 1;
          inputTokens += answer.inputTokens;
          outputTokens += answer.outputTokens;
        }
        const line: BatchOutputLine = { recordId: record.recordId, modelInput: record.modelInput };
        if (answer.error) line.error = answer.error;
        else line.modelOutput = answer.modelOutput;
        return { order: fakeId(seed, 16), text: JSON.stringify(line) };
      });
      // The order of output records is not guaranteed: shuffled, but the same every run.
      lines.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      const body = lines.map((l) => `${l.text}\n`).join('');
      this.deps.s3.put(job.output.bucket, `${prefix}${job.id}/${file.name}.out`, Buffer.from(body), { contentType: 'application/octet-stream' });
    }
    job.counts = counts;
    const manifest = {
      totalRecordCount: counts.total,
      processedRecordCount: counts.processed,
      successRecordCount: counts.success,
      errorRecordCount: counts.error,
      inputTokenCount: inputTokens,
      outputTokenCount: outputTokens,
    };
    this.deps.s3.put(job.output.bucket, `${prefix}${job.id}/manifest.json.out`, Buffer.from(JSON.stringify(manifest)), { contentType: 'application/octet-stream' });
    return undefined;
  }

  /** One record, answered as the runtime would answer InvokeModel/Converse with its modelInput. */
  private answer(
    job: Job,
    record: InputRecord,
    seed: string,
  ): { error: { errorCode: number; errorMessage: string } } | { error?: undefined; modelOutput: unknown; inputTokens: number; outputTokens: number } {
    const fail = (spec: ErrorSpec) => ({ error: { errorCode: spec.status, errorMessage: spec.message } });
    const body = record.modelInput;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(Errors.malformedInput());
    const b = body as Record<string, unknown>;
    const converse = job.modelInvocationType === 'Converse';
    const model = job.model;
    if (converse) {
      const messages = b.messages;
      if (!Array.isArray(messages) || (messages[0] as { role?: string } | undefined)?.role !== 'user') return fail(Errors.firstMessageNotUser());
    } else if (model.providerName === 'Anthropic') {
      for (const key of ['anthropic_version', 'max_tokens', 'messages']) {
        if (!(key in b)) return fail(Errors.malformedInput(`#: required key [${key}] not found`));
      }
      for (const key of ['model', 'stream']) {
        if (key in b) return fail(Errors.malformedInput(`#: extraneous key [${key}] is not permitted`));
      }
    }
    const ic = (converse ? (b.inferenceConfig ?? {}) : b) as Record<string, unknown>;
    const temperature = ic.temperature;
    const topP = converse ? ic.topP : ic.top_p;
    if (model.rejectsTemperatureWithTopP && temperature !== undefined && topP !== undefined) return fail(Errors.temperatureWithTopP());
    const ctx: ReplyContext = {
      operation: converse ? 'Converse' : 'InvokeModel',
      modelId: job.modelId,
      baseModelId: model.modelId,
      region: job.region,
      body,
      prompt: lastUserText(body),
      batch: { jobArn: job.arn, recordId: record.recordId },
    };
    const canned = this.deps.selectReply(ctx, model);
    if (canned.error) return fail(resolveError(canned.error, job.modelId));
    const reply = normalizeReply(canned, body, seed, converse ? 'aws' : 'anthropic');
    const modelOutput = converse ? converseResponse(reply) : anthropicMessage(reply, this.deps.anthropicModelName(model), `msg_bdrk_01${fakeId(seed, 24)}`);
    return { modelOutput, inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
  }

  private render(job: Job): Record<string, unknown> {
    const out: Record<string, unknown> = {
      jobArn: job.arn,
      jobName: job.jobName,
      modelId: job.modelId,
      clientRequestToken: job.clientRequestToken,
      roleArn: job.roleArn,
      status: job.status,
      submitTime: job.submitTime.toISOString(),
      lastModifiedTime: job.lastModifiedTime.toISOString(),
      inputDataConfig: job.inputDataConfig,
      outputDataConfig: job.outputDataConfig,
      timeoutDurationInHours: job.timeoutDurationInHours,
      jobExpirationTime: job.jobExpirationTime.toISOString(),
      modelInvocationType: job.modelInvocationType,
      totalRecordCount: job.counts.total,
      processedRecordCount: job.counts.processed,
      successRecordCount: job.counts.success,
      errorRecordCount: job.counts.error,
    };
    if (job.message !== undefined) out.message = job.message;
    if (job.endTime) out.endTime = job.endTime.toISOString();
    if (job.vpcConfig !== undefined) out.vpcConfig = job.vpcConfig;
    return out;
  }
}

const encodeToken = (offset: number) => Buffer.from(`fake-jobs:${offset}`).toString('base64');
function decodeToken(token: string): number {
  const m = /^fake-jobs:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!m) throw new FakeBedrockError(Errors.badPaginationToken());
  return Number(m[1]);
}
