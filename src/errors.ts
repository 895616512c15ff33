// Typed errors with an exit code, a cause code and a fix. Everything a user can
// cause ends up here; one function renders them (see renderError).
import type { IO, Style } from './io.js';

export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  config: 3,
  rejected: 4,
  bedrock: 5,
  doctorFailed: 6,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Cause codes shared by the resolver, runtime errors, explain and doctor (design.md). */
export const CAUSES = [
  'unknown-model-id',
  'needs-inference-profile',
  'prefix-region-mismatch',
  'model-not-in-region',
  'no-model-access',
  'model-end-of-life',
  'iam-permission',
  'bad-credentials',
  'clock-skew',
  'malformed-body',
  'message-structure',
  'token-limit',
  'thinking-config',
  'unsupported-parameter',
  'beta-flag',
  'attachment-limit',
  'throttling',
  'service-unavailable',
  'endpoint-config',
  'unknown',
] as const;
export type Cause = (typeof CAUSES)[number];

/** Causes that are not about Bedrock: bad input or configuration found by the CLI itself. */
export type LocalCause = 'usage' | 'config' | 'internal';

export interface CliErrorOptions {
  exitCode: ExitCodeValue;
  cause: Cause | LocalCause;
  fix?: string;
  /** Extra machine-readable details for --json (e.g. suggested model IDs). */
  details?: Record<string, unknown>;
}

export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly causeCode: Cause | LocalCause;
  readonly fix?: string;
  readonly details?: Record<string, unknown>;

  constructor(message: string, options: CliErrorOptions) {
    super(message);
    this.name = 'CliError';
    this.exitCode = options.exitCode;
    this.causeCode = options.cause;
    this.fix = options.fix;
    this.details = options.details;
  }
}

export const usageError = (message: string, fix?: string) =>
  new CliError(message, { exitCode: ExitCode.usage, cause: 'usage', fix });

export const configError = (message: string, fix?: string) =>
  new CliError(message, { exitCode: ExitCode.config, cause: 'config', fix });

export const rejection = (cause: Cause, message: string, fix?: string, details?: Record<string, unknown>) =>
  new CliError(message, { exitCode: ExitCode.rejected, cause, fix, details });

/** Ctrl-C: whatever the aborted request threw, the user asked to stop (exit 130). */
export const interrupted = (what: string) => new CliError(`${what}: interrupted`, { exitCode: ExitCode.interrupted, cause: 'internal' });

/** Any thrown value becomes a CliError; unknown ones are bugs (exit 1). */
export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const wrapped = new CliError(`internal error: ${message}`, {
    exitCode: ExitCode.internal,
    cause: 'internal',
    fix: 'This is a bug in bedrock-claude. Run again with --debug and report the output.',
  });
  if (err instanceof Error) wrapped.stack = err.stack;
  return wrapped;
}

export interface RenderErrorOptions {
  json: boolean;
  debug: boolean;
  style: Style;
}

/** One line of what went wrong, one of what to do; with --json also one JSON object; stack only with --debug. */
export function renderError(err: CliError, io: IO, options: RenderErrorOptions): void {
  const { style } = options;
  io.stderr.write(`${style.red('error:')} ${err.message}\n`);
  if (err.fix) io.stderr.write(`${style.bold('fix:')} ${err.fix}\n`);
  if (options.debug && err.stack) io.stderr.write(`${style.dim(err.stack)}\n`);
  if (options.json) {
    const error = { cause: err.causeCode, message: err.message, fix: err.fix ?? null, exitCode: err.exitCode, ...err.details };
    io.stderr.write(`${JSON.stringify({ error })}\n`);
  }
}
