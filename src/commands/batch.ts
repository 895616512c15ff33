// `batch submit|status|list|results|cancel`: Bedrock batch inference with the same JSONL input and
// result format as `converse --jsonl`, for workloads that outgrow one machine.
import type { ClientOptions } from '../aws/clients.js';
import { readAttachments } from '../chat/attachments.js';
import { costOfUsage } from '../chat/cost.js';
import { decodeText, readAll, readInputFile, readTextOption } from '../chat/input.js';
import { prepareChat, type ChatOptions } from '../chat/run.js';
import { requireRegion } from '../config/region.js';
import { ExitCode, interrupted, usageError, type ExitCodeValue } from '../errors.js';
import { interactive } from '../io.js';
import { formatUsd } from '../pricing/money.js';
import { printJson, printTable } from '../render/table.js';
import { DEFAULT_MIN_RECORDS, prepareRecords } from '../batch/records.js';
import { parseS3Uri } from '../batch/s3uri.js';
import type { JobSummary, RecordResult } from '../batch/jobs.js';
import { note, warn, type CommandContext } from './context.js';
import { formatNumber } from '../render/format.js';

export interface SubmitOptions extends Pick<ChatOptions, 'model' | 'scope' | 'system' | 'attach' | 'maxTokens' | 'temperature' | 'topP' | 'stop' | 'thinking' | 'effort'> {
  input?: string;
  s3?: string;
  roleArn?: string;
  jobName?: string;
  minRecords?: number;
  timeoutHours?: number;
  wait?: boolean;
  pollInterval?: number;
}

export interface WaitOptions {
  wait?: boolean;
  pollInterval?: number;
}

const DEFAULT_POLL_SECONDS = 30;
const NO_BATCH_PRICE = 'no verified Bedrock batch price is in the catalog; costs are at on-demand prices (AWS advertises batch at a discount)';

async function clientOptions(ctx: CommandContext): Promise<{ clients: ClientOptions; region: string }> {
  const settings = await ctx.settings();
  const region = requireRegion(settings);
  const debug = ctx.global.debug ? (line: string) => ctx.io.stderr.write(`${ctx.err.dim(line)}\n`) : undefined;
  return { region, clients: { settings, region, debug, onRetry: (n) => note(ctx, ctx.err.yellow(`retrying in ${(n.delayMs / 1000).toFixed(1)} s: ${n.reason} (attempt ${n.attempt}/${n.maxAttempts})`)) } };
}

export async function batchSubmit(ctx: CommandContext, options: SubmitOptions): Promise<ExitCodeValue> {
  const { checkJobName, checkRoleArn, defaultJobName, submitJob } = await import('../batch/jobs.js');
  if (!options.input) throw usageError('batch submit needs --input <file|->: the JSONL prompts', 'One JSON string or {"id", "prompt", "system", "maxTokens"} per line, as for converse --jsonl.');
  if (!options.s3) throw usageError('batch submit needs --s3 s3://bucket/prefix: where the input and output go', 'Give a bucket the role can read and write.');
  const location = parseS3Uri(options.s3);
  const roleArn = checkRoleArn(options.roleArn);
  const jobName = checkJobName(options.jobName ?? defaultJobName());

  const chat: ChatOptions = { ...options, api: 'invoke' };
  const prepared = await prepareChat(ctx, chat);
  const text = options.input === '-' ? decodeText(await readAll(ctx.io.stdin), 'stdin') : decodeText(await readInputFile(options.input, ctx.cwd, '--input file'), `--input file ${options.input}`);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const [attachments, system] = await Promise.all([readAttachments(options.attach ?? [], ctx.cwd), readTextOption(options.system, ctx.cwd, '--system file')]);
  const records = prepareRecords(lines, chat, attachments, system, prepared.resolution, prepared.settings.maxTokens.value, options.minRecords ?? DEFAULT_MIN_RECORDS);

  // The estimate: worst case (every record writes max_tokens), input counted offline.
  const { estimateChat } = await import('../chat/estimate.js');
  const estimates = records.requests.map((request) => estimateChat(request, prepared.resolution).costUsd);
  const estimate = estimates.every((c): c is number => c !== null) ? estimates.reduce((a, b) => a + b, 0) : null;

  const { clients } = await clientOptions(ctx);
  const submitted = await submitJob({ location, jobName, modelId: prepared.resolution.modelId, roleArn, body: records.body, ids: records.ids, timeoutHours: options.timeoutHours }, clients);
  // The ARN first, on its own: if anything after this fails, the (billed) job is not orphaned.
  if (!ctx.global.json) ctx.io.stdout.write(`${submitted.jobArn}\n`);
  note(ctx, `submitted ${formatNumber(records.records.length)} records as ${jobName} (${prepared.resolution.modelId}); output to ${submitted.outputUri}`);
  note(ctx, `estimated cost at most ${estimate === null ? 'unknown' : formatUsd(estimate)}; ${NO_BATCH_PRICE}`);
  if (ctx.global.json) {
    printJson(ctx.io, {
      jobArn: submitted.jobArn,
      jobName,
      modelId: prepared.resolution.modelId,
      records: records.records.length,
      inputS3Uri: submitted.inputUri,
      outputS3Uri: submitted.outputUri,
      estimatedCostUsd: estimate,
      priceBasis: 'on-demand',
    });
  }
  if (!options.wait) return ExitCode.ok;
  return waitAndReport(ctx, submitted.jobArn, clients, options.pollInterval);
}

export async function batchStatus(ctx: CommandContext, options: WaitOptions, args: string[]): Promise<ExitCodeValue> {
  const { clients } = await clientOptions(ctx);
  const { getJob, listJobs, FAILED_STATES } = await import('../batch/jobs.js');
  let job = args[0];
  if (!job) {
    const latest = (await listJobs(clients, { max: 1 }))[0];
    if (!latest) throw usageError('no batch jobs in this region', 'Submit one with `bedrock-claude batch submit`.');
    job = latest.jobArn;
  }
  if (options.wait) return waitAndReport(ctx, job, clients, options.pollInterval);
  const summary = await getJob(job, clients);
  printJob(ctx, summary);
  return FAILED_STATES.includes(summary.status) ? ExitCode.bedrock : ExitCode.ok;
}

export async function batchList(ctx: CommandContext, options: { status?: string; max?: number }): Promise<ExitCodeValue> {
  const { clients } = await clientOptions(ctx);
  const { listJobs } = await import('../batch/jobs.js');
  const jobs = await listJobs(clients, { status: options.status, max: options.max ?? 50 });
  if (ctx.global.json) {
    printJson(ctx.io, jobs);
    return ExitCode.ok;
  }
  await printTable(
    ctx.io,
    ctx.out,
    [
      { header: 'JOB ID', value: (j: JobSummary) => j.jobId },
      { header: 'NAME', value: (j) => j.jobName ?? '-' },
      { header: 'STATUS', value: (j) => j.status },
      { header: 'MODEL', value: (j) => j.modelId ?? '-' },
      { header: 'SUBMITTED', value: (j) => j.submitTime ?? '-' },
      { header: 'ENDED', value: (j) => j.endTime ?? '-' },
    ],
    jobs,
  );
  if (jobs.length === 0) note(ctx, 'no batch jobs');
  return ExitCode.ok;
}

export async function batchCancel(ctx: CommandContext, _options: unknown, args: string[]): Promise<ExitCodeValue> {
  const { clients } = await clientOptions(ctx);
  const { cancelJob, getJob } = await import('../batch/jobs.js');
  await cancelJob(args[0] ?? '', clients);
  const summary = await getJob(args[0] ?? '', clients);
  if (ctx.global.json) printJson(ctx.io, summary);
  else ctx.io.stdout.write(`${summary.jobArn}\t${summary.status}\n`);
  return ExitCode.ok;
}

export async function batchResults(ctx: CommandContext, _options: unknown, args: string[]): Promise<ExitCodeValue> {
  const { clients } = await clientOptions(ctx);
  const { getJob, readOutput } = await import('../batch/jobs.js');
  const job = await getJob(args[0] ?? '', clients);
  const { results, manifest } = await readOutput(job, clients);
  const prepared = await prepareChat(ctx, { api: 'invoke', model: job.modelId ?? undefined });
  let total = 0;
  let known = true;
  for (const result of results) {
    const costUsd = result.usage ? costOfUsage(result.usage, prepared.resolution) : null;
    if (result.usage && costUsd === null) known = false;
    total += costUsd ?? 0;
    ctx.io.stdout.write(`${JSON.stringify(resultLine(result, costUsd))}\n`);
  }
  const failed = results.filter((r) => r.error).length;
  if (!ctx.global.quiet) {
    const counts = manifest ? ` (manifest: ${manifest.successRecordCount ?? '?'} succeeded, ${manifest.errorRecordCount ?? '?'} failed of ${manifest.totalRecordCount ?? '?'})` : '';
    ctx.io.stderr.write(`${ctx.err.dim(`${results.length} records · ${failed} failed${counts} · ${known ? formatUsd(total) : 'cost unknown'} at on-demand prices`)}\n`);
    warn(ctx, NO_BATCH_PRICE);
  }
  return failed > 0 || job.status !== 'Completed' ? ExitCode.bedrock : ExitCode.ok;
}

/** The result line of `converse --jsonl`, plus the record ID and how it was priced. */
function resultLine(result: RecordResult, costUsd: number | null) {
  return {
    index: result.index,
    ...(result.id !== undefined ? { id: result.id } : {}),
    text: result.text,
    usage: result.usage,
    costUsd,
    stopReason: result.stopReason,
    ...(result.error ? { error: result.error } : {}),
    recordId: result.recordId,
    priceBasis: 'on-demand',
  };
}

async function waitAndReport(ctx: CommandContext, job: string, clients: ClientOptions, pollSeconds = DEFAULT_POLL_SECONDS): Promise<ExitCodeValue> {
  const { getJob, TERMINAL_STATES, FAILED_STATES } = await import('../batch/jobs.js');
  const spinner = interactive(ctx.io, ctx.env) && !ctx.global.quiet ? (await import('ora')).default({ stream: ctx.io.stderr as unknown as NodeJS.WriteStream }).start() : undefined;
  const started = Date.now();
  let summary = await getJob(job, clients);
  try {
    while (!TERMINAL_STATES.includes(summary.status)) {
      const elapsed = Math.round((Date.now() - started) / 1000);
      if (spinner) spinner.text = `${summary.jobName ?? summary.jobId}: ${summary.status} (${elapsed} s)`;
      else note(ctx, `${summary.jobId}: ${summary.status}`);
      await sleep(pollSeconds * 1000, ctx.io.signal);
      summary = await getJob(job, clients);
    }
  } finally {
    spinner?.stop();
  }
  printJob(ctx, summary);
  return FAILED_STATES.includes(summary.status) ? ExitCode.bedrock : ExitCode.ok;
}

function printJob(ctx: CommandContext, job: JobSummary): void {
  if (ctx.global.json) {
    printJson(ctx.io, job);
    return;
  }
  ctx.io.stdout.write(`${job.jobArn}\t${job.status}\n`);
  const timing = [job.submitTime && `submitted ${job.submitTime}`, job.endTime && `ended ${job.endTime}`].filter(Boolean).join(', ');
  note(ctx, ctx.err.dim(`${job.jobName ?? job.jobId} · ${job.modelId ?? ''} · ${timing}`));
  if (job.message) note(ctx, `${job.status === 'Failed' ? ctx.err.red('message:') : 'message:'} ${job.message}`);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(interrupted('waiting for the batch job (it keeps running; check it with `bedrock-claude batch status`)'));
    });
  });
}

