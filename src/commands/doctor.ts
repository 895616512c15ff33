// `doctor`: preflight checks for a terminal or a CI job. Thin: options → runDoctor → one of three
// renderings → exit 0 (nothing failed) or 6 (something failed; with --strict, warnings too).
import { awsServices } from '../doctor/aws.js';
import { renderGithub, renderJson, renderText } from '../doctor/render.js';
import { runDoctor } from '../doctor/run.js';
import { ExitCode, type ExitCodeValue } from '../errors.js';
import { printJson } from '../render/table.js';
import { VERSION } from '../version.js';
import type { CommandContext } from './context.js';

export interface DoctorCommandOptions {
  model?: string;
  scope?: string;
  strict?: boolean;
  probe?: boolean;
  format?: 'text' | 'github';
}

/** Long enough for a slow link, short enough for a CI job to fail fast. */
const ENDPOINT_TIMEOUT_MS = 5000;

export async function doctor(ctx: CommandContext, options: DoctorCommandOptions): Promise<ExitCodeValue> {
  const now = () => new Date();
  const debug = ctx.global.debug ? (line: string) => ctx.io.stderr.write(`${ctx.err.dim(line)}\n`) : undefined;
  const services = awsServices({ env: ctx.env, now, debug, loadSettings: () => ctx.settings({ model: options.model, scope: options.scope }) });
  const report = await runDoctor(
    {
      env: ctx.env,
      probe: Boolean(options.probe),
      strict: Boolean(options.strict),
      now,
      nodeVersion: process.versions.node,
      toolVersion: VERSION,
      endpointTimeoutMs: ENDPOINT_TIMEOUT_MS,
    },
    services,
  );
  if (ctx.global.json) printJson(ctx.io, renderJson(report, VERSION));
  else if (options.format === 'github') ctx.io.stdout.write(renderGithub(report));
  else ctx.io.stdout.write(renderText(report, ctx.out));
  return report.ok ? ExitCode.ok : ExitCode.doctorFailed;
}
