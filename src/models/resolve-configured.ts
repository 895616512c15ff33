// The model a command will use: the resolver over the effective settings (scope, user aliases)
// and the cached live list for the region, so every command judges a model the same way.
import { aliasTargets } from '../config/region.js';
import type { Scope, Settings } from '../config/load.js';
import type { Env } from '../io.js';
import { resolveModel, type Resolution } from '../resolver.js';
import { readLiveCache, toResolverData } from './live-cache.js';

export interface ResolveOverrides {
  scope?: Scope;
  scopeExplicit?: boolean;
  today?: string;
}

export async function resolveConfigured(env: Env, settings: Settings, region: string, input = settings.model.value, overrides: ResolveOverrides = {}): Promise<Resolution> {
  const live = await readLiveCache(env, region, settings.controlEndpoint?.value ?? null);
  return resolveModel({
    input,
    region,
    scope: overrides.scope ?? settings.scope.value,
    scopeExplicit: overrides.scopeExplicit ?? settings.scope.source.kind !== 'default',
    aliases: aliasTargets(settings),
    live: live && toResolverData(live),
    today: overrides.today,
  });
}
