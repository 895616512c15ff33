// Faults a test switches on. Counted faults ("the first N requests") are
// consumed in a fixed order per request: reset, throttle, serverError, error.
// So {throttle: 2, serverError: 1} gives 429, 429, 500, then success.
import { Errors, type ErrorName, type ErrorSpec } from './errors.js';
import type { StreamExceptionType } from './eventstream.js';
import type { Operation } from './recording.js';

export interface StreamBreak {
  /** Number of events written before the break. */
  afterEvents: number;
  /** 'exception': an exception frame (SSE `error` event) then a clean end; 'destroy': the socket is destroyed. */
  mode?: 'exception' | 'destroy';
  exceptionType?: StreamExceptionType;
  message?: string;
  /** Break only this many streams (default: every stream). */
  count?: number;
}

export interface Faults {
  /** First N requests → 429 ThrottlingException "Too many requests, please wait before trying again." */
  throttle?: number;
  /** First N requests → 500 InternalServerException (or 503 ServiceUnavailableException). */
  serverError?: number | { count: number; status?: 500 | 503 };
  /** First N requests → any error, by name or spec. */
  error?: { count?: number; error: ErrorName | ErrorSpec };
  /** First N requests: the TCP connection is reset before any response. */
  resetConnection?: number;
  /** Delay before each response starts (also a slow first byte). */
  latencyMs?: number;
  /** Streams: delay after the headers, before the first event. */
  firstEventDelayMs?: number;
  /** Streams: delay between events. */
  eventDelayMs?: number;
  breakStream?: StreamBreak;
  /** Every response's Date header is this far from the real time (positive: AWS ahead of the client). */
  clockSkewMs?: number;
  /** Batch jobs fail instead of leaving a state (a job fault, so `operations` does not apply). */
  batchJobFailure?: BatchJobFailure;
  /** Restrict all faults to these operations (default: every operation). */
  operations?: Operation[];
}

export interface BatchJobFailure {
  /** The last state the job reports before the failure. */
  after: 'Submitted' | 'Validating' | 'Scheduled' | 'InProgress';
  /** Default Failed; Expired is how a job ends that was never started before its timeout. */
  status?: 'Failed' | 'Expired';
  /** The job's `message` (default: an internal-error text). */
  message?: string;
  /** Fail only this many jobs (default: every job). */
  count?: number;
}

export type FaultAction = { kind: 'reset' } | { kind: 'error'; spec: ErrorSpec } | { kind: 'none' };

/** A spec, or a named error built for `modelId` (used by errors whose text names the model). */
export function resolveError(e: ErrorName | ErrorSpec, modelId = 'anthropic.claude-fake-v1:0'): ErrorSpec {
  if (typeof e !== 'string') return e;
  const make = Errors[e] as (...args: string[]) => ErrorSpec;
  return make(modelId);
}

/** Mutable per-server fault state; counters are copies so setFaults() restarts them. */
export class FaultState {
  private f: Faults = {};
  private reset = 0;
  private throttle = 0;
  private server = 0;
  private errors = 0;
  private breaks = Infinity;
  private batchFailures = Infinity;

  set(f: Faults): void {
    this.f = { ...f };
    this.reset = f.resetConnection ?? 0;
    this.throttle = f.throttle ?? 0;
    this.server = typeof f.serverError === 'number' ? f.serverError : (f.serverError?.count ?? 0);
    this.errors = f.error ? (f.error.count ?? 1) : 0;
    this.breaks = f.breakStream?.count ?? Infinity;
    this.batchFailures = f.batchJobFailure?.count ?? Infinity;
  }

  get current(): Faults {
    return this.f;
  }

  applies(op: Operation): boolean {
    return !this.f.operations || this.f.operations.includes(op);
  }

  /** Decide (and consume) the counted fault for one request. */
  take(op: Operation): FaultAction {
    if (!this.applies(op)) return { kind: 'none' };
    if (this.reset > 0) {
      this.reset--;
      return { kind: 'reset' };
    }
    if (this.throttle > 0) {
      this.throttle--;
      return { kind: 'error', spec: Errors.throttling() };
    }
    if (this.server > 0) {
      this.server--;
      const status = typeof this.f.serverError === 'object' ? this.f.serverError.status : 500;
      return { kind: 'error', spec: status === 503 ? Errors.unavailable() : Errors.internal() };
    }
    if (this.errors > 0 && this.f.error) {
      this.errors--;
      return { kind: 'error', spec: resolveError(this.f.error.error) };
    }
    return { kind: 'none' };
  }

  latency(op: Operation): number {
    return this.applies(op) ? (this.f.latencyMs ?? 0) : 0;
  }

  /** The failure for a batch job about to leave `state`, consuming one if counted. */
  takeBatchFailure(state: string): BatchJobFailure | undefined {
    const b = this.f.batchJobFailure;
    if (!b || b.after !== state || this.batchFailures <= 0) return undefined;
    this.batchFailures--;
    return b;
  }

  /** The stream break for this stream, consuming one if counted. */
  takeBreak(op: Operation): StreamBreak | undefined {
    const b = this.f.breakStream;
    if (!b || !this.applies(op) || this.breaks <= 0) return undefined;
    this.breaks--;
    return b;
  }
}

/** Default messages for in-stream exceptions. */
export const STREAM_EXCEPTION_MESSAGES: Record<StreamExceptionType, string> = {
  throttlingException: 'Too many requests, please wait before trying again.',
  internalServerException: 'The system encountered an unexpected error during processing. Try your request again.',
  modelStreamErrorException: 'The model stream was interrupted. Try your request again.',
  validationException: 'Input is too long for requested model.',
  serviceUnavailableException: 'Bedrock is unable to process your request.',
  modelTimeoutException: 'Model has timed out in processing the request. Try your request again.',
};
