// converse --jsonl: many prompts from stdin, up to --concurrency at once, one result line per
// input in input order, printed as soon as every line before it is done. A failed item gets an
// `error` and the run goes on; the exit code is 5 if any item failed.
import type { CommandContext } from '../commands/context.js';
import { interactive } from '../io.js';
import { CliError, ExitCode, toCliError, type ExitCodeValue } from '../errors.js';
import { readAttachments } from './attachments.js';
import { decodeText, readAll, readTextOption } from './input.js';
import { costOfUsage } from './cost.js';
import type { Usage } from './types.js';
import { checkParameters } from './validate.js';
import { itemRequest, parseItem, type Item } from './items.js';
import { chatClientOptions, requestTimeoutMs, type ChatOptions, type PreparedChat } from './run.js';
import { formatNumber } from '../render/format.js';

export const DEFAULT_CONCURRENCY = 4;

interface ItemResult {
  index: number;
  id?: string | number;
  text: string | null;
  stopReason: string | null;
  usage: Usage | null;
  costUsd: number | null;
  error?: { cause: string; message: string };
}

export async function runJsonl(ctx: CommandContext, options: ChatOptions, prepared: PreparedChat, concurrency = DEFAULT_CONCURRENCY): Promise<ExitCodeValue> {
  const { resolution, settings, region } = prepared;
  const lines = decodeText(await readAll(ctx.io.stdin), 'stdin').split('\n').filter((line) => line.trim() !== '');
  const items = lines.map(parseItem);
  const [attachments, defaultSystem] = await Promise.all([readAttachments(options.attach ?? [], ctx.cwd), readTextOption(options.system, ctx.cwd, '--system file')]);

  const { sendChat } = await import('./send.js');
  const { bedrockRuntimeClient } = await import('../aws/clients.js');
  const clientOptions = {
    ...chatClientOptions(ctx, settings, region, requestTimeoutMs(options.timeout, options.maxTokens ?? settings.maxTokens.value, false)),
    maxSockets: Math.max(50, concurrency),
  };
  const runtime = options.dryRun ? undefined : await bedrockRuntimeClient(clientOptions);
  const progress = new Progress(ctx, items.length);

  const runItem = async (item: Item): Promise<ItemResult | undefined> => {
    const base = { index: item.index, ...(item.id !== undefined ? { id: item.id } : {}) };
    if (item.error) return { ...base, text: null, stopReason: null, usage: null, costUsd: null, error: item.error };
    try {
      const request = itemRequest(item, options, attachments, defaultSystem, resolution, settings.maxTokens.value);
      checkParameters(request, resolution.model);
      const result = await sendChat({ api: 'converse', modelId: resolution.modelId, request, stream: false, client: clientOptions, runtime, onEvent: () => {}, signal: ctx.io.signal });
      return { ...base, text: result.text, stopReason: result.stopReason, usage: result.usage, costUsd: costOfUsage(result.usage, resolution) };
    } catch (err) {
      if (ctx.io.signal?.aborted) return undefined; // interrupted: not run, not a failure
      const { fromAwsError } = await import('../aws/errors.js');
      const error = err instanceof CliError ? err : toCliError(fromAwsError(err, `item ${item.index + 1}`, { model: resolution.modelId, region, api: 'converse' }));
      return { ...base, text: null, stopReason: null, usage: null, costUsd: null, error: { cause: error.causeCode, message: error.message } };
    }
  };

  // Results wait in `done` until every line before them has been printed.
  const done = new Map<number, ItemResult>();
  let nextToPrint = 0;
  let cursor = 0;
  const totals = { failed: 0, input: 0, output: 0, cost: 0, costKnown: true };
  const worker = async () => {
    while (cursor < items.length && !ctx.io.signal?.aborted) {
      const item = items[cursor++]!;
      const result = await runItem(item);
      if (!result) continue;
      done.set(result.index, result);
      if (result.error) totals.failed++;
      if (result.usage) {
        totals.input += result.usage.inputTokens;
        totals.output += result.usage.outputTokens;
      }
      if (result.costUsd === null && !result.error) totals.costKnown = false;
      totals.cost += result.costUsd ?? 0;
      for (let ready = done.get(nextToPrint); ready; ready = done.get(nextToPrint)) {
        ctx.io.stdout.write(`${JSON.stringify(ready)}\n`);
        done.delete(nextToPrint++);
      }
      progress.update(nextToPrint, totals.cost);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  } finally {
    runtime?.destroy();
    progress.clear();
  }
  if (ctx.io.signal?.aborted) {
    ctx.io.stderr.write(`interrupted: ${nextToPrint} of ${items.length} results printed, ${items.length - nextToPrint} not run or not printed\n`);
    return ExitCode.interrupted;
  }
  if (!ctx.global.quiet) {
    const cost = totals.costKnown ? `$${totals.cost.toFixed(4)}` : 'cost unknown';
    ctx.io.stderr.write(
      `${ctx.err.dim(`${items.length} items · ${totals.failed} failed · in ${formatNumber(totals.input)} · out ${formatNumber(totals.output)} · ${cost}`)}\n`,
    );
  }
  return totals.failed > 0 ? ExitCode.bedrock : ExitCode.ok;
}

/** done/total, rate and cost so far, redrawn in place on a TTY; silent otherwise. */
class Progress {
  private readonly enabled: boolean;
  private readonly started = Date.now();

  constructor(
    private readonly ctx: CommandContext,
    private readonly total: number,
  ) {
    this.enabled = interactive(ctx.io, ctx.env) && !ctx.global.quiet;
  }

  update(done: number, cost: number): void {
    if (!this.enabled) return;
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    this.ctx.io.stderr.write(`\r\u001b[2K${done}/${this.total} · ${(done / seconds).toFixed(1)}/s · $${cost.toFixed(4)}`);
  }

  clear(): void {
    if (this.enabled) this.ctx.io.stderr.write('\r\u001b[2K');
  }
}
