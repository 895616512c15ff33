// `models resolve <model>`: the ID that -m would send, and why. stdout carries the ID alone
// (so `$(bedrock-claude models resolve sonnet)` works); the reasoning goes to stderr.
import { requireRegion } from '../config/region.js';
import { describeSource } from '../config/load.js';
import { ExitCode, type ExitCodeValue } from '../errors.js';
import { resolveConfigured } from '../models/resolve-configured.js';
import { printJson } from '../render/table.js';
import type { Resolution } from '../resolver.js';
import { note, warn, type CommandContext } from './context.js';

export interface ResolveOptions {
  scope?: string;
}

export async function modelsResolve(ctx: CommandContext, options: ResolveOptions, args: string[]): Promise<ExitCodeValue> {
  const settings = await ctx.settings({ scope: options.scope });
  const region = requireRegion(settings);
  const resolution = await resolveConfigured(ctx.env, settings, region, args[0] ?? '');

  if (ctx.global.json) {
    printJson(ctx.io, resolutionJson(resolution));
    return ExitCode.ok;
  }
  ctx.io.stdout.write(`${resolution.modelId}\n`);
  const s = ctx.err;
  const model = resolution.model;
  note(ctx, s.dim(`${model ? `${model.name} · ` : ''}scope ${resolution.scope} · ${resolution.integration} · region ${region} (${describeSource(settings.region!.source)})`));
  for (const reason of resolution.reasons) note(ctx, s.dim(`  ${reason}`));
  if (resolution.mantleModelId) note(ctx, s.dim(`  Messages API on bedrock-mantle: model "${resolution.mantleModelId}"`));
  for (const warning of resolution.warnings) warn(ctx, warning);
  return ExitCode.ok;
}

/** The documented JSON shape (design.md), plus fields that only add. */
export function resolutionJson(r: Resolution) {
  return {
    input: r.input,
    modelId: r.modelId,
    baseModelId: r.baseModelId,
    scope: r.scope,
    region: r.region,
    integration: r.integration,
    warnings: r.warnings,
    name: r.model?.name ?? null,
    prefix: r.prefix ?? null,
    mantleModelId: r.mantleModelId ?? null,
    reasons: r.reasons,
  };
}
