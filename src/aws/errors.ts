// The boundary where AWS SDK errors become CLI errors. The exit code is decided here (local
// credential failures → 3, everything else from or on the way to Bedrock → 5); the cause, the
// explanation and the fix come from the explain engine, which also knows the failed request.
import { CliError, ExitCode, interrupted } from '../errors.js';
import { explainError, type ExplainContext, type Explanation } from '../explain/index.js';

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  cause?: { code?: string };
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

export function fromAwsError(err: unknown, what: string, context: ExplainContext = {}): CliError {
  if (err instanceof CliError) return err;
  const e = (err ?? {}) as SdkErrorLike;
  const name = e.name ?? 'Error';
  const message = e.message ?? String(err);
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const code = e.code ?? e.cause?.code;
  const attempts = e.$metadata?.attempts ?? 1;
  const base = { exception: name, ...(status ? { httpStatus: status } : {}), ...(requestId ? { requestId } : {}), attempts };

  if (name === 'AbortError') return interrupted(what);
  if (name === 'TimeoutError') {
    return new CliError(`${what} failed: no data from Bedrock for too long (${message})`, {
      exitCode: ExitCode.bedrock,
      cause: 'service-unavailable',
      fix: 'Stream the reply (--stream: text arrives as it is written), or give the call longer with --timeout <seconds>.',
      details: base,
    });
  }

  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    const explained = explainError({ exception: name, message }, context);
    return new CliError(`no AWS credentials found for ${what}`, {
      exitCode: ExitCode.config,
      cause: 'bad-credentials',
      fix: explained.cause === 'bad-credentials' ? explained.fix : 'Set AWS_PROFILE (then `aws sso login` if it uses SSO), AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_BEARER_TOKEN_BEDROCK.',
      details: { ...base, ...detailsOf(explained) },
    });
  }
  if (code && NETWORK_CODES.has(code)) {
    const explained = explainError({ exception: name, message: `${code}: ${message}` }, context);
    return new CliError(`${what} failed: cannot reach the endpoint (${code})`, {
      exitCode: ExitCode.bedrock,
      cause: 'endpoint-config',
      fix: explained.cause === 'endpoint-config' ? explained.fix : 'Check --endpoint-url / AWS_ENDPOINT_URL, the region name, your proxy and network.',
      details: { ...base, ...detailsOf(explained) },
    });
  }
  const explained = explainError({ exception: name, message, httpStatus: status }, context);
  const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  return new CliError(`${what} failed${tries}: ${name}: ${message}`, {
    exitCode: ExitCode.bedrock,
    cause: explained.cause,
    fix: explained.fix,
    details: { ...base, ...detailsOf(explained) },
  });
}

/** The explanation fields that --json adds to the error object. */
function detailsOf(explained: Explanation): Record<string, unknown> {
  return {
    explanation: explained.explanation,
    ...(explained.suggestions ? { suggestions: explained.suggestions } : {}),
    ...(explained.iam ? { iam: explained.iam } : {}),
  };
}
