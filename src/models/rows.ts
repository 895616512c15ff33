// The rows of `models list`: the catalog, optionally merged with what Bedrock listed for the region.
// Pure: the command fetches, this decides what to show.
import { catalog as builtIn, priceRow, type Catalog, type CatalogModel, type Integration } from '../catalog/index.js';
import { knownRegions } from '../catalog/index.js';
import { workingIds } from '../resolver.js';
import type { LiveModels } from './live-cache.js';

export interface ModelRow {
  modelId: string;
  name: string;
  tier: string | null;
  aliases: string[];
  lifecycle: string;
  endOfLifeDate: string | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** Inference-profile IDs callable from the region (all of the model's profiles when no region is known). */
  profiles: string[];
  /** Whether the base ID itself can be called in-region on demand. */
  inRegion: boolean;
  integration: Integration | 'unknown';
  /** Price per 1M tokens on the route `--scope auto` picks. */
  price: { scope: string; input: number; output: number } | null;
  /** "catalog" offline; "bedrock" when the region's live list confirmed it; "bedrock-only" when the catalog does not know it. */
  source: 'catalog' | 'bedrock' | 'bedrock-only';
}

export interface RowOptions {
  region?: string;
  all: boolean;
  live?: LiveModels;
  today: string;
  catalog?: Catalog;
}

export function buildRows(options: RowOptions): ModelRow[] {
  const from = options.catalog ?? builtIn;
  const rows: ModelRow[] = [];
  for (const model of from.models) {
    const row = options.live ? liveRow(model, options.live, options, from) : offlineRow(model, options, from);
    if (row && (options.all || row.lifecycle === 'active')) rows.push(row);
  }
  if (options.live) rows.push(...unknownLiveRows(options.live, from).filter((r) => options.all || r.lifecycle === 'active'));
  return rows;
}

function status(model: CatalogModel, today: string): string {
  const lifecycle = model.lifecycle.value;
  return lifecycle.endOfLifeDate && lifecycle.endOfLifeDate <= today ? 'end-of-life' : lifecycle.status;
}

function baseRow(model: CatalogModel, today: string): Omit<ModelRow, 'profiles' | 'inRegion' | 'price' | 'source'> {
  return {
    modelId: model.id,
    name: model.name,
    tier: model.tier,
    aliases: model.aliases,
    lifecycle: status(model, today),
    endOfLifeDate: model.lifecycle.value.endOfLifeDate ?? null,
    contextWindow: model.contextWindow.value,
    maxOutputTokens: model.maxOutputTokens.value,
    integration: model.integration.value,
  };
}

function offlineRow(model: CatalogModel, options: RowOptions, from: Catalog): ModelRow | undefined {
  const region = options.region;
  if (!region || !knownRegions(from).has(region)) {
    return {
      ...baseRow(model, options.today),
      profiles: model.profiles.value.map((p) => `${p}.${model.id}`),
      inRegion: model.inRegion.value.runtime !== false,
      price: priceFor(model, model.profiles.value.includes('global') ? 'global' : 'regional', options.today),
      source: 'catalog',
    };
  }
  const ids = workingIds(model, { region, catalog: from });
  if (ids.length === 0 && !options.all) return undefined;
  const profiles = ids.filter((id) => id !== model.id);
  return {
    ...baseRow(model, options.today),
    profiles,
    inRegion: ids.includes(model.id),
    price: priceFor(model, profiles[0]?.startsWith('global.') ? 'global' : 'regional', options.today),
    source: 'catalog',
  };
}

function liveRow(model: CatalogModel, live: LiveModels, options: RowOptions, from: Catalog): ModelRow | undefined {
  const listed = live.foundationModels.find((m) => m.modelId === model.id || m.modelId === model.mantleId);
  const profiles = live.profiles.filter((p) => p.type !== 'APPLICATION' && p.id.endsWith(`.${model.id}`)).map((p) => p.id);
  if (!listed && profiles.length === 0) return undefined;
  const ordered = orderProfiles(profiles, from);
  const row = baseRow(model, options.today);
  return {
    ...row,
    lifecycle: listed?.lifecycle === 'LEGACY' && row.lifecycle === 'active' ? 'legacy' : row.lifecycle,
    profiles: ordered,
    inRegion: listed?.inferenceTypes.includes('ON_DEMAND') ?? false,
    price: priceFor(model, ordered[0]?.startsWith('global.') ? 'global' : 'regional', options.today),
    source: 'bedrock',
  };
}

/** Models Bedrock lists that the catalog does not know yet: shown, never hidden. */
function unknownLiveRows(live: LiveModels, from: Catalog): ModelRow[] {
  const known = new Set(from.models.flatMap((m) => [m.id, m.mantleId].filter(Boolean)));
  return live.foundationModels
    // Context-length variants (":200k") exist only for provisioned throughput.
    .filter((m) => !known.has(m.modelId) && !/:\d+k$/.test(m.modelId) && !(m.inferenceTypes.length > 0 && m.inferenceTypes.every((t) => t === 'PROVISIONED')))
    .map((m) => ({
      modelId: m.modelId,
      name: m.name ?? m.modelId,
      tier: null,
      aliases: [],
      lifecycle: m.lifecycle === 'LEGACY' ? 'legacy' : 'active',
      endOfLifeDate: null,
      contextWindow: null,
      maxOutputTokens: null,
      profiles: orderProfiles(
        live.profiles.filter((p) => p.type !== 'APPLICATION' && p.id.endsWith(`.${m.modelId}`)).map((p) => p.id),
        from,
      ),
      inRegion: m.inferenceTypes.includes('ON_DEMAND'),
      integration: 'unknown' as const,
      price: null,
      source: 'bedrock-only' as const,
    }));
}

/** global first, then the catalog's geography order. */
function orderProfiles(ids: string[], from: Catalog): string[] {
  const rank = (id: string) => {
    const prefix = id.split('.')[0] ?? '';
    if (prefix === 'global') return -1;
    const index = from.geographies.findIndex((g) => g.prefix === prefix);
    return index === -1 ? from.geographies.length : index;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function priceFor(model: CatalogModel, scope: string, today: string): ModelRow['price'] {
  const row = priceRow(model, scope, today);
  return row ? { scope: row.scope, input: row.input, output: row.output } : null;
}
