// The cost arithmetic against figures computed by hand from ../shared/pricing-sources.json
// (USD per 1M tokens; each case names the row it comes from). Dollars are exact: see money.ts.
import { describe, expect, it } from 'vitest';
import { modelByAlias, type CatalogModel, type PriceRow } from '../../src/catalog/index.js';
import { costFromRow, costOf, creditsRunway, findPrice, priceScopeFor, selectRow, workloadCost, type Usage } from '../../src/pricing/cost.js';
import { formatRate, formatUsd, mulDiv, picoToUsd, usdToPico } from '../../src/pricing/money.js';

const model = (alias: string): CatalogModel => {
  const found = modelByAlias(alias);
  if (!found) throw new Error(`no model ${alias}`);
  return found;
};
const AFTER_PROMO = '2026-11-21';
const request: Usage = { inputTokens: 12_000, outputTokens: 800 };

describe('each current model and scope: 12,000 input + 800 output tokens', () => {
  it.each([
    // [alias, price scope, input $, output $, total $]  ← row in pricing-sources.json
    ['opus-5', 'global', 0.06, 0.02, 0.08], // global.anthropic.claude-opus-5: 5 / 25
    ['opus-5', 'regional', 0.066, 0.022, 0.088], // us.anthropic.claude-opus-5: 5.5 / 27.5
    ['opus-4.8', 'global', 0.06, 0.02, 0.08], // global.anthropic.claude-opus-4-8: 5 / 25
    ['opus-4.8', 'regional', 0.066, 0.022, 0.088], // eu.anthropic.claude-opus-4-8: 5.5 / 27.5
    ['opus-4.7', 'global', 0.06, 0.02, 0.08], // global.anthropic.claude-opus-4-7: 5 / 25
    ['opus-4.7', 'regional', 0.066, 0.022, 0.088], // jp.anthropic.claude-opus-4-7: 5.5 / 27.5
    ['opus-4.6', 'global', 0.06, 0.02, 0.08], // global.anthropic.claude-opus-4-6-v1: 5 / 25
    ['opus-4.6', 'regional', 0.066, 0.022, 0.088], // au.anthropic.claude-opus-4-6-v1: 5.5 / 27.5
    ['opus-4.5', 'global', 0.06, 0.02, 0.08], // global.anthropic.claude-opus-4-5-20251101-v1:0: 5 / 25
    ['opus-4.5', 'regional', 0.066, 0.022, 0.088], // us.anthropic.claude-opus-4-5-20251101-v1:0: 5.5 / 27.5
    ['fable-5', 'global', 0.12, 0.04, 0.16], // global.anthropic.claude-fable-5: 10 / 50
    ['fable-5', 'regional', 0.132, 0.044, 0.176], // us.anthropic.claude-fable-5: 11 / 55
    ['sonnet-5', 'global', 0.036, 0.012, 0.048], // global.anthropic.claude-sonnet-5-v1:0 (genai-prices, from 2026-09-01): 3 / 15
    ['sonnet-5', 'regional', 0.0396, 0.0132, 0.0528], // regional.anthropic.claude-sonnet-5-v1:0 (from 2026-09-01): 3.3 / 16.5
    ['sonnet-4.6', 'global', 0.036, 0.012, 0.048], // global.anthropic.claude-sonnet-4-6: 3 / 15
    ['sonnet-4.6', 'regional', 0.0396, 0.0132, 0.0528], // jp.anthropic.claude-sonnet-4-6: 3.3 / 16.5
    ['sonnet-4.5', 'global', 0.036, 0.012, 0.048], // global.anthropic.claude-sonnet-4-5-20250929-v1:0: 3 / 15
    ['sonnet-4.5', 'regional', 0.0396, 0.0132, 0.0528], // eu.anthropic.claude-sonnet-4-5-20250929-v1:0: 3.3 / 16.5
    ['sonnet-4.5', 'us-gov', 0.0432, 0.0144, 0.0576], // us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0: 3.6 / 18
    ['sonnet-4.5', 'us-gov-west-1', 0.0432, 0.0144, 0.0576], // bedrock/us-gov-west-1/anthropic.claude-sonnet-4-5…: 3.6 / 18
    ['haiku-4.5', 'global', 0.012, 0.004, 0.016], // global.anthropic.claude-haiku-4-5-20251001-v1:0: 1 / 5
    ['haiku-4.5', 'regional', 0.0132, 0.0044, 0.0176], // us.anthropic.claude-haiku-4-5-20251001-v1:0: 1.1 / 5.5
    ['haiku-4.5', 'us-gov-east-1', 0.0144, 0.0048, 0.0192], // bedrock/us-gov-east-1/anthropic.claude-haiku-4-5…: 1.2 / 6
    ['sonnet-4', 'global', 0.036, 0.012, 0.048], // global.anthropic.claude-sonnet-4-20250514-v1:0: 3 / 15
    ['sonnet-4', 'regional', 0.036, 0.012, 0.048], // us.anthropic.claude-sonnet-4-20250514-v1:0: 3 / 15 (no premium before 4.5)
    ['opus-4.1', 'regional', 0.18, 0.06, 0.24], // us.anthropic.claude-opus-4-1-20250805-v1:0: 15 / 75
    ['haiku-3.5', 'regional', 0.0096, 0.0032, 0.0128], // us.anthropic.claude-3-5-haiku-20241022-v1:0: 0.8 / 4
  ])('%s %s', (alias, scope, input, output, total) => {
    const cost = costOf(request, model(alias), scope, AFTER_PROMO);
    expect(cost).toMatchObject({ input, output, cacheRead: 0, cacheWrite: 0, total, longContext: false, missing: [] });
  });

  it('the regional premium is exactly 10% from Sonnet 4.5 / Haiku 4.5 / Opus 4.5 on, and absent before', () => {
    for (const alias of ['sonnet-4.5', 'haiku-4.5', 'opus-4.5', 'opus-5', 'sonnet-5']) {
      const g = costOf(request, model(alias), 'global', AFTER_PROMO)!.pico.total!;
      const r = costOf(request, model(alias), 'regional', AFTER_PROMO)!.pico.total!;
      expect(r * 10n).toBe(g * 11n);
    }
    expect(costOf(request, model('sonnet-4'), 'regional', AFTER_PROMO)!.total).toBe(costOf(request, model('sonnet-4'), 'global', AFTER_PROMO)!.total);
  });

  it('a model without any price row has no cost (not $0)', () => {
    expect(costOf(request, model('fable-5.1'), 'global', AFTER_PROMO)).toBeUndefined();
    expect(costOf(request, model('opus-4.1'), 'global', AFTER_PROMO)).toBeUndefined(); // no global row, no global profile
  });
});

describe('prompt caching', () => {
  const cached: Usage = { inputTokens: 10_000, outputTokens: 2_000, cacheReadTokens: 50_000, cacheWriteTokens: 20_000 };

  it('5-minute writes and reads (Sonnet 4.5 global: 3 / 15, write 3.75, read 0.3)', () => {
    // 10,000×3 = 0.03; 2,000×15 = 0.03; 50,000×0.3 = 0.015; 20,000×3.75 = 0.075
    expect(costOf(cached, model('sonnet-4.5'), 'global', AFTER_PROMO)).toMatchObject({ input: 0.03, output: 0.03, cacheRead: 0.015, cacheWrite: 0.075, total: 0.15 });
  });

  it('1-hour writes (Sonnet 4.5 global 6, regional 6.6 — eu.…sonnet-4-5: cache_write_1h 6.6, read 0.33)', () => {
    const hour: Usage = { ...cached, cacheWriteTokens: 0, cacheWrite1hTokens: 20_000 };
    expect(costOf(hour, model('sonnet-4.5'), 'global', AFTER_PROMO)).toMatchObject({ cacheWrite: 0.12, total: 0.195 });
    // 0.033 + 0.033 + 0.0165 + 0.132
    expect(costOf(hour, model('sonnet-4.5'), 'regional', AFTER_PROMO)).toMatchObject({ input: 0.033, output: 0.033, cacheRead: 0.0165, cacheWrite: 0.132, total: 0.2145 });
  });

  it('both TTLs in one request add up (Haiku 4.5 regional: write 1.375 (5m), 2.2 (1h))', () => {
    // 8,000×1.375 = 0.011; 1,000×2.2 = 0.0022
    const cost = costOf({ inputTokens: 0, outputTokens: 0, cacheWriteTokens: 8_000, cacheWrite1hTokens: 1_000 }, model('haiku-4.5'), 'regional', AFTER_PROMO);
    expect(cost).toMatchObject({ cacheWrite: 0.0132, total: 0.0132 });
  });

  it('a TTL without a price leaves that line and the total unknown (Opus 4.6: 5m only)', () => {
    const cost = costOf({ inputTokens: 1_000, outputTokens: 0, cacheWrite1hTokens: 1_000 }, model('opus-4.6'), 'global', AFTER_PROMO);
    expect(cost).toMatchObject({ input: 0.005, cacheWrite: null, total: null, missing: ['cacheWrite1h'] });
  });
});

describe('long context (above 200K input tokens)', () => {
  it('Sonnet 4.5 prices every line at the >200K rates (global 6 / 22.5)', () => {
    // 250,000×6 = 1.5; 4,000×22.5 = 0.09
    expect(costOf({ inputTokens: 250_000, outputTokens: 4_000 }, model('sonnet-4.5'), 'global', AFTER_PROMO)).toMatchObject({ input: 1.5, output: 0.09, total: 1.59, longContext: true });
  });

  it('Sonnet 4.5 regional >200K: 6.6 / 24.75 (us.…sonnet-4-5 above_200k)', () => {
    // 250,000×6.6 = 1.65; 4,000×24.75 = 0.099
    expect(costOf({ inputTokens: 250_000, outputTokens: 4_000 }, model('sonnet-4.5'), 'regional', AFTER_PROMO)).toMatchObject({ total: 1.749, longContext: true });
  });

  it('the threshold counts cache reads and writes, and 200,000 itself is not above it', () => {
    expect(costOf({ inputTokens: 200_000, outputTokens: 0 }, model('sonnet-4.5'), 'global', AFTER_PROMO)).toMatchObject({ total: 0.6, longContext: false });
    // 199,000×6 = 1.194; 2,000 cache reads ×0.6 = 0.0012; 1,000×22.5 = 0.0225
    const over = costOf({ inputTokens: 199_000, outputTokens: 1_000, cacheReadTokens: 2_000 }, model('sonnet-4.5'), 'global', AFTER_PROMO);
    expect(over).toMatchObject({ input: 1.194, cacheRead: 0.0012, output: 0.0225, total: 1.2177, longContext: true });
  });

  it('models without a tier stay flat (Sonnet 4.6: 3 / 15 over the whole 1M window)', () => {
    expect(costOf({ inputTokens: 250_000, outputTokens: 4_000 }, model('sonnet-4.6'), 'global', AFTER_PROMO)).toMatchObject({ total: 0.81, longContext: false });
  });
});

describe("Sonnet 5's promotional price by date", () => {
  it.each([
    // global.anthropic.claude-sonnet-5: 2 / 10 through 2026-08-31; 3 / 15 from 2026-09-01 (genai-prices)
    ['2026-08-31', 'global', 0.032], // 12,000×2 = 0.024 + 800×10 = 0.008
    ['2026-09-01', 'global', 0.048],
    // us.anthropic.claude-sonnet-5: 2.2 / 11 (promo); regional.…sonnet-5-v1:0 3.3 / 16.5 from 2026-09-01
    ['2026-08-31', 'regional', 0.0352], // 0.0264 + 0.0088
    ['2026-09-01', 'regional', 0.0528],
    ['2026-01-15', 'global', 0.032],
  ])('%s %s → $%s', (date, scope, total) => {
    expect(costOf(request, model('sonnet-5'), scope, date)?.total).toBe(total);
  });
});

describe('rounding', () => {
  it('lines are exact: no binary drift in sums ($0.1 + $0.2 = $0.3)', () => {
    // Haiku 4.5 global: 100,000×1 = 0.1; 40,000×5 = 0.2
    expect(costOf({ inputTokens: 100_000, outputTokens: 40_000 }, model('haiku-4.5'), 'global', AFTER_PROMO)?.total).toBe(0.3);
  });

  it('one token keeps its fraction of a cent ($0.25 per 1M → $0.00000025)', () => {
    const row: PriceRow = { scope: 'regional', input: 0.25, output: 1.25, source: [], asOf: '' };
    expect(costFromRow({ inputTokens: 1, outputTokens: 1 }, row)).toMatchObject({ input: 0.00000025, output: 0.00000125, total: 0.0000015 });
  });

  it('prices with four decimals are exact (0.3125 per 1M)', () => {
    const row: PriceRow = { scope: 'regional', input: 0.3125, output: 0, source: [], asOf: '' };
    expect(costFromRow({ inputTokens: 3, outputTokens: 0 }, row).input).toBe(0.0000009375);
  });

  it('divisions round half up to the picodollar', () => {
    expect(mulDiv(15n, 1n, 30n)).toBe(1n); // 0.5 → 1
    expect(mulDiv(14n, 1n, 30n)).toBe(0n);
    expect(mulDiv(48_000_000_000_000n, 1n, 30n)).toBe(1_600_000_000_000n);
  });

  it('dollar strings and numbers convert exactly', () => {
    expect(usdToPico('5000.50')).toBe(5_000_500_000_000_000n);
    expect(usdToPico(0.1)).toBe(100_000_000_000n);
    expect(usdToPico('0.0000000000005')).toBe(1n);
    expect(picoToUsd(52_800_000_000n)).toBe(0.0528);
  });

  it.each([
    [0.000123, '$0.000123'],
    [0.0528, '$0.0528'],
    [0.00825, '$0.00825'],
    [0.0012345, '$0.00123'],
    [0.00000025, '$0.00000025'],
    [0.5, '$0.50'],
    [0.048, '$0.048'],
    [0, '$0.00'],
    [1, '$1.00'],
    [1584, '$1,584.00'],
    [1234567.891, '$1,234,567.89'],
    [0.999, '$1.00'],
  ])('formatUsd(%s) = %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it('rates print as given', () => {
    expect([formatRate(3), formatRate(0.3125), formatRate(6.875), formatRate(16.5)]).toEqual(['$3.00', '$0.3125', '$6.875', '$16.50']);
  });
});

describe('workloads and credits', () => {
  const perRequest = usdToPico('0.048'); // Sonnet 4.5 global, 12,000 + 800 tokens

  it('per day: daily × 30 days for the month', () => {
    const w = workloadCost(perRequest, { requests: 1_000, per: 'day' });
    expect([picoToUsd(w.daily), picoToUsd(w.monthly), w.requestsPerMonth]).toEqual([48, 1_440, 30_000]);
  });

  it('per month: the month ÷ 30 for the day', () => {
    const w = workloadCost(perRequest, { requests: 1_000, per: 'month' });
    expect([picoToUsd(w.daily), picoToUsd(w.monthly)]).toEqual([1.6, 48]);
    expect(w.requestsPerDay).toBeCloseTo(33.333, 3);
  });

  it('credits: requests covered and how long they last', () => {
    const w = workloadCost(perRequest, { requests: 1_000, per: 'day' });
    const runway = creditsRunway(usdToPico(5_000), perRequest, w.daily);
    expect(runway.requests).toBe(104_166); // 5000 / 0.048 = 104,166.67
    expect(runway.days).toBeCloseTo(104.1667, 4); // 5000 / 48
    expect(runway.months).toBeCloseTo(3.4722, 4);
    expect(creditsRunway(usdToPico(1), perRequest, null)).toMatchObject({ requests: 20, days: null });
  });
});

describe('price lookup', () => {
  it.each([
    [{ scope: 'global', prefix: 'global' }, 'global'],
    [{ scope: 'geo', prefix: 'eu' }, 'regional'],
    [{ scope: 'geo', prefix: 'us-gov' }, 'us-gov'],
    [{ scope: 'region', region: 'us-gov-west-1' }, 'us-gov-west-1'],
    [{ scope: 'region', region: null }, 'regional'],
    [{ scope: 'geo' }, 'regional'],
    [{ scope: 'global' }, 'global'],
    [{ scope: 'arn', prefix: 'us', region: 'us-east-1' }, 'regional'],
  ])('priceScopeFor(%j) = %s', (route, scope) => {
    expect(priceScopeFor(route)).toBe(scope);
  });

  it('an in-region call falls back to the regional row when no row names the region', () => {
    expect(findPrice(model('sonnet-4.5'), null, 'eu-west-1', AFTER_PROMO)?.row.scope).toBe('regional');
  });

  it('overrides replace every catalog row of that model', () => {
    const sonnet = model('sonnet-4.5');
    const overrides = new Map([[sonnet.id, [{ scope: 'global', input: 2, output: 10, source: ['file'], asOf: '2026-07-01' }]]]);
    expect(findPrice(sonnet, sonnet.id, 'global', AFTER_PROMO, overrides)).toMatchObject({ origin: 'override', row: { input: 2 } });
    expect(findPrice(sonnet, sonnet.id, 'regional', AFTER_PROMO, overrides)).toBeUndefined();
    expect(costOf(request, sonnet, 'global', AFTER_PROMO, { overrides })?.total).toBe(0.032);
  });

  it('selectRow honours validFrom/validTo inclusively', () => {
    const rows: PriceRow[] = [
      { scope: 'global', input: 1, output: 1, validTo: '2026-01-31', source: [], asOf: '' },
      { scope: 'global', input: 2, output: 2, validFrom: '2026-02-01', source: [], asOf: '' },
    ];
    expect(selectRow(rows, 'global', '2026-01-31')?.input).toBe(1);
    expect(selectRow(rows, 'global', '2026-02-01')?.input).toBe(2);
  });

  it('batch prices apply only where a row has them', () => {
    const row: PriceRow = { scope: 'global', input: 3, output: 15, batch: { input: 1.5, output: 7.5 }, source: [], asOf: '' };
    expect(costFromRow(request, row, { batch: true })).toMatchObject({ total: 0.024, batchApplied: true });
    expect(costOf(request, model('sonnet-4.5'), 'global', AFTER_PROMO, { batch: true })).toMatchObject({ total: 0.048, batchApplied: false });
  });
});
