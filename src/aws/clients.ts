// The one factory for AWS clients: region, endpoint, profile, HTTP handler, user agent and the
// --debug wire log. The SDK is imported here, lazily, so commands that never call AWS never load it.
import { VERSION } from '../version.js';
import type { Settings } from '../config/load.js';
import { redactHeaders } from './redact.js';
import { Recorder, Replayer } from './recorder.js';
import { visibleRetryStrategy, type RetryNotice } from './retry.js';
import { runtimeSdk } from './sdk.js';

export interface ClientOptions {
  settings: Settings;
  region: string;
  /** Receives wire-level log lines when --debug is on. */
  debug?: (line: string) => void;
  /** Overrides settings.maxAttempts (e.g. 1 for a doctor probe). */
  maxAttempts?: number;
  /** Told about each retry before its wait ("retrying in 1.2 s: ThrottlingException (attempt 2/5)"). */
  onRetry?: (notice: RetryNotice) => void;
  /** Socket idle timeout: how long a reply may send nothing before the call gives up. */
  requestTimeoutMs?: number;
  /** Connections allowed at once (the SDK's default agent allows 50; --jsonl may want more). */
  maxSockets?: number;
  /** Sees every raw HTTP response (each attempt, errors included), e.g. to read its Date header. */
  onResponse?: (response: { statusCode?: number; headers: Record<string, string> }) => void;
}

// Node 20 is supported by the pinned SDK; its notice about future versions is noise on stderr.
function quietNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

async function commonConfig(options: ClientOptions, endpoint: string | undefined) {
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  const maxAttempts = options.maxAttempts ?? options.settings.maxAttempts.value;
  return {
    region: options.region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.settings.profile ? { profile: options.settings.profile.value } : {}),
    maxAttempts,
    retryStrategy: await visibleRetryStrategy(options.settings.retryMode.value, maxAttempts, options.onRetry ?? (() => {})),
    customUserAgent: `bedrock-claude/${VERSION}`,
    // HTTP/1.1 everywhere: it works with Bedrock and with proxies, gateways and local fakes
    // given by --endpoint-url (the runtime client's HTTP/2 default does not).
    requestHandler: await withRecording(
      new NodeHttpHandler({
        connectionTimeout: 10_000,
        ...(options.requestTimeoutMs ? { socketTimeout: options.requestTimeoutMs } : {}),
        ...(options.maxSockets ? await agents(options.maxSockets) : {}),
      }),
      options.settings,
    ),
    // A replay signs nothing that leaves the machine: any credentials will do, none are needed.
    ...(options.settings.replay ? { credentials: { accessKeyId: 'replay', secretAccessKey: 'replay' } } : {}),
  };
}

async function agents(maxSockets: number) {
  const [{ Agent: HttpAgent }, { Agent: HttpsAgent }] = await Promise.all([import('node:http'), import('node:https')]);
  return { httpAgent: new HttpAgent({ keepAlive: true, maxSockets }), httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets }) };
}

/** --record wraps the real handler; --replay replaces it. One recorder/replayer per directory per run. */
async function withRecording(handler: InstanceType<typeof import('@smithy/node-http-handler').NodeHttpHandler>, settings: Settings) {
  if (!settings.record && !settings.replay) return handler;
  const { recordingHandler, replayHandler } = await import('./recorder.js');
  const mode = recordingMode(settings);
  if (mode.replayer) return replayHandler(mode.replayer);
  return mode.recorder ? recordingHandler(handler, mode.recorder) : handler;
}

const recordings = new Map<string, Recorder | Replayer>();

export function recordingMode(settings: Settings): { recorder?: Recorder; replayer?: Replayer } {
  const dir = settings.replay?.value ?? settings.record?.value;
  if (!dir) return {};
  let instance = recordings.get(dir);
  if (!instance) {
    instance = settings.replay ? new Replayer(dir) : new Recorder(dir);
    recordings.set(dir, instance);
  }
  return instance instanceof Replayer ? { replayer: instance } : { recorder: instance };
}

interface MiddlewareStackLike {
  add(middleware: unknown, options: Record<string, unknown>): void;
}

/** Logs each request after signing and each response status, with secrets redacted. */
function addDebugLog(stack: MiddlewareStackLike, debug: (line: string) => void): void {
  stack.add(
    (next: (args: { request: unknown }) => Promise<{ response: unknown }>) => async (args: { request: unknown }) => {
      const request = args.request as { method?: string; protocol?: string; hostname?: string; port?: number; path?: string; headers?: Record<string, string> };
      const port = request.port ? `:${request.port}` : '';
      debug(`> ${request.method} ${request.protocol}//${request.hostname}${port}${request.path}`);
      for (const [name, value] of Object.entries(redactHeaders(request.headers ?? {}))) debug(`> ${name}: ${value}`);
      const output = await next(args);
      const response = output.response as { statusCode?: number; headers?: Record<string, string> };
      debug(`< ${response.statusCode}`);
      for (const [name, value] of Object.entries(redactHeaders(response.headers ?? {}))) debug(`< ${name}: ${value}`);
      return output;
    },
    { step: 'finalizeRequest', priority: 'low', name: 'bedrockClaudeDebugLog' },
  );
}

/** Hands each raw response to the caller before the SDK parses it (innermost deserialize step). */
function addResponseHook(stack: MiddlewareStackLike, onResponse: NonNullable<ClientOptions['onResponse']>): void {
  stack.add(
    (next: (args: unknown) => Promise<{ response: unknown }>) => async (args: unknown) => {
      const output = await next(args);
      const response = output.response as { statusCode?: number; headers?: Record<string, string> };
      onResponse({ statusCode: response.statusCode, headers: response.headers ?? {} });
      return output;
    },
    { step: 'deserialize', priority: 'low', name: 'bedrockClaudeResponseHook' },
  );
}

/** The client-independent hooks: --debug wire log and the response hook. */
function addHooks(stack: unknown, options: ClientOptions): void {
  if (options.debug) addDebugLog(stack as MiddlewareStackLike, options.debug);
  if (options.onResponse) addResponseHook(stack as MiddlewareStackLike, options.onResponse);
}

export async function bedrockControlClient(options: ClientOptions) {
  quietNodeVersionWarning();
  const { BedrockClient } = await import('@aws-sdk/client-bedrock');
  const client = new BedrockClient(await commonConfig(options, options.settings.controlEndpoint?.value));
  addHooks(client.middlewareStack, options);
  return client;
}

export async function bedrockRuntimeClient(options: ClientOptions) {
  quietNodeVersionWarning();
  const { BedrockRuntimeClient } = await runtimeSdk();
  const client = new BedrockRuntimeClient(await commonConfig(options, options.settings.runtimeEndpoint?.value));
  addHooks(client.middlewareStack, options);
  return client;
}

/** STS (GetCallerIdentity for `doctor`). No endpoint from the settings: --endpoint-url names a Bedrock
 *  endpoint, so STS follows the SDK's own AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL / profile rules. */
export async function stsClient(options: ClientOptions) {
  quietNodeVersionWarning();
  const { STSClient } = await import('@aws-sdk/client-sts');
  const client = new STSClient(await commonConfig(options, undefined));
  addHooks(client.middlewareStack, options);
  return client;
}

/** S3, for batch input and output. A custom endpoint (a gateway, LocalStack, the local fake) is
 *  addressed path-style, since it has no per-bucket host names. */
export async function s3Client(options: ClientOptions) {
  quietNodeVersionWarning();
  const { S3Client } = await import('@aws-sdk/client-s3');
  const endpoint = options.settings.s3Endpoint?.value;
  const client = new S3Client({ ...(await commonConfig(options, endpoint)), ...(endpoint ? { forcePathStyle: true } : {}) });
  addHooks(client.middlewareStack, options);
  return client;
}
