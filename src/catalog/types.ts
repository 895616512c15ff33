// The shape of src/catalog/catalog.json: the Claude-on-Bedrock catalog as data.
// Every fact carries the sources it came from (ids into `sources`) and the date
// those sources were read, so a reader can check it and a newer source can replace it.

/** A fact with where it came from. */
export interface Fact<T> {
  value: T;
  /** Ids into Catalog.sources, most authoritative first. */
  source: string[];
  /** ISO date (YYYY-MM-DD or YYYY-MM) the sources were read. */
  asOf: string;
  note?: string;
}

export interface SourceRef {
  title: string;
  url?: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) of the copy that was read. */
  asOf: string;
  kind: 'official' | 'third-party' | 'recording';
}

/** A routing prefix ("global", "us", "eu", ...) and the source regions allowed to call it. */
export interface Geography {
  prefix: string;
  name: string;
  sourceRegions: Fact<string[]>;
}

export type Tier = 'opus' | 'sonnet' | 'haiku' | 'fable' | 'mythos' | 'instant' | 'claude';

/** bedrock-runtime: InvokeModel/Converse with ARN-versioned IDs (Opus 4.6 and earlier).
 *  messages-api: the models served by the Anthropic Messages API on Bedrock (Opus 4.7 and later),
 *  also reachable through InvokeModel with an inference profile. */
export type Integration = 'bedrock-runtime' | 'messages-api';

export type LifecycleStatus = 'active' | 'legacy' | 'end-of-life';

export interface Lifecycle {
  status: LifecycleStatus;
  /** Date the model became legacy/deprecated, where known. */
  legacyDate?: string;
  /** Date the model stops (or stopped) answering, where known. */
  endOfLifeDate?: string;
  /** Base ID of the suggested replacement. */
  replacement?: string;
}

/** none: no extended thinking; budget: thinking.type "enabled" with budget_tokens;
 *  budget-or-adaptive: both (budget deprecated); adaptive-only: thinking.type "adaptive" only. */
export type ThinkingMode = 'none' | 'budget' | 'budget-or-adaptive' | 'adaptive-only';

export interface Capabilities {
  vision: boolean;
  pdf: boolean;
  tools: boolean;
  thinking: ThinkingMode;
  /** Effort levels accepted with adaptive thinking, where known. */
  effort?: string[];
  promptCaching: { supported: boolean; minTokens?: number; ttls?: Array<'5m' | '1h'> };
  /** native: 1M context by default; beta: 1M behind a beta flag; none: the contextWindow is the limit. */
  context1m: 'native' | 'beta' | 'none';
  assistantPrefill: boolean;
}

/** Parameters a model refuses: "temperature", "top_p", "top_k", "temperature+top_p"
 *  (both together), "thinking.budget_tokens" (budget thinking). */
export type RefusedParameter = 'temperature' | 'top_p' | 'top_k' | 'temperature+top_p' | 'thinking.budget_tokens';

export interface InRegion {
  /** Can the base model ID be called on bedrock-runtime without a profile (on-demand)?
   *  "unknown" when no source says. */
  runtime: boolean | 'unknown';
  /** Regions where the runtime base ID works, where a source lists them. */
  runtimeRegions?: string[];
  /** Regions where the Messages API on bedrock-mantle serves the bare ID. */
  mantleRegions?: string[];
}

export interface PriceTable {
  /** USD per 1M tokens. */
  input: number;
  output: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
  cacheRead?: number;
}

export interface PriceRow extends PriceTable {
  /** "global" (global. profile), "regional" (geo profiles and in-region), or a specific
   *  prefix or region that differs ("us-gov", "us-gov-west-1"). */
  scope: string;
  /** Prices for a whole request whose input (with cache reads and writes) exceeds 200K tokens,
   *  where the model has such a tier (Anthropic: "all tokens incur premium pricing"). */
  above200k?: PriceTable;
  /** Batch inference prices, where a source gives them. */
  batch?: { input: number; output: number };
  /** The row applies from/until these dates (inclusive), e.g. promotional prices. */
  validFrom?: string;
  validTo?: string;
  source: string[];
  asOf: string;
  note?: string;
}

export interface Conflict {
  field: string;
  chosen: string;
  other: string;
  otherSource: string[];
}

export interface CatalogModel {
  /** Base model ID as Bedrock names it, e.g. "anthropic.claude-sonnet-4-5-20250929-v1:0". */
  id: string;
  name: string;
  tier: Tier;
  /** "4.5", "3.5", "3.5-v2", "2.1" ... used for aliases and ordering. */
  version: string;
  /** Canonical aliases, e.g. ["sonnet-4.5"]; spelling variants are derived in code. */
  aliases: string[];
  integration: Fact<Integration>;
  /** Model ID on the bedrock-mantle Messages endpoint, for messages-api models. */
  mantleId?: string;
  contextWindow: Fact<number>;
  maxOutputTokens: Fact<number>;
  lifecycle: Fact<Lifecycle>;
  capabilities: Fact<Capabilities>;
  refusedParameters: Fact<RefusedParameter[]>;
  /** Inference-profile prefixes that exist for this model: "global", "us", "eu", "jp", "apac", "au", "us-gov". */
  profiles: Fact<string[]>;
  inRegion: Fact<InRegion>;
  prices: PriceRow[];
  conflicts?: Conflict[];
  notes?: string[];
}

export interface Catalog {
  schemaVersion: 1;
  /** The newest date among the sources used. */
  asOf: string;
  sources: Record<string, SourceRef>;
  /** Ordered: when a region belongs to several geographies, the earlier one is preferred. */
  geographies: Geography[];
  models: CatalogModel[];
  notes?: string[];
}
