// Runs the checks in order; each one reads what the earlier ones learned. A check that throws is
// a bug, reported as its own failure so the rest of the report still appears.
import { verdicts } from './check.js';
import { accessCheck } from './checks/access.js';
import { clockCheck } from './checks/clock.js';
import { configCheck } from './checks/config.js';
import { credentialsCheck } from './checks/credentials.js';
import { endpointCheck } from './checks/endpoint.js';
import { identityCheck } from './checks/identity.js';
import { modelCheck } from './checks/model.js';
import { permissionsCheck } from './checks/permissions.js';
import { probeCheck } from './checks/probe.js';
import { regionCheck } from './checks/region.js';
import { catalogCheck, nodeCheck } from './checks/runtime.js';
import { deriveResolution } from './resolve.js';
import type { CheckDefinition, CheckResult, DoctorContext, DoctorOptions, DoctorServices, Facts } from './types.js';

export const CHECKS: CheckDefinition[] = [
  nodeCheck,
  catalogCheck,
  configCheck,
  regionCheck,
  credentialsCheck,
  identityCheck,
  clockCheck,
  endpointCheck,
  modelCheck,
  accessCheck,
  permissionsCheck,
  probeCheck,
];

export interface DoctorReport {
  ok: boolean;
  strict: boolean;
  checks: CheckResult[];
}

export async function runDoctor(options: DoctorOptions, services: DoctorServices, checks: CheckDefinition[] = CHECKS): Promise<DoctorReport> {
  const facts: Facts = {};
  const ctx: DoctorContext = { options, services, facts, learn: (update) => Object.assign(facts, update) };
  const results: CheckResult[] = [];
  for (const check of checks) {
    results.push(await runOne(check, ctx));
    // The model is resolved once the settings are known, before the region check that judges it.
    if (check.id === 'config') ctx.learn(await deriveResolution(ctx).catch(() => ({})));
  }
  // --strict: a warning fails the run, and says so in the report.
  const checksOut = options.strict ? results.map((r) => (r.status === 'warn' ? { ...r, status: 'fail' as const } : r)) : results;
  return { ok: checksOut.every((r) => r.status !== 'fail'), strict: options.strict, checks: checksOut };
}

async function runOne(check: CheckDefinition, ctx: DoctorContext): Promise<CheckResult> {
  const v = verdicts(check.id, check.title);
  try {
    return await check.run(ctx, v);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return v.fail(`internal error in this check: ${message}`, 'This is a bug in bedrock-claude: run again with --debug and report the output.');
  }
}
