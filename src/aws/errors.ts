// The boundary where AWS SDK errors become CLI errors: exit code, cause code and fix.
// The explain engine grows the diagnosis; this keeps the mapping in one place.
import { CliError, ExitCode, type Cause } from '../errors.js';

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

export function fromAwsError(err: unknown, what: string): CliError {
  if (err instanceof CliError) return err;
  const e = (err ?? {}) as SdkErrorLike;
  const name = e.name ?? 'Error';
  const message = e.message ?? String(err);
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const details = { exception: name, ...(status ? { httpStatus: status } : {}), ...(requestId ? { requestId } : {}) };

  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return new CliError(`no AWS credentials found for ${what}`, {
      exitCode: ExitCode.config,
      cause: 'bad-credentials',
      fix: 'Set AWS_PROFILE (then `aws sso login` if it uses SSO), AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_BEARER_TOKEN_BEDROCK.',
      details,
    });
  }
  if (e.code && NETWORK_CODES.has(e.code)) {
    return new CliError(`${what} failed: cannot reach the endpoint (${e.code})`, {
      exitCode: ExitCode.bedrock,
      cause: 'endpoint-config',
      fix: 'Check --endpoint-url / AWS_ENDPOINT_URL, the region name, your proxy and network.',
      details,
    });
  }
  const cause = causeOf(name, message, status);
  return new CliError(`${what} failed: ${name}: ${message}`, {
    exitCode: ExitCode.bedrock,
    cause,
    fix: FIXES[cause],
    details,
  });
}

function causeOf(name: string, message: string, status: number | undefined): Cause {
  if (['UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'ExpiredToken', 'InvalidClientTokenId', 'MissingAuthenticationTokenException'].includes(name)) {
    return /signature expired|request has expired|time.*skew/i.test(message) ? 'clock-skew' : 'bad-credentials';
  }
  if (name === 'AccessDeniedException') {
    return /don't have access to the model|not authorized to access this model|aws-marketplace/i.test(message) ? 'no-model-access' : 'iam-permission';
  }
  if (name === 'ThrottlingException' || name === 'ServiceQuotaExceededException' || status === 429) return 'throttling';
  if (['InternalServerException', 'ServiceUnavailableException', 'ModelNotReadyException', 'ModelTimeoutException'].includes(name) || (status ?? 0) >= 500) {
    return 'service-unavailable';
  }
  if (/end of its life/i.test(message)) return 'model-end-of-life';
  if (/on-demand throughput isn.t supported/i.test(message)) return 'needs-inference-profile';
  if (/provided model identifier is invalid/i.test(message)) return 'unknown-model-id';
  return 'unknown';
}

const FIXES: Record<Cause, string> = {
  'unknown-model-id': 'Check the model ID with `bedrock-claude models resolve <model>`.',
  'needs-inference-profile': 'Call the model through an inference profile: `bedrock-claude models resolve <model>` prints one.',
  'prefix-region-mismatch': 'Use the profile prefix of your region: `bedrock-claude models resolve <model>`.',
  'model-not-in-region': 'Pick a region where the model is offered: `bedrock-claude models list --region <region>`.',
  'no-model-access': 'Enable access to the model in the Bedrock console (Model access) for this account and region.',
  'model-end-of-life': 'Move to a current model: `bedrock-claude models list`.',
  'iam-permission': 'Grant the missing bedrock: action to your role, on the inference-profile and foundation-model ARNs.',
  'bad-credentials': 'Refresh your credentials (`aws sso login`, new keys or a new session token) and check the region of a Bedrock API key.',
  'clock-skew': "Sync this machine's clock (NTP) and retry.",
  'malformed-body': 'Check the request body against the API it is sent to.',
  'message-structure': 'Check the message roles, order and content blocks.',
  'token-limit': "Lower max_tokens or shorten the input to fit the model's limits.",
  'thinking-config': 'Check the thinking settings for this model (budget ≥ 1024 and below max_tokens, or adaptive).',
  'unsupported-parameter': 'Remove the parameter this model does not take.',
  'beta-flag': 'Remove the anthropic_beta flag this model does not accept.',
  'attachment-limit': 'Shrink or rename the attachment, or send fewer.',
  throttling: 'Wait and retry, lower the concurrency, or ask for a higher quota (Service Quotas → Amazon Bedrock).',
  'service-unavailable': 'Retry in a moment; if it persists, try another region or a global profile.',
  'endpoint-config': 'Check the region and --endpoint-url.',
  unknown: 'Run `bedrock-claude explain` with the message, or retry with --debug.',
};
