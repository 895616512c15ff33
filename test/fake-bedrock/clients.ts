// Helpers for tests that talk to the fake: SDK client config (HTTP/1.1, no
// retries, fake credentials) and a SigV4-signed fetch for the Messages API,
// which no AWS SDK client covers.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Checksum, SourceData } from '@smithy/types';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, FAKE_TEMP_ACCESS_KEY_ID } from './world.js';

// Keep SDK clients in tests hermetic: a developer's bearer token or profile
// must not override the explicit config, and Node 20's SDK warning is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
for (const name of ['AWS_BEARER_TOKEN_BEDROCK', 'AWS_PROFILE', 'AWS_AUTH_SCHEME_PREFERENCE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_BEDROCK', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME']) {
  delete process.env[name];
}

export const STATIC_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: FAKE_ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET_ACCESS_KEY };
export const TEMPORARY_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: FAKE_TEMP_ACCESS_KEY_ID,
  secretAccessKey: FAKE_SECRET_ACCESS_KEY,
  sessionToken: FAKE_SESSION_TOKEN,
};

export interface SdkConfigOptions {
  region?: string;
  credentials?: AwsCredentialIdentity;
  /** Use Bedrock API-key auth instead of SigV4. */
  bearerToken?: string;
  /** Default 1: throttling backoff would otherwise cost seconds. */
  maxAttempts?: number;
}

/** Config for BedrockRuntimeClient / BedrockClient / STSClient against the fake. */
export function sdkConfig(fake: { url: string }, opts: SdkConfigOptions = {}) {
  return {
    endpoint: fake.url,
    region: opts.region ?? 'us-west-2',
    credentials: opts.credentials ?? STATIC_CREDENTIALS,
    // The runtime client defaults to HTTP/2; the fake speaks HTTP/1.1.
    requestHandler: new NodeHttpHandler(),
    maxAttempts: opts.maxAttempts ?? 1,
    ...(opts.bearerToken ? { token: { token: opts.bearerToken }, authSchemePreference: ['httpBearerAuth'] } : {}),
  };
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** SHA-256 / HMAC-SHA-256 on node:crypto, in the shape SignatureV4 wants. */
export class NodeSha256 implements Checksum {
  private hash!: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.reset();
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
}

export interface SignedFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  region?: string;
  /** SigV4 signing name: 'bedrock-mantle' (default) or 'bedrock'. */
  service?: string;
  credentials?: AwsCredentialIdentity;
}

/** fetch() with a real SigV4 signature (as the Anthropic Bedrock SDKs sign). */
export async function signedFetch(url: string, opts: SignedFetchOptions = {}): Promise<Response> {
  const u = new URL(url);
  const signer = new SignatureV4({
    service: opts.service ?? 'bedrock-mantle',
    region: opts.region ?? 'us-east-1',
    credentials: opts.credentials ?? STATIC_CREDENTIALS,
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: opts.method ?? 'POST',
    protocol: u.protocol,
    hostname: u.hostname,
    port: Number(u.port),
    path: u.pathname,
    query: Object.fromEntries(u.searchParams),
    headers: { host: u.host, 'content-type': 'application/json', ...opts.headers },
    body: opts.body,
  });
  const headers = { ...signed.headers };
  delete headers.host; // fetch sets it itself
  return fetch(url, { method: opts.method ?? 'POST', headers, body: opts.body });
}

/** Parse an SSE body into {event, data} pairs. */
export function parseSse(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      return { event, data: JSON.parse(data) as unknown };
    });
}
