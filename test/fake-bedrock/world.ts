// The "world" the fake Bedrock serves: regions, models, inference profiles,
// account access, credentials and canned replies. This data is written by
// hand from public AWS/Anthropic docs and recordings and is deliberately
// independent of src/catalog, so the CLI's catalog is tested against it
// rather than against itself.
import type { CannedReply, ReplyRule } from './replies.js';

export type InferenceType = 'ON_DEMAND' | 'INFERENCE_PROFILE' | 'PROVISIONED';
/** END_OF_LIFE is not an API value: such models are hidden from listings and fail with 404. */
export type Lifecycle = 'ACTIVE' | 'LEGACY' | 'END_OF_LIFE';
export type Api = 'converse' | 'invoke' | 'count-tokens' | 'messages';

export interface FakeModel {
  modelId: string;
  modelName: string;
  providerName: string;
  /** Regions where the foundation model exists (listed, usable as profile destination, callable on demand). */
  regions: string[];
  inferenceTypes: InferenceType[];
  lifecycle?: Lifecycle;
  /** LEGACY and not used recently: invocations fail with the "marked by provider as Legacy" 404. */
  legacyInactive?: boolean;
  /** Whether the account may invoke it (false → 403 AccessDeniedException). Default true. */
  access?: boolean;
  /** Which APIs accept it. Default: converse, invoke, count-tokens (no /anthropic Messages API). */
  apis?: Api[];
  /** Regions where the bare ID works on /anthropic/v1/messages (the Mantle form). */
  messagesRegions?: string[];
  /** Sonnet/Haiku 4.5+ reject temperature together with top_p. */
  rejectsTemperatureWithTopP?: boolean;
  inputModalities?: string[];
  outputModalities?: string[];
  streaming?: boolean;
  /** Used for the `model` field of InvokeModel replies, e.g. claude-3-haiku-20240307. */
  anthropicModelName?: string;
  /** Default reply for this model (after rules, before world.defaultReply). */
  reply?: CannedReply;
  availability?: { agreement?: 'AVAILABLE' | 'PENDING' | 'NOT_AVAILABLE' | 'ERROR'; entitlement?: 'AVAILABLE' | 'NOT_AVAILABLE' };
  startOfLifeTime?: string;
  /** Usable in batch inference jobs. Default: Anthropic models with ON_DEMAND or INFERENCE_PROFILE. */
  batch?: boolean;
}

/** An S3 bucket of the fake S3 (see s3.ts). */
export interface FakeBucket {
  name: string;
  /** If set, requests signed for another region get AuthorizationHeaderMalformed. */
  region?: string;
  /** Every request on it gets 403 AccessDenied (and batch jobs cannot read/write it). */
  forbidden?: boolean;
}

/** Job states a batch job stays in for some GetModelInvocationJob/List polls (see batch.ts). */
export type BatchPollState = 'Submitted' | 'Validating' | 'Scheduled' | 'InProgress' | 'Stopping';

export interface FakeProfile {
  /** Profile ID: `us.anthropic…` for SYSTEM_DEFINED, a short random ID for APPLICATION. */
  id: string;
  type?: 'SYSTEM_DEFINED' | 'APPLICATION';
  name: string;
  description?: string;
  /** The foundation model it routes to. */
  modelId: string;
  /** Regions that list the profile and may call it. APPLICATION profiles live in one region. */
  sourceRegions: string[];
  /** Where requests go; 'global' gives the region-less foundation-model ARN. */
  destinationRegions: string[] | 'global';
  createdAt?: string;
  updatedAt?: string;
}

export interface BearerTokenInfo {
  /** A short-term key only works in the region it was made for. */
  region?: string;
  expired?: boolean;
}

export interface AuthConfig {
  /** If set, only these access key IDs are valid (else any key is accepted). */
  accessKeyIds?: string[];
  /** Keys that answer 403 ExpiredTokenException. */
  expiredAccessKeyIds?: string[];
  /** Keys that need an x-amz-security-token (keys starting with ASIA always do). */
  temporaryAccessKeyIds?: string[];
  /** If set, the session token a temporary key must carry. */
  sessionTokens?: Record<string, string>;
  /** If set, only these bearer tokens / API keys are valid. */
  bearerTokens?: Record<string, BearerTokenInfo>;
  /** STS identities per access key ID. */
  identities?: Record<string, { arn: string; userId: string }>;
}

export interface World {
  accountId: string;
  /** Region served for bearer-token / API-key requests, which carry no region (header x-fake-region overrides). */
  defaultRegion: string;
  /** Valid regions; a SigV4 scope outside this list gets "Credential should be scoped to a valid region." */
  regions: string[];
  models: FakeModel[];
  profiles: FakeProfile[];
  /** Consulted in order before model replies; first match wins. */
  replies: ReplyRule[];
  defaultReply: CannedReply;
  auth: AuthConfig;
  /** Page size of ListInferenceProfiles when the request has no maxResults. */
  profilePageSize: number;
  /** Add Bedrock's random-length `p` padding field to stream events, as the real service does. */
  padding: boolean;
  /** Buckets of the fake S3. Default: one bucket, `fake-bedrock-batch`. */
  s3Buckets: FakeBucket[];
  /** Largest ListObjectsV2 page (the request's max-keys may ask for fewer). Default 1000. */
  s3ListPageSize: number;
  /** A batch job with fewer records fails validation. Default 100 (the Bedrock quota). */
  batchMinRecords: number;
  /** A batch job with more records fails validation. Default 50000. */
  batchMaxRecords: number;
  /** How many polls (Get/List) report each state before the job moves on; 0 skips the state. */
  batchPolls: Record<BatchPollState, number>;
  /** Final status of a job some of whose records errored. Default PartiallyCompleted. */
  batchRecordErrorStatus: 'PartiallyCompleted' | 'Completed';
}

/** How a test changes the default world. Arrays of models/profiles are merged by ID. */
export interface WorldOverrides {
  base?: 'default' | 'empty';
  accountId?: string;
  defaultRegion?: string;
  regions?: string[];
  /** Added; an entry with an existing modelId replaces it. */
  models?: FakeModel[];
  /** Shallow patches of existing models, e.g. `{ 'anthropic.claude-opus-4-6-v1': { access: false } }`. */
  modelPatches?: Record<string, Partial<FakeModel>>;
  removeModels?: string[];
  /** Added; an entry with an existing id replaces it. */
  profiles?: FakeProfile[];
  removeProfiles?: string[];
  /** Prepended to the default rules. */
  replies?: ReplyRule[];
  defaultReply?: CannedReply;
  auth?: AuthConfig;
  profilePageSize?: number;
  padding?: boolean;
  /** Replaces the bucket list; a string is a bucket with no region and no restrictions. */
  s3Buckets?: Array<string | FakeBucket>;
  s3ListPageSize?: number;
  batchMinRecords?: number;
  batchMaxRecords?: number;
  /** Polls per batch state for Submitted, Validating, InProgress and Stopping (default 1; Scheduled stays 0). */
  batchStepsPerState?: number;
  /** Per-state polls, over batchStepsPerState, e.g. `{ InProgress: 5 }`. */
  batchPolls?: Partial<Record<BatchPollState, number>>;
  batchRecordErrorStatus?: 'PartiallyCompleted' | 'Completed';
}

export type WorldInput = WorldOverrides | ((world: World) => World | void);

// Credentials that are obviously not real; tests and the hand-run CLI use them.
export const FAKE_ACCESS_KEY_ID = 'AKIDFAKEEXAMPLEKEY01';
export const FAKE_SECRET_ACCESS_KEY = 'fake-secret';
export const FAKE_TEMP_ACCESS_KEY_ID = 'ASIDFAKETEMPORARYKEY';
export const FAKE_SESSION_TOKEN = 'fake-session-token';
export const FAKE_BEARER_TOKEN = 'ABSK-fake-bedrock-api-key';
export const FAKE_ACCOUNT_ID = '123456789012';
export const FAKE_BATCH_BUCKET = 'fake-bedrock-batch';

// Geographic inference-profile prefixes → source (= destination) regions.
export const GEOS: Record<string, string[]> = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  eu: ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
};
const GEO_LABEL: Record<string, string> = { us: 'US', eu: 'EU', jp: 'JP', apac: 'APAC', au: 'AU', global: 'GLOBAL' };

export const ALL_REGIONS = [...new Set(Object.values(GEOS).flat()), 'ca-central-1', 'sa-east-1'];

/** SYSTEM_DEFINED profiles `<geo>.<modelId>` for the given geos (plus 'global'). */
export function geoProfiles(modelId: string, label: string, geos: string[], createdAt = '2025-09-29T00:00:00Z'): FakeProfile[] {
  return geos.map((geo) => {
    const global = geo === 'global';
    const regions = global ? ALL_REGIONS : (GEOS[geo] ?? []);
    return {
      id: `${geo}.${modelId}`,
      type: 'SYSTEM_DEFINED' as const,
      name: `${GEO_LABEL[geo] ?? geo.toUpperCase()} ${label}`,
      description: global
        ? `Routes requests to ${label} globally across all supported AWS Regions.`
        : `Routes requests to ${label} in ${regions.join(', ')}.`,
      modelId,
      sourceRegions: regions,
      destinationRegions: global ? ('global' as const) : regions,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

function anthropic(modelId: string, modelName: string, extra: Partial<FakeModel>): FakeModel {
  return {
    modelId,
    modelName,
    providerName: 'Anthropic',
    regions: ALL_REGIONS,
    inferenceTypes: ['INFERENCE_PROFILE'],
    lifecycle: 'ACTIVE',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['TEXT'],
    streaming: true,
    ...extra,
  };
}

const HAIKU3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const HAIKU35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const SONNET37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const SONNET45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const SONNET46 = 'anthropic.claude-sonnet-4-6';
const OPUS46 = 'anthropic.claude-opus-4-6-v1';
const OPUS47 = 'anthropic.claude-opus-4-7';
const SONNET5 = 'anthropic.claude-sonnet-5';

/** IDs of the default world's models, for tests. */
export const DEFAULT_MODELS = { HAIKU3, HAIKU35, SONNET37, SONNET45, HAIKU45, SONNET46, OPUS46, OPUS47, SONNET5, NOVA_MICRO: 'amazon.nova-micro-v1:0' } as const;

export function defaultWorld(): World {
  const models: FakeModel[] = [
    // The one Claude still callable on demand by its base ID.
    anthropic(HAIKU3, 'Claude 3 Haiku', { inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'], anthropicModelName: 'claude-3-haiku-20240307', startOfLifeTime: '2024-03-07T00:00:00Z' }),
    // Context-length variant rows as ListFoundationModels really returns them (provisioned only).
    anthropic(`${HAIKU3}:200k`, 'Claude 3 Haiku', { inferenceTypes: ['PROVISIONED'], regions: ['us-east-1', 'us-west-2'] }),
    anthropic(HAIKU35, 'Claude 3.5 Haiku', { lifecycle: 'LEGACY', legacyInactive: true, inputModalities: ['TEXT'], regions: GEOS.us ?? [] }),
    anthropic(SONNET37, 'Claude 3.7 Sonnet', { lifecycle: 'END_OF_LIFE', regions: [...(GEOS.us ?? []), ...(GEOS.eu ?? [])] }),
    anthropic(SONNET45, 'Claude Sonnet 4.5', { rejectsTemperatureWithTopP: true, anthropicModelName: 'claude-sonnet-4-5-20250929' }),
    anthropic(HAIKU45, 'Claude Haiku 4.5', { rejectsTemperatureWithTopP: true, anthropicModelName: 'claude-haiku-4-5-20251001' }),
    anthropic(SONNET46, 'Claude Sonnet 4.6', { rejectsTemperatureWithTopP: true, anthropicModelName: 'claude-sonnet-4-6' }),
    anthropic(OPUS46, 'Claude Opus 4.6', { rejectsTemperatureWithTopP: true, anthropicModelName: 'claude-opus-4-6' }),
    // Messages-API generation: bare ID on /anthropic (Mantle regions), profiles elsewhere; no runtime CountTokens.
    anthropic(OPUS47, 'Claude Opus 4.7', {
      apis: ['converse', 'invoke', 'messages'],
      messagesRegions: ['us-east-1', 'eu-north-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-4'],
      anthropicModelName: 'claude-opus-4-7',
    }),
    // What `-m sonnet` resolves to. Converse is not documented for it (research: messages-endpoint §3),
    // so this world refuses it there; InvokeModel and the Messages API take it.
    anthropic(SONNET5, 'Claude Sonnet 5', { apis: ['invoke', 'messages'], anthropicModelName: 'claude-sonnet-5' }),
    {
      modelId: DEFAULT_MODELS.NOVA_MICRO,
      modelName: 'Nova Micro',
      providerName: 'Amazon',
      regions: ALL_REGIONS,
      inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'],
      lifecycle: 'ACTIVE',
      inputModalities: ['TEXT'],
      outputModalities: ['TEXT'],
      streaming: true,
    },
  ];
  const profiles: FakeProfile[] = [
    ...geoProfiles(HAIKU3, 'Anthropic Claude 3 Haiku', ['us', 'eu', 'apac'], '2024-09-30T00:00:00Z'),
    ...geoProfiles(HAIKU35, 'Anthropic Claude 3.5 Haiku', ['us'], '2024-12-02T00:00:00Z'),
    ...geoProfiles(SONNET37, 'Anthropic Claude 3.7 Sonnet', ['us', 'eu'], '2025-02-18T00:00:00Z'),
    ...geoProfiles(SONNET45, 'Claude Sonnet 4.5', ['global', 'us', 'eu', 'jp'], '2025-09-29T00:00:00Z'),
    ...geoProfiles(HAIKU45, 'Claude Haiku 4.5', ['global', 'us', 'eu'], '2025-10-15T00:00:00Z'),
    ...geoProfiles(SONNET46, 'Claude Sonnet 4.6', ['global', 'us', 'eu', 'jp'], '2026-02-17T00:00:00Z'),
    ...geoProfiles(OPUS46, 'Claude Opus 4.6', ['global', 'us', 'eu', 'jp', 'apac'], '2026-02-05T00:00:00Z'),
    ...geoProfiles(OPUS47, 'Claude Opus 4.7', ['global', 'us', 'eu', 'jp', 'au'], '2026-04-16T00:00:00Z'),
    ...geoProfiles(SONNET5, 'Claude Sonnet 5', ['global', 'us', 'eu', 'jp', 'au'], '2026-08-20T00:00:00Z'),
    ...geoProfiles(DEFAULT_MODELS.NOVA_MICRO, 'Nova Micro', ['us'], '2024-11-29T13:23:00Z'),
    {
      id: 'fakeapp00001',
      type: 'APPLICATION',
      name: 'fake-cost-tag',
      description: 'Application profile copying global Claude Haiku 4.5',
      modelId: HAIKU45,
      sourceRegions: ['us-east-1'],
      destinationRegions: 'global',
      createdAt: '2026-07-13T14:00:42.680622107Z',
      updatedAt: '2026-07-13T14:00:42.680622107Z',
    },
  ];

  return {
    accountId: FAKE_ACCOUNT_ID,
    defaultRegion: 'us-west-2',
    regions: [...ALL_REGIONS],
    models,
    profiles,
    replies: [],
    defaultReply: { text: 'Hello from fake Bedrock.' },
    auth: {
      temporaryAccessKeyIds: [FAKE_TEMP_ACCESS_KEY_ID],
      identities: {
        [FAKE_ACCESS_KEY_ID]: { arn: `arn:aws:iam::${FAKE_ACCOUNT_ID}:user/fake-user`, userId: 'AIDFAKEUSERID0000001' },
        [FAKE_TEMP_ACCESS_KEY_ID]: { arn: `arn:aws:sts::${FAKE_ACCOUNT_ID}:assumed-role/FakeRole/fake-session`, userId: 'AROFAKEROLEID0000001:fake-session' },
      },
    },
    profilePageSize: 1000,
    padding: true,
    s3Buckets: [{ name: FAKE_BATCH_BUCKET }],
    s3ListPageSize: 1000,
    batchMinRecords: 100,
    batchMaxRecords: 50000,
    batchPolls: batchPolls(1),
    batchRecordErrorStatus: 'PartiallyCompleted',
  };
}

function batchPolls(steps: number, patch: Partial<Record<BatchPollState, number>> = {}): Record<BatchPollState, number> {
  return { Submitted: steps, Validating: steps, Scheduled: 0, InProgress: steps, Stopping: steps, ...patch };
}

/** Whether batch jobs accept the model (FakeModel.batch, else the default rule). */
export function batchCapable(m: FakeModel): boolean {
  return m.batch ?? (m.providerName === 'Anthropic' && (m.inferenceTypes.includes('ON_DEMAND') || m.inferenceTypes.includes('INFERENCE_PROFILE')));
}

function emptyWorld(): World {
  const w = defaultWorld();
  return { ...w, models: [], profiles: [] };
}

function mergeById<T>(base: T[], extra: T[] | undefined, key: (t: T) => string): T[] {
  if (!extra) return base;
  const out = [...base];
  for (const item of extra) {
    const i = out.findIndex((b) => key(b) === key(item));
    if (i >= 0) out[i] = item;
    else out.push(item);
  }
  return out;
}

/** Default world (or an empty one) with a test's overrides applied. Always returns a fresh copy. */
export function buildWorld(input?: WorldInput): World {
  if (typeof input === 'function') {
    const w = defaultWorld();
    return input(w) ?? w;
  }
  const o = input ?? {};
  const w = o.base === 'empty' ? emptyWorld() : defaultWorld();
  let models = mergeById(w.models, o.models, (m) => m.modelId);
  if (o.removeModels) models = models.filter((m) => !o.removeModels?.includes(m.modelId));
  for (const [id, patch] of Object.entries(o.modelPatches ?? {})) {
    const i = models.findIndex((m) => m.modelId === id);
    const current = models[i];
    if (!current) throw new Error(`fake-bedrock: modelPatches names unknown model ${id}`);
    models[i] = { ...current, ...patch };
  }
  let profiles = mergeById(w.profiles, o.profiles, (p) => p.id);
  profiles = profiles.filter((p) => !o.removeProfiles?.includes(p.id) && !o.removeModels?.includes(p.modelId));
  return {
    accountId: o.accountId ?? w.accountId,
    defaultRegion: o.defaultRegion ?? w.defaultRegion,
    regions: o.regions ?? w.regions,
    models,
    profiles,
    replies: [...(o.replies ?? []), ...w.replies],
    defaultReply: o.defaultReply ?? w.defaultReply,
    auth: { ...w.auth, ...o.auth, identities: { ...w.auth.identities, ...o.auth?.identities } },
    profilePageSize: o.profilePageSize ?? w.profilePageSize,
    padding: o.padding ?? w.padding,
    s3Buckets: o.s3Buckets ? o.s3Buckets.map((b) => (typeof b === 'string' ? { name: b } : { ...b })) : w.s3Buckets,
    s3ListPageSize: o.s3ListPageSize ?? w.s3ListPageSize,
    batchMinRecords: o.batchMinRecords ?? w.batchMinRecords,
    batchMaxRecords: o.batchMaxRecords ?? w.batchMaxRecords,
    batchPolls: o.batchStepsPerState !== undefined || o.batchPolls ? batchPolls(o.batchStepsPerState ?? 1, o.batchPolls) : w.batchPolls,
    batchRecordErrorStatus: o.batchRecordErrorStatus ?? w.batchRecordErrorStatus,
  };
}

export function profileArn(world: World, profile: FakeProfile, region: string): string {
  const kind = profile.type === 'APPLICATION' ? 'application-inference-profile' : 'inference-profile';
  return `arn:aws:bedrock:${region}:${world.accountId}:${kind}/${profile.id}`;
}

export function foundationModelArn(modelId: string, region: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export function profileModelArns(profile: FakeProfile, region: string): string[] {
  if (profile.destinationRegions === 'global') {
    // As recorded in wire/GetInferenceProfile-1: the region-less ARN plus the source region's.
    return [`arn:aws:bedrock:::foundation-model/${profile.modelId}`, foundationModelArn(profile.modelId, region)];
  }
  return profile.destinationRegions.map((r) => foundationModelArn(profile.modelId, r));
}
