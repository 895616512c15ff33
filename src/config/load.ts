// The config loader: every setting with the place it came from.
//
// Precedence, highest first (design.md "Configuration"):
//   1. command-line flags
//   2. environment variables
//   3. project file  .bedrock-claude.json, searched from the working directory up
//   4. user file     $XDG_CONFIG_HOME/bedrock-claude/config.json (default ~/.config/…)
//   5. AWS shared config: the region of the active AWS profile
//   6. built-in defaults
// `--config <file>` replaces layers 3 and 4 with that one file.
// Synchronous reads: a few small files at start-up, where a thread-pool round trip per stat (and
// loading fs/promises) would cost more than the read.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CliError, configError, usageError } from '../errors.js';
import { checkNoExposedSecret } from './secrets.js';
import type { Env } from '../io.js';
import { parseConfigFile, type FileConfig } from './schema.js';

export const SCOPES = ['auto', 'global', 'geo', 'region'] as const;
export type Scope = (typeof SCOPES)[number];

export const DEFAULT_MODEL = 'sonnet';
export const DEFAULT_SCOPE: Scope = 'auto';
export const DEFAULT_MAX_TOKENS = 4096;
/** Attempts per AWS call (the first one included): Bedrock throttles often enough that 3 is short. */
export const DEFAULT_MAX_ATTEMPTS = 5;
export const RETRY_MODES = ['standard', 'adaptive'] as const;
export const PROJECT_FILE = '.bedrock-claude.json';

export type SettingSource =
  | { kind: 'flag'; name: string }
  | { kind: 'env'; name: string }
  | { kind: 'file'; path: string }
  | { kind: 'aws-profile'; profile: string; path: string }
  | { kind: 'default' };

export interface Setting<T> {
  value: T;
  source: SettingSource;
}

export interface Settings {
  region?: Setting<string>;
  /** The AWS profile for credentials and region. Absent means the SDK's default chain. */
  profile?: Setting<string>;
  model: Setting<string>;
  scope: Setting<Scope>;
  maxTokens: Setting<number>;
  maxAttempts: Setting<number>;
  retryMode: Setting<(typeof RETRY_MODES)[number]>;
  /** User aliases: name → model ID, each with the file that defined it. */
  aliases: Record<string, Setting<string>>;
  /** Endpoint for bedrock-runtime calls (and Messages API on bedrock-runtime). */
  runtimeEndpoint?: Setting<string>;
  /** Endpoint for the bedrock control plane (ListFoundationModels, …). */
  controlEndpoint?: Setting<string>;
  /** Endpoint for S3 (batch input and output): AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, never --endpoint-url,
   *  which names a Bedrock endpoint. */
  s3Endpoint?: Setting<string>;
  /** --record <dir>: save every exchange with Bedrock there. */
  record?: Setting<string>;
  /** --replay <dir>: answer from recordings, with no network and no credentials. */
  replay?: Setting<string>;
  /** Config files that were read, in precedence order (highest first). */
  files: string[];
}

export interface ConfigFlags {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  config?: string;
  model?: string;
  scope?: string;
  maxAttempts?: number;
  record?: string;
  replay?: string;
}

export interface LoadOptions {
  flags: ConfigFlags;
  env: Env;
  cwd: string;
}

export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'flag':
      return `flag ${source.name}`;
    case 'env':
      return `env ${source.name}`;
    case 'file':
      return source.path;
    case 'aws-profile':
      return `AWS profile "${source.profile}" (${source.path})`;
    case 'default':
      return 'default';
  }
}

export function homeDir(env: Env): string {
  // node:os only when HOME is unset: loading it is a cost every start would pay.
  return env.HOME || process.getBuiltinModule('node:os').homedir();
}

export function userConfigPath(env: Env): string {
  const base = env.XDG_CONFIG_HOME || join(homeDir(env), '.config');
  return join(base, 'bedrock-claude', 'config.json');
}

export function awsConfigPath(env: Env): string {
  return env.AWS_CONFIG_FILE || join(homeDir(env), '.aws', 'config');
}

export async function loadSettings({ flags, env, cwd }: LoadOptions): Promise<Settings> {
  const files = await readConfigFiles(flags, env, cwd);
  const fromFiles = <K extends keyof FileConfig>(key: K): Setting<NonNullable<FileConfig[K]>> | undefined => {
    for (const file of files) {
      const value = file.config[key];
      if (value !== undefined) return { value: value as NonNullable<FileConfig[K]>, source: { kind: 'file', path: file.path } };
    }
    return undefined;
  };

  const profile =
    fromFlag(flags.profile, '--profile') ?? fromEnv(env, 'AWS_PROFILE') ?? fromFiles('profile');

  const region =
    fromFlag(flags.region, '--region') ??
    fromEnv(env, 'AWS_REGION') ??
    fromEnv(env, 'AWS_DEFAULT_REGION') ??
    fromFiles('region') ??
    (await regionFromAwsConfig(env, profile?.value ?? 'default'));
  if (region) checkRegion(region);

  const model =
    fromFlag(flags.model, '--model') ??
    fromEnv(env, 'BEDROCK_CLAUDE_MODEL') ??
    fromFiles('model') ?? { value: DEFAULT_MODEL, source: { kind: 'default' } as const };

  const scopeRaw =
    fromFlag(flags.scope, '--scope') ??
    fromEnv(env, 'BEDROCK_CLAUDE_SCOPE') ??
    fromFiles('scope') ?? { value: DEFAULT_SCOPE, source: { kind: 'default' } as const };
  const scope = { value: checkScope(scopeRaw), source: scopeRaw.source };

  const maxTokens = fromFiles('maxTokens') ?? { value: DEFAULT_MAX_TOKENS, source: { kind: 'default' } as const };
  const attemptsFromEnv = fromEnv(env, 'AWS_MAX_ATTEMPTS');
  const maxAttempts: Setting<number> =
    (flags.maxAttempts !== undefined ? { value: flags.maxAttempts, source: { kind: 'flag', name: '--max-attempts' } } : undefined) ??
    (attemptsFromEnv ? { value: checkAttempts(attemptsFromEnv), source: attemptsFromEnv.source } : undefined) ??
    fromFiles('maxAttempts') ?? { value: DEFAULT_MAX_ATTEMPTS, source: { kind: 'default' } };
  const retryModeRaw = fromEnv(env, 'AWS_RETRY_MODE') ?? fromFiles('retryMode') ?? { value: 'standard', source: { kind: 'default' } as const };
  const retryMode = { value: checkRetryMode(retryModeRaw), source: retryModeRaw.source };

  const aliases: Record<string, Setting<string>> = {};
  // Lower layers first, so higher ones overwrite.
  for (const file of [...files].reverse()) {
    for (const [name, target] of Object.entries(file.config.aliases ?? {})) {
      aliases[name.toLowerCase()] = { value: target, source: { kind: 'file', path: file.path } };
    }
  }

  const endpointFlag = fromFlag(flags.endpointUrl, '--endpoint-url');
  const endpointFile = fromFiles('endpointUrl');
  const runtimeEndpoint =
    endpointFlag ?? fromEnv(env, 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME') ?? fromEnv(env, 'AWS_ENDPOINT_URL') ?? endpointFile;
  const controlEndpoint =
    endpointFlag ?? fromEnv(env, 'AWS_ENDPOINT_URL_BEDROCK') ?? fromEnv(env, 'AWS_ENDPOINT_URL') ?? endpointFile;
  const s3Endpoint = fromEnv(env, 'AWS_ENDPOINT_URL_S3') ?? fromEnv(env, 'AWS_ENDPOINT_URL');
  for (const endpoint of [runtimeEndpoint, controlEndpoint, s3Endpoint]) if (endpoint) checkEndpoint(endpoint);

  return {
    region,
    profile,
    model,
    scope,
    maxTokens,
    maxAttempts,
    retryMode,
    aliases,
    runtimeEndpoint,
    controlEndpoint,
    s3Endpoint,
    record: flags.record !== undefined ? { value: resolve(cwd, flags.record), source: { kind: 'flag', name: '--record' } } : undefined,
    replay: flags.replay !== undefined ? { value: resolve(cwd, flags.replay), source: { kind: 'flag', name: '--replay' } } : undefined,
    files: files.map((f) => f.path),
  };
}

function fromFlag(value: string | undefined, name: string): Setting<string> | undefined {
  return value === undefined ? undefined : { value, source: { kind: 'flag', name } };
}

function fromEnv(env: Env, name: string): Setting<string> | undefined {
  const value = env[name];
  return value ? { value, source: { kind: 'env', name } } : undefined;
}

interface LoadedFile {
  path: string;
  config: FileConfig;
}

async function readConfigFiles(flags: ConfigFlags, env: Env, cwd: string): Promise<LoadedFile[]> {
  if (flags.config !== undefined) {
    const path = resolve(cwd, flags.config);
    const text = await readText(path);
    if (text === undefined) {
      throw configError(`config file ${path} (from --config) does not exist`, 'Check the path, or drop --config to use the default files.');
    }
    return [{ path, config: parseConfigFile(text, path) }];
  }
  const found: LoadedFile[] = [];
  for (const path of [await findProjectFile(cwd), userConfigPath(env)]) {
    if (!path) continue;
    const text = await readText(path);
    if (text !== undefined) found.push({ path, config: parseConfigFile(text, path) });
  }
  return found;
}

async function findProjectFile(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, PROJECT_FILE);
    if (await isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The file's text, or undefined when it does not exist. Other read errors are config errors. */
async function readText(path: string): Promise<string | undefined> {
  try {
    const text = readFileSync(path, 'utf8');
    checkNoExposedSecret(text, path, statSync(path).mode);
    return text;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw configError(`cannot read config file ${path}: ${code ?? String(err)}`, 'Fix the file permissions or remove the file.');
  }
}

async function regionFromAwsConfig(env: Env, profile: string): Promise<Setting<string> | undefined> {
  const path = awsConfigPath(env);
  if (!(await isFile(path))) return undefined;
  // Loaded lazily: only when no higher layer set the region.
  const { loadSharedConfigFiles } = await import('@smithy/core/config');
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir(env), '.aws', 'credentials');
  const { configFile } = await loadSharedConfigFiles({ configFilepath: path, filepath: credentialsPath, ignoreCache: true });
  const region = configFile[profile]?.region;
  return region ? { value: region, source: { kind: 'aws-profile', profile, path } } : undefined;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** A bad flag is a usage error (exit 2); a bad env var or file value is a config error (exit 3). */
function invalid(source: SettingSource, message: string, fix: string): CliError {
  return source.kind === 'flag' ? usageError(message, fix) : configError(message, fix);
}

function checkRegion(region: Setting<string>): void {
  if (!REGION_PATTERN.test(region.value)) {
    throw invalid(region.source,
      `region "${region.value}" (from ${describeSource(region.source)}) is not an AWS region name`,
      'Use a region code such as us-east-1, eu-central-1 or ap-northeast-1.',
    );
  }
}

function checkScope(scope: Setting<string>): Scope {
  const value = scope.value.toLowerCase();
  if ((SCOPES as readonly string[]).includes(value)) return value as Scope;
  throw invalid(scope.source,
    `scope "${scope.value}" (from ${describeSource(scope.source)}) is not one of ${SCOPES.join(', ')}`,
    'auto picks global where the model has it, else the geographic profile, else in-region.',
  );
}

function checkAttempts(setting: Setting<string>): number {
  const n = Number(setting.value);
  if (!Number.isInteger(n) || n < 1) {
    throw invalid(setting.source, `max attempts "${setting.value}" (from ${describeSource(setting.source)}) is not a positive integer`, 'Use 1 for no retries, or e.g. 5.');
  }
  return n;
}

function checkRetryMode(setting: Setting<string>): (typeof RETRY_MODES)[number] {
  if ((RETRY_MODES as readonly string[]).includes(setting.value)) return setting.value as (typeof RETRY_MODES)[number];
  throw invalid(setting.source, `retry mode "${setting.value}" (from ${describeSource(setting.source)}) is not one of ${RETRY_MODES.join(', ')}`, 'adaptive adds client-side rate limiting to standard retries.');
}

function checkEndpoint(endpoint: Setting<string>): void {
  let url: URL | undefined;
  try {
    url = new URL(endpoint.value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw invalid(endpoint.source,
      `endpoint "${endpoint.value}" (from ${describeSource(endpoint.source)}) is not an http(s) URL`,
      'Give a full URL, e.g. https://bedrock-runtime.us-east-1.amazonaws.com or http://127.0.0.1:4010.',
    );
  }
}
