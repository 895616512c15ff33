// One estimate: the tokens of a request (given, counted offline, or counted by Bedrock), priced for
// a target, scaled to a workload and a pool of credits. Pure: the command gathers the inputs.
import { catalog, type CatalogModel, type SourceRef } from '../catalog/index.js';
import {
  costFromRow,
  creditsRunway,
  findPrice,
  workloadCost,
  type Cost,
  type CreditsRunway,
  type PriceLookup,
  type PriceOverrides,
  type Usage,
  type Workload,
  type WorkloadCost,
} from './cost.js';
import type { Media } from './media.js';
import type { Pico } from './money.js';
import type { PricingTarget } from './target.js';
import { estimateTextTokens, imageTierFor, imageTokens, MAX_IMAGE_EDGE, pdfTokens, PDF_TOKENS_PER_PAGE, textMethod, tokenizerFor } from './tokens.js';
import { formatNumber } from '../render/format.js';

export type CacheTtl = '5m' | '1h';

export interface Attachment {
  path: string;
  media: Media;
  bytes: Uint8Array;
}

/** What the user gave, before any model is known. */
export interface RequestInputs {
  inputTokens?: number;
  text?: { text: string; source: string };
  attachments: Attachment[];
  outputTokens?: number;
  maxTokens?: number;
  thinkingBudget?: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheTtl: CacheTtl;
}

export interface CountedPart {
  source: string;
  kind: 'given' | 'text' | 'image' | 'pdf';
  tokens: number;
  method: string;
}

export interface InputCount {
  tokens: number;
  parts: CountedPart[];
  /** "given", "offline-estimate", "count-tokens", or a mix joined with "+". */
  method: string;
  warnings: string[];
}

/** An exact count from CountTokens for the text and attachments together. */
export interface ExactCount {
  tokens: number;
  modelId: string;
}

export function countInput(inputs: RequestInputs, model: CatalogModel | undefined, exact?: ExactCount): InputCount {
  const parts: CountedPart[] = [];
  const warnings: string[] = [];
  if (inputs.inputTokens !== undefined) parts.push({ source: '--input-tokens', kind: 'given', tokens: inputs.inputTokens, method: 'given' });
  if (exact) {
    parts.push({ source: countedSources(inputs), kind: 'text', tokens: exact.tokens, method: `CountTokens (${exact.modelId})` });
  } else {
    const generation = tokenizerFor(model);
    if (inputs.text) {
      parts.push({ source: inputs.text.source, kind: 'text', tokens: estimateTextTokens(inputs.text.text, generation), method: textMethod(generation) });
    }
    for (const attachment of inputs.attachments) parts.push(countAttachment(attachment, model, warnings));
  }
  const kinds = new Set(parts.map((p) => (p.kind === 'given' ? 'given' : exact ? 'count-tokens' : 'offline-estimate')));
  return {
    tokens: parts.reduce((sum, p) => sum + p.tokens, 0),
    parts,
    method: [...kinds].join('+') || 'given',
    warnings,
  };
}

function countedSources(inputs: RequestInputs): string {
  return [inputs.text?.source, ...inputs.attachments.map((a) => a.path)].filter(Boolean).join(', ');
}

function countAttachment(attachment: Attachment, model: CatalogModel | undefined, warnings: string[]): CountedPart {
  const { media, path } = attachment;
  switch (media.kind) {
    case 'image': {
      const tier = imageTierFor(model);
      if (Math.max(media.width, media.height) > MAX_IMAGE_EDGE) warnings.push(`${path}: ${media.width}×${media.height} px is above the ${MAX_IMAGE_EDGE} px limit; Bedrock will refuse it`);
      const image = imageTokens(media.width, media.height, tier);
      const seen = image.resized ? `, resized to ${image.width}×${image.height}` : '';
      return { source: path, kind: 'image', tokens: image.tokens, method: `${media.width}×${media.height} px${seen}: ⌈w/28⌉×⌈h/28⌉ patches (${tier} tier)` };
    }
    case 'pdf': {
      const pages = media.pages ?? 1;
      if (media.pages === null) warnings.push(`${path}: could not count the PDF's pages (compressed page tree); counted as 1 page`);
      return {
        source: path,
        kind: 'pdf',
        tokens: pdfTokens(pages),
        method: `${pages} page${pages === 1 ? '' : 's'} × ${formatNumber(PDF_TOKENS_PER_PAGE.high)} tokens (upper end of Anthropic's ${formatNumber(PDF_TOKENS_PER_PAGE.low)}–${formatNumber(PDF_TOKENS_PER_PAGE.high)} per page; page images not included)`,
      };
    }
    case 'text': {
      const generation = tokenizerFor(model);
      return { source: path, kind: 'text', tokens: estimateTextTokens(media.text, generation), method: textMethod(generation) };
    }
    case 'unknown':
      // The command rejects these before counting; kept total for the type.
      return { source: path, kind: 'text', tokens: 0, method: media.reason };
  }
}

export interface OutputCount {
  tokens: number;
  /** "given", "max-tokens" (worst case), "thinking-budget", "given+thinking", "none". */
  basis: string;
  label: string;
}

/** Output tokens: the expected count (plus thinking), or the worst case from max_tokens. */
export function countOutput(inputs: RequestInputs): OutputCount {
  const { outputTokens, maxTokens, thinkingBudget } = inputs;
  if (maxTokens !== undefined) {
    // max_tokens caps thinking and text together, so the worst case is max_tokens itself.
    const tokens = Math.max(maxTokens, thinkingBudget ?? 0);
    return { tokens, basis: 'max-tokens', label: `worst case: max_tokens ${formatNumber(maxTokens)}${thinkingBudget ? ' (includes the thinking budget)' : ''}` };
  }
  if (outputTokens !== undefined && thinkingBudget !== undefined) {
    return { tokens: outputTokens + thinkingBudget, basis: 'given+thinking', label: 'output + thinking budget (thinking is billed as output)' };
  }
  if (thinkingBudget !== undefined) return { tokens: thinkingBudget, basis: 'thinking-budget', label: 'thinking budget only (add --output-tokens for the answer)' };
  if (outputTokens !== undefined) return { tokens: outputTokens, basis: 'given', label: 'given' };
  return { tokens: 0, basis: 'none', label: 'none given (add --output-tokens or --max-tokens)' };
}

export interface EstimateOptions {
  batch: boolean;
  date: string;
  overrides?: PriceOverrides;
  overrideSource?: { source: string; asOf: string | null };
  workload?: Workload;
  credits?: Pico;
}

export interface Estimate {
  target: PricingTarget;
  usage: Required<Usage>;
  cacheTtl: CacheTtl;
  input: InputCount;
  output: OutputCount;
  price?: PriceLookup;
  cost?: Cost;
  batch: boolean;
  date: string;
  priceSource: string | null;
  pricesAsOf: string | null;
  sources: Array<SourceRef & { id: string }>;
  /** The workload and credits asked for (their costs below are absent when no price is known). */
  asked: { workload?: Workload; credits?: Pico };
  workload?: Workload & WorkloadCost;
  credits?: { pico: Pico } & CreditsRunway;
  warnings: string[];
}

export function estimate(target: PricingTarget, inputs: RequestInputs, input: InputCount, options: EstimateOptions): Estimate {
  const output = countOutput(inputs);
  const usage: Required<Usage> = {
    inputTokens: input.tokens,
    outputTokens: output.tokens,
    cacheReadTokens: inputs.cacheReadTokens,
    cacheWriteTokens: inputs.cacheTtl === '5m' ? inputs.cacheWriteTokens : 0,
    cacheWrite1hTokens: inputs.cacheTtl === '1h' ? inputs.cacheWriteTokens : 0,
  };
  const warnings = [...target.warnings, ...input.warnings];
  const model = target.model;
  if (model && inputs.maxTokens !== undefined && inputs.maxTokens > model.maxOutputTokens.value) {
    warnings.push(`max_tokens ${formatNumber(inputs.maxTokens)} is above ${model.name}'s output limit of ${formatNumber(model.maxOutputTokens.value)}; Bedrock will refuse it`);
  }
  const inputSide = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens + usage.cacheWrite1hTokens;
  if (model && inputSide > model.contextWindow.value) {
    const beta = model.capabilities.value.context1m === 'beta' && inputSide <= 1_000_000;
    warnings.push(
      `${formatNumber(inputSide)} input tokens exceed ${model.name}'s ${formatNumber(model.contextWindow.value)}-token context window` +
        (beta ? '; the request needs the 1M-context beta flag (anthropic_beta)' : ''),
    );
  }
  const caching = model?.capabilities.value.promptCaching;
  if (model && inputs.cacheReadTokens + inputs.cacheWriteTokens > 0 && caching) {
    if (!caching.supported) warnings.push(`${model.name} does not support prompt caching on Bedrock`);
    else if (inputs.cacheWriteTokens > 0 && caching.ttls && !caching.ttls.includes(inputs.cacheTtl)) {
      warnings.push(`${model.name} supports only the ${caching.ttls.join('/')} cache TTL on Bedrock`);
    }
  }

  const price = findPrice(model, target.baseModelId, target.priceScope, options.date, options.overrides);
  const cost = price ? costFromRow(usage, price.row, { batch: options.batch }) : undefined;
  if (!price) warnings.push(`no known price for ${model?.name ?? target.baseModelId ?? target.modelId} (${target.priceScope}) on ${options.date}; add it with --prices <file>`);
  if (cost && cost.missing.length > 0) {
    warnings.push(`no ${cost.missing.join(', ')} price for ${model?.name ?? target.modelId} (${price?.row.scope}): that line and the total are unknown`);
  }
  if (options.batch && cost && !cost.batchApplied) {
    warnings.push(
      cost.row.batch
        ? 'no batch price for long-context requests is known: on-demand long-context prices shown'
        : `BATCH PRICE UNKNOWN: AWS documents batch inference at a discount, but no verified batch price for ${model?.name ?? target.modelId} is in the catalog, so these are ON-DEMAND prices (add "batch" rows with --prices)`,
    );
  }

  const sources = price?.origin === 'catalog' ? price.row.source.map((id) => ({ id, ...(catalog.sources[id] ?? { title: id, asOf: '', kind: 'third-party' as const }) })) : [];
  const priceSource = !price
    ? null
    : price.origin === 'override'
      ? (options.overrideSource?.source ?? 'overrides')
      : `catalog: ${sources.map((s) => `[${s.id}] ${s.title}${s.url ? ` <${s.url}>` : ''}`).join('; ')}`;
  const pricesAsOf = !price ? null : price.origin === 'override' ? (options.overrideSource?.asOf ?? null) : price.row.asOf;

  const perRequest = cost?.pico.total ?? null;
  const workload = options.workload && perRequest !== null ? { ...options.workload, ...workloadCost(perRequest, options.workload) } : undefined;
  const credits =
    options.credits !== undefined && perRequest !== null
      ? { pico: options.credits, ...creditsRunway(options.credits, perRequest, workload?.daily ?? null) }
      : undefined;

  return {
    target,
    usage,
    cacheTtl: inputs.cacheTtl,
    input,
    output,
    price,
    cost,
    batch: options.batch,
    date: options.date,
    priceSource,
    pricesAsOf,
    sources,
    asked: { workload: options.workload, credits: options.credits },
    workload,
    credits,
    warnings,
  };
}

/** The amount a comparison sorts by: the monthly cost with a workload, else the per-request cost. */
export function comparisonAmount(e: Estimate): Pico | null {
  return e.workload?.monthly ?? e.cost?.pico.total ?? null;
}
