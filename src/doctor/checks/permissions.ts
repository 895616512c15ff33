// Check 10: the IAM permissions the call needs, as a hint. Only a real call can prove them, so with
// --probe this check sends the one tiny request (the Probe check reports it) and judges the
// permissions by its answer; without it the hint is shown and the check is skipped.
import { cannotSign, defineCheck, noRegion } from '../check.js';
import { permissionHint } from '../iam.js';
import type { DoctorContext } from '../types.js';

/** Why the probe cannot be sent, or undefined when it can. */
export function cannotProbe(ctx: DoctorContext): string | undefined {
  return noRegion(ctx) ?? cannotSign(ctx) ?? (ctx.facts.resolution ? undefined : 'no valid model ID (see Model ID)');
}

export const permissionsCheck = defineCheck('permissions', 'Permissions', async (ctx, v) => {
  const { resolution, region, identity, auth, profileModelArns, settings } = ctx.facts;
  if (!resolution || !region) return v.skip(noRegion(ctx) ?? 'no valid model ID (see Model ID)');
  const hint = permissionHint({ resolution, region, account: identity?.account, profileModelArns, bearer: auth?.kind === 'bearer' });
  const needs = `needs ${hint.actions.join(', ')} on ${hint.resources.length} resource${hint.resources.length === 1 ? '' : 's'}`;
  const info = [...hint.resources.map((arn) => `resource: ${arn}`), ...hint.notes];

  if (!ctx.options.probe) return v.skip(`not verified without --probe; ${needs}`, { info });
  const why = cannotProbe(ctx);
  if (why) return v.skip(`not verified: ${why}; ${needs}`, { info });

  const bearer = auth?.kind === 'bearer' ? ctx.options.env.AWS_BEARER_TOKEN_BEDROCK?.trim() : undefined;
  const probe = await ctx.services.probe(settings!, resolution, bearer);
  ctx.learn({ probe });
  if (probe.ok) return v.pass(`the probe's ${probe.api} call was allowed (${hint.actions.join(', ')})`, { info });
  if (probe.error?.causeCode === 'iam-permission') {
    return v.fail(`${probe.api} was denied: ${probe.error.message}`, `Allow ${hint.actions.join(', ')} on the resources below (and check SCPs and permission boundaries). ${probe.error.fix ?? ''}`.trim(), {
      cause: 'iam-permission',
      info,
    });
  }
  return v.skip(`not verified: the probe failed for another reason (see Probe); ${needs}`, { info });
});
