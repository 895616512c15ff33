// Errors as Bedrock sends them. The texts are the real ones where a recording
// or a user report quotes them (see README.md); the rest are marked "guess".
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Namespace in x-amzn-ErrorType for Bedrock's own errors (wire/Converse-5). */
export const NS_BEDROCK = 'http://internal.amazon.com/coral/com.amazon.bedrock/';
/** Namespace for errors raised by the AWS front door: auth, throttling of unknown ops (wire/Converse-6). */
export const NS_CORAL = 'http://internal.amazon.com/coral/com.amazon.coral.service/';

export interface ErrorSpec {
  status: number;
  /** Error code, e.g. ValidationException. */
  name: string;
  message: string;
  namespace?: string;
  /** Send exactly this body instead of {"message": …} (and no x-amzn-ErrorType). Used for API-key errors. */
  rawBody?: string;
  /** Error type on the Messages API (default: from the status, e.g. 404 → not_found_error). */
  anthropicType?: string;
}

/** Thrown inside handlers; the server turns it into the surface's error shape. */
export class FakeBedrockError extends Error {
  constructor(readonly spec: ErrorSpec) {
    super(spec.message);
  }
}

const spec = (status: number, name: string, message: string, namespace = NS_BEDROCK): ErrorSpec => ({ status, name, message, namespace });
const auth = (e: ErrorSpec): ErrorSpec => ({ ...e, anthropicType: 'authentication_error' });

export const Errors = {
  invalidModelId: () => spec(400, 'ValidationException', 'The provided model identifier is invalid.'),
  // Typographic apostrophe exactly as quoted in wire/InvokeModel-3.
  onDemandNotSupported: (modelId: string) =>
    spec(
      400,
      'ValidationException',
      `Invocation of model ID ${modelId} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
    ),
  noAccess: () => spec(403, 'AccessDeniedException', "You don't have access to the model with the specified model ID."),
  endOfLife: () =>
    spec(404, 'ResourceNotFoundException', 'This model version has reached the end of its life. Please refer to the AWS documentation for more details.'),
  legacyInactive: () =>
    spec(
      404,
      'ResourceNotFoundException',
      'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days. Please upgrade to an active model on Amazon Bedrock',
    ),
  unsupportedForAction: () =>
    spec(400, 'ValidationException', "This action doesn't support the model that you provided. Try again with a supported text or chat model."),
  countTokensUnsupported: () => spec(400, 'ValidationException', "The provided model doesn't support counting tokens."),
  temperatureWithTopP: () =>
    spec(
      400,
      'ValidationException',
      'The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.',
    ),
  firstMessageNotUser: () =>
    spec(400, 'ValidationException', 'A conversation must start with a user message. Try again with a conversation that starts with a user message.'),
  malformedInput: (detail?: string) =>
    spec(
      400,
      'ValidationException',
      detail ? `Malformed input request: ${detail}, please reformat your input and try again.` : 'Malformed input request, please reformat your input and try again.',
    ),
  throttling: () => spec(429, 'ThrottlingException', 'Too many requests, please wait before trying again.'),
  tooManyTokens: () => spec(429, 'ThrottlingException', 'Too many tokens, please wait before trying again.'),
  internal: () => spec(500, 'InternalServerException', 'The system encountered an unexpected error during processing. Try your request again.'),
  unavailable: () => spec(503, 'ServiceUnavailableException', 'Bedrock is unable to process your request.'),
  modelTimeout: () => spec(408, 'ModelTimeoutException', 'Model has timed out in processing the request. Try your request again.'),
  modelNotReady: () => spec(429, 'ModelNotReadyException', 'Model is not ready to serve inference requests. The AWS SDK will automatically retry the operation.'),
  serviceQuota: () => spec(400, 'ServiceQuotaExceededException', 'Your request exceeds the service quota for your account.'),
  // guess: real text for these two not recorded.
  profileNotFound: (id: string) => spec(404, 'ResourceNotFoundException', `Inference profile ${id} not found.`),
  badPaginationToken: () => spec(400, 'ValidationException', 'Invalid pagination token.'),
  maxResultsRange: (v: string) =>
    spec(400, 'ValidationException', `1 validation error detected: Value '${v}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000`),
  unknownOperation: () => spec(404, 'UnknownOperationException', 'Unknown operation', NS_CORAL),

  // Authentication (front door, coral namespace). On /anthropic they keep the
  // status and become authentication_error (guess: that surface's auth errors are not recorded).
  missingAuth: () => auth(spec(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token', NS_CORAL)),
  incompleteSignature: (what: string) => auth(spec(403, 'IncompleteSignatureException', what, NS_CORAL)),
  wrongService: (service: string) => auth(spec(403, 'InvalidSignatureException', `Credential should be scoped to correct service: '${service}'.`, NS_CORAL)),
  wrongRegion: () => auth(spec(403, 'InvalidSignatureException', 'Credential should be scoped to a valid region.', NS_CORAL)),
  invalidToken: () => auth(spec(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.', NS_CORAL)),
  expiredToken: () => auth(spec(403, 'ExpiredTokenException', 'The security token included in the request is expired', NS_CORAL)),
  // API keys: real 403 bodies use a capital "Message" and no error-type header (user reports).
  apiKeyFormat: (): ErrorSpec =>
    auth({
      status: 403,
      name: 'ApiKeyFormat',
      message: 'Invalid API Key format: Must start with pre-defined prefix',
      rawBody: '{"Message":"Invalid API Key format: Must start with pre-defined prefix"}',
    }),
  apiKeyInvalid: (): ErrorSpec =>
    auth({
      status: 403,
      name: 'ApiKeyInvalid',
      message: 'Authentication failed: Please make sure your API Key is valid.',
      rawBody: '{"Message":"Authentication failed: Please make sure your API Key is valid."}',
    }),
} as const;

/** Names tests may use in faults / canned replies instead of writing a spec. */
export type ErrorName = keyof typeof Errors;

export function newRequestId(): string {
  return randomUUID();
}

/** Bedrock's rest-json error: status, x-amzn-ErrorType, {"message": …}. */
export function writeAwsError(res: ServerResponse, e: ErrorSpec, requestId: string): void {
  const body = e.rawBody ?? JSON.stringify({ message: e.message });
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'x-amzn-RequestId': requestId,
  };
  if (!e.rawBody) headers['x-amzn-ErrorType'] = `${e.name}:${e.namespace ?? NS_BEDROCK}`;
  res.writeHead(e.status, headers);
  res.end(body);
}

/** The Anthropic error type for a status, as the first-party API uses them. */
export function anthropicErrorType(status: number): string {
  switch (status) {
    case 400:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 503:
    case 529:
      return 'overloaded_error';
    default:
      return 'api_error';
  }
}

export function anthropicErrorBody(type: string, message: string, requestId: string): string {
  return JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId });
}

/** The Messages API's Anthropic-shaped error (`{"type":"error","error":{…},"request_id":…}`). */
export function writeAnthropicError(res: ServerResponse, status: number, type: string, message: string, requestId: string): void {
  const body = anthropicErrorBody(type, message, requestId);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'request-id': requestId,
    'x-amzn-RequestId': requestId,
  });
  res.end(body);
}

const STS_CODES: Record<string, string> = {
  UnrecognizedClientException: 'InvalidClientTokenId',
  ExpiredTokenException: 'ExpiredToken',
  ThrottlingException: 'Throttling',
};

/** STS (awsQuery) errors are XML; codes differ from Bedrock's for the same failure. */
export function writeStsError(res: ServerResponse, e: ErrorSpec, requestId: string): void {
  const code = STS_CODES[e.name] ?? e.name.replace(/Exception$/, '');
  const message = e.name === 'ThrottlingException' ? 'Rate exceeded' : e.message;
  const status = e.name === 'ThrottlingException' ? 400 : e.status;
  const body =
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n` +
    `  <Error>\n    <Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>\n    <Code>${xmlEscape(code)}</Code>\n    <Message>${xmlEscape(message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
  res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': String(Buffer.byteLength(body)), 'x-amzn-RequestId': requestId });
  res.end(body);
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
