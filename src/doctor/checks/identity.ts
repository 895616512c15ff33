// Check 5: who AWS says the credentials belong to (STS GetCallerIdentity). A Bedrock API key has no
// STS identity, so that case is skipped with the reason.
import { CliError } from '../../errors.js';
import { causeOf, defineCheck } from '../check.js';

/** STS signs for a region; without one configured, us-east-1 (where the global STS endpoint lives) is used. */
export const STS_FALLBACK_REGION = 'us-east-1';

export const identityCheck = defineCheck('identity', 'Identity', async (ctx, v) => {
  const { auth, settings } = ctx.facts;
  if (!settings) return v.skip('the configuration could not be read (see Config)');
  if (!auth || auth.kind === 'none') return v.skip('no credentials (see Credentials)');
  if (auth.kind === 'bearer') return v.skip('a Bedrock API key has no STS identity (STS takes only SigV4 credentials)');
  try {
    const identity = await ctx.services.callerIdentity(settings, ctx.facts.region ?? STS_FALLBACK_REGION);
    ctx.learn({ identity });
    return v.pass(`account ${identity.account}, ${identity.arn}`);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    // Expired or invalid: every later signed call would fail the same way.
    if (err.causeCode === 'bad-credentials') ctx.learn({ credentialsRefused: shortReason(err.message) });
    return v.fail(err.message, err.fix ?? 'Check the credentials with `aws sts get-caller-identity`.', { cause: causeOf(err) });
  }
});

/** "GetCallerIdentity failed: ExpiredTokenException: The security token … is expired" → the AWS part. */
function shortReason(message: string): string {
  return message.replace(/^.*? failed: /, '');
}
