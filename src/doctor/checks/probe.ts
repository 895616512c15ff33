// Check 11 (with --probe): the result of the one tiny request the Permissions check sent
// (max_tokens 1): latency, tokens and, where the price is known, its cost.
import { formatUsd } from '../../pricing/money.js';
import { causeOf, defineCheck } from '../check.js';
import { cannotProbe } from './permissions.js';

export const probeCheck = defineCheck('probe', 'Probe', async (ctx, v) => {
  if (!ctx.options.probe) return v.skip('not requested (--probe sends one request with max_tokens 1)');
  const { probe, resolution } = ctx.facts;
  if (!probe) return v.skip(`not sent: ${cannotProbe(ctx) ?? 'see Permissions'}`);
  const target = `${probe.api} with ${resolution?.modelId ?? 'the model'}`;
  if (!probe.ok) {
    const err = probe.error;
    return v.fail(err?.message ?? `${target} failed`, err?.fix ?? 'Run again with --debug to see the request and the answer.', {
      cause: err ? causeOf(err) : undefined,
    });
  }
  const tokens = probe.inputTokens !== undefined ? `, ${probe.inputTokens} input + ${probe.outputTokens ?? 0} output tokens` : '';
  const cost = probe.costUsd === undefined || probe.costUsd === null ? ', cost unknown' : `, ${formatUsd(probe.costUsd)}`;
  return v.pass(`${target} answered in ${probe.ms} ms${tokens}${cost}`);
});

