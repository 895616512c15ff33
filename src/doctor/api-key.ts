// What can be read from a Bedrock API key without sending it anywhere. Nothing here returns or
// prints the key itself.
//
// A short-term key (aws-bedrock-token-generator, or the console) is "bedrock-api-key-" + base64 of a
// SigV4-presigned URL without its scheme:
//   bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256
//     &X-Amz-Credential=AKID%2F20250715%2Fus-west-2%2Fbedrock%2Faws4_request&X-Amz-Date=20250715T050000Z
//     &X-Amz-Expires=43200&X-Amz-SignedHeaders=host&X-Amz-Signature=…&Version=1
// so its region is the credential scope's, and it expires at X-Amz-Date + X-Amz-Expires (at most 12 h,
// and never after the signing credentials expire). Long-term keys (IAM service-specific credentials)
// start with "ABSK" and carry no readable region or expiry.
import type { ApiKeyInfo } from './types.js';

export const SHORT_TERM_PREFIX = 'bedrock-api-key-';
export const LONG_TERM_PREFIX = 'ABSK';

export function inspectApiKey(key: string): ApiKeyInfo {
  const token = key.trim();
  if (token.startsWith(LONG_TERM_PREFIX)) return { kind: 'long-term' };
  if (!token.startsWith(SHORT_TERM_PREFIX)) return { kind: 'unknown' };
  let query: URLSearchParams;
  try {
    const decoded = Buffer.from(token.slice(SHORT_TERM_PREFIX.length), 'base64').toString('utf8');
    query = new URL(`https://${decoded}`).searchParams;
  } catch {
    return { kind: 'short-term' };
  }
  // URLSearchParams has already percent-decoded the credential scope.
  const scope = (query.get('X-Amz-Credential') ?? '').split('/');
  const region = scope.length === 5 && scope[4] === 'aws4_request' ? scope[2] : undefined;
  const issuedAt = parseAmzDate(query.get('X-Amz-Date'));
  const expires = Number(query.get('X-Amz-Expires'));
  return {
    kind: 'short-term',
    ...(region ? { region } : {}),
    ...(issuedAt ? { issuedAt } : {}),
    ...(issuedAt && Number.isFinite(expires) && expires > 0 ? { expiresAt: new Date(issuedAt.getTime() + expires * 1000) } : {}),
  };
}

/** "20250715T050000Z" → Date. */
function parseAmzDate(value: string | null): Date | undefined {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

