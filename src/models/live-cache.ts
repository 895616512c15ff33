// The local cache of what Bedrock listed for a region (ListFoundationModels + ListInferenceProfiles).
// `models list` writes it; the resolver reads it, so a profile Bedrock has just added is accepted
// and one it does not list from this region is refused, even when the catalog says otherwise.
// Synchronous: one small file, read by commands whose start-up time counts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homeDir } from '../config/load.js';
import type { Env } from '../io.js';
import type { LiveRegionData } from '../resolver.js';

export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;

export interface LiveFoundationModel {
  modelId: string;
  modelArn?: string;
  name?: string;
  inferenceTypes: string[];
  lifecycle?: string;
  streaming?: boolean;
}

export interface LiveProfile {
  id: string;
  name?: string;
  type?: string;
  /** Regions the profile routes to, from its foundation-model ARNs. */
  regions: string[];
  /** Base model IDs behind the profile. */
  modelIds: string[];
}

export interface LiveModels {
  version: 1;
  region: string;
  /** The endpoint that answered (null for the AWS default), so a fake's answers never pass for AWS's. */
  endpoint: string | null;
  fetchedAt: string;
  foundationModels: LiveFoundationModel[];
  profiles: LiveProfile[];
}

export function cacheDir(env: Env): string {
  return join(env.XDG_CACHE_HOME || join(homeDir(env), '.cache'), 'bedrock-claude');
}

export function cachePath(env: Env, region: string): string {
  return join(cacheDir(env), `models-${region}.json`);
}

/** The cached list for region and endpoint if younger than the TTL; a missing or damaged cache is no cache. */
export async function readLiveCache(env: Env, region: string, endpoint: string | null, now = Date.now()): Promise<LiveModels | undefined> {
  let cached: LiveModels;
  try {
    cached = JSON.parse(readFileSync(cachePath(env, region), 'utf8')) as LiveModels;
  } catch {
    return undefined;
  }
  if (cached.version !== 1 || cached.region !== region || cached.endpoint !== endpoint) return undefined;
  const age = now - Date.parse(cached.fetchedAt);
  return Number.isFinite(age) && age >= 0 && age < CACHE_TTL_MS ? cached : undefined;
}

export async function writeLiveCache(env: Env, data: LiveModels): Promise<void> {
  const path = cachePath(env, data.region);
  mkdirSync(cacheDir(env), { recursive: true });
  // Write then rename, so a concurrent reader never sees half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(data)}\n`);
  renameSync(temporary, path);
}

export function toResolverData(live: LiveModels): LiveRegionData {
  return {
    region: live.region,
    fetchedAt: live.fetchedAt,
    foundationModels: live.foundationModels.map((m) => ({ modelId: m.modelId, inferenceTypes: m.inferenceTypes, lifecycle: m.lifecycle })),
    profileIds: live.profiles.map((p) => p.id),
  };
}
