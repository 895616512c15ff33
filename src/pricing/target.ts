// Which model and route a price is for. With a region, the resolver decides (and refuses a wrong
// combination); without one, cost estimate still works: the name is looked up in the catalog and
// the scope asked for is priced without region checks (auto → global where the model has it).
import {
  catalog,
  knownPrefixes,
  modelByAlias,
  modelById,
  modelsOfTier,
  tiers,
  type CatalogModel,
} from '../catalog/index.js';
import type { Scope } from '../config/load.js';
import { rejection } from '../errors.js';
import { parseModelId, resolveModel, type Resolution, type ResolvedScope } from '../resolver.js';
import { priceScopeFor } from './cost.js';

export interface PricingTarget {
  input: string;
  /** The ID that would be sent (base ID with scope "geo" when no region names the prefix). */
  modelId: string;
  baseModelId: string | null;
  model?: CatalogModel;
  scope: ResolvedScope;
  prefix?: string;
  region: string | null;
  /** The price-row scope: "global", "regional", "us-gov" or a region. */
  priceScope: string;
  warnings: string[];
}

export function targetFromResolution(r: Resolution): PricingTarget {
  return {
    input: r.input,
    modelId: r.modelId,
    baseModelId: r.baseModelId,
    model: r.model,
    scope: r.scope,
    prefix: r.prefix,
    region: r.region,
    priceScope: priceScopeFor({ scope: r.scope, prefix: r.prefix, region: r.region }),
    warnings: r.warnings,
  };
}

export interface NoRegionRequest {
  input: string;
  scope: Scope;
  scopeExplicit: boolean;
  aliases: Record<string, string>;
  today: string;
}

// A region the catalog cannot know: the resolver then skips its region checks. Used only to get the
// resolver's own answer (pass-through or rejection) for names this module does not look up itself.
const NO_REGION = 'no-region';

export function targetWithoutRegion(request: NoRegionRequest): PricingTarget {
  const input = request.input.trim();
  const name = followAliases(input, request.aliases);
  const warnings: string[] = [];

  if (name.startsWith('arn:')) {
    const inner = name.match(/:(?:foundation-model|inference-profile)\/(.+)$/)?.[1];
    if (inner) return targetWithoutRegion({ ...request, input: inner, aliases: {} });
    return { input, modelId: name, baseModelId: null, scope: 'arn', region: null, priceScope: 'regional', warnings };
  }

  const lower = name.toLowerCase();
  let model: CatalogModel | undefined;
  let prefix: string | undefined;
  let fromId = false;
  if (tiers(catalog).includes(lower)) {
    model = modelsOfTier(lower).find((m) => isActive(m, request.today));
    if (!model) throw rejection('model-not-in-region', `no active ${lower} model in the catalog`, 'Name a model version, e.g. -m sonnet-4.5.');
  } else {
    model = modelByAlias(lower);
    if (!model) {
      const parsed = parseModelId(name);
      const known = parsed ? modelById(parsed.baseId) : undefined;
      if (parsed && known && (parsed.prefix === undefined || knownPrefixes().includes(parsed.prefix))) {
        model = known;
        prefix = parsed.prefix;
        fromId = true;
      }
    }
  }
  if (!model) return passThrough(input, name, request);

  checkLifecycle(model, request.today, warnings);
  if (prefix !== undefined) {
    if (!model.profiles.value.includes(prefix)) {
      throw rejection(
        'model-not-in-region',
        `${model.name} has no "${prefix}." inference profile (it has ${model.profiles.value.map((p) => `${p}.`).join(', ') || 'none'})`,
        `Use ${model.profiles.value.map((p) => `${p}.${model.id}`).join(' or ') || model.id}.`,
      );
    }
    return target(input, model, `${prefix}.${model.id}`, prefix === 'global' ? 'global' : 'geo', prefix, warnings);
  }
  // A base ID without an explicit scope is an in-region call.
  const scope = fromId && !(request.scopeExplicit && request.scope !== 'auto') ? 'region' : request.scope;
  return routeByScope(input, model, scope, warnings);
}

function routeByScope(input: string, model: CatalogModel, scope: Scope, warnings: string[]): PricingTarget {
  const hasGlobal = model.profiles.value.includes('global');
  const geo = model.profiles.value.filter((p) => p !== 'global');
  if (scope === 'global' || (scope === 'auto' && hasGlobal)) {
    if (!hasGlobal) {
      throw rejection('model-not-in-region', `${model.name} has no global inference profile`, 'Use --scope auto, geo or region.');
    }
    return target(input, model, `global.${model.id}`, 'global', 'global', warnings);
  }
  if (scope === 'geo' || (scope === 'auto' && geo.length > 0)) {
    if (geo.length === 0) throw rejection('model-not-in-region', `${model.name} has no geographic inference profile`, 'Use --scope auto or region.');
    return target(input, model, model.id, 'geo', undefined, warnings);
  }
  return target(input, model, model.id, 'region', undefined, warnings);
}

function target(input: string, model: CatalogModel, modelId: string, scope: ResolvedScope, prefix: string | undefined, warnings: string[]): PricingTarget {
  return {
    input,
    modelId,
    baseModelId: model.id,
    model,
    scope,
    prefix,
    region: null,
    priceScope: priceScopeFor({ scope, prefix }),
    warnings,
  };
}

/** Names the catalog does not know: the resolver's answer (a newer model passes, a typo is refused). */
function passThrough(input: string, name: string, request: NoRegionRequest): PricingTarget {
  const r = resolveModel({ input: name, region: NO_REGION, scope: 'auto', today: request.today });
  const t = targetFromResolution({ ...r, input, region: '' });
  return { ...t, region: null, warnings: r.warnings.filter((w) => !w.includes(NO_REGION)) };
}

function followAliases(input: string, aliases: Record<string, string>): string {
  let name = input;
  const seen = new Set<string>();
  for (let target = aliases[name.toLowerCase()]; target !== undefined; target = aliases[name.toLowerCase()]) {
    if (seen.has(name.toLowerCase())) {
      throw rejection('unknown-model-id', `alias "${input}" refers to itself in a loop`, 'Fix the "aliases" map in your config file.');
    }
    seen.add(name.toLowerCase());
    name = target.trim();
  }
  return name;
}

function isActive(model: CatalogModel, today: string): boolean {
  const lifecycle = model.lifecycle.value;
  return lifecycle.status === 'active' && !(lifecycle.endOfLifeDate && lifecycle.endOfLifeDate <= today);
}

function checkLifecycle(model: CatalogModel, today: string, warnings: string[]): void {
  const lifecycle = model.lifecycle.value;
  if (lifecycle.status === 'end-of-life' || (lifecycle.endOfLifeDate && lifecycle.endOfLifeDate <= today)) {
    const replacement = lifecycle.replacement ? modelById(lifecycle.replacement) : undefined;
    throw rejection(
      'model-end-of-life',
      `${model.name} (${model.id}) has reached end of life${lifecycle.endOfLifeDate ? ` (${lifecycle.endOfLifeDate})` : ''}`,
      `Bedrock no longer serves it.${replacement ? ` Use ${replacement.name} instead (-m ${replacement.aliases[0] ?? replacement.id}).` : ''}`,
      { suggestions: replacement ? [replacement.id] : [] },
    );
  }
  if (lifecycle.status === 'legacy') warnings.push(`${model.name} is legacy${lifecycle.endOfLifeDate ? `; end of life ${lifecycle.endOfLifeDate}` : ''}`);
}

/** The newest active model of each tier, for --compare. */
export function currentTierModels(today: string, tierNames: string[] = ['haiku', 'sonnet', 'opus']): CatalogModel[] {
  return tierNames.map((tier) => modelsOfTier(tier).find((m) => isActive(m, today))).filter((m): m is CatalogModel => m !== undefined);
}
