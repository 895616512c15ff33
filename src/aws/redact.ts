// Secrets never leave the process: headers are redacted before anything is logged or recorded.

const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token', 'x-api-key', 'cookie', 'set-cookie']);

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    // Lower-case names: HTTP header names are case-insensitive, and one spelling keeps logs greppable.
    clean[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? redactValue(name, text) : text;
  }
  return clean;
}

/** Keeps what helps debugging (the auth scheme, a SigV4 credential scope without the key id) and drops the rest. */
function redactValue(name: string, value: string): string {
  if (name.toLowerCase() !== 'authorization') return '[redacted]';
  const sigv4 = value.match(/^AWS4-HMAC-SHA256 Credential=[^/]+\/(\d{8}\/[^/]+\/[^/]+\/aws4_request)/);
  if (sigv4) return `AWS4-HMAC-SHA256 Credential=[redacted]/${sigv4[1]}, SignedHeaders=…, Signature=[redacted]`;
  const scheme = value.split(' ')[0];
  return scheme && scheme !== value ? `${scheme} [redacted]` : '[redacted]';
}
