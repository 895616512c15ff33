// Read-only views over the catalog data: lookups by ID and alias, geographies of a region,
// version ordering. Pure functions; the data itself lives in catalog.json.
import data from './catalog.json' with { type: 'json' };
import type { Catalog, CatalogModel, Geography, PriceRow } from './types.js';

export type * from './types.js';

export const catalog = data as unknown as Catalog;

export function modelById(id: string, from: Catalog = catalog): CatalogModel | undefined {
  return from.models.find((m) => m.id === id || m.mantleId === id);
}

export function geography(prefix: string, from: Catalog = catalog): Geography | undefined {
  return from.geographies.find((g) => g.prefix === prefix);
}

export function knownPrefixes(from: Catalog = catalog): string[] {
  return from.geographies.map((g) => g.prefix);
}

/** Geographic prefixes (not "global") whose profiles this region may call, most specific first. */
export function geoPrefixesForRegion(region: string, from: Catalog = catalog): string[] {
  return from.geographies
    .filter((g) => g.prefix !== 'global' && g.sourceRegions.value.includes(region))
    .map((g) => g.prefix);
}

export function regionCanCall(prefix: string, region: string, from: Catalog = catalog): boolean {
  return geography(prefix, from)?.sourceRegions.value.includes(region) ?? false;
}

/** Every region the catalog names anywhere: a region outside this set is one the catalog cannot judge. */
const regionsOf = new WeakMap<Catalog, ReadonlySet<string>>();

/** Every region the catalog names. Computed once per catalog: listing and resolving ask for it per
 *  model, and a loop that hot gets optimised in the background, which delays the exit of a short run. */
export function knownRegions(from: Catalog = catalog): ReadonlySet<string> {
  const known = regionsOf.get(from);
  if (known) return known;
  const regions = new Set<string>();
  for (const g of from.geographies) for (const r of g.sourceRegions.value) regions.add(r);
  for (const m of from.models) {
    for (const r of m.inRegion.value.runtimeRegions ?? []) regions.add(r);
    for (const r of m.inRegion.value.mantleRegions ?? []) regions.add(r);
  }
  regionsOf.set(from, regions);
  return regions;
}

/** "4.5" → [4, 5]; "3.5-v2" → [3, 5, 2]; "preview" → [0]. */
export function versionKey(version: string): number[] {
  const numbers = version.match(/\d+/g);
  return numbers ? numbers.map(Number) : [0];
}

export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Models of a tier, newest first. */
export function modelsOfTier(tier: string, from: Catalog = catalog): CatalogModel[] {
  return from.models
    .filter((m) => m.tier === tier)
    .sort((a, b) => compareVersions(versionKey(b.version), versionKey(a.version)));
}

export function tiers(from: Catalog = catalog): string[] {
  return [...new Set(from.models.map((m) => m.tier))];
}

/** Spellings people use for the same alias: "opus-4.6", "opus-4-6", "claude-opus-4-6",
 *  "claude-opus-4.6", and the Claude 3 order "claude-3-5-sonnet", "3.5-sonnet". */
export function aliasVariants(alias: string): string[] {
  const variants = new Set<string>();
  const add = (a: string) => {
    for (const form of [a, a.replace(/\./g, '-')]) {
      variants.add(form);
      if (!form.startsWith('claude-')) variants.add(`claude-${form}`);
    }
  };
  add(alias);
  const tierFirst = alias.match(/^([a-z]+)-(\d+(?:\.\d+)?)(-v\d+)?$/);
  if (tierFirst) {
    const [, tier, version, suffix = ''] = tierFirst;
    add(`${version}-${tier}${suffix}`);
  }
  return [...variants];
}

let aliasIndex: Map<string, CatalogModel> | undefined;

/** The catalog model an alias (in any spelling) names, or undefined. */
export function modelByAlias(name: string, from: Catalog = catalog): CatalogModel | undefined {
  const index = from === catalog ? (aliasIndex ??= buildAliasIndex(from)) : buildAliasIndex(from);
  return index.get(name.toLowerCase());
}

function buildAliasIndex(from: Catalog): Map<string, CatalogModel> {
  const index = new Map<string, CatalogModel>();
  for (const model of from.models) {
    for (const alias of model.aliases) for (const variant of aliasVariants(alias)) index.set(variant, model);
  }
  return index;
}

export function allAliases(from: Catalog = catalog): string[] {
  return [...tiers(from), ...from.models.flatMap((m) => m.aliases)];
}

/** The price row for a scope on a date: an exact scope match ("us-gov", "us-gov-west-1") first,
 *  then "global" or "regional". Rows with validFrom/validTo apply only within their dates. */
export function priceRow(model: CatalogModel, scope: string, date: string): PriceRow | undefined {
  const current = model.prices.filter(
    (row) => (!row.validFrom || row.validFrom <= date) && (!row.validTo || date <= row.validTo),
  );
  return current.find((row) => row.scope === scope) ?? current.find((row) => row.scope === (scope === 'global' ? 'global' : 'regional'));
}
