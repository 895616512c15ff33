// `cost estimate`: what a request or a workload costs, offline. Parses the options, gathers the
// inputs (cost-inputs.ts), resolves the targets (pricing/target.ts), estimates (pricing/estimate.ts)
// and renders (render/cost.ts). Only --exact touches AWS, through a lazily imported module.
import { describeSource, type Scope, type Settings } from '../config/load.js';
import { aliasTargets, requireRegion } from '../config/region.js';
import { CliError, ExitCode, usageError, type ExitCodeValue } from '../errors.js';
import { readLiveCache, toResolverData } from '../models/live-cache.js';
import type { Workload } from '../pricing/cost.js';
import { countInput, estimate, type CacheTtl, type Estimate, type ExactCount, type RequestInputs } from '../pricing/estimate.js';
import { usdToPico } from '../pricing/money.js';
import type { LoadedOverrides } from '../pricing/overrides.js';
import { currentTierModels, targetFromResolution, targetWithoutRegion, type PricingTarget } from '../pricing/target.js';
import { breakdownColumns, breakdownRows, compareColumns, compareJson, compareRows, estimateJson } from '../render/cost.js';
import { printJson, printTable } from '../render/table.js';
import { resolveModel, type LiveRegionData } from '../resolver.js';
import { note, warn, type CommandContext } from './context.js';
import { readAttachments, readOverrides, readPromptFile, readStdin } from './cost-inputs.js';
import { formatNumber } from '../render/format.js';

export interface CostEstimateOptions {
  model?: string[];
  scope?: string;
  inputTokens?: number;
  outputTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  cacheTtl?: CacheTtl;
  promptFile?: string;
  attach?: string[];
  maxTokens?: number;
  thinkingBudget?: number;
  exact?: boolean;
  batch?: boolean;
  requests?: number;
  per?: 'day' | 'month';
  credits?: number;
  compare?: boolean;
  prices?: string;
  date?: string;
}

export async function costEstimate(ctx: CommandContext, options: CostEstimateOptions, args: string[]): Promise<ExitCodeValue> {
  const models = options.model ?? [];
  checkOptions(options, models);
  const settings = await ctx.settings({ model: models[0], scope: options.scope });
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const inputs = await gatherInputs(ctx, options, args);
  const loaded = options.prices ? await readOverrides(options.prices, ctx.cwd) : undefined;
  const region = settings.region?.value ?? null;

  const targets = options.compare ? await compareTargets(ctx, settings, models, date) : [await singleTarget(ctx, settings, date)];
  if (!region) {
    const scope = settings.scope.value;
    note(ctx, ctx.err.dim(`no region set: pricing the ${scope === 'auto' ? 'global route where a model has one, else the regional price' : `${scope} route`} without region checks (add --region to check the route)`));
  }

  const exact = options.exact ? await exactCounts(ctx, settings, targets, inputs) : new Map<string, ExactCount>();
  const workload: Workload | undefined = options.requests !== undefined ? { requests: options.requests, per: options.per ?? 'day' } : undefined;
  const estimates = targets.map((target) =>
    estimate(target, inputs, countInput(inputs, target.model, exact.get(target.baseModelId ?? '')), {
      batch: Boolean(options.batch),
      date,
      overrides: loaded?.overrides,
      overrideSource: loaded && { source: loaded.source, asOf: loaded.asOf },
      workload,
      credits: options.credits !== undefined ? usdToPico(options.credits) : undefined,
    }),
  );

  if (options.compare) {
    const rows = compareRows(estimates);
    if (ctx.global.json) printJson(ctx.io, compareJson(rows));
    else await printTable(ctx.io, ctx.out, compareColumns(rows, ctx.io.stdoutIsTTY), rows);
    describeInputs(ctx, estimates[0], loaded, Boolean(options.exact));
    for (const message of new Set(estimates.flatMap((e) => e.warnings))) warn(ctx, message);
    return ExitCode.ok;
  }

  const single = estimates[0]!;
  if (ctx.global.json) printJson(ctx.io, estimateJson(single));
  else await printTable(ctx.io, ctx.out, breakdownColumns, breakdownRows(single));
  describeEstimate(ctx, single, settings);
  describeInputs(ctx, single, loaded, Boolean(options.exact));
  for (const message of single.warnings) warn(ctx, message);
  return ExitCode.ok;
}

// ─── Inputs ─────────────────────────────────────────────────────────────────

function checkOptions(options: CostEstimateOptions, models: string[]): void {
  if (models.length > 1 && !options.compare) {
    throw usageError(`-m was given ${models.length} times`, 'Give one -m, or add --compare to compare several models.');
  }
  if (options.per !== undefined && options.requests === undefined) {
    throw usageError('--per needs --requests', 'Add --requests <n>, e.g. --requests 1000 --per day.');
  }
  if (options.outputTokens !== undefined && options.maxTokens !== undefined) {
    throw usageError('--output-tokens and --max-tokens both set the output', 'Give --output-tokens for an expected count, or --max-tokens for the worst case.');
  }
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw usageError(`--date "${options.date}" is not a date`, 'Use YYYY-MM-DD, e.g. --date 2026-08-15.');
  }
  if (options.credits !== undefined && options.credits <= 0) {
    throw usageError('--credits must be more than 0', 'Give the credit pool in US dollars, e.g. --credits 5000.');
  }
}

async function gatherInputs(ctx: CommandContext, options: CostEstimateOptions, args: string[]): Promise<RequestInputs> {
  const [argument] = args;
  let text: RequestInputs['text'];
  if (argument !== undefined && options.promptFile !== undefined) {
    throw usageError('the prompt was given both as an argument and with --prompt-file', 'Give one of them.');
  }
  if (argument === '-') text = { text: await readStdin(ctx.io), source: 'stdin' };
  else if (argument !== undefined) text = { text: argument, source: 'argument' };
  else if (options.promptFile !== undefined) text = await readPromptFile(options.promptFile, ctx.cwd, ctx.io);

  const attachments = await readAttachments(options.attach ?? [], ctx.cwd);
  const numbers = [options.inputTokens, options.outputTokens, options.cacheReadTokens, options.cacheWriteTokens, options.maxTokens, options.thinkingBudget];
  const nothingElse = text === undefined && attachments.length === 0 && numbers.every((n) => n === undefined);
  // stdin is read on its own only when nothing else was given, so a pipe left open never blocks.
  if (nothingElse && !ctx.io.stdinIsTTY) {
    const piped = await readStdin(ctx.io);
    if (piped.length > 0) text = { text: piped, source: 'stdin' };
  }
  if (text === undefined && attachments.length === 0 && numbers.every((n) => n === undefined)) {
    throw usageError(
      'nothing to estimate: no token counts and no text',
      'Give token counts (--input-tokens 12000 --output-tokens 800), a prompt (argument, --prompt-file or stdin) or --attach <file>.',
    );
  }
  if (text !== undefined && text.text.length === 0) warn(ctx, `the prompt from ${text.source} is empty`);
  return {
    inputTokens: options.inputTokens,
    text,
    attachments,
    outputTokens: options.outputTokens,
    maxTokens: options.maxTokens,
    thinkingBudget: options.thinkingBudget,
    cacheReadTokens: options.cacheReadTokens ?? 0,
    cacheWriteTokens: options.cacheWriteTokens ?? 0,
    cacheTtl: options.cacheTtl ?? '5m',
  };
}

// ─── Targets ────────────────────────────────────────────────────────────────

async function liveData(ctx: CommandContext, settings: Settings, region: string): Promise<LiveRegionData | undefined> {
  const live = await readLiveCache(ctx.env, region, settings.controlEndpoint?.value ?? null);
  return live ? toResolverData(live) : undefined;
}

async function singleTarget(ctx: CommandContext, settings: Settings, date: string): Promise<PricingTarget> {
  return targetFor(ctx, settings, settings.model.value, settings.scope.value, settings.scope.source.kind !== 'default', date);
}

async function targetFor(ctx: CommandContext, settings: Settings, input: string, scope: Scope, scopeExplicit: boolean, date: string): Promise<PricingTarget> {
  const region = settings.region?.value;
  if (!region) return targetWithoutRegion({ input, scope, scopeExplicit, aliases: aliasTargets(settings), today: date });
  const resolution = resolveModel({
    input,
    region,
    scope,
    scopeExplicit,
    aliases: aliasTargets(settings),
    live: await liveData(ctx, settings, region),
    today: date,
  });
  return targetFromResolution(resolution);
}

/** The newest model of each tier plus every -m, on each scope the region (or the model) offers. */
async function compareTargets(ctx: CommandContext, settings: Settings, models: string[], date: string): Promise<PricingTarget[]> {
  const names = [...currentTierModels(date).map((m) => m.aliases[0] ?? m.id), ...models];
  const explicit = settings.scope.source.kind !== 'default' && settings.scope.value !== 'auto';
  const scopes: Scope[] = explicit ? [settings.scope.value] : ['global', 'geo', 'region'];
  const targets: PricingTarget[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const found: PricingTarget[] = [];
    let lastError: CliError | undefined;
    for (const scope of scopes) {
      try {
        found.push(await targetFor(ctx, settings, name, scope, true, date));
      } catch (err) {
        if (!(err instanceof CliError) || err.exitCode !== ExitCode.rejected) throw err;
        lastError = err;
      }
    }
    if (found.length === 0 && lastError) {
      // A model named with -m that cannot be priced on any scope is the user's error; a tier is skipped.
      if (models.includes(name)) throw lastError;
      note(ctx, ctx.err.dim(`skipped ${name}: ${lastError.message}`));
    }
    for (const target of found) {
      const key = settings.region ? target.modelId : `${target.baseModelId ?? target.modelId}|${target.priceScope}`;
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push(target);
    }
  }
  return targets;
}

// ─── --exact ────────────────────────────────────────────────────────────────

async function exactCounts(ctx: CommandContext, settings: Settings, targets: PricingTarget[], inputs: RequestInputs): Promise<Map<string, ExactCount>> {
  const counts = new Map<string, ExactCount>();
  const parts = [
    ...(inputs.text ? [{ kind: 'text' as const, text: inputs.text.text }] : []),
    ...inputs.attachments.map((a) =>
      a.media.kind === 'image'
        ? { kind: 'image' as const, bytes: a.bytes, mediaType: a.media.mediaType }
        : a.media.kind === 'pdf'
          ? { kind: 'pdf' as const, bytes: a.bytes }
          : { kind: 'text' as const, text: a.media.kind === 'text' ? a.media.text : '' },
    ),
  ];
  if (parts.length === 0) {
    note(ctx, ctx.err.dim('--exact: no text or attachment to count; the token counts given are used as they are'));
    return counts;
  }
  const region = requireRegion(settings);
  const { countTokensExactly } = await import('../pricing/count-exact.js');
  const debug = ctx.global.debug ? (line: string) => ctx.io.stderr.write(`${ctx.err.dim(line)}\n`) : undefined;
  for (const baseId of new Set(targets.map((t) => t.baseModelId).filter((id): id is string => id !== null))) {
    // CountTokens takes base model IDs only: a profile's tokens are counted with its base ID.
    const result = await countTokensExactly({ settings, region, modelId: baseId, parts, debug });
    if (result.ok) {
      counts.set(baseId, { tokens: result.inputTokens, modelId: baseId });
      continue;
    }
    const messagesApi = targets.find((t) => t.baseModelId === baseId)?.model?.integration.value === 'messages-api';
    warn(
      ctx,
      `--exact: CountTokens cannot count with ${baseId} in ${region} (${result.reason}); using the offline estimate instead` +
        (messagesApi ? '. Messages-API models are counted by the bedrock-mantle count_tokens endpoint, which this version does not call yet' : ''),
    );
  }
  return counts;
}

// ─── Notes on stderr ────────────────────────────────────────────────────────

function describeEstimate(ctx: CommandContext, e: Estimate, settings: Settings): void {
  const s = ctx.err;
  const t = e.target;
  const where = t.region ? `region ${t.region} (${describeSource(settings.region!.source)})` : 'no region';
  note(ctx, s.dim(`${t.model?.name ?? t.baseModelId ?? t.modelId} · ${t.modelId} · scope ${t.scope} · ${where}`));
  if (e.price) {
    const row = e.price.row;
    const dates = row.validFrom || row.validTo ? ` valid ${row.validFrom ?? '…'} to ${row.validTo ?? '…'},` : '';
    const ids = e.sources.map((x) => x.id).join(', ');
    note(ctx, s.dim(`prices: "${row.scope}" row,${dates} as of ${e.pricesAsOf ?? 'undated'} (${e.price.origin === 'catalog' ? `catalog sources ${ids}` : e.priceSource}) for ${e.date}`));
    if (e.cost?.longContext) note(ctx, s.dim('long context: more than 200K input tokens, so every line is priced at the >200K rates'));
  }
}

function describeInputs(ctx: CommandContext, e: Estimate | undefined, loaded: LoadedOverrides | undefined, exact: boolean): void {
  if (!e) return;
  const s = ctx.err;
  for (const part of e.input.parts) {
    if (part.kind !== 'given') note(ctx, s.dim(`input ${part.source}: ${formatNumber(part.tokens)} tokens, ${part.method}`));
  }
  if (e.input.method.includes('offline-estimate') && !exact) {
    note(ctx, s.dim('token counts are offline estimates; add --exact to count with Bedrock (needs a region and credentials)'));
  }
  if (e.output.basis !== 'given') note(ctx, s.dim(`output: ${e.output.label}`));
  if (loaded) note(ctx, s.dim(`price overrides from ${loaded.source}`));
}
