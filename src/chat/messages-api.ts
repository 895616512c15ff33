// The Anthropic Messages API that Bedrock serves at /anthropic/v1/messages: on bedrock-runtime for
// inference profiles (SigV4 service "bedrock"), on bedrock-mantle for in-region bare IDs (service
// "bedrock-mantle"), or with a Bedrock API key as a bearer token. JSON, or SSE when streaming.
// Signing and credentials come from the AWS SDK's own packages; only the SSE framing is read here.
import type { ClientOptions } from '../aws/clients.js';
import { redactHeaders } from '../aws/redact.js';
import { VERSION } from '../version.js';
import { AnthropicStreamReader, MESSAGES_API_VERSION, partsFromAnthropic, toMessagesBody, usageFromAnthropic } from './anthropic.js';
import { eventsFromParts, ResultBuilder } from './accumulate.js';
import type { ChatEvent, ChatRequest, ChatResult } from './types.js';
import { credentialsSdk, serdeSdk, signatureSdk } from '../aws/sdk.js';

export interface MessagesOptions {
  /** The model as the host expects it: a profile ID on bedrock-runtime, the bare ID on bedrock-mantle. */
  model: string;
  host: 'runtime' | 'mantle';
  request: ChatRequest;
  stream: boolean;
  client: ClientOptions;
  bearerToken?: string;
  onEvent: (event: ChatEvent) => void;
  signal?: AbortSignal;
}

/** An error answered by the Messages API, shaped like the SDK's service exceptions for fromAwsError. */
export class MessagesApiError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  constructor(name: string, message: string, status: number, requestId?: string) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status, requestId };
  }
}

export function messagesUrl(options: Pick<MessagesOptions, 'host' | 'client'>): URL {
  const { settings, region } = options.client;
  const override = settings.runtimeEndpoint?.value;
  const base = override ?? (options.host === 'mantle' ? `https://bedrock-mantle.${region}.api.aws` : `https://bedrock-runtime.${region}.amazonaws.com`);
  return new URL(`${base.replace(/\/$/, '')}/anthropic/v1/messages`);
}

export async function sendMessages(options: MessagesOptions): Promise<ChatResult> {
  const url = messagesUrl(options);
  const body = JSON.stringify(toMessagesBody(options.request, options.model, options.stream));
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/json',
    accept: options.stream ? 'text/event-stream' : 'application/json',
    'anthropic-version': MESSAGES_API_VERSION,
    'user-agent': `bedrock-claude/${VERSION}`,
  };
  if (options.request.betas?.length) headers['anthropic-beta'] = options.request.betas.join(',');
  // A replay needs no credentials: nothing is sent.
  const signed = options.client.settings.replay
    ? headers
    : options.bearerToken
      ? { ...headers, authorization: `Bearer ${options.bearerToken}` }
      : await sign(url, headers, body, options);

  const debug = options.client.debug;
  debug?.(`> POST ${url.href}`);
  for (const [name, value] of Object.entries(redactHeaders(signed))) debug?.(`> ${name}: ${value}`);
  const { host: _host, ...sendHeaders } = signed;
  const init = { method: 'POST', headers: sendHeaders, body, signal: options.signal };
  const { settings } = options.client;
  const response = settings.record || settings.replay ? await recordedFetchFor(url, init, settings) : await fetch(url, init);
  debug?.(`< ${response.status}`);
  for (const [name, value] of Object.entries(redactHeaders(Object.fromEntries(response.headers)))) debug?.(`< ${name}: ${value}`);
  if (!response.ok) throw await errorOf(response);

  const builder = new ResultBuilder();
  const emit = (event: ChatEvent) => {
    builder.add(event);
    options.onEvent(event);
  };
  if (options.stream && response.headers.get('content-type')?.startsWith('text/event-stream') && response.body) {
    const reader = new AnthropicStreamReader();
    for await (const { event, data } of readSse(response.body)) {
      const payload = JSON.parse(data) as Record<string, any>;
      if (event === 'error' || payload.type === 'error') {
        throw new MessagesApiError(payload.error?.type ?? 'api_error', payload.error?.message ?? data, response.status, payload.request_id);
      }
      for (const e of reader.read(payload)) emit(e);
    }
  } else {
    const message = (await response.json()) as Record<string, any>;
    for (const e of eventsFromParts(partsFromAnthropic(message.content ?? []))) emit(e);
    if (message.stop_reason) emit({ type: 'stop', stopReason: message.stop_reason });
    emit({ type: 'usage', usage: usageFromAnthropic(message.usage) });
  }
  return builder.build();
}

async function sign(url: URL, headers: Record<string, string>, body: string, options: MessagesOptions): Promise<Record<string, string>> {
  const [{ SignatureV4 }, { Hash }, { fromNodeProviderChain }] = await Promise.all([
    signatureSdk(),
    serdeSdk(),
    credentialsSdk(),
  ]);
  const profile = options.client.settings.profile?.value;
  const signer = new SignatureV4({
    service: options.host === 'mantle' ? 'bedrock-mantle' : 'bedrock',
    region: options.client.region,
    credentials: fromNodeProviderChain(profile ? { profile } : {}),
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: {},
    headers,
    body,
  });
  return signed.headers as Record<string, string>;
}

async function errorOf(response: Response): Promise<MessagesApiError> {
  const text = await response.text();
  const requestId = response.headers.get('request-id') ?? response.headers.get('x-amzn-requestid') ?? undefined;
  try {
    const body = JSON.parse(text) as { error?: { type?: string; message?: string }; message?: string; request_id?: string };
    // Anthropic's shape, or the AWS envelope when a gateway in front answers.
    const name = body.error?.type ?? response.headers.get('x-amzn-errortype')?.split(':')[0] ?? `HTTP${response.status}`;
    return new MessagesApiError(name, body.error?.message ?? body.message ?? text, response.status, body.request_id ?? requestId);
  } catch {
    return new MessagesApiError(`HTTP${response.status}`, text || response.statusText, response.status, requestId);
  }
}

/** Server-sent events: "event:" and "data:" lines, dispatched at each blank line. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.search(/\r?\n/)) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(buffer[newline] === '\r' ? newline + 2 : newline + 1);
      if (line === '') {
        if (data.length > 0) yield { event, data: data.join('\n') };
        event = 'message';
        data = [];
      } else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  if (data.length > 0) yield { event, data: data.join('\n') };
}

async function recordedFetchFor(url: URL, init: RequestInit & { headers: Record<string, string>; body: string }, settings: ClientOptions['settings']): Promise<Response> {
  const [{ recordedFetch }, { recordingMode }] = await Promise.all([import('../aws/recorder.js'), import('../aws/clients.js')]);
  return recordedFetch(url, init, recordingMode(settings));
}
