// The actual cost of a reply, from its usage and the price row of the resolved route.
import type { Resolution } from '../resolver.js';
import type { Usage } from './types.js';

export function costOfUsage(_usage: Usage, _resolution: Resolution): number | null {
  return null;
}
