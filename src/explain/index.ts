// The explain engine: an error (and what is known about the request) → cause, plain-words
// explanation and fix. Used by `explain`, and at the AWS boundary (src/aws/errors.ts) for every
// Bedrock error of invoke, converse and doctor. Pure: no IO, no AWS SDK.
import { CAUSES, type Cause } from '../errors.js';
import type { Facts } from './fixes.js';
import { judgeModel, modelIdInMessage } from './model.js';
import { parseError } from './parse.js';
import { RULES, type Rule } from './rules.js';
import { APIS, type Api, type ErrorInput, type ExplainContext, type Explanation } from './types.js';

export type { Api, ErrorInput, ExplainContext, Explanation, IamFix } from './types.js';
export { parseError, type ParsedError } from './parse.js';
export { RULES, type Rule } from './rules.js';

/** Paste → explanation: parse the wrappers away, then explain. */
export function explainText(raw: string, context: ExplainContext = {}): Explanation {
  const parsed = parseError(raw);
  const explanation = explainError(parsed, context);
  // Our own --json error names its cause: keep it when no rule knows the message.
  if (explanation.cause === 'unknown' && parsed.cause && isCause(parsed.cause) && parsed.cause !== 'unknown') {
    return {
      ...explanation,
      cause: parsed.cause,
      explanation: `bedrock-claude classified this error as ${parsed.cause} when it happened; no rule here knows the message itself.`,
      rule: 'cli-cause',
    };
  }
  return explanation;
}

export function explainError(input: ErrorInput, context: ExplainContext = {}): Explanation {
  const message = input.message.trim();
  const text = straighten(message);
  const exception = input.exception?.trim() || undefined;
  const api = apiOf(context.api) ?? apiOfOperation(input.operation);
  const modelInput = context.model ?? modelIdInMessage(text);
  const facts: Omit<Facts, 'match'> = {
    exception,
    message,
    text,
    httpStatus: input.httpStatus,
    api,
    region: context.region || undefined,
    context,
    verdict: judgeModel(context, modelInput),
  };

  for (const rule of RULES) {
    const match = matches(rule, facts);
    if (match === false) continue;
    const diagnosis = rule.diagnose({ ...facts, match });
    return {
      cause: diagnosis.cause ?? rule.cause,
      exception: exception ?? null,
      message,
      explanation: diagnosis.explanation,
      fix: diagnosis.fix,
      ...(diagnosis.suggestions && diagnosis.suggestions.length > 0 ? { suggestions: diagnosis.suggestions } : {}),
      ...(diagnosis.iam ? { iam: diagnosis.iam } : {}),
      ...(input.httpStatus ? { httpStatus: input.httpStatus } : {}),
      ...(input.operation ? { operation: input.operation } : {}),
      rule: rule.id,
    };
  }
  return {
    cause: 'unknown',
    exception: exception ?? null,
    message,
    explanation: unknownExplanation(exception, message),
    fix: 'Retry with --debug to see the request and the full response; if the message is a Bedrock error that bedrock-claude should know, report it with the text.',
    ...(input.httpStatus ? { httpStatus: input.httpStatus } : {}),
    ...(input.operation ? { operation: input.operation } : {}),
    rule: 'unknown',
  };
}

/** The rule's regex match (null when it has no message pattern), or false when it does not apply. */
function matches(rule: Rule, facts: Omit<Facts, 'match'>): RegExpMatchArray | null | false {
  if (!rule.message && !rule.exception && !rule.status) return false;
  if (rule.exception) {
    const name = facts.exception?.toLowerCase();
    if (!name || !rule.exception.some((e) => e.toLowerCase() === name)) return false;
  }
  if (rule.status && (facts.httpStatus === undefined || !rule.status(facts.httpStatus))) return false;
  if (!rule.message) return null;
  return facts.text.match(rule.message) ?? false;
}

const GENERAL: Record<string, string> = {
  ValidationException: 'Bedrock refused the request as invalid (ValidationException) before the model ran',
  AccessDeniedException: 'AWS denied the call (AccessDeniedException)',
  ResourceNotFoundException: 'Bedrock could not find a resource the request names (ResourceNotFoundException)',
  ModelErrorException: 'the model itself failed or refused the request (ModelErrorException)',
  ConflictException: 'the request conflicts with the state of a resource (ConflictException)',
  invalid_request_error: 'the Messages API refused the request as invalid (invalid_request_error)',
};

function unknownExplanation(exception: string | undefined, message: string): string {
  const general = exception ? GENERAL[exception] : undefined;
  const said = message ? ` The message was: "${message}"` : '';
  return `${general ? `${capitalize(general)}, but` : 'No cause is known for this error:'} the message matches none of the known Bedrock errors, so bedrock-claude will not guess.${said}`;
}

/** Typographic quotes → straight, so one pattern matches "isn’t" and "isn't". */
function straighten(s: string): string {
  return s.replace(/[\u2018\u2019\u02BC\u2032]/g, "'").replace(/[\u201C\u201D]/g, '"');
}

function apiOf(api: string | undefined): Api | undefined {
  return APIS.find((a) => a === api);
}

function apiOfOperation(operation: string | undefined): Api | undefined {
  if (!operation) return undefined;
  if (/^InvokeModel/.test(operation)) return 'invoke';
  if (/^Converse/.test(operation)) return 'converse';
  if (/^CountTokens/.test(operation)) return 'count-tokens';
  if (/^(List|Get|Create|Delete|Put)/.test(operation)) return 'control-plane';
  return undefined;
}

function isCause(value: string): value is Cause {
  return (CAUSES as readonly string[]).includes(value);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
