// --prices <file>: negotiated or newer rates that replace the catalog's rows per model.
//
// {
//   "source": "ACME private pricing addendum",   optional, shown as the price source
//   "asOf": "2026-07-01",                          optional, shown as the prices' date
//   "models": {
//     "<alias or model ID>": {                      e.g. "sonnet-4.5", "anthropic.claude-opus-5"
//       "<scope>": { "input": 2.7, "output": 13.5, "cacheWrite5m": 3.375, "cacheWrite1h": 5.4,
//                    "cacheRead": 0.27, "above200k": { "input": 5.4, "output": 20.25 },
//                    "batch": { "input": 1.35, "output": 6.75 },
//                    "validFrom": "2026-07-01", "validTo": "2026-12-31", "note": "…" }
//     }
//   }
// }
// Scopes: "global", "regional" (geographic profiles and in-region), a prefix ("us-gov"), a region
// ("us-gov-west-1"), or "*" for every scope. A scope may hold one row or an array of rows with
// validFrom/validTo. Prices are USD per 1M tokens; input and output are required. A model named in
// the file is priced from the file alone, so a negotiated rate never mixes with list prices.
import { modelByAlias, modelById, type PriceRow, type PriceTable } from '../catalog/index.js';
import { parseModelId } from '../resolver.js';
import { usageError, type CliError } from '../errors.js';
import type { PriceOverrides } from './cost.js';

export interface LoadedOverrides {
  overrides: PriceOverrides;
  source: string;
  asOf: string | null;
}

const ROW_KEYS = ['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead', 'above200k', 'batch', 'validFrom', 'validTo', 'note'];
const TABLE_KEYS = ['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseOverrides(text: string, path: string): LoadedOverrides {
  const fail = (where: string, problem: string): CliError =>
    usageError(`--prices ${path}: ${where ? `${where} ` : ''}${problem}`, 'See "--prices" in the README for the file format (USD per 1M tokens, per model and scope).');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw fail('', `is not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(data)) throw fail('', 'must be a JSON object with a "models" key');
  for (const key of Object.keys(data)) if (!['models', 'source', 'asOf'].includes(key)) throw fail(`key "${key}"`, 'is unknown (expected models, source, asOf)');
  if (data.source !== undefined && typeof data.source !== 'string') throw fail('"source"', 'must be a string');
  if (data.asOf !== undefined && (typeof data.asOf !== 'string' || !DATE.test(data.asOf))) throw fail('"asOf"', 'must be a date YYYY-MM-DD');
  if (!isObject(data.models)) throw fail('"models"', 'must be an object of model → scope → prices');

  const source = typeof data.source === 'string' ? `${data.source} (--prices ${path})` : `--prices ${path}`;
  const asOf = typeof data.asOf === 'string' ? data.asOf : null;
  const overrides: PriceOverrides = new Map();
  for (const [name, scopes] of Object.entries(data.models)) {
    const where = `models."${name}"`;
    const baseId = baseIdOf(name);
    if (!baseId) throw fail(where, 'names no known model: use an alias (sonnet-4.5) or a model ID (anthropic.claude-…)');
    if (!isObject(scopes) || Object.keys(scopes).length === 0) throw fail(where, 'must map scopes ("global", "regional", "*", …) to prices');
    const rows: PriceRow[] = [];
    for (const [scope, value] of Object.entries(scopes)) {
      for (const [i, raw] of (Array.isArray(value) ? value : [value]).entries()) {
        const at = `${where}.${scope}${Array.isArray(value) ? `[${i}]` : ''}`;
        const row = parseRow(raw, at, fail);
        for (const expanded of scope === '*' ? ['global', 'regional'] : [scope]) {
          rows.push({ ...row, scope: expanded, source: [source], asOf: asOf ?? '' });
        }
      }
    }
    overrides.set(baseId, [...(overrides.get(baseId) ?? []), ...rows]);
  }
  return { overrides, source, asOf };
}

/** An alias (any spelling) or a model ID, to the base model ID; IDs the catalog does not know pass. */
function baseIdOf(name: string): string | undefined {
  const aliased = modelByAlias(name);
  if (aliased) return aliased.id;
  const parsed = parseModelId(name);
  if (!parsed) return undefined;
  return modelById(parsed.baseId)?.id ?? (parsed.baseId.includes('.') ? parsed.baseId : undefined);
}

type Fail = (where: string, problem: string) => CliError;

function parseRow(raw: unknown, at: string, fail: Fail): Omit<PriceRow, 'scope' | 'source' | 'asOf'> {
  if (!isObject(raw)) throw fail(at, 'must be an object with input and output prices');
  for (const key of Object.keys(raw)) if (!ROW_KEYS.includes(key)) throw fail(`${at}.${key}`, `is unknown (expected ${ROW_KEYS.join(', ')})`);
  const row: Omit<PriceRow, 'scope' | 'source' | 'asOf'> = parseTable(raw, at, fail);
  if (raw.above200k !== undefined) {
    if (!isObject(raw.above200k)) throw fail(`${at}.above200k`, 'must be an object of prices');
    for (const key of Object.keys(raw.above200k)) if (!TABLE_KEYS.includes(key)) throw fail(`${at}.above200k.${key}`, 'is unknown');
    row.above200k = parseTable(raw.above200k, `${at}.above200k`, fail);
  }
  if (raw.batch !== undefined) {
    if (!isObject(raw.batch)) throw fail(`${at}.batch`, 'must be {"input": …, "output": …}');
    row.batch = { input: price(raw.batch.input, `${at}.batch.input`, fail), output: price(raw.batch.output, `${at}.batch.output`, fail) };
  }
  for (const key of ['validFrom', 'validTo'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !DATE.test(value)) throw fail(`${at}.${key}`, 'must be a date YYYY-MM-DD');
    row[key] = value;
  }
  if (raw.note !== undefined) {
    if (typeof raw.note !== 'string') throw fail(`${at}.note`, 'must be a string');
    row.note = raw.note;
  }
  return row;
}

function parseTable(raw: Record<string, unknown>, at: string, fail: Fail): PriceTable {
  const table: PriceTable = { input: price(raw.input, `${at}.input`, fail), output: price(raw.output, `${at}.output`, fail) };
  for (const key of ['cacheWrite5m', 'cacheWrite1h', 'cacheRead'] as const) {
    if (raw[key] !== undefined) table[key] = price(raw[key], `${at}.${key}`, fail);
  }
  return table;
}

function price(value: unknown, at: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw fail(at, 'must be a number ≥ 0 (USD per 1M tokens)');
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
