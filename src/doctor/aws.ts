// The real DoctorServices: the credential chain, STS, the Bedrock control plane, plain HTTPS pings
// and the probe, all through the one client factory. Every AWS response's Date header is kept for
// the clock check. AWS errors leave here as CliErrors with cause and fix (aws/errors.ts).
import { bedrockControlClient, stsClient, type ClientOptions } from '../aws/clients.js';
import { fromAwsError } from '../aws/errors.js';
import { costOfUsage } from '../chat/cost.js';
import type { ChatRequest, ChatResult } from '../chat/types.js';
import { join } from 'node:path';
import { awsConfigPath, homeDir, type Settings } from '../config/load.js';
import type { Env } from '../io.js';
import { readLiveCache, toResolverData } from '../models/live-cache.js';
import { describeCredentialSource, maskKeyId } from './credential-source.js';
import type { DoctorServices, PingResult, ProbeOutcome, ServerTime } from './types.js';

export interface AwsServicesOptions {
  env: Env;
  loadSettings: () => Promise<Settings>;
  debug?: (line: string) => void;
  now: () => Date;
}

/** Doctor should answer quickly: one retry for a transient error, not the SDK's default two. */
const MAX_ATTEMPTS = 2;

// The probe asks for one output token; the prompt only needs to be valid.
const PROBE_REQUEST: ChatRequest = { messages: [{ role: 'user', content: [{ type: 'text', text: 'Reply with OK.' }] }], maxTokens: 1 };

export function awsServices(options: AwsServicesOptions): DoctorServices {
  let latest: ServerTime | undefined;
  const pings = new Map<string, Promise<PingResult>>();

  const observe = (via: string, date: string | null | undefined) => {
    const parsed = date ? new Date(date) : undefined;
    if (parsed && !Number.isNaN(parsed.getTime())) latest = { date: parsed, receivedAt: options.now(), via };
  };
  const client = (settings: Settings, region: string, via: string): ClientOptions => ({
    settings,
    region,
    debug: options.debug,
    maxAttempts: MAX_ATTEMPTS,
    onResponse: (response) => observe(via, headerOf(response.headers, 'date')),
  });

  return {
    loadSettings: options.loadSettings,

    async resolveSigV4(settings) {
      const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
      const profile = settings?.profile?.value;
      // A silent logger: the chain's "multiple credential sources" notice would otherwise go to stderr.
      const logger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };
      let credentials: Awaited<ReturnType<ReturnType<typeof fromNodeProviderChain>>>;
      try {
        credentials = await fromNodeProviderChain({ ...(profile ? { profile } : {}), logger })();
      } catch (err) {
        // The chain's last message is often the generic one: say what the named profile is, if anything.
        const named = profile ?? options.env.AWS_PROFILE;
        throw new Error(await explainProfileFailure(options.env, named, err instanceof Error ? err.message : String(err)));
      }
      const features = (credentials as { $source?: Record<string, string> }).$source;
      return {
        source: describeCredentialSource({ features, env: options.env, profile }),
        maskedKeyId: maskKeyId(credentials.accessKeyId),
        temporary: Boolean(credentials.sessionToken),
        ...(credentials.expiration ? { expiration: credentials.expiration } : {}),
      };
    },

    async callerIdentity(settings, region) {
      const sts = await stsClient(client(settings, region, 'STS'));
      const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
      try {
        const answer = await sts.send(new GetCallerIdentityCommand({}));
        return { account: answer.Account ?? '?', arn: answer.Arn ?? '?', userId: answer.UserId ?? '?' };
      } catch (err) {
        throw fromAwsError(err, 'GetCallerIdentity', { region, api: 'control-plane' });
      } finally {
        sts.destroy();
      }
    },

    async modelAvailability(settings, region, modelId) {
      const bedrock = await bedrockControlClient(client(settings, region, 'the Bedrock control plane'));
      const { GetFoundationModelAvailabilityCommand } = await import('@aws-sdk/client-bedrock');
      try {
        const a = await bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId }));
        return {
          agreement: a.agreementAvailability?.status,
          authorization: a.authorizationStatus,
          entitlement: a.entitlementAvailability,
          region: a.regionAvailability,
        };
      } catch (err) {
        throw fromAwsError(err, 'GetFoundationModelAvailability', { region, model: modelId, api: 'control-plane' });
      } finally {
        bedrock.destroy();
      }
    },

    async inferenceProfile(settings, region, id) {
      const bedrock = await bedrockControlClient(client(settings, region, 'the Bedrock control plane'));
      const { GetInferenceProfileCommand } = await import('@aws-sdk/client-bedrock');
      try {
        const p = await bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: id }));
        return { id: p.inferenceProfileId ?? id, arn: p.inferenceProfileArn, modelArns: (p.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean) };
      } catch (err) {
        throw fromAwsError(err, 'GetInferenceProfile', { region, model: id, api: 'control-plane' });
      } finally {
        bedrock.destroy();
      }
    },

    ping(url, timeoutMs) {
      // Memoized: the clock and endpoint checks may both need the same endpoint's answer.
      let pending = pings.get(url);
      if (!pending) {
        pending = ping(url, timeoutMs, (date) => observe(new URL(url).host, date));
        pings.set(url, pending);
      }
      return pending;
    },

    serverTime: () => latest,

    async readLiveCache(region, endpoint) {
      const live = await readLiveCache(options.env, region, endpoint);
      return live && toResolverData(live);
    },

    async probe(settings, resolution, bearerToken) {
      const mantle = resolution.route === 'mantle';
      const api = mantle ? 'Messages API' : 'Converse';
      const clientOptions = client(settings, resolution.region, 'Bedrock runtime');
      const onEvent = () => {};
      let started = performance.now();
      try {
        let result: ChatResult;
        if (mantle) {
          const { sendMessages } = await import('../chat/messages-api.js');
          started = performance.now();
          result = await sendMessages({ model: resolution.mantleModelId ?? resolution.modelId, host: 'mantle', request: PROBE_REQUEST, stream: false, client: clientOptions, bearerToken, onEvent });
        } else {
          const { sendChat } = await import('../chat/send.js');
          started = performance.now();
          result = await sendChat({ api: 'converse', modelId: resolution.modelId, request: PROBE_REQUEST, stream: false, client: clientOptions, onEvent });
        }
        const ms = Math.round(performance.now() - started);
        const usage = result.usage;
        return {
          ok: true,
          api,
          ms,
          inputTokens: usage.inputTokens + usage.cacheReadInputTokens + usage.cacheWriteInputTokens,
          outputTokens: usage.outputTokens,
          costUsd: costOfUsage(usage, resolution, options.now().toISOString().slice(0, 10)),
        } satisfies ProbeOutcome;
      } catch (err) {
        const error = fromAwsError(err, `${api} with ${resolution.modelId}`, { model: resolution.modelId, region: resolution.region, api: mantle ? 'messages' : 'converse' });
        return { ok: false, api, ms: Math.round(performance.now() - started), error };
      }
    },
  };
}

/** One unsigned GET: any HTTP answer means the endpoint is reachable. node:http(s) like the SDK's
 *  handler, so a port fetch() would refuse (e.g. 6000) is judged the way the SDK would reach it. */
async function ping(url: string, timeoutMs: number, onDate: (date: string | null) => void): Promise<PingResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { url, ok: false, code: 'EINVAL', message: 'not a URL', ms: 0 };
  }
  const { request } = target.protocol === 'http:' ? await import('node:http') : await import('node:https');
  return new Promise<PingResult>((resolve) => {
    const req = request(target, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume(); // the body does not matter
      const date = typeof res.headers.date === 'string' ? res.headers.date : null;
      onDate(date);
      resolve({ url, ok: true, status: res.statusCode, ms: elapsed(), ...(date ? { date: new Date(date) } : {}) });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ url, ok: false, code: err.code ?? 'ERROR', message: err.message, ms: elapsed() }));
    req.end();
  });
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}


/** "profile "x" is not in ~/.aws/config or ~/.aws/credentials", or which kind of profile gave nothing. */
async function explainProfileFailure(env: Env, profile: string | undefined, message: string): Promise<string> {
  if (!profile) return message;
  const { loadSharedConfigFiles } = await import('@smithy/core/config');
  const configPath = awsConfigPath(env);
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir(env), '.aws', 'credentials');
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ configFilepath: configPath, filepath: credentialsPath, ignoreCache: true });
  const section = { ...credentialsFile[profile], ...configFile[profile] };
  if (!configFile[profile] && !credentialsFile[profile]) return `profile "${profile}" was not found in ${configPath} or ${credentialsPath}`;
  if (/generic|any providers/i.test(message) || message === '') {
    const kind = section.sso_session || section.sso_start_url ? 'SSO' : section.credential_process ? 'credential_process' : section.role_arn ? `role_arn ${section.role_arn}` : section.web_identity_token_file ? 'web_identity_token_file' : 'keys';
    return `profile "${profile}" (${kind}) gave no credentials: ${message}`;
  }
  return message;
}
