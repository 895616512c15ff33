// The actual cost of a reply: its usage priced by the same code as `cost estimate`, on the price
// row of the route the resolver chose (global, geographic or in-region) and today's date.
import { costOf, priceScopeFor } from '../pricing/cost.js';
import type { Resolution } from '../resolver.js';
import type { Usage } from './types.js';

export function costOfUsage(usage: Usage, resolution: Resolution, date = new Date().toISOString().slice(0, 10)): number | null {
  const cost = costOf(
    {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheReadTokens: usage.cacheReadInputTokens,
      // Bedrock reports cache writes without their TTL; --cache writes the default 5-minute TTL.
      cacheWriteTokens: usage.cacheWriteInputTokens,
    },
    resolution.model,
    priceScopeFor({ scope: resolution.scope, prefix: resolution.prefix, region: resolution.region }),
    date,
    { baseModelId: resolution.baseModelId },
  );
  return cost?.total ?? null;
}
