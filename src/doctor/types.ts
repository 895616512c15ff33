// Shapes shared by the doctor checks: what a check returns, what it may read (the context and what
// earlier checks learned), and the services that reach outside the process (injected, so every
// check runs in unit tests against plain fakes).
import type { Settings } from '../config/load.js';
import type { Cause } from '../errors.js';
import type { Env } from '../io.js';
import type { CliError } from '../errors.js';
import type { LiveRegionData, Resolution } from '../resolver.js';

export type Status = 'pass' | 'warn' | 'fail' | 'skip';

export const CHECK_IDS = [
  'node',
  'catalog',
  'config',
  'region',
  'credentials',
  'identity',
  'clock',
  'endpoint',
  'model',
  'access',
  'permissions',
  'probe',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckResult {
  id: CheckId;
  title: string;
  status: Status;
  /** One line: what was found. */
  detail: string;
  /** What to do; every warn and fail has one. */
  fix?: string;
  /** The shared cause code (design.md) of a warn or fail, where one fits. */
  cause?: Cause;
  /** Extra lines shown under the check (settings and their sources, IAM resources, …). */
  info?: string[];
}

/** The options doctor was run with, and the clock (tests pin it). */
export interface DoctorOptions {
  env: Env;
  probe: boolean;
  strict: boolean;
  now: () => Date;
  /** Node's version, e.g. "20.20.2". */
  nodeVersion: string;
  toolVersion: string;
  /** Milliseconds before an endpoint counts as unreachable. */
  endpointTimeoutMs: number;
}

/** Where Bedrock calls get their authentication from. */
export type Auth =
  | { kind: 'sigv4'; sigv4: SigV4Credentials; bearer?: undefined }
  | { kind: 'bearer'; bearer: ApiKeyInfo; sigv4?: SigV4Credentials }
  | { kind: 'none'; reason: string };

export interface SigV4Credentials {
  /** Human words for the source: "environment variables", "SSO (profile dev)", … */
  source: string;
  /** The access key ID, masked: AKID…0001. */
  maskedKeyId: string;
  temporary: boolean;
  expiration?: Date;
}

export interface ApiKeyInfo {
  kind: 'short-term' | 'long-term' | 'unknown';
  /** Short-term keys: the region the key was made for (it works only there). */
  region?: string;
  issuedAt?: Date;
  expiresAt?: Date;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** A response from AWS and when it arrived, for the clock check. */
export interface ServerTime {
  /** The Date header, parsed. */
  date: Date;
  /** The local time when the response arrived. */
  receivedAt: Date;
  /** What answered: "STS", "bedrock control plane", an endpoint URL. */
  via: string;
}

export interface PingResult {
  url: string;
  ok: boolean;
  status?: number;
  /** Error code when unreachable: ECONNREFUSED, ENOTFOUND, TIMEOUT, … */
  code?: string;
  message?: string;
  ms: number;
  date?: Date;
}

export interface Availability {
  agreement?: string;
  authorization?: string;
  entitlement?: string;
  region?: string;
}

export interface ProfileInfo {
  id: string;
  arn?: string;
  /** Foundation-model ARNs the profile routes to. */
  modelArns: string[];
}

export interface ProbeOutcome {
  ok: boolean;
  api: string;
  ms: number;
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number | null;
  error?: CliError;
}

/** Everything that leaves the process. The real one is in aws.ts; unit tests pass fakes. */
export interface DoctorServices {
  loadSettings(): Promise<Settings>;
  resolveSigV4(settings: Settings | undefined): Promise<SigV4Credentials>;
  callerIdentity(settings: Settings, region: string): Promise<CallerIdentity>;
  modelAvailability(settings: Settings, region: string, modelId: string): Promise<Availability>;
  inferenceProfile(settings: Settings, region: string, id: string): Promise<ProfileInfo>;
  ping(url: string, timeoutMs: number): Promise<PingResult>;
  /** The latest Date header AWS sent with any response so far. */
  serverTime(): ServerTime | undefined;
  readLiveCache(region: string, endpoint: string | null): Promise<LiveRegionData | undefined>;
  probe(settings: Settings, resolution: Resolution, bearerToken: string | undefined): Promise<ProbeOutcome>;
}

/** What the earlier checks found, for the later ones. */
export interface Facts {
  settings?: Settings;
  /** Why the settings could not be loaded. */
  settingsError?: CliError;
  region?: string;
  /** The resolver's verdict on the configured model (pure, computed once after config). */
  resolution?: Resolution;
  resolutionError?: CliError;
  auth?: Auth;
  identity?: CallerIdentity;
  /** The credentials were refused by AWS (expired, invalid): later signed calls are pointless. */
  credentialsRefused?: string;
  /** Foundation-model ARNs behind the inference profile, from GetInferenceProfile. */
  profileModelArns?: string[];
  probe?: ProbeOutcome;
}

export interface DoctorContext {
  options: DoctorOptions;
  services: DoctorServices;
  /** What earlier checks found (read-only here). */
  facts: Readonly<Facts>;
  /** Hands a finding to the checks after this one. */
  learn(update: Partial<Facts>): void;
}

/** Builds a check's result with its id and title filled in. */
export interface Verdicts {
  pass(detail: string, extra?: Extra): CheckResult;
  warn(detail: string, fix: string, extra?: Extra): CheckResult;
  fail(detail: string, fix: string, extra?: Extra): CheckResult;
  skip(detail: string, extra?: Extra): CheckResult;
}

export type Extra = Pick<CheckResult, 'cause' | 'info'>;

export interface CheckDefinition {
  id: CheckId;
  title: string;
  run(ctx: DoctorContext, verdict: Verdicts): Promise<CheckResult>;
}
