// The shapes of `cost estimate`: the JSON object (design.md, plus fields that only add), the
// breakdown table of one estimate, and the comparison table.
import { DAYS_PER_MONTH } from '../pricing/cost.js';
import { comparisonAmount, type Estimate } from '../pricing/estimate.js';
import { formatRate, formatUsd, picoToUsd, type Pico } from '../pricing/money.js';
import type { Column } from './table.js';
import { formatNumber } from './format.js';

const usd = (pico: Pico | null | undefined) => (pico === null || pico === undefined ? null : picoToUsd(pico));
const round2 = (n: number | null) => (n === null || !Number.isFinite(n) ? null : Math.round(n * 100) / 100);

export function estimateJson(e: Estimate) {
  const c = e.cost;
  const t = e.target;
  const workload = e.asked.workload;
  return {
    modelId: t.modelId,
    scope: t.scope,
    inputTokens: e.usage.inputTokens,
    outputTokens: e.usage.outputTokens,
    cacheReadTokens: e.usage.cacheReadTokens,
    cacheWriteTokens: e.usage.cacheWriteTokens + e.usage.cacheWrite1hTokens,
    batch: e.batch,
    costUsd: {
      input: c?.input ?? null,
      output: c?.output ?? null,
      cacheRead: c?.cacheRead ?? null,
      cacheWrite: c?.cacheWrite ?? null,
      total: c?.total ?? null,
    },
    pricesAsOf: e.pricesAsOf,
    priceSource: e.priceSource,
    // Fields beyond the documented minimum:
    baseModelId: t.baseModelId,
    name: t.model?.name ?? null,
    region: t.region,
    priceScope: t.priceScope,
    cacheTtl: e.cacheTtl,
    batchPriceKnown: e.batch ? Boolean(c?.batchApplied) : null,
    longContext: c?.longContext ?? false,
    pricesPerMillion: c
      ? {
          input: c.rates.input,
          output: c.rates.output,
          cacheRead: c.rates.cacheRead,
          cacheWrite: e.cacheTtl === '1h' ? c.rates.cacheWrite1h : c.rates.cacheWrite5m,
        }
      : null,
    priceRow: e.price ? { ...e.price.row, origin: e.price.origin } : null,
    priceSources: e.sources.map((s) => ({ id: s.id, title: s.title, url: s.url ?? null, asOf: s.asOf })),
    priceDate: e.date,
    tokenCountMethod: e.input.method,
    tokenCount: {
      input: e.input.parts,
      output: { tokens: e.output.tokens, basis: e.output.basis, label: e.output.label },
    },
    workload: workload
      ? {
          requests: workload.requests,
          per: workload.per,
          requestsPerDay: e.workload?.requestsPerDay ?? (workload.per === 'day' ? workload.requests : workload.requests / DAYS_PER_MONTH),
          requestsPerMonth: e.workload?.requestsPerMonth ?? (workload.per === 'month' ? workload.requests : workload.requests * DAYS_PER_MONTH),
          daysPerMonth: DAYS_PER_MONTH,
          costUsd: { perRequest: usd(e.workload?.perRequest), daily: usd(e.workload?.daily), monthly: usd(e.workload?.monthly) },
        }
      : null,
    credits:
      e.asked.credits !== undefined
        ? {
            usd: picoToUsd(e.asked.credits),
            requests: e.credits && Number.isFinite(e.credits.requests) ? e.credits.requests : null,
            lastsDays: round2(e.credits?.days ?? null),
            lastsMonths: round2(e.credits?.months ?? null),
          }
        : null,
    warnings: e.warnings,
  };
}

export interface CompareRow {
  estimate: Estimate;
  differencePico: Pico | null;
  /** Percent above the cheapest, null when unknown. */
  differencePercent: number | null;
}

/** Sorted by cost (unknown prices last), with the difference to the cheapest. */
export function compareRows(estimates: Estimate[]): CompareRow[] {
  const sorted = [...estimates].sort((a, b) => {
    const x = comparisonAmount(a);
    const y = comparisonAmount(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const cheapest = sorted.length > 0 ? comparisonAmount(sorted[0]!) : null;
  return sorted.map((estimate) => {
    const amount = comparisonAmount(estimate);
    const difference = amount === null || cheapest === null ? null : amount - cheapest;
    const percent = difference === null || cheapest === null || cheapest === 0n ? null : round2((Number(difference) / Number(cheapest)) * 100);
    return { estimate, differencePico: difference, differencePercent: percent };
  });
}

export function compareJson(rows: CompareRow[]) {
  return {
    basis: rows[0]?.estimate.asked.workload ? 'monthly' : 'per-request',
    cheapest: rows[0] && comparisonAmount(rows[0].estimate) !== null ? rows[0].estimate.target.modelId : null,
    rows: rows.map((r) => ({ ...estimateJson(r.estimate), differenceUsd: usd(r.differencePico), differencePercent: r.differencePercent })),
  };
}

// ─── Tables ─────────────────────────────────────────────────────────────────

export interface BreakdownRow {
  item: string;
  tokens: string;
  rate: string;
  cost: string;
}

const tokens = (n: number) => formatNumber(n);
const money = (pico: Pico | null | undefined, unknown = 'no known price') => (pico === null || pico === undefined ? unknown : formatUsd(picoToUsd(pico)));

export function breakdownRows(e: Estimate): BreakdownRow[] {
  const c = e.cost;
  const rate = (r: number | null | undefined) => (c ? (r === null || r === undefined ? 'no price' : formatRate(r)) : 'no known price');
  const rows: BreakdownRow[] = [{ item: 'input', tokens: tokens(e.usage.inputTokens), rate: rate(c?.rates.input), cost: money(c?.pico.input) }];
  const writes = e.usage.cacheWriteTokens + e.usage.cacheWrite1hTokens;
  if (writes > 0) {
    rows.push({
      item: `cache write (${e.cacheTtl})`,
      tokens: tokens(writes),
      rate: rate(e.cacheTtl === '1h' ? c?.rates.cacheWrite1h : c?.rates.cacheWrite5m),
      cost: money(c?.pico.cacheWrite),
    });
  }
  if (e.usage.cacheReadTokens > 0) {
    rows.push({ item: 'cache read', tokens: tokens(e.usage.cacheReadTokens), rate: rate(c?.rates.cacheRead), cost: money(c?.pico.cacheRead) });
  }
  rows.push({ item: e.output.basis === 'max-tokens' ? 'output (worst case)' : 'output', tokens: tokens(e.usage.outputTokens), rate: rate(c?.rates.output), cost: money(c?.pico.output) });
  const all = e.usage.inputTokens + e.usage.outputTokens + e.usage.cacheReadTokens + writes;
  const onDemand = e.batch && c && !c.batchApplied ? ' (ON-DEMAND price: no batch price known)' : e.batch && c ? ' (batch)' : '';
  rows.push({ item: `total per request${onDemand}`, tokens: tokens(all), rate: '', cost: money(c?.pico.total) });

  const asked = e.asked.workload;
  if (asked) {
    const w = e.workload;
    const perDay = asked.per === 'day' ? asked.requests : asked.requests / DAYS_PER_MONTH;
    const perMonth = asked.per === 'month' ? asked.requests : asked.requests * DAYS_PER_MONTH;
    rows.push({ item: `per day (${requestCount(perDay)} requests)`, tokens: tokens(Math.round(all * perDay)), rate: '', cost: money(w?.daily) });
    rows.push({ item: `per month (${requestCount(perMonth)} requests, ${DAYS_PER_MONTH} days)`, tokens: tokens(all * perMonth), rate: '', cost: money(w?.monthly) });
  }
  if (e.asked.credits !== undefined) {
    rows.push({ item: `${formatUsd(picoToUsd(e.asked.credits))} credits last`, tokens: '', rate: '', cost: runway(e) });
  }
  return rows;
}

export const breakdownColumns: Array<Column<BreakdownRow>> = [
  { header: 'ITEM', value: (r) => r.item },
  { header: 'TOKENS', value: (r) => r.tokens, align: 'right' },
  { header: '$/1M', value: (r) => r.rate, align: 'right' },
  { header: 'COST', value: (r) => r.cost, align: 'right' },
];

/** "104.2 days (3.5 months)", or "1,234 requests" without a workload. */
export function runway(e: Estimate): string {
  const c = e.credits;
  if (!c) return 'no known price';
  if (c.days !== null && c.months !== null) {
    return c.days >= DAYS_PER_MONTH ? `${fixed1(c.months)} months (${fixed1(c.days)} days)` : `${fixed1(c.days)} days`;
  }
  return Number.isFinite(c.requests) ? `${formatNumber(c.requests)} requests` : 'unlimited (free)';
}

export function compareColumns(rows: CompareRow[], tty: boolean): Array<Column<CompareRow>> {
  const first = rows[0]?.estimate;
  const hasWorkload = Boolean(first?.asked.workload);
  const hasCredits = first?.asked.credits !== undefined;
  const columns: Array<Column<CompareRow>> = [
    { header: 'MODEL', value: (r) => r.estimate.target.model?.name ?? r.estimate.target.baseModelId ?? r.estimate.target.modelId },
    { header: 'SCOPE', value: (r) => r.estimate.target.scope },
    { header: 'MODEL ID', value: (r) => r.estimate.target.modelId },
    {
      header: '$/1M IN/OUT',
      value: (r) => (r.estimate.cost ? `${formatRate(r.estimate.cost.rates.input)}/${formatRate(r.estimate.cost.rates.output)}` : 'no known price'),
      align: 'right',
    },
    { header: 'PER REQUEST', value: (r) => money(r.estimate.cost?.pico.total), align: 'right' },
  ];
  if (hasWorkload) {
    columns.push({ header: 'PER DAY', value: (r) => money(r.estimate.workload?.daily), align: 'right' });
    columns.push({ header: 'PER MONTH', value: (r) => money(r.estimate.workload?.monthly), align: 'right' });
  }
  if (hasCredits) columns.push({ header: 'CREDITS LAST', value: (r) => runway(r.estimate), align: 'right' });
  columns.push({
    header: 'VS CHEAPEST',
    value: (r) =>
      r.differencePico === null
        ? '-'
        : r.differencePico === 0n
          ? tty ? 'cheapest' : '+$0.00'
          : `+${formatUsd(picoToUsd(r.differencePico))}${r.differencePercent !== null ? ` (+${r.differencePercent}%)` : ''}`,
    align: 'right',
    color: (text, r, style) => (r.differencePico === 0n ? style.green(text) : text),
  });
  return columns;
}

function requestCount(n: number): string {
  return Number.isInteger(n) ? formatNumber(n) : formatNumber(n, 0, 2);
}

function fixed1(n: number): string {
  return formatNumber(n, 1, 1);
}
