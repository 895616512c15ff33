import { isatty } from 'node:tty';
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

export interface SystemIOOptions {
  signal?: AbortSignal;
  /** Called with any error of stdout or stderr (e.g. EPIPE when the reader has gone). */
  onStreamError?: (err: NodeJS.ErrnoException) => void;
}

/** The process's streams. stderr and stdin are created on first use: opening them costs start-up
 *  time that most commands (and every quiet one) never need. */
export function systemIO(options: SystemIOOptions = {}): IO {
  const watched = new WeakSet<object>();
  const watch = <T extends NodeJS.EventEmitter>(stream: T): T => {
    if (options.onStreamError && !watched.has(stream)) {
      watched.add(stream);
      stream.on('error', options.onStreamError);
    }
    return stream;
  };
  return {
    stdout: watch(process.stdout),
    get stderr() {
      return watch(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: isatty(2),
    stdinIsTTY: isatty(0),
    columns: process.stdout.columns,
    signal: options.signal,
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
  // A terminal that reports no width (some CI ptys) would make a spinner redraw endlessly.
  return io.stderrIsTTY && !env.CI && env.TERM !== 'dumb' && (process.stderr.columns ?? 0) > 0;
}

/** Styling for text; every method is the identity when colour is off. Six ANSI wrappers are all
 *  the tool needs; a styling library measurably slowed every command's start-up. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  return { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), green: ansi(32, 39), yellow: ansi(33, 39), cyan: ansi(36, 39) };
}
