// The SDK's own retry strategies (standard or adaptive: which errors, backoff base, quota), with
// one addition: each retry is announced before the wait, so a user sees why the call is slow.
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryBackoffStrategy, StandardRetryToken } from '@smithy/types';

export interface RetryNotice {
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  reason: string;
}

/** Full jitter, as the SDK's default backoff: random × min(base × 2^i, the SDK's maximum delay). */
class AnnouncedBackoff implements StandardRetryBackoffStrategy {
  private base = 0;
  constructor(
    private readonly maximum: number,
    private readonly announce: (delayMs: number) => void,
  ) {}

  setDelayBase(delay: number): void {
    this.base = delay;
  }

  computeNextBackoffDelay(i: number): number {
    const delay = Math.floor(Math.random() * Math.min(this.base * 2 ** i, this.maximum));
    this.announce(delay);
    return delay;
  }
}

export async function visibleRetryStrategy(mode: string, maxAttempts: number, onRetry: (notice: RetryNotice) => void): Promise<RetryStrategyV2> {
  const { StandardRetryStrategy, AdaptiveRetryStrategy, MAXIMUM_RETRY_DELAY } = await import('@smithy/core/retry');
  let pending: { errorInfo: RetryErrorInfo; attempt: number } | undefined;
  const backoff = new AnnouncedBackoff(MAXIMUM_RETRY_DELAY, (delayMs) => {
    if (!pending) return;
    const error = pending.errorInfo.error as { name?: string; code?: string } | undefined;
    onRetry({ attempt: pending.attempt, maxAttempts, delayMs, reason: error?.code ?? error?.name ?? pending.errorInfo.errorType });
  });
  const inner: RetryStrategyV2 =
    mode === 'adaptive' ? new AdaptiveRetryStrategy(maxAttempts, { backoff }) : new StandardRetryStrategy({ maxAttempts, backoff });
  return {
    acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
    async refreshRetryTokenForRetry(token, errorInfo) {
      pending = { errorInfo, attempt: token.getRetryCount() + 2 };
      try {
        return await inner.refreshRetryTokenForRetry(token, errorInfo);
      } finally {
        pending = undefined;
      }
    },
    recordSuccess: (token) => inner.recordSuccess(token as StandardRetryToken),
  };
}

export function formatRetry(notice: RetryNotice): string {
  return `retrying in ${(notice.delayMs / 1000).toFixed(1)} s: ${notice.reason} (attempt ${notice.attempt}/${notice.maxAttempts})`;
}
