// `models list`: Claude models for the region, live from Bedrock (cached) or from the catalog.
import { catalog } from '../catalog/index.js';
import { describeSource } from '../config/load.js';
import { requireRegion } from '../config/region.js';
import { ExitCode, type ExitCodeValue } from '../errors.js';
import { interactive } from '../io.js';
import { readLiveCache, writeLiveCache, type LiveModels } from '../models/live-cache.js';
import { buildRows, type ModelRow } from '../models/rows.js';
import { formatPricePerMillion, formatTokens } from '../render/format.js';
import { printJson, printTable, type Column } from '../render/table.js';
import { note, warn, type CommandContext } from './context.js';

export interface ListOptions {
  offline?: boolean;
  all?: boolean;
  refresh?: boolean;
}

export async function modelsList(ctx: CommandContext, options: ListOptions): Promise<ExitCodeValue> {
  const settings = await ctx.settings();
  const today = new Date().toISOString().slice(0, 10);
  let live: LiveModels | undefined;
  let region = settings.region?.value;

  if (options.offline) {
    if (region) note(ctx, ctx.err.dim(`catalog of ${catalog.asOf}, region ${region} (${describeSource(settings.region!.source)})`));
    else note(ctx, ctx.err.dim(`catalog of ${catalog.asOf}; no region set, so every profile is shown (add --region to filter)`));
  } else {
    region = requireRegion(settings);
    const endpoint = settings.controlEndpoint?.value ?? null;
    live = options.refresh ? undefined : await readLiveCache(ctx.env, region, endpoint);
    if (live) {
      note(ctx, ctx.err.dim(`cached list from ${live.fetchedAt} for ${region} (--refresh asks Bedrock again)`));
    } else {
      live = await fetchWithSpinner(ctx, settings, region);
      try {
        await writeLiveCache(ctx.env, live);
      } catch (err) {
        warn(ctx, `could not write the model cache: ${(err as Error).message}`);
      }
    }
  }

  const rows = buildRows({ region, all: Boolean(options.all), live, today });
  if (ctx.global.json) {
    printJson(ctx.io, rows.map(rowJson));
    return ExitCode.ok;
  }
  await printTable(ctx.io, ctx.out, columns(ctx.io.stdoutIsTTY), rows);
  if (rows.length === 0) note(ctx, `no Claude models found for ${region ?? 'this catalog'}${options.all ? '' : ' (add --all for legacy models)'}`);
  return ExitCode.ok;
}

async function fetchWithSpinner(ctx: CommandContext, settings: Awaited<ReturnType<CommandContext['settings']>>, region: string): Promise<LiveModels> {
  const { fetchLiveModels } = await import('../models/fetch-live.js');
  const debug = ctx.global.debug ? (line: string) => ctx.io.stderr.write(`${ctx.err.dim(line)}\n`) : undefined;
  const request = fetchLiveModels({ settings, region, debug });
  if (!interactive(ctx.io, ctx.env) || ctx.global.quiet || debug) return request;
  const { default: ora } = await import('ora');
  const spinner = ora({ text: `listing Claude models in ${region}`, stream: ctx.io.stderr as unknown as NodeJS.WriteStream }).start();
  try {
    return await request;
  } finally {
    spinner.stop();
  }
}

/** The documented JSON shape (design.md), plus fields that only add. */
function rowJson(row: ModelRow) {
  return {
    modelId: row.modelId,
    name: row.name,
    aliases: row.aliases,
    lifecycle: row.lifecycle,
    contextWindow: row.contextWindow,
    maxOutputTokens: row.maxOutputTokens,
    profiles: row.profiles,
    integration: row.integration,
    tier: row.tier,
    inRegion: row.inRegion,
    endOfLifeDate: row.endOfLifeDate,
    price: row.price,
    source: row.source,
  };
}

function columns(tty: boolean): Array<Column<ModelRow>> {
  const lifecycleColor = (text: string, row: ModelRow, style: import('../io.js').Style) =>
    row.lifecycle === 'active' ? style.green(text) : row.lifecycle === 'legacy' ? style.yellow(text) : style.red(text);
  return [
    { header: 'ALIAS', value: (r) => r.aliases[0] ?? '-' },
    { header: 'MODEL ID', value: (r) => r.modelId },
    {
      header: 'PROFILES',
      // A table shows prefixes to stay narrow; piped output carries the full IDs.
      value: (r) => (tty ? r.profiles.map((id) => id.split('.')[0]).join(' ') : r.profiles.join(',')) || '-',
    },
    { header: 'CONTEXT', value: (r) => (r.contextWindow ? formatTokens(r.contextWindow) : '?'), align: 'right' },
    { header: 'MAX OUT', value: (r) => (r.maxOutputTokens ? formatTokens(r.maxOutputTokens) : '?'), align: 'right' },
    {
      header: '$/1M IN/OUT',
      value: (r) => (r.price ? `${formatPricePerMillion(r.price.input)}/${formatPricePerMillion(r.price.output)}` : 'unknown'),
      align: 'right',
    },
    { header: 'LIFECYCLE', value: (r) => r.lifecycle, color: lifecycleColor },
  ];
}
