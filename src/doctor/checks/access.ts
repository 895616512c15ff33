// Check 9: the account may use the model (GetFoundationModelAvailability: agreement, authorization,
// entitlement, region) and the inference profile exists from this region (GetInferenceProfile).
// A least-privilege role that may invoke but not ask these questions gets a warning, not a
// failure: the answer is unknown, not negative.
import { CliError } from '../../errors.js';
import { cannotSign, causeOf, defineCheck, noRegion } from '../check.js';
import type { Availability, ProfileInfo } from '../types.js';

export const accessCheck = defineCheck('access', 'Model access', async (ctx, v) => {
  const why = noRegion(ctx) ?? cannotSign(ctx);
  if (why) return v.skip(why);
  const { resolution, settings, region } = ctx.facts;
  if (!resolution) return v.skip('no valid model ID to check (see Model ID)');
  const consoleUrl = `https://console.aws.amazon.com/bedrock/home?region=${region}#/modelaccess`;
  const cannotAsk = (err: CliError, action: string) =>
    v.warn(
      `cannot check: ${err.message}`,
      `Allow ${action} to let doctor check access, or run \`bedrock-claude doctor --probe\` to try one real request instead.`,
      { cause: 'iam-permission' },
    );

  // The profile first: an application profile (ARN) names its model only through it.
  let profile: ProfileInfo | undefined;
  const usesProfile = resolution.route !== 'mantle' && (resolution.prefix !== undefined || /:(application-)?inference-profile\//.test(resolution.modelId));
  if (usesProfile) {
    try {
      profile = await ctx.services.inferenceProfile(settings!, region!, resolution.modelId);
      ctx.learn({ profileModelArns: profile.modelArns });
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      if (err.causeCode === 'iam-permission') return cannotAsk(err, 'bedrock:GetInferenceProfile');
      return v.fail(`inference profile ${resolution.modelId}: ${err.message}`, err.fix ?? `Run \`bedrock-claude models list --region ${region} --refresh\`.`, {
        cause: causeOf(err) ?? 'model-not-in-region',
      });
    }
  }

  const baseId = resolution.baseModelId ?? profile?.modelArns.map((arn) => arn.split('/').pop() ?? '').find(Boolean);
  if (!baseId) return v.skip(`the base model behind ${resolution.modelId} is not known, so its access cannot be asked`);
  let availability: Availability;
  try {
    availability = await ctx.services.modelAvailability(settings!, region!, baseId);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    if (err.causeCode === 'iam-permission') return cannotAsk(err, 'bedrock:GetFoundationModelAvailability');
    return v.fail(`${baseId}: ${err.message}`, err.fix ?? 'Check the model ID.', { cause: causeOf(err) });
  }

  const routed = profile ? `; ${resolution.modelId} routes to ${routedRegions(profile.modelArns)}` : '';
  const problems = accessProblems(availability);
  const info = [
    `GetFoundationModelAvailability ${baseId}: agreement ${availability.agreement ?? '?'}, authorization ${availability.authorization ?? '?'}, entitlement ${availability.entitlement ?? '?'}, region ${availability.region ?? '?'}`,
  ];
  if (problems.length === 0) return v.pass(`${baseId} is enabled for this account in ${region}${routed}`, { info });
  if (problems.every((p) => p.pending)) {
    return v.warn(`${baseId}: ${problems.map((p) => p.text).join('; ')}`, 'The subscription is being processed; run doctor again in a few minutes.', { cause: 'no-model-access', info });
  }
  const notHere = availability.region === 'NOT_AVAILABLE';
  return v.fail(
    `${baseId}: ${problems.map((p) => p.text).join('; ')}`,
    notHere
      ? `Call it from a region that offers it (\`bedrock-claude models resolve ${settings!.model.value} --region <region>\`), or through a cross-region profile.`
      : `Enable access in the Bedrock console (${consoleUrl}): request access to the model (Anthropic models need the use-case form once per account); the principal doing it needs aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions.`,
    { cause: notHere ? 'model-not-in-region' : 'no-model-access', info },
  );
});

interface Problem {
  text: string;
  pending?: boolean;
}

export function accessProblems(a: Availability): Problem[] {
  const problems: Problem[] = [];
  if (a.agreement === 'PENDING') problems.push({ text: 'the model agreement is pending', pending: true });
  else if (a.agreement && a.agreement !== 'AVAILABLE') problems.push({ text: `the model agreement is ${a.agreement.toLowerCase().replace('_', ' ')} (not accepted)` });
  if (a.authorization && a.authorization !== 'AUTHORIZED') problems.push({ text: 'the account is not authorized to use it' });
  if (a.entitlement && a.entitlement !== 'AVAILABLE') problems.push({ text: 'no entitlement (the Marketplace subscription is missing)' });
  if (a.region && a.region !== 'AVAILABLE') problems.push({ text: 'not available in this region' });
  return problems;
}

/** Foundation-model ARNs → "us-east-1, us-east-2, us-west-2"; a region-less ARN means any region (global). */
export function routedRegions(arns: string[]): string {
  const regions = [...new Set(arns.map((arn) => arn.split(':')[3] ?? ''))];
  const named = regions.filter(Boolean).sort();
  const global = regions.includes('') ? ['any commercial region (global)'] : [];
  return [...global, ...named].join(', ') || 'no region';
}
