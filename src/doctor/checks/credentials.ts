// Check 4: where the credentials come from, how long they last, and for a Bedrock API key the region
// it is bound to. The secrets themselves never reach the output: the key ID is masked, a token is
// described, never shown.
import { inspectApiKey } from '../api-key.js';
import { defineCheck, relativeTime, utc } from '../check.js';
import { credentialFix } from '../credential-source.js';
import type { ApiKeyInfo, Auth, DoctorContext, SigV4Credentials, Verdicts } from '../types.js';

/** Credentials that expire sooner than this get a warning: a CI job could outlive them. */
export const EXPIRY_WARNING_MS = 15 * 60 * 1000;

export const credentialsCheck = defineCheck('credentials', 'Credentials', async (ctx, v) => {
  const { settings } = ctx.facts;
  const profile = settings?.profile?.value;
  const bearer = ctx.options.env.AWS_BEARER_TOKEN_BEDROCK?.trim();

  let sigv4: SigV4Credentials | undefined;
  let failure: string | undefined;
  try {
    sigv4 = await ctx.services.resolveSigV4(settings);
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
  }

  if (bearer) {
    const key = inspectApiKey(bearer);
    const auth: Auth = { kind: 'bearer', bearer: key, ...(sigv4 ? { sigv4 } : {}) };
    ctx.learn({ auth });
    return judgeApiKey(ctx, v, key, sigv4);
  }
  if (!sigv4) {
    const reason = failure ?? 'no credentials';
    ctx.learn({ auth: { kind: 'none', reason } });
    return v.fail(`no AWS credentials found: ${reason}`, credentialFix(reason, profile ?? ctx.options.env.AWS_PROFILE), { cause: 'bad-credentials' });
  }
  ctx.learn({ auth: { kind: 'sigv4', sigv4 } });
  return judgeSigV4(ctx, v, sigv4);
});

function judgeSigV4(ctx: DoctorContext, v: Verdicts, creds: SigV4Credentials) {
  const now = ctx.options.now();
  const kind = creds.temporary ? 'temporary (session token)' : 'long-term keys';
  const base = `${creds.source}, ${creds.maskedKeyId}, ${kind}`;
  if (!creds.expiration) return v.pass(creds.temporary ? `${base}, expiry not known` : base);
  const left = creds.expiration.getTime() - now.getTime();
  const when = `${relativeTime(creds.expiration, now)} (${utc(creds.expiration)})`;
  const refresh = refreshFix(creds.source);
  if (left <= 0) return v.fail(`${base}, expired ${when}`, refresh, { cause: 'bad-credentials' });
  if (left < EXPIRY_WARNING_MS) return v.warn(`${base}, expires ${when}`, `${refresh} A job longer than that will fail midway.`, { cause: 'bad-credentials' });
  return v.pass(`${base}, expires ${when}`);
}

function judgeApiKey(ctx: DoctorContext, v: Verdicts, key: ApiKeyInfo, sigv4: SigV4Credentials | undefined) {
  const now = ctx.options.now();
  const region = ctx.facts.region;
  const also = sigv4 ? [`SigV4 credentials from ${sigv4.source} are also set; Bedrock calls use the API key, STS uses them`] : [];
  const name = 'Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)';
  if (key.kind === 'unknown') {
    return v.warn(
      `${name}: not in a known format (short-term keys start with "bedrock-api-key-", long-term ones with "ABSK")`,
      'Check that AWS_BEARER_TOKEN_BEDROCK holds the whole key, without quotes or a "Bearer " prefix.',
      { cause: 'bad-credentials', info: also },
    );
  }
  if (key.kind === 'long-term') {
    return v.pass(`${name}: long-term key (its expiry is not readable from the key)`, { info: also });
  }
  const parts = [`${name}: short-term key`];
  if (key.region) parts.push(`for ${key.region}`);
  if (key.expiresAt) parts.push(`${key.expiresAt.getTime() <= now.getTime() ? 'expired' : 'expires'} ${relativeTime(key.expiresAt, now)} (${utc(key.expiresAt)})`);
  const detail = parts.join(', ');
  const regenerate = `Generate a new short-term key${region ? ` in ${region}` : ''} (Bedrock console → API keys, or aws-bedrock-token-generator); it lasts at most 12 hours.`;
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return v.fail(detail, regenerate, { cause: 'bad-credentials', info: also });
  // Short-term keys work only in the region they were made for.
  if (key.region && region && key.region !== region) {
    return v.fail(
      `${detail}, but requests go to ${region}: a short-term key works only in its own region`,
      `Pass --region ${key.region}, or generate a key in ${region}.`,
      { cause: 'bad-credentials', info: also },
    );
  }
  if (key.expiresAt && key.expiresAt.getTime() - now.getTime() < EXPIRY_WARNING_MS) {
    return v.warn(detail, `${regenerate} A job longer than that will fail midway.`, { cause: 'bad-credentials', info: also });
  }
  return v.pass(detail, { info: also });
}

function refreshFix(source: string): string {
  const profile = source.match(/profile "([^"]+)"/)?.[1];
  if (source.startsWith('SSO')) return `Sign in again: \`aws sso login${profile ? ` --profile ${profile}` : ''}\`.`;
  if (source.startsWith('environment')) return 'Export fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (and AWS_CREDENTIAL_EXPIRATION), or use a profile the SDK can refresh.';
  return 'Refresh the credentials (assume the role again, or sign in again), or use a profile the SDK can refresh.';
}
