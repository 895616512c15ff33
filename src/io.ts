// One small IO layer: commands write here instead of to process.stdout/console,
// so tests drive them with buffers and the colour/TTY rules live in one place.
import { fstatSync, writeSync } from 'node:fs';

// node:tty brings node:net and the streams with it: loaded only to ask about a character device.
let ttyModule: typeof import('node:tty') | undefined;
const tty = () => (ttyModule ??= process.getBuiltinModule('node:tty'));

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
  /** The Ctrl-C signal, made on first use (an AbortController costs start-up time). */
  signal?: () => AbortSignal;
  /** Called with any error of stdout or stderr (e.g. EPIPE when the reader has gone). */
  onStreamError?: (err: NodeJS.ErrnoException) => void;
}

/** The process's standard streams. A terminal gets Node's own stream (spinners and colour need
 *  one). A pipe or a file gets blocking writes to its descriptor, as Node itself does for files:
 *  that spares loading node:net and the streams (~5 ms of every start in a pipeline). TTY checks
 *  and stdin happen on first use. */
export function systemIO(options: SystemIOOptions = {}): IO {
  const watched = new WeakSet<object>();
  const watch = <T extends NodeJS.EventEmitter>(stream: T): T => {
    if (options.onStreamError && !watched.has(stream)) {
      watched.add(stream);
      stream.on('error', options.onStreamError);
    }
    return stream;
  };
  const onError = (err: NodeJS.ErrnoException) => {
    if (!options.onStreamError) throw err;
    options.onStreamError(err);
  };
  let stdout: Output | undefined;
  let stderr: Output | undefined;
  const once = <T>(compute: () => T) => {
    let value: { v: T } | undefined;
    return () => (value ??= { v: compute() }).v;
  };
  const stdoutIsTTY = once(() => isTerminal(1));
  const stderrIsTTY = once(() => isTerminal(2));
  const stdinIsTTY = once(() => isTerminal(0));
  return {
    get stdout() {
      return (stdout ??= stdoutIsTTY() ? watch(process.stdout) : descriptorOutput(1, () => watch(process.stdout), onError));
    },
    get stderr() {
      return (stderr ??= stderrIsTTY() ? watch(process.stderr) : descriptorOutput(2, () => watch(process.stderr), onError));
    },
    get stdin() {
      return process.stdin;
    },
    get stdoutIsTTY() {
      return stdoutIsTTY();
    },
    get stderrIsTTY() {
      return stderrIsTTY();
    },
    get stdinIsTTY() {
      return stdinIsTTY();
    },
    get columns() {
      return stdoutIsTTY() ? process.stdout.columns : undefined;
    },
    get signal() {
      return options.signal?.();
    },
  };
}

/** Whether fd is a terminal. Only a character device can be one, and fstat says so without
 *  loading node:tty; /dev/null is a character device too, so those ask isatty. */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return tty().isatty(fd);
}

/** Blocking writes of whole chunks to a pipe or file. A descriptor someone made non-blocking
 *  (EAGAIN) hands over to Node's stream, which waits for the reader; writes stay in order. */
export function descriptorOutput(fd: number, stream: () => NodeJS.WritableStream, onError: (err: NodeJS.ErrnoException) => void): Output {
  let fallback: NodeJS.WritableStream | undefined;
  return {
    write(chunk: string) {
      if (fallback) return fallback.write(chunk);
      const bytes = Buffer.from(chunk, 'utf8');
      let offset = 0;
      try {
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
          onError(err as NodeJS.ErrnoException);
          return false;
        }
        fallback = stream();
        return fallback.write(bytes.subarray(offset));
      }
      return true;
    },
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
