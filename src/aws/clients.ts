// The one factory for AWS clients: region, endpoint, profile, HTTP handler, user agent and the
// --debug wire log. The SDK is imported here, lazily, so commands that never call AWS never load it.
import { VERSION } from '../version.js';
import type { Settings } from '../config/load.js';
import { redactHeaders } from './redact.js';

export interface ClientOptions {
  settings: Settings;
  region: string;
  /** Receives wire-level log lines when --debug is on. */
  debug?: (line: string) => void;
  maxAttempts?: number;
}

// Node 20 is supported by the pinned SDK; its notice about future versions is noise on stderr.
function quietNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

async function commonConfig(options: ClientOptions, endpoint: string | undefined) {
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  return {
    region: options.region,
    ...(endpoint ? { endpoint } : {}),
    ...(options.settings.profile ? { profile: options.settings.profile.value } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    customUserAgent: `bedrock-claude/${VERSION}`,
    // HTTP/1.1 everywhere: it works with Bedrock and with proxies, gateways and local fakes
    // given by --endpoint-url (the runtime client's HTTP/2 default does not).
    requestHandler: new NodeHttpHandler({ connectionTimeout: 10_000 }),
  };
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

export async function bedrockControlClient(options: ClientOptions) {
  quietNodeVersionWarning();
  const { BedrockClient } = await import('@aws-sdk/client-bedrock');
  const client = new BedrockClient(await commonConfig(options, options.settings.controlEndpoint?.value));
  if (options.debug) addDebugLog(client.middlewareStack as unknown as MiddlewareStackLike, options.debug);
  return client;
}

export async function bedrockRuntimeClient(options: ClientOptions) {
  quietNodeVersionWarning();
  const { BedrockRuntimeClient } = await import('@aws-sdk/client-bedrock-runtime');
  const client = new BedrockRuntimeClient(await commonConfig(options, options.settings.runtimeEndpoint?.value));
  if (options.debug) addDebugLog(client.middlewareStack as unknown as MiddlewareStackLike, options.debug);
  return client;
}
