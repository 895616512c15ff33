// application/vnd.amazon.eventstream framing, via the same codec the SDK
// decodes with, so prelude and message CRCs are always right. Header order
// matches Bedrock's (:event-type, :content-type, :message-type): re-encoding
// a recorded frame gives identical bytes.
import { EventStreamCodec } from '@smithy/eventstream-codec';
import type { Message, MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

export const EVENTSTREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

/** In-stream exception types of ConverseStream / InvokeModelWithResponseStream. */
export type StreamExceptionType =
  | 'throttlingException'
  | 'internalServerException'
  | 'modelStreamErrorException'
  | 'validationException'
  | 'serviceUnavailableException'
  | 'modelTimeoutException';

function payloadBytes(payload: unknown): Uint8Array {
  if (payload instanceof Uint8Array) return payload;
  return fromUtf8(typeof payload === 'string' ? payload : JSON.stringify(payload));
}

/** One `:message-type: event` frame, e.g. encodeEvent('contentBlockDelta', {...}). */
export function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  const headers: MessageHeaders = {
    ':event-type': { type: 'string', value: eventType },
    ':content-type': { type: 'string', value: 'application/json' },
    ':message-type': { type: 'string', value: 'event' },
  };
  return codec.encode({ headers, body: payloadBytes(payload) });
}

/** A mid-stream exception frame; the SDK throws it from the iterator as the matching class. */
export function encodeException(exceptionType: StreamExceptionType | string, message: string): Uint8Array {
  const headers: MessageHeaders = {
    ':exception-type': { type: 'string', value: exceptionType },
    ':content-type': { type: 'string', value: 'application/json' },
    ':message-type': { type: 'string', value: 'exception' },
  };
  return codec.encode({ headers, body: fromUtf8(JSON.stringify({ message })) });
}

export function encodeMessage(message: Message): Uint8Array {
  return codec.encode(message);
}

/** Split a whole eventstream body into messages (each length-prefixed). */
export function decodeFrames(body: Uint8Array): Message[] {
  const out: Message[] = [];
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let offset = 0;
  while (offset < body.byteLength) {
    const length = view.getUint32(offset);
    out.push(codec.decode(body.subarray(offset, offset + length)));
    offset += length;
  }
  return out;
}

/** Frame boundaries, for tests that compare bytes frame by frame. */
export function splitFrames(body: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let offset = 0;
  while (offset < body.byteLength) {
    const length = view.getUint32(offset);
    out.push(body.subarray(offset, offset + length));
    offset += length;
  }
  return out;
}

export function headerString(m: Message, name: string): string | undefined {
  const h = m.headers[name];
  return h && h.type === 'string' ? h.value : undefined;
}

export function bodyText(m: Message): string {
  return toUtf8(m.body);
}
