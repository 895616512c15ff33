// Bedrock control plane: foundation models, inference profiles, availability.
// Each function returns the JSON body for one region, or throws the Bedrock error.
import { Errors, FakeBedrockError } from './errors.js';
import { findModel, findProfile } from './resolve.js';
import { sortKeys } from './replies.js';
import { foundationModelArn, profileArn, profileModelArns, type FakeModel, type FakeProfile, type World } from './world.js';

function modelSummary(m: FakeModel, region: string): Record<string, unknown> {
  const lifecycle: Record<string, unknown> = { status: m.lifecycle === 'LEGACY' ? 'LEGACY' : 'ACTIVE' };
  if (m.startOfLifeTime) lifecycle.startOfLifeTime = m.startOfLifeTime;
  return sortKeys({
    modelArn: foundationModelArn(m.modelId, region),
    modelId: m.modelId,
    modelName: m.modelName,
    providerName: m.providerName,
    inputModalities: m.inputModalities ?? ['TEXT'],
    outputModalities: m.outputModalities ?? ['TEXT'],
    responseStreamingSupported: m.streaming ?? true,
    customizationsSupported: [],
    inferenceTypesSupported: m.inferenceTypes,
    modelLifecycle: lifecycle,
  }) as Record<string, unknown>;
}

/** Models that exist in the region; end-of-life ones are gone from listings. */
function listed(world: World, region: string): FakeModel[] {
  return world.models.filter((m) => m.regions.includes(region) && m.lifecycle !== 'END_OF_LIFE');
}

export function listFoundationModels(world: World, region: string, query: Record<string, string>): unknown {
  const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const models = listed(world, region).filter((m) => {
    if (query.byProvider && !eq(m.providerName, query.byProvider)) return false;
    if (query.byOutputModality && !(m.outputModalities ?? ['TEXT']).includes(query.byOutputModality)) return false;
    if (query.byInferenceType && !m.inferenceTypes.includes(query.byInferenceType as FakeModel['inferenceTypes'][number])) return false;
    if (query.byCustomizationType) return false; // no fake model is customizable
    return true;
  });
  return { modelSummaries: models.map((m) => modelSummary(m, region)) };
}

export function getFoundationModel(world: World, region: string, id: string): unknown {
  const m = listed(world, region).find((x) => x.modelId === id || foundationModelArn(x.modelId, region) === id);
  if (!m) throw new FakeBedrockError(Errors.invalidModelId()); // guess: real text for GetFoundationModel not recorded
  return { modelDetails: modelSummary(m, region) };
}

function profileSummary(world: World, p: FakeProfile, region: string): Record<string, unknown> {
  return sortKeys({
    inferenceProfileName: p.name,
    description: p.description,
    createdAt: p.createdAt ?? '2025-01-01T00:00:00Z',
    updatedAt: p.updatedAt ?? p.createdAt ?? '2025-01-01T00:00:00Z',
    inferenceProfileArn: profileArn(world, p, region),
    models: profileModelArns(p, region).map((modelArn) => ({ modelArn })),
    inferenceProfileId: p.id,
    status: 'ACTIVE',
    type: p.type ?? 'SYSTEM_DEFINED',
  }) as Record<string, unknown>;
}

/** Profiles visible from a region: those whose model is not end-of-life. */
function visibleProfiles(world: World, region: string): FakeProfile[] {
  return world.profiles.filter((p) => p.sourceRegions.includes(region) && findModel(world, p.modelId)?.lifecycle !== 'END_OF_LIFE');
}

// Opaque to clients; a test can still see it is just an offset.
const encodeToken = (offset: number) => Buffer.from(`fake-page:${offset}`).toString('base64');
function decodeToken(token: string): number {
  const m = /^fake-page:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!m) throw new FakeBedrockError(Errors.badPaginationToken());
  return Number(m[1]);
}

export function listInferenceProfiles(world: World, region: string, query: Record<string, string>): unknown {
  let max = world.profilePageSize;
  if (query.maxResults !== undefined) {
    max = Number(query.maxResults);
    if (!Number.isInteger(max) || max < 1 || max > 1000) throw new FakeBedrockError(Errors.maxResultsRange(query.maxResults));
  }
  const type = query.type;
  const all = visibleProfiles(world, region).filter((p) => !type || (p.type ?? 'SYSTEM_DEFINED') === type);
  const start = query.nextToken ? decodeToken(query.nextToken) : 0;
  const page = all.slice(start, start + max);
  const body: Record<string, unknown> = { inferenceProfileSummaries: page.map((p) => profileSummary(world, p, region)) };
  if (start + max < all.length) body.nextToken = encodeToken(start + max);
  return body;
}

export function getInferenceProfile(world: World, region: string, idOrArn: string): unknown {
  const p = findProfile(world, region, idOrArn);
  if (!p || findModel(world, p.modelId)?.lifecycle === 'END_OF_LIFE') throw new FakeBedrockError(Errors.profileNotFound(idOrArn));
  return profileSummary(world, p, region);
}

export function getFoundationModelAvailability(world: World, region: string, id: string): unknown {
  const m = findModel(world, id);
  if (!m || m.lifecycle === 'END_OF_LIFE') throw new FakeBedrockError(Errors.invalidModelId());
  const authorized = m.access !== false;
  return {
    modelId: m.modelId,
    agreementAvailability: { status: m.availability?.agreement ?? 'AVAILABLE' },
    authorizationStatus: authorized ? 'AUTHORIZED' : 'NOT_AUTHORIZED',
    entitlementAvailability: m.availability?.entitlement ?? (authorized ? 'AVAILABLE' : 'NOT_AVAILABLE'),
    regionAvailability: m.regions.includes(region) ? 'AVAILABLE' : 'NOT_AVAILABLE',
  };
}
