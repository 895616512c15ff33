import { Chalk, type ChalkInstance } from 'chalk';

// One small IO layer: commands write here instead of to process.stdout/console,
// so tests drive them with buffers and the colour/TTY rules live in one place.

export interface Output {
  write(chunk: string): unknown;
}

export interface IO {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Terminal width for tables, when stdout is a TTY. */
  columns?: number;
  /** Aborted on Ctrl-C: requests in flight stop, what was printed stays. */
  signal?: AbortSignal;
}

export type Env = Record<string, string | undefined>;

export function systemIO(): IO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    columns: process.stdout.columns,
  };
}

/** Colour is on for a TTY unless NO_COLOR or --no-color; FORCE_COLOR turns it on when piped.
 *  --no-color and NO_COLOR win over FORCE_COLOR, since turning colour off is the safe choice. */
export function colorEnabled(isTTY: boolean, env: Env, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return isTTY && env.TERM !== 'dumb';
}

/** Spinners and progress only for a person watching: stderr is a TTY and not in CI. */
export function interactive(io: IO, env: Env): boolean {
  return io.stderrIsTTY && !env.CI;
}

/** Styling for text; every method is the identity when colour is off. */
export type Style = ChalkInstance;

export function makeStyle(enabled: boolean): Style {
  // An explicit level: chalk's own detection would look at process.stdout, not at our IO.
  return new Chalk({ level: enabled ? 1 : 0 });
}
