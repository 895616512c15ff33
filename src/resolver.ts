// The model-ID resolver: (what the user typed, region, scope, aliases) → the ID to send, or a
// rejection with the cause and the IDs that work. A pure function over the catalog data, so
// a wrong prefix or a profile-only base ID is caught before any request leaves the machine.
import {
  aliasVariants,
  catalog as builtInCatalog,
  compareVersions,
  geoPrefixesForRegion,
  knownPrefixes,
  knownRegions,
  modelByAlias,
  modelById,
  modelsOfTier,
  regionCanCall,
  tiers,
  versionKey,
  type Catalog,
  type CatalogModel,
  type Integration,
} from './catalog/index.js';
import type { Scope } from './config/load.js';
import { CliError, rejection, usageError } from './errors.js';
import { closest } from './text.js';

/** What Bedrock itself said about a region (ListFoundationModels + ListInferenceProfiles), from the cache. */
export interface LiveRegionData {
  region: string;
  fetchedAt: string;
  foundationModels: Array<{ modelId: string; inferenceTypes: string[]; lifecycle?: string }>;
  profileIds: string[];
}

export interface ResolveRequest {
  input: string;
  region: string;
  scope: Scope;
  /** True when the scope came from a flag, env or file rather than the default. */
  scopeExplicit?: boolean;
  aliases?: Record<string, string>;
  live?: LiveRegionData;
  /** ISO date used for lifecycle dates; defaults to today. */
  today?: string;
  catalog?: Catalog;
}

export type ResolvedScope = 'global' | 'geo' | 'region' | 'arn' | 'unknown';

export interface Resolution {
  input: string;
  /** The ID to put in the request (model path of InvokeModel/Converse, `model` of the runtime Messages API). */
  modelId: string;
  /** The base model ID behind it, when known. */
  baseModelId: string | null;
  scope: ResolvedScope;
  /** The inference-profile prefix used, if any. */
  prefix?: string;
  region: string;
  integration: Integration | 'unknown';
  /** The ID for the Messages API on bedrock-mantle (in-region, no prefix), for messages-api models. */
  mantleModelId?: string;
  /** "mantle" when the ID works only on the in-region Messages API at bedrock-mantle. */
  route?: 'runtime' | 'mantle';
  model?: CatalogModel;
  warnings: string[];
  /** Why this ID: one short line per decision. */
  reasons: string[];
}

interface Context {
  input: string;
  region: string;
  scope: Scope;
  scopeExplicit: boolean;
  live?: LiveRegionData;
  today: string;
  catalog: Catalog;
  regionKnown: boolean;
  reasons: string[];
  warnings: string[];
}

export function resolveModel(request: ResolveRequest): Resolution {
  const from = request.catalog ?? builtInCatalog;
  const input = request.input.trim();
  if (input === '') throw usageError('the model name is empty', 'Pass -m with an alias (sonnet, opus-4.6), a model ID or an ARN.');
  const ctx: Context = {
    input,
    region: request.region,
    scope: request.scope,
    scopeExplicit: request.scopeExplicit ?? false,
    live: request.live?.region === request.region ? request.live : undefined,
    today: request.today ?? new Date().toISOString().slice(0, 10),
    catalog: from,
    regionKnown: knownRegions(from).has(request.region),
    reasons: [],
    warnings: [],
  };
  if (!ctx.regionKnown) {
    ctx.warnings.push(`the catalog does not know region ${ctx.region}; prefix and availability checks are skipped`);
  }
  const name = followUserAliases(input, request.aliases ?? {}, ctx);
  return resolveName(name, ctx);
}

function followUserAliases(input: string, aliases: Record<string, string>, ctx: Context): string {
  let name = input;
  const seen = new Set<string>();
  for (;;) {
    const target = aliases[name.toLowerCase()];
    if (target === undefined) return name;
    if (seen.has(name.toLowerCase())) {
      throw rejection('unknown-model-id', `alias "${input}" refers to itself in a loop`, 'Fix the "aliases" map in your config file.');
    }
    seen.add(name.toLowerCase());
    ctx.reasons.push(`user alias "${name}" → ${target}`);
    name = target.trim();
  }
}

function resolveName(name: string, ctx: Context): Resolution {
  if (name.startsWith('arn:')) return resolveArn(name, ctx);

  const lower = name.toLowerCase();
  if (tiers(ctx.catalog).includes(lower)) return resolveTier(lower, ctx);

  const aliased = modelByAlias(lower, ctx.catalog);
  if (aliased) {
    ctx.reasons.push(`alias "${name}" → ${aliased.name} (${aliased.id})`);
    return resolveWithScope(aliased, ctx.scope, ctx);
  }

  const parsed = parseModelId(name, ctx.catalog);
  if (parsed) return resolveId(parsed.prefix, parsed.baseId, ctx);

  throw unknownName(name, ctx);
}

// ─── IDs ────────────────────────────────────────────────────────────────────

interface ParsedId {
  prefix?: string;
  baseId: string;
}

/** "us.anthropic.x" → {prefix: "us", baseId: "anthropic.x"}; "anthropic.x" → {baseId}. */
export function parseModelId(id: string, from: Catalog = builtInCatalog): ParsedId | undefined {
  const match = id.match(/^([a-z][a-z0-9-]*)\.([a-z].*)$/);
  if (!match) return undefined;
  const [, first, rest] = match as unknown as [string, string, string];
  if (knownPrefixes(from).includes(first) || (rest.includes('.') && /^[a-z][a-z0-9-]*\./.test(rest))) {
    return { prefix: first, baseId: rest };
  }
  return { baseId: id };
}

function resolveId(prefix: string | undefined, baseId: string, ctx: Context): Resolution {
  const model = modelById(baseId, ctx.catalog);
  if (prefix !== undefined && !knownPrefixes(ctx.catalog).includes(prefix)) {
    const suggestion = closest(prefix, knownPrefixes(ctx.catalog));
    throw rejection(
      'unknown-model-id',
      `"${prefix}." is not an inference-profile prefix`,
      `Known prefixes: ${knownPrefixes(ctx.catalog).join(', ')}.${suggestion ? ` Did you mean ${suggestion}.${baseId}?` : ''}`,
      { suggestions: suggestion ? [`${suggestion}.${baseId}`] : [] },
    );
  }
  if (!model) return resolveUnknownId(prefix, baseId, ctx);

  checkLifecycle(model, ctx);
  if (prefix !== undefined) return resolveProfile(model, prefix, ctx);
  if (ctx.scopeExplicit && ctx.scope !== 'auto') {
    ctx.reasons.push(`base ID with --scope ${ctx.scope}: choosing the ${ctx.scope} route`);
    return resolveWithScope(model, ctx.scope, ctx);
  }
  return resolveInRegion(model, ctx);
}

/** An ID with an inference-profile prefix: the region must be allowed to call that prefix,
 *  and the model must have a profile with it. */
function resolveProfile(model: CatalogModel, prefix: string, ctx: Context): Resolution {
  const id = `${prefix}.${model.id}`;
  const live = liveProfile(id, ctx);
  if (live === true) {
    ctx.reasons.push(`${id} is listed by ListInferenceProfiles in ${ctx.region} (${ctx.live?.fetchedAt})`);
    return result(model, id, prefix === 'global' ? 'global' : 'geo', ctx, prefix);
  }
  if (!ctx.regionKnown) return result(model, id, prefix === 'global' ? 'global' : 'geo', ctx, prefix);

  const working = workingIds(model, ctx);
  if (!regionCanCall(prefix, ctx.region, ctx.catalog)) {
    const allowed = ctx.catalog.geographies.find((g) => g.prefix === prefix)?.sourceRegions.value ?? [];
    throw rejection(
      working.length > 0 ? 'prefix-region-mismatch' : 'model-not-in-region',
      `${id} cannot be called from ${ctx.region}: "${prefix}." profiles are for ${summarizeRegions(allowed)}`,
      working.length > 0
        ? `Use ${orList(working)}, or set --region to a region of that geography.`
        : `${model.name} has no profile or in-region access usable from ${ctx.region}; call it from ${summarizeRegions(allowed)} with --region.`,
      { suggestions: working },
    );
  }
  if (!model.profiles.value.includes(prefix) || live === false) {
    const why = live === false
      ? `ListInferenceProfiles in ${ctx.region} (${ctx.live?.fetchedAt}) does not list ${id}`
      : `${model.name} has no "${prefix}." inference profile (it has ${model.profiles.value.map((p) => `${p}.`).join(', ') || 'none'})`;
    throw rejection(
      working.length > 0 ? 'prefix-region-mismatch' : 'model-not-in-region',
      why,
      working.length > 0 ? `Use ${orList(working)}.` : `${model.name} is not offered from ${ctx.region}; try another region.`,
      { suggestions: working },
    );
  }
  ctx.reasons.push(`"${prefix}." profile of ${model.name}, callable from ${ctx.region}`);
  return result(model, id, prefix === 'global' ? 'global' : 'geo', ctx, prefix);
}

/** A base ID sent as is: on-demand in-region throughput (bedrock-runtime), or the
 *  in-region Messages API on bedrock-mantle for the models served there. */
function resolveInRegion(model: CatalogModel, ctx: Context): Resolution {
  const route = inRegionRoute(model, ctx);
  if (route) return inRegionResult(model, route, ctx);

  const profiles = workingIds(model, ctx).filter((id) => id !== model.id);
  const liveModel = ctx.live?.foundationModels.find((m) => m.modelId === model.id);
  const why = liveModel
    ? `ListFoundationModels lists it as ${liveModel.inferenceTypes.join(', ') || 'no inference type'}`
    : model.inRegion.value.runtime === false
      ? 'the model is served only through inference profiles'
      : `it is not offered on demand in ${ctx.region}`;
  throw rejection(
    profiles.length > 0 ? 'needs-inference-profile' : 'model-not-in-region',
    `${model.id} cannot be called on demand in ${ctx.region}: ${why}`,
    profiles.length > 0
      ? `Use the inference profile ${orList(profiles)} (or -m ${model.aliases[0] ?? model.id}, which picks one).`
      : `${model.name} has no inference profile callable from ${ctx.region}; choose a region where it is offered.`,
    { suggestions: profiles },
  );
}

type InRegionRoute = 'runtime' | 'runtime-unverified' | 'mantle';

/** How the bare base ID can be called in this region, if at all. */
function inRegionRoute(model: CatalogModel, ctx: Context): InRegionRoute | undefined {
  const inRegion = model.inRegion.value;
  const liveModel = ctx.live?.foundationModels.find((m) => m.modelId === model.id);
  if (liveModel?.inferenceTypes.includes('ON_DEMAND')) return 'runtime';
  if (!liveModel) {
    // runtimeRegions lists where a source shows the bare ID working: exceptions to runtime=false
    // (GovCloud, single regions), or a sample for runtime=true, never a complete list.
    if (inRegion.runtime === true || inRegion.runtimeRegions?.includes(ctx.region)) return 'runtime';
    if (inRegion.runtime === 'unknown') return 'runtime-unverified';
    if (!ctx.regionKnown && inRegion.runtime !== false) return 'runtime';
  }
  if (model.integration.value === 'messages-api' && inRegion.mantleRegions?.includes(ctx.region)) return 'mantle';
  return undefined;
}

function inRegionResult(model: CatalogModel, route: InRegionRoute, ctx: Context): Resolution {
  if (route === 'mantle') {
    const profiles = workingIds(model, ctx).filter((id) => id !== model.id);
    ctx.reasons.push(`in-region in ${ctx.region} only through the Messages API on bedrock-mantle`);
    ctx.warnings.push(
      `${model.mantleId ?? model.id} works in-region only on the Messages API (bedrock-mantle)` +
        (profiles.length > 0 ? `; InvokeModel and Converse need a profile such as ${profiles[0]}` : ''),
    );
    return { ...result(model, model.mantleId ?? model.id, 'region', ctx), route: 'mantle' };
  }
  if (route === 'runtime-unverified') {
    const profiles = workingIds(model, ctx).filter((id) => id !== model.id);
    ctx.warnings.push(
      `the catalog does not know whether ${model.name} can be called on demand in-region` +
        (profiles.length > 0 ? `; if Bedrock refuses it, use ${orList(profiles)}` : ''),
    );
  }
  ctx.reasons.push(`base model ID, in-region on-demand in ${ctx.region}`);
  return result(model, model.id, 'region', ctx);
}

/** Pick the route for a model by scope: auto = global, else geographic, else in-region. */
function resolveWithScope(model: CatalogModel, scope: Scope, ctx: Context): Resolution {
  checkLifecycle(model, ctx);
  const geo = ctx.regionKnown ? geoPrefixesForRegion(ctx.region, ctx.catalog).filter((p) => model.profiles.value.includes(p)) : [];
  const global = model.profiles.value.includes('global') && (!ctx.regionKnown || regionCanCall('global', ctx.region, ctx.catalog));
  const inRegion = inRegionRoute(model, ctx);

  if ((scope === 'auto' || scope === 'global') && global && liveProfile(`global.${model.id}`, ctx) !== false) {
    ctx.reasons.push(scope === 'auto' ? `scope auto: ${model.name} has a global profile callable from ${ctx.region}` : 'scope global');
    return result(model, `global.${model.id}`, 'global', ctx, 'global');
  }
  if (scope === 'auto' || scope === 'geo') {
    const prefix = geo.find((p) => liveProfile(`${p}.${model.id}`, ctx) !== false);
    if (prefix) {
      ctx.reasons.push(`scope ${scope}: "${prefix}." is the geographic profile for ${ctx.region}`);
      return result(model, `${prefix}.${model.id}`, 'geo', ctx, prefix);
    }
  }
  if ((scope === 'auto' || scope === 'region') && inRegion) {
    ctx.reasons.push(`scope ${scope}: no profile route, in-region in ${ctx.region}`);
    return inRegionResult(model, inRegion, ctx);
  }

  const working = workingIds(model, ctx);
  if (working.length > 0) {
    const cause = scope === 'region' ? 'needs-inference-profile' : 'model-not-in-region';
    throw rejection(
      cause,
      `${model.name} has no ${scopeWords(scope)} route from ${ctx.region}`,
      `Use --scope auto, or -m ${orList(working)}.`,
      { suggestions: working },
    );
  }
  const where = regionsThatCanCall(model, ctx.catalog);
  throw rejection(
    'model-not-in-region',
    `${model.name} is not offered from ${ctx.region}`,
    where.length > 0 ? `Call it from ${summarizeRegions(where)} with --region, or pick another model.` : 'Pick another model.',
    { suggestions: [] },
  );
}

function resolveTier(tier: string, ctx: Context): Resolution {
  const candidates = modelsOfTier(tier, ctx.catalog).filter((m) => effectiveStatus(m, ctx.today) === 'active');
  const tried: string[] = [];
  for (const model of candidates) {
    try {
      const sub: Context = { ...ctx, reasons: [], warnings: [...ctx.warnings] };
      const resolution = resolveWithScope(model, ctx.scope, sub);
      resolution.reasons.unshift(`"${tier}" → the newest active ${tier} model callable from ${ctx.region}: ${model.name}`, ...ctx.reasons);
      if (tried.length > 0) resolution.reasons.splice(1, 0, `skipped ${tried.join(', ')}: no ${scopeWords(ctx.scope)} route from ${ctx.region}`);
      return resolution;
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      tried.push(model.name);
    }
  }
  throw rejection(
    'model-not-in-region',
    `no active ${tier} model has a ${scopeWords(ctx.scope)} route from ${ctx.region}`,
    'Try --scope auto, another region, or another tier.',
  );
}

// ─── ARNs ───────────────────────────────────────────────────────────────────

const ARN_PATTERN = /^arn:(aws[a-z-]*):bedrock:([a-z0-9-]*):(\d{12})?:([a-z-]+)\/(.+)$/;

function resolveArn(arn: string, ctx: Context): Resolution {
  const match = arn.match(ARN_PATTERN);
  if (!match) {
    throw rejection(
      'unknown-model-id',
      `"${arn}" is not a Bedrock model ARN`,
      'Expected arn:aws:bedrock:<region>:<account>:<inference-profile|application-inference-profile|foundation-model|provisioned-model>/<id>.',
    );
  }
  const [, , arnRegion, , resourceType, resourceId] = match as unknown as [string, string, string, string, string, string];
  if (arnRegion !== '' && arnRegion !== ctx.region) {
    throw rejection(
      'endpoint-config',
      `the ARN is in ${arnRegion} but requests go to ${ctx.region}`,
      `Add --region ${arnRegion} (an ARN must be called in its own region).`,
    );
  }
  const base: Omit<Resolution, 'baseModelId' | 'integration'> = {
    input: ctx.input,
    modelId: arn,
    scope: 'arn',
    region: ctx.region,
    warnings: ctx.warnings,
    reasons: ctx.reasons,
  };
  switch (resourceType) {
    case 'inference-profile':
    case 'foundation-model': {
      const inner = resourceType === 'foundation-model' ? { baseId: resourceId } : parseModelId(resourceId, ctx.catalog);
      if (!inner) break;
      const resolved = resolveId(inner.prefix, inner.baseId, { ...ctx, scopeExplicit: false });
      ctx.reasons.push(`${resourceType} ARN for ${resolved.modelId}`);
      return { ...resolved, ...base, baseModelId: resolved.baseModelId, integration: resolved.integration, prefix: resolved.prefix };
    }
    case 'application-inference-profile':
      ctx.reasons.push('application inference profile: its model is known only to Bedrock (GetInferenceProfile)');
      return { ...base, baseModelId: null, integration: 'bedrock-runtime' };
    case 'provisioned-model':
    case 'custom-model':
    case 'imported-model':
      ctx.reasons.push(`${resourceType} ARN, sent as given`);
      return { ...base, baseModelId: null, integration: 'bedrock-runtime' };
  }
  throw rejection('unknown-model-id', `unsupported ARN resource type "${resourceType}"`, 'Use an inference-profile, application-inference-profile, foundation-model or provisioned-model ARN.');
}

// ─── Unknown names and IDs ──────────────────────────────────────────────────

/** "anthropic.claude-opus-4-6-v1:0" → "opus-4-6"; dates, version suffixes and revisions removed. */
export function familyKey(baseId: string): string {
  return baseId
    .replace(/^anthropic\./, '')
    .replace(/:\d+$/, '')
    .replace(/-v\d+$/, '')
    .replace(/-\d{8}$/, '')
    .replace(/^claude-/, '');
}

function resolveUnknownId(prefix: string | undefined, baseId: string, ctx: Context): Resolution {
  const shown = prefix ? `${prefix}.${baseId}` : baseId;
  if (!baseId.startsWith('anthropic.')) {
    ctx.warnings.push(`${baseId} is not a Claude model; the catalog cannot check it`);
    ctx.reasons.push('not an Anthropic model ID: sent as given');
    return passThrough(shown, baseId, prefix, ctx);
  }
  const key = familyKey(baseId);
  const sameFamily = ctx.catalog.models.filter((m) => familyKey(m.id) === key);
  if (sameFamily.length > 0) {
    const suggestions = sameFamily.map((m) => (prefix && m.profiles.value.includes(prefix) ? `${prefix}.${m.id}` : m.id));
    throw rejection(
      'unknown-model-id',
      `${shown} is not a model ID: did you mean ${orList(suggestions)}?`,
      `Use ${orList(suggestions)} (the exact ID, including its version suffix), or an alias such as ${sameFamily[0]?.aliases[0] ?? 'sonnet'}.`,
      { suggestions },
    );
  }
  if (isNewerThanCatalog(key, ctx.catalog)) {
    if (prefix && ctx.regionKnown && !regionCanCall(prefix, ctx.region, ctx.catalog)) {
      const geo = [...(regionCanCall('global', ctx.region, ctx.catalog) ? ['global'] : []), ...geoPrefixesForRegion(ctx.region, ctx.catalog)];
      throw rejection(
        'prefix-region-mismatch',
        `"${prefix}." profiles cannot be called from ${ctx.region}`,
        geo.length > 0 ? `Use ${orList(geo.map((p) => `${p}.${baseId}`))}.` : 'Set --region to a region of that geography.',
        { suggestions: geo.map((p) => `${p}.${baseId}`) },
      );
    }
    ctx.warnings.push(`${baseId} is newer than the built-in catalog (${ctx.catalog.asOf}); sent as given without checks`);
    ctx.reasons.push('unknown to the catalog but newer than every model it knows: passed through');
    return passThrough(shown, baseId, prefix, ctx, 'messages-api');
  }
  throw unknownName(shown, ctx);
}

/** A well-formed ID of a family the catalog does not know, or a version above the newest of its tier. */
function isNewerThanCatalog(key: string, from: Catalog): boolean {
  const tier = key.split('-').find((part) => /^[a-z]+$/.test(part));
  const version = (key.match(/\d+/g) ?? []).map(Number);
  if (!tier || version.length === 0) return false;
  const known = modelsOfTier(tier, from)[0];
  if (!known) return true;
  return compareVersions(version, versionKey(known.version)) > 0;
}

function unknownName(name: string, ctx: Context): CliError {
  const candidates = [
    ...tiers(ctx.catalog),
    ...ctx.catalog.models.flatMap((m) => [...m.aliases.flatMap(aliasVariants), m.id]),
  ];
  const suggestion = closest(name.toLowerCase(), candidates);
  return rejection(
    'unknown-model-id',
    `unknown model "${name}"${suggestion ? `: did you mean ${suggestion}?` : ''}`,
    'Run `bedrock-claude models list --offline` to see the aliases and model IDs.',
    { suggestions: suggestion ? [suggestion] : [] },
  );
}

// ─── Helpers ────────────────────────────────────────────────────────────────

function effectiveStatus(model: CatalogModel, today: string): 'active' | 'legacy' | 'end-of-life' {
  const lifecycle = model.lifecycle.value;
  if (lifecycle.endOfLifeDate && lifecycle.endOfLifeDate <= today) return 'end-of-life';
  return lifecycle.status;
}

function checkLifecycle(model: CatalogModel, ctx: Context): void {
  const lifecycle = model.lifecycle.value;
  const replacement = lifecycle.replacement ? modelById(lifecycle.replacement, ctx.catalog) : undefined;
  const instead = replacement ? ` Use ${replacement.name} instead (-m ${replacement.aliases[0] ?? replacement.id}).` : '';
  const status = effectiveStatus(model, ctx.today);
  if (status === 'end-of-life') {
    throw rejection(
      'model-end-of-life',
      `${model.name} (${model.id}) has reached end of life${lifecycle.endOfLifeDate ? ` (${lifecycle.endOfLifeDate})` : ''}`,
      `Bedrock no longer serves it.${instead}`,
      { suggestions: replacement ? [replacement.id] : [] },
    );
  }
  if (status === 'legacy') {
    const until = lifecycle.endOfLifeDate ? `; end of life ${lifecycle.endOfLifeDate}` : '';
    ctx.warnings.push(
      `${model.name} is legacy${until}: Bedrock may refuse it for accounts that have not used it recently.${instead}`,
    );
  }
}

/** true/false when the cached ListInferenceProfiles answer for this region says so; undefined without a cache. */
function liveProfile(id: string, ctx: Context): boolean | undefined {
  if (!ctx.live) return undefined;
  return ctx.live.profileIds.includes(id);
}

/** Every model ID that would work from the context's region, best first (global, geo, in-region). */
export function workingIds(model: CatalogModel, ctx: { region: string; catalog: Catalog; live?: LiveRegionData; regionKnown?: boolean }): string[] {
  const ids: string[] = [];
  const live = ctx.live?.region === ctx.region ? ctx.live : undefined;
  const allowed = (id: string) => !live || live.profileIds.includes(id);
  if (model.profiles.value.includes('global') && regionCanCall('global', ctx.region, ctx.catalog) && allowed(`global.${model.id}`)) {
    ids.push(`global.${model.id}`);
  }
  for (const prefix of geoPrefixesForRegion(ctx.region, ctx.catalog)) {
    if (model.profiles.value.includes(prefix) && allowed(`${prefix}.${model.id}`)) ids.push(`${prefix}.${model.id}`);
  }
  const context: Context = {
    input: model.id,
    region: ctx.region,
    scope: 'region',
    scopeExplicit: false,
    live,
    today: '',
    catalog: ctx.catalog,
    regionKnown: ctx.regionKnown ?? knownRegions(ctx.catalog).has(ctx.region),
    reasons: [],
    warnings: [],
  };
  const route = inRegionRoute(model, context);
  if (route === 'runtime' || route === 'runtime-unverified') ids.push(model.id);
  return ids;
}

/** Regions from which some route to the model exists (for "call it from …" hints). */
function regionsThatCanCall(model: CatalogModel, from: Catalog): string[] {
  const regions = new Set<string>();
  for (const prefix of model.profiles.value) {
    for (const region of from.geographies.find((g) => g.prefix === prefix)?.sourceRegions.value ?? []) regions.add(region);
  }
  for (const region of model.inRegion.value.runtimeRegions ?? []) regions.add(region);
  for (const region of model.inRegion.value.mantleRegions ?? []) regions.add(region);
  return [...regions].sort();
}

function result(model: CatalogModel, modelId: string, scope: ResolvedScope, ctx: Context, prefix?: string): Resolution {
  return {
    input: ctx.input,
    modelId,
    baseModelId: model.id,
    scope,
    prefix,
    region: ctx.region,
    integration: model.integration.value,
    mantleModelId: model.integration.value === 'messages-api' ? (model.mantleId ?? model.id) : undefined,
    route: 'runtime',
    model,
    warnings: ctx.warnings,
    reasons: ctx.reasons,
  };
}

function passThrough(id: string, baseId: string, prefix: string | undefined, ctx: Context, integration: Integration | 'unknown' = 'unknown'): Resolution {
  return {
    input: ctx.input,
    modelId: id,
    baseModelId: baseId,
    scope: prefix === undefined ? 'region' : prefix === 'global' ? 'global' : 'geo',
    prefix,
    region: ctx.region,
    integration,
    warnings: ctx.warnings,
    reasons: ctx.reasons,
  };
}

function scopeWords(scope: Scope): string {
  return scope === 'auto' ? 'usable' : scope === 'region' ? 'in-region' : scope === 'geo' ? 'geographic' : 'global';
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function summarizeRegions(regions: string[]): string {
  if (regions.length === 0) return 'no region in the catalog';
  if (regions.length <= 6) return regions.join(', ');
  return `${regions.slice(0, 5).join(', ')} and ${regions.length - 5} more`;
}
