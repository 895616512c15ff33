// What every command receives: the IO layer, the environment and the global options.
import { loadSettings, type ConfigFlags, type Settings } from '../config/load.js';
import { colorEnabled, makeStyle, type Env, type IO, type Style } from '../io.js';

export interface GlobalOptions {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
  config?: string;
  maxAttempts?: number;
  record?: string;
  replay?: string;
}

export interface CommandContext {
  io: IO;
  env: Env;
  cwd: string;
  global: GlobalOptions;
  /** Styles for stdout and stderr: each follows its own stream's TTY state. */
  out: Style;
  err: Style;
  settings(extra?: Pick<ConfigFlags, 'model' | 'scope'>): Promise<Settings>;
}

export function makeContext(io: IO, env: Env, cwd: string, global: GlobalOptions): CommandContext {
  const noColor = global.color === false;
  return {
    io,
    env,
    cwd,
    global,
    out: makeStyle(colorEnabled(io.stdoutIsTTY, env, noColor)),
    err: makeStyle(colorEnabled(io.stderrIsTTY, env, noColor)),
    settings: (extra = {}) =>
      loadSettings({
        flags: { region: global.region, profile: global.profile, endpointUrl: global.endpointUrl, config: global.config, maxAttempts: global.maxAttempts, record: global.record, replay: global.replay, ...extra },
        env,
        cwd,
      }),
  };
}

/** Diagnostics go to stderr and disappear with --quiet. */
export function note(ctx: CommandContext, message: string): void {
  if (!ctx.global.quiet) ctx.io.stderr.write(`${message}\n`);
}

export function warn(ctx: CommandContext, message: string): void {
  if (!ctx.global.quiet) ctx.io.stderr.write(`${ctx.err.yellow('warning:')} ${message}\n`);
}
