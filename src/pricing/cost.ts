// What a request costs: usage × the price row for the model, route and date. Pure: no IO.
// `cost estimate` uses it for planned requests; invoke/converse use it for actual usage.
//
// Long context: where a row has an above200k tier and the request's input (input + cache reads +
// cache writes) exceeds 200,000 tokens, every line of that request is priced at the tier's rates.
// Anthropic's pricing page: "If your request exceeds 200k input tokens, all tokens incur premium
// pricing. The 200k threshold is based solely on input tokens (including cache reads/writes)."
import { priceRow, type CatalogModel, type PriceRow, type PriceTable } from '../catalog/index.js';
import { lineCost, mulDiv, picoToUsd, type Pico } from './money.js';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  /** Cache writes with the 5-minute TTL (the default). */
  cacheWriteTokens?: number;
  /** Cache writes with the 1-hour TTL. */
  cacheWrite1hTokens?: number;
}

export type CostLine = 'input' | 'output' | 'cacheRead' | 'cacheWrite';

export interface Cost {
  /** USD per line; null when the line has tokens but the row has no price for it. */
  input: number | null;
  output: number | null;
  cacheRead: number | null;
  cacheWrite: number | null;
  /** null when any line is null. */
  total: number | null;
  /** The exact amounts, for workloads and sums (see money.ts). */
  pico: Record<CostLine | 'total', Pico | null>;
  /** The USD per 1M tokens applied to each line (cacheWrite: the TTL used, or 5m when both). */
  rates: { input: number; output: number; cacheRead: number | null; cacheWrite5m: number | null; cacheWrite1h: number | null };
  row: PriceRow;
  longContext: boolean;
  /** Batch prices were asked for and the row has them. */
  batchApplied: boolean;
  /** Lines that have tokens but no price (e.g. "cacheWrite1h"). */
  missing: string[];
}

export interface CostOptions {
  batch?: boolean;
}

export const LONG_CONTEXT_THRESHOLD = 200_000;

/** The price-row scope of a route: "global", "us-gov", a region for in-region calls, else "regional".
 *  priceRow() falls back from a region or prefix to "regional" when no row names it. */
export function priceScopeFor(route: { scope: string; prefix?: string; region?: string | null }): string {
  if (route.prefix === 'global' || (route.scope === 'global' && !route.prefix)) return 'global';
  if (route.prefix === 'us-gov') return 'us-gov';
  if (route.prefix) return 'regional';
  if ((route.scope === 'region' || route.scope === 'arn') && route.region) return route.region;
  return 'regional';
}

/** Price overrides (--prices): base model ID → rows that replace the catalog's rows for that model. */
export type PriceOverrides = Map<string, PriceRow[]>;

export interface PriceLookup {
  row: PriceRow;
  origin: 'catalog' | 'override';
}

/** The row for a model (or an ID the catalog does not know) on a route and date. */
export function findPrice(
  model: CatalogModel | undefined,
  baseModelId: string | null,
  priceScope: string,
  date: string,
  overrides?: PriceOverrides,
): PriceLookup | undefined {
  const overridden = (baseModelId && overrides?.get(baseModelId)) || (model && overrides?.get(model.id));
  if (overridden) {
    const row = selectRow(overridden, priceScope, date);
    return row ? { row, origin: 'override' } : undefined;
  }
  const row = model ? priceRow(model, priceScope, date) : undefined;
  return row ? { row, origin: 'catalog' } : undefined;
}

/** priceRow()'s rule over any list of rows: exact scope, then "global" or "regional", within dates. */
export function selectRow(rows: PriceRow[], scope: string, date: string): PriceRow | undefined {
  const current = rows.filter((row) => (!row.validFrom || row.validFrom <= date) && (!row.validTo || date <= row.validTo));
  return current.find((row) => row.scope === scope) ?? current.find((row) => row.scope === (scope === 'global' ? 'global' : 'regional'));
}

/** The cost of one request's usage on a model and route, or undefined when no price is known. */
export function costOf(
  usage: Usage,
  model: CatalogModel | undefined,
  priceScope: string,
  date: string,
  options: CostOptions & { baseModelId?: string | null; overrides?: PriceOverrides } = {},
): Cost | undefined {
  const found = findPrice(model, options.baseModelId ?? model?.id ?? null, priceScope, date, options.overrides);
  return found ? costFromRow(usage, found.row, options) : undefined;
}

/** The arithmetic: each line is tokens × its rate, exactly (money.ts); the total sums the lines. */
export function costFromRow(usage: Usage, row: PriceRow, options: CostOptions = {}): Cost {
  const cacheRead = usage.cacheReadTokens ?? 0;
  const write5m = usage.cacheWriteTokens ?? 0;
  const write1h = usage.cacheWrite1hTokens ?? 0;
  const inputSide = usage.inputTokens + cacheRead + write5m + write1h;
  const longContext = row.above200k !== undefined && inputSide > LONG_CONTEXT_THRESHOLD;
  const table: PriceTable = longContext && row.above200k ? row.above200k : row;
  const batchApplied = Boolean(options.batch && row.batch && !longContext);
  const rates = {
    input: batchApplied && row.batch ? row.batch.input : table.input,
    output: batchApplied && row.batch ? row.batch.output : table.output,
    cacheRead: table.cacheRead ?? null,
    cacheWrite5m: table.cacheWrite5m ?? null,
    cacheWrite1h: table.cacheWrite1h ?? null,
  };

  const missing: string[] = [];
  const priced = (tokens: number, rate: number | null, name: string): Pico | null => {
    if (tokens === 0) return 0n;
    if (rate === null) {
      missing.push(name);
      return null;
    }
    return lineCost(tokens, rate);
  };
  const input = priced(usage.inputTokens, rates.input, 'input');
  const output = priced(usage.outputTokens, rates.output, 'output');
  const read = priced(cacheRead, rates.cacheRead, 'cacheRead');
  const w5 = priced(write5m, rates.cacheWrite5m, 'cacheWrite5m');
  const w1 = priced(write1h, rates.cacheWrite1h, 'cacheWrite1h');
  const write = w5 === null || w1 === null ? null : w5 + w1;
  const lines = [input, output, read, write];
  const total = lines.every((p): p is Pico => p !== null) ? lines.reduce((a, b) => a + b, 0n) : null;
  const usd = (p: Pico | null) => (p === null ? null : picoToUsd(p));
  return {
    input: usd(input),
    output: usd(output),
    cacheRead: usd(read),
    cacheWrite: usd(write),
    total: usd(total),
    pico: { input, output, cacheRead: read, cacheWrite: write, total },
    rates,
    row,
    longContext,
    batchApplied,
    missing,
  };
}

/** Sums exact amounts; null if any is null. */
export function sumPico(values: Array<Pico | null>): Pico | null {
  let sum = 0n;
  for (const value of values) {
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

// ─── Workloads ──────────────────────────────────────────────────────────────

/** A month is 30 days: simple to check by hand, and stated wherever a monthly figure is shown. */
export const DAYS_PER_MONTH = 30;

export interface Workload {
  requests: number;
  per: 'day' | 'month';
}

export interface WorkloadCost {
  requestsPerDay: number;
  requestsPerMonth: number;
  perRequest: Pico;
  daily: Pico;
  monthly: Pico;
}

export function workloadCost(perRequest: Pico, workload: Workload): WorkloadCost {
  const n = BigInt(workload.requests);
  const days = BigInt(DAYS_PER_MONTH);
  if (workload.per === 'day') {
    return {
      requestsPerDay: workload.requests,
      requestsPerMonth: workload.requests * DAYS_PER_MONTH,
      perRequest,
      daily: perRequest * n,
      monthly: perRequest * n * days,
    };
  }
  return {
    requestsPerDay: workload.requests / DAYS_PER_MONTH,
    requestsPerMonth: workload.requests,
    perRequest,
    daily: mulDiv(perRequest, n, days),
    monthly: perRequest * n,
  };
}

export interface CreditsRunway {
  /** Whole requests the credits pay for. */
  requests: number;
  /** How long the credits last at the workload's daily cost (null without a workload or at $0/day). */
  days: number | null;
  months: number | null;
}

export function creditsRunway(credits: Pico, perRequest: Pico, daily: Pico | null): CreditsRunway {
  const requests = perRequest > 0n ? Number(credits / perRequest) : Number.POSITIVE_INFINITY;
  if (daily === null || daily === 0n) return { requests, days: null, months: null };
  const days = Number(credits) / Number(daily);
  return { requests, days, months: days / DAYS_PER_MONTH };
}
