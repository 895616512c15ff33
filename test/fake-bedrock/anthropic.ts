// The Anthropic Messages API as Bedrock serves it at /anthropic/v1/messages:
// first-party request validation, JSON replies, and SSE with the first-party
// event names when "stream": true.
import type { IncomingHttpHeaders } from 'node:http';
import { FakeBedrockError, type ErrorSpec } from './errors.js';
import type { StreamExceptionType } from './eventstream.js';
import type { StreamEvent } from './replies.js';

const invalid = (message: string): ErrorSpec => ({ status: 400, name: 'InvalidRequest', message, anthropicType: 'invalid_request_error' });

/** First-party validation texts for the fields every request needs. */
export function validateMessagesRequest(headers: IncomingHttpHeaders, body: unknown, countTokens: boolean): Record<string, unknown> {
  if (headers['anthropic-version'] === undefined) throw new FakeBedrockError(invalid('anthropic-version: header is required'));
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new FakeBedrockError(invalid('There was an error parsing the body of your request.'));
  const b = body as Record<string, unknown>;
  if (typeof b.model !== 'string') throw new FakeBedrockError(invalid('model: Field required'));
  if (!Array.isArray(b.messages)) throw new FakeBedrockError(invalid('messages: Field required'));
  if (!countTokens && typeof b.max_tokens !== 'number') throw new FakeBedrockError(invalid('max_tokens: Field required'));
  return b;
}

export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function sseFrames(events: StreamEvent[]): string[] {
  return events.map((e) => sseFrame(e.type, e.payload));
}

const SSE_ERROR_TYPES: Record<StreamExceptionType, string> = {
  throttlingException: 'rate_limit_error',
  internalServerException: 'api_error',
  modelStreamErrorException: 'api_error',
  validationException: 'invalid_request_error',
  serviceUnavailableException: 'overloaded_error',
  modelTimeoutException: 'api_error',
};

/** Mid-stream failure as the first-party API reports it: an `error` event. */
export function sseError(exceptionType: StreamExceptionType, message: string): string {
  return sseFrame('error', { type: 'error', error: { type: SSE_ERROR_TYPES[exceptionType], message } });
}
