// Pasted error text → {exception, message, operation, httpStatus}. People paste errors wrapped in
// whatever printed them: botocore, the JS/Go/Swift SDKs, an HTTP body (AWS or Anthropic shape),
// a proxy's JSON around Bedrock's JSON, or this CLI's own `error:`/`fix:` lines and JSON. The
// wrappers are peeled one at a time, outermost first, until only Bedrock's sentence is left.
// Pure: no IO.

export interface ParsedError {
  /** The AWS error code (ValidationException, …) or the Anthropic error type (invalid_request_error, …). */
  exception?: string;
  /** The innermost message, without wrappers. */
  message: string;
  /** The API operation, when the text names it (botocore, Go SDK). */
  operation?: string;
  httpStatus?: number;
  /** A cause code when the text is this CLI's own JSON error. */
  cause?: string;
}

/** Error names that carry no information of their own: peeled without being kept. */
const GENERIC_NAMES = new Set([
  'Error',
  'Exception',
  'ValueError',
  'RuntimeError',
  'TypeError',
  'ClientError',
  'APIError',
  'ApiError',
  'APICallError',
  'AI_APICallError',
  'APIStatusError',
  'APIConnectionError',
  'BedrockException',
  'BedrockError',
  'ServiceException',
  'BedrockRuntimeServiceException',
  'EventStreamError',
  'ModelProcessingError',
  'HTTPStatusError',
]);

/** Anthropic/OpenAI SDK error classes: no name worth keeping, but they give the HTTP status. */
const STATUS_NAMES: Record<string, number> = {
  BadRequestError: 400,
  AuthenticationError: 401,
  PermissionDeniedError: 403,
  NotFoundError: 404,
  UnprocessableEntityError: 422,
  RateLimitError: 429,
  InternalServerError: 500,
  ContextWindowExceededError: 400,
};

/** AWS error codes that may appear anywhere in a line ("invoke failed: ValidationException: …"). */
const KNOWN_CODES = [
  'ValidationException',
  'AccessDeniedException',
  'ResourceNotFoundException',
  'ThrottlingException',
  'ServiceQuotaExceededException',
  'InternalServerException',
  'ServiceUnavailableException',
  'ModelErrorException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'ModelStreamErrorException',
  'ConflictException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'RequestExpired',
  'UnknownOperationException',
  'TooManyRequestsException',
  'CredentialsProviderError',
];

const KNOWN_ANYWHERE = new RegExp(`\\b(${KNOWN_CODES.join('|')})\\b\\s*:\\s*`);

const HTTP_REASONS =
  'Bad Request|Unauthorized|Forbidden|Not Found|Request Timeout|Payload Too Large|Request Entity Too Large|Unprocessable Entity|Failed Dependency|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout';

export function parseError(raw: string): ParsedError {
  const result: Partial<ParsedError> = {};
  scanHeaders(raw, result);
  let text = normalize(raw);
  for (let i = 0; i < 12; i++) {
    const next = peel(text, result);
    if (next === undefined || next === text) break;
    text = next;
  }
  const message = finish(text);
  return { ...result, message };
}

// ─── Whole-text scans ─────────────────────────────────────────────────────────

/** Header lines and status codes, wherever they are in the paste. */
function scanHeaders(raw: string, result: Partial<ParsedError>): void {
  const errorType = raw.match(/x-amzn-ErrorType["']?\s*[:=]\s*["']?([A-Za-z][A-Za-z0-9]*)/i);
  if (errorType?.[1]) result.exception = errorType[1];
  const status =
    raw.match(/\bHTTP\/\d(?:\.\d)?\s+(\d{3})\b/) ??
    raw.match(/\b(?:http)?_?status_?code["']?\s*[:=]\s*(?:http_status_)?(\d{3})\b/i) ??
    raw.match(/\bStatus ?Code:\s*(?:HTTP status code:\s*)?(\d{3})\b/i) ??
    raw.match(/\bHTTP status code:?\s*(\d{3})\b/i) ??
    raw.match(/\bstatus(?:Code)?["']?\s*[:=]\s*(\d{3})\b/);
  if (status?.[1]) result.httpStatus = Number(status[1]);
}

/** ANSI colours, typographic quotes kept; stack frames, our own `fix:` lines and blank lines dropped. */
function normalize(raw: string): string {
  const lines = raw
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // Box-drawing │ (\u2502); non-ASCII in regexes is escaped so the bundle stays ASCII (scripts/build.mjs).
    .map((line) => line.replace(/^[\s\u2502|>]+|[\s\u2502|]+$/g, ''))
    .filter((line) => line !== '')
    .filter((line) => !/^(at\s+\S|File\s+"|Traceback \(most recent call last\)|\^+$|~+$|During handling of the above exception|The above exception was the direct cause)/.test(line))
    .filter((line) => !/^(fix|hint|warning|note):\s/i.test(line));
  // Our own human output: keep what follows "error:" on its line.
  const ours = lines.findIndex((line) => /^error:\s/i.test(line));
  if (ours >= 0) return lines.slice(ours).map((l) => l.replace(/^error:\s*/i, '')).join(' ');
  return lines.join(' ');
}

// ─── One layer ────────────────────────────────────────────────────────────────

function peel(text: string, result: Partial<ParsedError>): string | undefined {
  const trimmed = text.trim();

  // botocore: "An error occurred (X) when calling the Y operation (reached max retries: 4): msg"
  const boto = trimmed.match(/An error occurred \(([\w.-]+)\)(?: when calling the (\w+) operation)?(?: \(reached max retries: \d+\))?:\s*([\s\S]*)$/);
  const json = extractJson(trimmed);
  // Whichever wrapper starts first is the outer one.
  if (boto && !(json && json.start < (boto.index ?? 0))) {
    setException(result, boto[1]!);
    if (boto[2]) result.operation ??= boto[2];
    return boto[3] ?? '';
  }

  // Go SDK: "operation error Bedrock Runtime: Converse, https response error StatusCode: 400, RequestID: …, ValidationException: msg"
  const go = trimmed.match(/operation error [\w ]+:\s*(\w+),\s*(?:exceeded maximum number of attempts, \d+, )?https response error StatusCode:\s*(\d{3}),\s*RequestID:\s*[\w-]*,\s*(?:api error\s+)?([A-Za-z]\w*):\s*([\s\S]*)$/);
  if (go) {
    result.operation ??= go[1];
    result.httpStatus ??= Number(go[2]);
    setException(result, go[3]!);
    return go[4] ?? '';
  }

  // Swift SDK: ThrottlingException(properties: …(message: Optional("msg")), httpResponse: …)
  const swift = trimmed.match(/\b([A-Z]\w*Exception)\(properties:[\s\S]*?message: Optional\("((?:[^"\\]|\\.)*)"\)/);
  if (swift) {
    setException(result, swift[1]!);
    return unescape(swift[2]!);
  }

  // A JSON body somewhere in the text (AWS, Anthropic, a proxy's envelope, our own --json error).
  if (json) {
    const inner = fromBody(json.value, result);
    if (inner !== undefined) {
      noteBefore(trimmed.slice(0, json.start), result);
      return inner;
    }
  }
  // A Python dict that is not JSON: {'error': {'message': '…'}}
  const pyMessage = trimmed.match(/\{[^{}]*?['"](?:message|Message)['"]\s*:\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/);
  if (pyMessage) {
    noteBefore(trimmed.slice(0, pyMessage.index), result);
    return unescape(pyMessage[2]!);
  }

  // "API Error: 403 …", "403 Forbidden …", "(429 Too many tokens, …)"
  const status = trimmed.match(new RegExp(`^(?:API Error:?\\s*)?\\(?([1-5]\\d\\d)(?:\\s+(?:${HTTP_REASONS}))?\\b[\\s:-]*(?=\\S)`, 'i'));
  if (status) {
    result.httpStatus ??= Number(status[1]);
    const rest = trimmed.slice(status[0].length);
    return status[0].includes('(') ? rest.replace(/\)\s*(?:\u00b7.*)?$/, '') : rest; // \u00b7 is ·
  }

  // The model's own error, forwarded by Bedrock.
  const nested = trimmed.match(/The model returned the following errors?:\s*([\s\S]+)$/i);
  if (nested) {
    noteBefore(trimmed.slice(0, nested.index), result);
    return nested[1]!;
  }

  // "ValidationException: msg", "botocore.errorfactory.AccessDeniedException: msg", "litellm.BadRequestError: msg"
  const named = trimmed.match(/^\[?((?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*))\]?(?:\s*\[[^\]]*\])?\s*(?::|\s-)\s+([\s\S]+)$/);
  if (named && isErrorName(named[2]!)) {
    const name = named[2]!;
    if (STATUS_NAMES[name] !== undefined) result.httpStatus ??= STATUS_NAMES[name];
    else if (!GENERIC_NAMES.has(name)) setException(result, name);
    return named[3]!;
  }

  // A known AWS code further along: "invoke failed: ValidationException: msg", "Error invoking model: ThrottlingException: msg"
  const known = trimmed.match(KNOWN_ANYWHERE);
  if (known && known.index !== undefined) {
    setException(result, known[1]!);
    return trimmed.slice(known.index + known[0].length);
  }

  // A log prefix in brackets: "[ERROR] …", "[bedrock] Error: …"
  const bracket = trimmed.match(/^\[[^\]]{1,40}\]\s*([\s\S]+)$/);
  if (bracket) return bracket[1]!;

  return undefined;
}

/** The error fields of a parsed JSON body; returns the message to keep peeling, or undefined. */
function fromBody(body: unknown, result: Partial<ParsedError>): string | undefined {
  if (!isObject(body)) return undefined;
  const error = body.error;
  // Anthropic shape: {"type":"error","error":{"type":"invalid_request_error","message":"…"}}
  if (body.type === 'error' && isObject(error)) {
    if (typeof error.type === 'string') setException(result, error.type);
    return typeof error.message === 'string' ? error.message : undefined;
  }
  if (isObject(error)) {
    // Our own --json error: {"error":{"cause","message","fix","exitCode","exception"?,"httpStatus"?}}
    if (typeof error.cause === 'string') result.cause ??= error.cause;
    if (typeof error.exception === 'string') setException(result, error.exception);
    if (typeof error.httpStatus === 'number') result.httpStatus ??= error.httpStatus;
    // OpenAI-style proxies: {"error":{"message","type","code"}}
    const code = typeof error.code === 'string' || typeof error.code === 'number' ? String(error.code) : '';
    if (/^[1-5]\d\d$/.test(code)) result.httpStatus ??= Number(code);
    if (typeof error.message === 'string') return error.message;
  }
  if (typeof body.__type === 'string') setException(result, body.__type.split('#').pop()!);
  if (typeof body.name === 'string' && isErrorName(body.name) && !GENERIC_NAMES.has(body.name)) setException(result, body.name);
  const metadata = body.$metadata;
  if (isObject(metadata) && typeof metadata.httpStatusCode === 'number') result.httpStatus ??= metadata.httpStatusCode;
  for (const key of ['message', 'Message', 'errorMessage', 'detail']) {
    const value = body[key];
    if (typeof value === 'string') return value;
    // A logger's record around the error: {"level":"info","message":{"message":"…","code":"…"}}
    if (isObject(value)) {
      if (typeof value.code === 'string' && isErrorName(value.code)) setException(result, value.code);
      const inner = fromBody(value, result);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** "Error invoking Bedrock Anthropic: PermissionDeniedError: 403 {…}": a status and error name just before a body. */
function noteBefore(before: string, result: Partial<ParsedError>): void {
  const status = before.match(/(?:^|[\s(:])([1-5]\d\d)(?=$|[\s):-])/);
  if (status?.[1]) result.httpStatus ??= Number(status[1]);
  const names = before.match(/[A-Za-z_$][\w$]*(?=\s*[:(-]|\s*$)/g) ?? [];
  for (const name of names) {
    if (STATUS_NAMES[name] !== undefined) result.httpStatus ??= STATUS_NAMES[name];
    else if (KNOWN_CODES.includes(name) || (isErrorName(name) && !GENERIC_NAMES.has(name) && /Exception$/.test(name))) setException(result, name);
  }
}

function setException(result: Partial<ParsedError>, name: string): void {
  if (result.exception) return;
  // Event-stream errors arrive lower-camel-cased: validationException → ValidationException.
  result.exception = /^[a-z][A-Za-z]*Exception$/.test(name) ? name[0]!.toUpperCase() + name.slice(1) : name;
}

function isErrorName(name: string): boolean {
  return (
    /(Exception|Error|Fault|Failure)$/.test(name) ||
    KNOWN_CODES.includes(name) ||
    STATUS_NAMES[name] !== undefined ||
    /^[a-z]+(_[a-z]+)*_error$/.test(name)
  );
}

// ─── JSON helpers ─────────────────────────────────────────────────────────────

/** The first balanced {…} in the text that parses as JSON (quotes and escapes respected). */
function extractJson(text: string): { value: unknown; start: number } | undefined {
  let from = text.indexOf('{');
  while (from >= 0) {
    const end = matchingBrace(text, from);
    if (end > from) {
      try {
        return { value: JSON.parse(text.slice(from, end + 1)), start: from };
      } catch {
        // not JSON: try the next brace
      }
    }
    from = text.indexOf('{', from + 1);
  }
  return undefined;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Backslash escapes of a quoted string in a Python or Swift dump. */
function unescape(s: string): string {
  return s.replace(/\\(["'\\nt])/g, (_, c: string) => (c === 'n' || c === 't' ? ' ' : c));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whitespace collapsed; stray quotes, our "… failed:" prefix and trailing wrapper junk removed. */
function finish(text: string): string {
  let message = text.replace(/\s+/g, ' ').trim();
  const quoted = message.match(/^(["'`])([\s\S]*)\1$/);
  if (quoted) message = quoted[2]!.trim();
  // Curly quotes “‘ and ”’.
  message = message.replace(/^[\u201c\u2018]/, '').replace(/[\u201d\u2019]$/, '').trim();
  message = message.replace(/\s*\(?(?:request[ _-]?id|RequestID)[:\s]+[\w-]+\)?\.?$/i, '').trim();
  message = message.replace(/\s*[.;]?\s*Received Model Group=.*$/, '').trim();
  return message;
}
