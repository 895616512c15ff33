// Check 8: the resolver's verdict on -m (or the configured model) for this region and scope: the ID
// that would be sent, its prefix, lifecycle and API, or the rejection with the corrected ID.
import { modelById } from '../../catalog/index.js';
import type { Resolution } from '../../resolver.js';
import { causeOf, defineCheck, noRegion } from '../check.js';

export const modelCheck = defineCheck('model', 'Model ID', async (ctx, v) => {
  const missing = noRegion(ctx);
  if (missing) return v.skip(missing);
  const { resolution, resolutionError, settings } = ctx.facts;
  const input = settings!.model.value;
  if (resolutionError) {
    const suggestions = resolutionError.details?.suggestions;
    const info = Array.isArray(suggestions) && suggestions.length > 0 ? [`use: ${suggestions.join(', ')}`] : undefined;
    return v.fail(`${input}: ${resolutionError.message}`, resolutionError.fix ?? `Run \`bedrock-claude models resolve ${input}\`.`, {
      cause: causeOf(resolutionError),
      info,
    });
  }
  if (!resolution) return v.skip('the model could not be resolved');
  const detail = `${input} → ${resolution.modelId} (${describe(resolution)})`;
  const info = resolution.reasons.map((reason) => `why: ${reason}`);
  if (resolution.warnings.length > 0) {
    const lifecycle = resolution.model?.lifecycle.value.status;
    return v.warn(`${detail}; ${resolution.warnings[0]}`, warningFix(resolution, input, ctx.facts.region!), {
      cause: lifecycle === 'legacy' ? 'model-end-of-life' : undefined,
      info: [...resolution.warnings.slice(1).map((w) => `warning: ${w}`), ...info],
    });
  }
  return v.pass(detail, { info });
});

function describe(r: Resolution): string {
  const parts: string[] = [];
  if (r.model) parts.push(r.model.name);
  parts.push(r.scope === 'geo' && r.prefix ? `${r.prefix}. profile` : r.scope === 'global' ? 'global profile' : r.scope === 'region' ? 'in-region' : r.scope);
  if (r.model) parts.push(r.model.lifecycle.value.status);
  parts.push(r.route === 'mantle' ? 'Messages API on bedrock-mantle' : r.integration === 'unknown' ? 'API unknown' : r.integration);
  return parts.join(', ');
}

function warningFix(r: Resolution, input: string, region: string): string {
  const replacementId = r.model?.lifecycle.value.replacement;
  const replacement = replacementId ? modelById(replacementId) : undefined;
  if (replacementId) return `Move to ${replacement ? `${replacement.name}: -m ${replacement.aliases[0] ?? replacement.id}` : replacementId} (or -m ${r.model?.tier}, the newest active ${r.model?.tier} model).`;
  if (r.route === 'mantle') return 'Use --scope auto (a global or geographic profile) for InvokeModel/Converse, or `invoke --api messages`.';
  return `Check with \`bedrock-claude models resolve ${input} --region ${region}\`; \`bedrock-claude models list --refresh\` asks Bedrock what it offers.`;
}
