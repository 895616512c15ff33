// Check 6: the skew between this machine's clock and AWS's, from the Date header of a response
// already received (STS, the control plane), else from the endpoint check's request. SigV4
// signatures carry the local time; AWS refuses them when it is too far from its own.
import { defineCheck } from '../check.js';
import { controlEndpoint } from './endpoint.js';

export const CLOCK_WARN_MS = 60 * 1000;
export const CLOCK_FAIL_MS = 5 * 60 * 1000;

const SYNC_FIX =
  'Sync the clock with NTP (Linux: `sudo timedatectl set-ntp true`; macOS: `sudo sntp -sS time.apple.com`; Windows: `w32tm /resync`); in a container, fix the host clock.';

export const clockCheck = defineCheck('clock', 'Clock', async (ctx, v) => {
  const { auth } = ctx.facts;
  if (!auth || auth.kind === 'none') return v.skip('no credentials: nothing would be signed (see Credentials)');
  let time = ctx.services.serverTime();
  if (!time) {
    const url = controlEndpoint(ctx.facts);
    if (url) await ctx.services.ping(url, ctx.options.endpointTimeoutMs);
    time = ctx.services.serverTime();
  }
  if (!time) return v.skip('no answer from AWS to read its time from (see Endpoint)');
  const skew = time.date.getTime() - time.receivedAt.getTime();
  const size = Math.abs(skew);
  // The Date header has whole seconds: anything under 2 s is as good as in sync.
  if (size < 2000) return v.pass(`in sync with AWS (Date header from ${time.via})`);
  const detail = `this machine is ${skewWords(size)} ${skew > 0 ? 'behind' : 'ahead of'} AWS (Date header from ${time.via})`;
  if (size > CLOCK_FAIL_MS) return v.fail(`${detail}: AWS refuses signatures this far off`, SYNC_FIX, { cause: 'clock-skew' });
  if (size > CLOCK_WARN_MS) return v.warn(`${detail}; requests fail beyond 5 minutes`, SYNC_FIX, { cause: 'clock-skew' });
  return v.pass(detail);
});

/** 30s, 2m: the Date header has whole seconds, so minutes are rounded rather than cut. */
function skewWords(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.round(seconds / 60)}m`;
}
