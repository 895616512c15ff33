// What the fake remembers about each request, so tests can assert what the
// CLI sent. Secrets are redacted before anything is stored.
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthKind } from './auth.js';

export type Operation =
  | 'Converse'
  | 'ConverseStream'
  | 'InvokeModel'
  | 'InvokeModelWithResponseStream'
  | 'CountTokens'
  | 'Messages'
  | 'MessagesCountTokens'
  | 'ListFoundationModels'
  | 'GetFoundationModel'
  | 'ListInferenceProfiles'
  | 'GetInferenceProfile'
  | 'GetFoundationModelAvailability'
  | 'GetCallerIdentity'
  | 'CreateModelInvocationJob'
  | 'GetModelInvocationJob'
  | 'ListModelInvocationJobs'
  | 'StopModelInvocationJob'
  // The fake S3 (service `s3`)
  | 'ListBuckets'
  | 'HeadBucket'
  | 'ListObjectsV2'
  | 'PutObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'Unknown';

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Path as sent (still percent-encoded), without the query. */
  path: string;
  operation: Operation;
  /** Decoded model/profile ID or ARN from the path, or `model` from a Messages body. */
  modelId?: string;
  query: Record<string, string>;
  /** Lower-case names; authorization, x-amz-security-token and x-api-key values are "REDACTED". */
  headers: Record<string, string>;
  /**
   * Parsed JSON, or form fields for STS, or the raw text if neither parses; undefined if empty.
   * S3: the object bytes as text (aws-chunked framing removed; only up to 1 MiB) or the request XML.
   */
  body: unknown;
  /** S3 requests: the bucket and key from the path (decoded). */
  s3?: { bucket?: string; key?: string };
  auth: {
    kind: AuthKind;
    accessKeyId?: string;
    /** Region and service from the SigV4 credential scope. */
    region?: string;
    service?: string;
    hasSessionToken: boolean;
  };
  /** The region the fake served the request for (undefined if auth failed before that). */
  region?: string;
  /** Filled in when the response is done. */
  response?: {
    status: number;
    errorName?: string;
    stream?: boolean;
    /** The socket was destroyed (connection reset, or a broken stream). */
    destroyed?: boolean;
    /** Stream events written before the end / break. */
    events?: number;
  };
}

const SECRET_HEADERS = new Set([
  'authorization',
  'x-amz-security-token',
  'x-api-key',
  // S3 SSE-C keys
  'x-amz-server-side-encryption-customer-key',
  'x-amz-copy-source-server-side-encryption-customer-key',
]);

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value.join(', ') : value;
    out[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? 'REDACTED' : v;
  }
  return out;
}

const SECRET_QUERY = new Set(['x-amz-signature', 'x-amz-security-token']);

/** Query parameters with presigned-URL secrets redacted. */
export function redactQuery(query: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) out[k] = SECRET_QUERY.has(k.toLowerCase()) ? 'REDACTED' : v;
  return out;
}

export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
