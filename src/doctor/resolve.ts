// The resolver's verdict on the configured model, computed once after the config check so that the
// region, endpoint, model, access and permission checks all judge the same model ID.
import { aliasTargets } from '../config/region.js';
import { CliError } from '../errors.js';
import { resolveModel } from '../resolver.js';
import type { DoctorContext, Facts } from './types.js';

export async function deriveResolution(ctx: Pick<DoctorContext, 'facts' | 'services' | 'options'>): Promise<Partial<Facts>> {
  const { settings, region } = ctx.facts;
  if (!settings || !region) return {};
  const live = await ctx.services.readLiveCache(region, settings.controlEndpoint?.value ?? null);
  try {
    const resolution = resolveModel({
      input: settings.model.value,
      region,
      scope: settings.scope.value,
      scopeExplicit: settings.scope.source.kind !== 'default',
      aliases: aliasTargets(settings),
      live,
      today: ctx.options.now().toISOString().slice(0, 10),
    });
    return { resolution };
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    return { resolutionError: err };
  }
}
